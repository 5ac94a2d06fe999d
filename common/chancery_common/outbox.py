"""The transactional outbox and its relay.

A service never publishes an event directly. It adds the event to its ``outbox`` table in
the same database transaction as the change the event describes, so the change and the
event commit or roll back together. The ``OutboxRelay`` extension then publishes committed
rows to the service's topic exchange ``<service>.events`` (routing key = event type) with
publisher confirms, and marks a row published only after the broker confirmed it. A crash
between commit and publish leaves the row unpublished, and it is sent on the next pass;
a crash between publish and marking may send an event twice, which consumers absorb
because they are idempotent (see ``consumer.py``).

Several replicas of one service may run their relays, but they take turns: a pass holds the
service's relay lock (a PostgreSQL advisory lock, ``RELAY_LOCK``) until it commits. Each pass
gives the rows it publishes their ``position``, the next numbers of a sequence in the order
it publishes them, and the event carries it. One pass at a time and a sequence that only
grows: positions commit in increasing order, so whoever reads the published rows by position
sees a prefix of them and nothing can later appear behind what was read (the published-event
log, ``event_log.py``). A row published and then rolled back (a crash before the mark) gets
a new position when published again; the number it had stays unused.
"""
import logging
import uuid
from datetime import datetime, timezone

import eventlet
from eventlet.queue import LightQueue, Full, Empty
from kombu import Connection, Exchange, Producer
from nameko.extensions import DependencyProvider
from sqlalchemy import (
    BigInteger, Column, DateTime, Identity, Index, Integer, Sequence, SmallInteger, String, Table, Text, Uuid,
    bindparam, event, select, text, update, func,
)
from sqlalchemy.dialects.postgresql import JSONB

from . import logs, metrics, tracing
from .database import make_engine
from .envelope import AMQP_PREFIX, Event, amqp_headers, subject_field

log = logging.getLogger(__name__)

# the advisory lock a relay pass holds (one per service database): "outb"
RELAY_LOCK = 0x6F757462


def events_exchange(service_name):
    """The topic exchange a service's events are published to (nameko's naming)."""
    return Exchange(f"{service_name}.events", type="topic", durable=True, auto_delete=False)


class Outbox:
    """The outbox table of one service and the operations on it."""

    def __init__(self, metadata):
        # called after a transaction that added events commits (the relay's wake-up)
        self.committed_callbacks = []
        # event type -> the payload field naming the record it is about, where a service
        # chose another than ``<aggregate>_id`` (EventCatalog fills it)
        self.subject_fields = {}
        self.table = Table(
            "outbox", metadata,
            Column("id", BigInteger, Identity(), primary_key=True),
            Column("event_id", Uuid, nullable=False, unique=True),
            Column("event_type", String(100), nullable=False),
            Column("version", Integer, nullable=False),
            Column("payload", JSONB, nullable=False),
            Column("occurred_at", DateTime(timezone=True), nullable=False),
            Column("published_at", DateTime(timezone=True)),
            Column("attempts", Integer, nullable=False, server_default="0"),
            Column("last_error", Text),
            # the request that caused the event, and the span that recorded it (W3C traceparent):
            # sent on as the headers nameko.correlation_id and nameko.traceparent
            Column("correlation_id", String(64)),
            Column("traceparent", String(64)),
            # the place in the published-event log, given when published (event_log.py)
            Column("position", BigInteger),
            Index("ix_outbox_unpublished", "id", postgresql_where="published_at IS NULL"),
            Index("ix_outbox_position", "position", unique=True, postgresql_where="position IS NOT NULL"),
        )
        self.positions = Sequence("outbox_position_seq", metadata=metadata)
        # one row: the log was purged up to this position (event_log.purge)
        self.purged = Table(
            "outbox_purged", metadata,
            Column("id", SmallInteger, primary_key=True),
            Column("through", BigInteger, nullable=False, server_default="0"),
        )

    def add(self, session, event_type, payload, version=1):
        """Record an event in the caller's transaction; returns its id."""
        event_id = uuid.uuid4()
        session.execute(self.table.insert().values(
            event_id=event_id, event_type=event_type, version=version, payload=payload,
            occurred_at=datetime.now(timezone.utc), correlation_id=logs.current_id(),
            traceparent=tracing.headers().get("traceparent"),
        ))
        if not session.info.get("outbox_listening"):
            session.info["outbox_listening"] = True
            event.listen(session, "after_commit", self._committed, once=True)
        return event_id

    def _committed(self, session):
        session.info.pop("outbox_listening", None)
        for callback in list(self.committed_callbacks):
            callback()

    def relay_batch(self, connection, producer, service_name, limit=100):
        """Publish up to ``limit`` unpublished rows in the order they were added, giving
        each its position; returns how many were published.

        ``connection`` is a SQLAlchemy connection in a transaction that the caller commits:
        the relay lock is held until then (a second relay waits for this pass to end).
        """
        t = self.table
        connection.execute(select(func.pg_advisory_xact_lock(RELAY_LOCK)))
        rows = connection.execute(
            select(t).where(t.c.published_at.is_(None)).order_by(t.c.id)
            .limit(limit).with_for_update(skip_locked=True)
        ).all()
        positions = connection.execute(
            text("SELECT nextval('outbox_position_seq') FROM generate_series(1, :n)"), {"n": len(rows)},
        ).scalars().all() if rows else []
        published = []
        for row, position in zip(rows, sorted(positions), strict=True):
            event = Event(
                id=row.event_id, type=row.event_type, version=row.version,
                occurred_at=row.occurred_at, producer=service_name, payload=row.payload,
                subject=self.subject_of(row.event_type, row.payload), position=position,
            )
            try:
                producer.publish(
                    event.to_message(), routing_key=event.type, serializer="json",
                    delivery_mode=2, message_id=str(event.id), type=event.type,
                    headers=_headers(event, row.correlation_id, row.traceparent),
                    retry=True, retry_policy={"max_retries": 2},
                )
            except Exception as exc:  # the broker refused or is unreachable: try later
                log.warning("outbox: publishing %s %s failed: %s", event.type, event.id, exc)
                connection.execute(update(t).where(t.c.id == row.id).values(
                    attempts=t.c.attempts + 1, last_error=str(exc)[:2000]))
                break
            published.append((row.id, position))
        if published:  # one statement, executed for each row
            connection.execute(
                update(t).where(t.c.id == bindparam("row_id")).values(
                    published_at=func.now(), position=bindparam("row_position"), attempts=t.c.attempts + 1,
                    last_error=None),
                [{"row_id": row_id, "row_position": position} for row_id, position in published])
        return len(published)

    def subject_of(self, event_type, payload):
        """The id of the record an event is about (CloudEvents' subject), or None."""
        if event_type in self.subject_fields and self.subject_fields[event_type] is None:
            return None
        value = payload.get(subject_field(event_type, self.subject_fields.get(event_type)))
        return str(value) if value not in (None, "") else None

    def pending_count(self, connection):
        t = self.table
        return connection.execute(select(func.count()).where(t.c.published_at.is_(None))).scalar()

    def backlog(self, connection):
        """(unpublished rows, age in seconds of the oldest of them or 0)."""
        t = self.table
        count, oldest = connection.execute(
            select(func.count(), func.min(t.c.occurred_at)).where(t.c.published_at.is_(None))).one()
        age = (datetime.now(timezone.utc) - oldest).total_seconds() if oldest is not None else 0.0
        return count, max(age, 0.0)


