"""The published-event log: the events a service published, kept for a retention period and
read in order by position, for a subscriber that was away longer than its queue kept
messages, or a new one (docs/events.md, "Replay").

The log is the outbox itself: a published row stays (``outbox.py`` gives it its
``position`` when it publishes it) until the timed purge removes it, ``retention_days``
(setting ``EVENT_LOG_RETENTION_DAYS``, default 30) after it was published. The purge removes a
prefix of the log by position and records how far it went (``outbox_purged.through``), so a
reader asking for the events after a position already purged is told so (``Gone``) instead of
being handed the log with a hole in it.

Why a read has no gap: relay passes take turns under the service's relay lock and give
positions from a sequence in the order they publish, so positions commit in increasing order.
A read first waits for the relay pass in progress, if any, to end (it takes the relay lock
shared for a moment): then every event published to the broker before the read began is
committed with its position, and the read returns it (or a later page does). A subscriber
that binds its queue first and then replays until the log has no more misses nothing: what
was published before the binding is in the log, what after it is in the queue; the ids of
the events it gets twice (the ones in both) tell it which to skip.

Who reads it: those with the permission ``replay_events`` (administrators, and the roles an
administrator grants it to: an integration's account), the whole log, as a subscriber on the
bus sees every event of the exchanges it binds to. Events are not filtered per record: most
are about records of another kind than the service's main one (a task, a stage, a delivery),
whose visibility no service answers for one by one (docs/permissions.md, "Events").
"""
from datetime import datetime, timedelta, timezone

from marshmallow import Schema, fields, validate
from nameko.dependency_providers import Config
from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from .actor import load_actor
from .database import reads_only
from .envelope import Event
from .errors import Gone, PermissionDenied, load
from .outbox import RELAY_LOCK
from .rpc import rpc
from .timers import every

PERMISSION = "replay_events"
DEFAULT_RETENTION_DAYS = 30
MAX_LIMIT = 500
# an event type, or every type of an aggregate (``document.*``)
TYPE_PATTERN = r"^[a-z][a-z_]*\.([a-z][a-z_]*|\*)$"


class ReplayQuerySchema(Schema):
    """A read of one service's log: the events after ``after`` (None: from the oldest kept)."""

    after = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=0, max=2 ** 63 - 1))
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=MAX_LIMIT))
    types = fields.List(fields.String(validate=validate.Regexp(TYPE_PATTERN, error=(
        "An event type (document.registered) or all of an aggregate's (document.*)."))),
        load_default=list, validate=validate.Length(max=50))


def of_types(column, types):
    """The condition ``column`` (an event type) is one of ``types`` (exact, or ``aggregate.*``)."""
    exact = [name for name in types if not name.endswith(".*")]
    prefixes = [name[:-1] for name in types if name.endswith(".*")]
    return or_(column.in_(exact), *[column.startswith(prefix, autoescape=True) for prefix in prefixes])


def wait_for_relay(session):
    """Return once the relay pass in progress (if any) has ended: the relay lock taken shared
    and let go at once, whatever the session's transaction."""
    # OFFSET 0 keeps the subquery (taking the lock) from being merged into the outer query
    held = select(func.pg_advisory_lock_shared(RELAY_LOCK).label("held")).offset(0).subquery("relay_pass")
    session.execute(select(func.pg_advisory_unlock_shared(RELAY_LOCK)).select_from(held))


def read(session, outbox, *, producer, after=None, limit=100, types=()):
    """Up to ``limit`` events of the log after position ``after``, by position:
    ``{items, position, more}`` (``position``: the last item's, or ``after``; ``more``: the
    log holds more after them). Gone when events after ``after`` were purged."""
    t = outbox.table
    wait_for_relay(session)
    query = select(t).where(t.c.position > (after or 0))
    if types:
        query = query.where(of_types(t.c.event_type, types))
    rows = session.execute(query.order_by(t.c.position).limit(limit + 1)).all()
    # read after the page: a purge that ran before it shows here (the purged mark only grows)
    purged = session.scalar(select(outbox.purged.c.through)) or 0
    if after is not None and after < purged:
        raise Gone(f"the events of {producer} after position {after} were purged (they are kept "
                   f"for a limited time): the oldest kept follows position {purged}", {"after": [
                       "Purged: sync the records again (docs/api.md, \"Sync by change\"), then replay "
                       "from the end of the log."]})
    more, rows = len(rows) > limit, rows[:limit]
    items = [Event(id=row.event_id, type=row.event_type, version=row.version, occurred_at=row.occurred_at,
                   producer=producer, payload=row.payload, subject=outbox.subject_of(row.event_type, row.payload),
                   position=row.position).to_message() for row in rows]
    return {"items": items, "position": rows[-1].position if rows else after, "more": more}


def end(session, outbox):
    """The position of the newest event published (0 for none yet)."""
    wait_for_relay(session)
    t = outbox.table
    return max(session.scalar(select(func.max(t.c.position))) or 0,
               session.scalar(select(outbox.purged.c.through)) or 0)


def purge(session, outbox, *, older_than):
    """Remove the events published more than ``older_than`` ago, a prefix of the log, and
    mark how far; returns how many. Claimed with ``FOR UPDATE SKIP LOCKED`` on the mark: one
    replica purges at a time, the others skip. Run in the caller's transaction."""
    t, marks = outbox.table, outbox.purged
    # the mark's one row (made by the migration; a database made from the models lacks it)
    session.execute(pg_insert(marks).values(id=1, through=0).on_conflict_do_nothing())
    claimed = session.execute(select(marks.c.through).with_for_update(skip_locked=True)).first()
    if claimed is None:  # another replica is purging
        return 0
    cutoff = datetime.now(timezone.utc) - older_than
    # published without a position (by a relay of before the log, during an upgrade): in no log
    removed = session.execute(t.delete().where(t.c.position.is_(None), t.c.published_at < cutoff)).rowcount
    through = session.scalar(select(func.max(t.c.position)).where(t.c.published_at < cutoff))
    if through is None or through <= claimed.through:
        return removed
    removed += session.execute(t.delete().where(t.c.position <= through)).rowcount
    session.execute(marks.update().values(through=through))
    return removed


def retention(config):
    """The retention period a service's config sets (EVENT_LOG_RETENTION_DAYS, above 0)."""
    value = config.get("EVENT_LOG_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    try:
        days = float(value)
    except (TypeError, ValueError):
        days = 0
    if not days > 0:
        raise ValueError(f"EVENT_LOG_RETENTION_DAYS must be a number of days above 0, not {value!r}")
    return timedelta(days=days)


class EventLogEntrypoints:
    """The entrypoints of a service's published-event log: reading it and purging it.

    A service that publishes mixes this in (as ``event_log.EventLogEntrypoints``: imported by
    its own name into the service's module, nameko's runner would take it for a second
    service) and names its outbox as ``event_outbox``."""

    event_outbox = None
    event_log_config = Config()

    @rpc
    @reads_only
    def published_events(self, actor, query=None):
        """The events after a position (``query``: ReplayQuerySchema): {items, position, more}."""
        actor = load_actor(actor)
        if not actor.may(PERMISSION):
            raise PermissionDenied(f"reading the published events needs the permission {PERMISSION}",
                                   {"permission": PERMISSION})
        return read(self.db, self.event_outbox, producer=self.name, **load(ReplayQuerySchema(), query or {}))

    @rpc
    @reads_only
    def event_log_end(self, actor):
        """The position of the newest event published: where a subscriber that wants no past starts."""
        actor = load_actor(actor)
        if not actor.may(PERMISSION):
            raise PermissionDenied(f"reading the published events needs the permission {PERMISSION}",
                                   {"permission": PERMISSION})
        return {"position": end(self.db, self.event_outbox)}

    @every("EVENT_LOG_PURGE_SECONDS", 3600)
    def purge_event_log(self):
        """Remove the events kept past the retention period (one replica at a time)."""
        with self.db.begin():
            purge(self.db, self.event_outbox, older_than=retention(self.event_log_config))


def add_log(op, sa):
    """A migration's upgrade of a service's outbox into its published-event log: the position
    (the rows published already get theirs, in the order they were added), its sequence and
    index, and the purge's mark."""
    op.add_column("outbox", sa.Column("position", sa.BigInteger(), nullable=True))
    op.execute("CREATE SEQUENCE outbox_position_seq")
    op.execute("UPDATE outbox SET position = numbered.position FROM (SELECT id, nextval('outbox_position_seq') "
               "AS position FROM (SELECT id FROM outbox WHERE published_at IS NOT NULL ORDER BY id) AS published"
               ") AS numbered WHERE outbox.id = numbered.id")
    op.create_index("ix_outbox_position", "outbox", ["position"], unique=True,
                    postgresql_where=sa.text("position IS NOT NULL"))
    op.create_table("outbox_purged", sa.Column("id", sa.SmallInteger(), primary_key=True),
                    sa.Column("through", sa.BigInteger(), nullable=False, server_default="0"))
    op.execute("INSERT INTO outbox_purged (id, through) VALUES (1, 0)")


def drop_log(op):
    op.drop_table("outbox_purged")
    op.drop_index("ix_outbox_position", table_name="outbox")
    op.drop_column("outbox", "position")
    op.execute("DROP SEQUENCE outbox_position_seq")