def _headers(event, correlation_id, traceparent):
    headers = {"event_version": event.version, **amqp_headers(event.cloud_event_attributes())}
    if correlation_id:
        headers["nameko.correlation_id"] = correlation_id
    if traceparent:
        headers["nameko.traceparent"] = traceparent
        # the CloudEvents distributed tracing extension carries the same
        headers[AMQP_PREFIX + "traceparent"] = traceparent
    return headers


class OutboxRelay(DependencyProvider):
    """Runs beside a service and publishes its outbox; woken by every commit that added
    events, and at least every ``interval`` seconds.

    Declare it on the service: ``relay = OutboxRelay(models.outbox)``.
    """

    def __init__(self, outbox, url_key="DATABASE_URL", interval=1.0, batch=100):
        self.outbox = outbox
        self.url_key = url_key
        self.interval = interval
        self.batch = batch
        self._wake = LightQueue(maxsize=1)
        self._running = False
        self._thread = None

    def setup(self):
        config = self.container.config
        self.engine = make_engine(config[self.url_key], pool_size=1, max_overflow=1)
        self.amqp_uri = config["AMQP_URI"]
        self.service_name = self.container.service_name
        self.exchange = events_exchange(self.service_name)
        self.outbox.committed_callbacks.append(self.wake)
        backlog = metrics.cached(self._backlog)
        metrics.OUTBOX_BACKLOG.labels(self.service_name).set_function(lambda: backlog()[0])
        metrics.OUTBOX_OLDEST_AGE.labels(self.service_name).set_function(lambda: backlog()[1])

    def _backlog(self):
        with self.engine.connect() as connection:
            return self.outbox.backlog(connection)

    def start(self):
        self._running = True
        self._thread = self.container.spawn_managed_thread(self._run, identifier="outbox-relay")

    def stop(self):
        self._running = False
        self.wake()
        if self._thread is not None:
            self._thread.wait()
        if self.wake in self.outbox.committed_callbacks:
            self.outbox.committed_callbacks.remove(self.wake)
        self.engine.dispose()

    def kill(self):
        self._running = False
        if self._thread is not None:
            self._thread.kill()

    def get_dependency(self, worker_ctx):
        return self.wake

    def wake(self):
        try:
            self._wake.put_nowait(True)
        except Full:
            pass

    def _run(self):
        backoff = self.interval
        with Connection(self.amqp_uri, transport_options={"confirm_publish": True}) as amqp:
            while self._running:
                try:
                    amqp.ensure_connection(max_retries=3)
                    producer = Producer(amqp.default_channel, exchange=self.exchange)
                    self.exchange.declare(channel=amqp.default_channel)
                    while self._running:
                        with self.engine.begin() as connection:
                            sent = self.outbox.relay_batch(
                                connection, producer, self.service_name, self.batch)
                        if sent < self.batch:
                            break
                    backoff = self.interval
                except Exception:
                    log.exception("outbox relay pass failed; retrying in %.1fs", backoff)
                    amqp.release()
                    eventlet.sleep(backoff)
                    backoff = min(backoff * 2, 30)
                    continue
                try:
                    self._wake.get(timeout=self.interval)
                except Empty:
                    pass


class EventCatalog:
    """The events one service publishes: type and version to payload schema.

    ``record`` validates a payload against its schema before it enters the outbox, so a
    service can never publish an event that breaks its own documented contract.
    """

    def __init__(self, outbox, schemas):
        self.outbox = outbox
        self.schemas = schemas
        for (event_type, _version), schema in schemas.items():
            # a payload schema names its subject field with SUBJECT where it is not
            # ``<aggregate>_id`` (or None: the event is about no one record)
            if hasattr(schema, "SUBJECT"):
                self.outbox.subject_fields[event_type] = schema.SUBJECT

    def record(self, session, event_type, payload, version=1):
        schema = self.schemas[(event_type, version)]()
        return self.outbox.add(session, event_type, schema.dump(schema.load(payload)), version)
