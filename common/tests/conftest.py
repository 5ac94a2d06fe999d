"""Fixtures for the shared library's tests: a scratch database with the outbox and
processed-events tables (the staff service's migrated database serves), and a queue bound
to the ``staff.events`` exchange on the test vhost to read what the relay published."""
import time
import uuid

import pytest
from kombu import Connection, Producer, Queue
from sqlalchemy import Column, MetaData, String, Table, Uuid, delete

from chancery_common.consumer import ProcessedEvents
from chancery_common.database import make_engine, make_session_factory
from chancery_common.outbox import Outbox, events_exchange

SERVICE = "staff"


class Tables:
    """The library's tables on their own metadata, plus a table a consumer writes its effect to."""

    def __init__(self):
        self.metadata = MetaData()
        self.outbox = Outbox(self.metadata)
        self.processed_events = ProcessedEvents(self.metadata)
        self.effects = Table(
            "consumer_effects", self.metadata,
            Column("id", Uuid, primary_key=True),
            Column("note", String(200), nullable=False),
        )


@pytest.fixture(scope="session")
def tables():
    return Tables()


@pytest.fixture(scope="session")
def engine(service_database, tables):
    url = service_database(SERVICE, name=f"chancery_itest_common_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url)
    tables.metadata.create_all(engine)  # only the effects table is missing
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def empty_outbox(engine, tables):
    """The outbox with no rows, so a test sees only its own events."""
    with engine.begin() as connection:
        connection.execute(delete(tables.outbox.table))
    return tables.outbox


@pytest.fixture
def amqp(rabbitmq):
    with Connection(rabbitmq, transport_options={"confirm_publish": True}) as connection:
        connection.ensure_connection(max_retries=3)
        yield connection


@pytest.fixture
def producer(amqp):
    """A producer with publisher confirms on the service's events exchange, as the relay uses."""
    exchange = events_exchange(SERVICE)
    exchange.declare(channel=amqp.default_channel)
    return Producer(amqp.default_channel, exchange=exchange)


class EventQueue:
    def __init__(self, bound):
        self.bound = bound

    def drain(self, among, settle=0.5):
        """The messages of the events ``among`` (ids) that arrive until none has come for
        ``settle`` seconds; other test runs on the vhost may publish their own."""
        wanted = {str(event_id) for event_id in among}
        messages = []
        deadline = time.monotonic() + settle
        while time.monotonic() < deadline:
            message = self.bound.get(no_ack=True)
            if message is None:
                time.sleep(0.05)
                continue
            if message.payload.get("id") in wanted:
                messages.append(message)
            deadline = time.monotonic() + settle
        return messages


@pytest.fixture
def published(rabbitmq, producer):
    """A private queue bound to every routing key of ``staff.events``."""
    with Connection(rabbitmq) as connection:
        queue = Queue(f"test-{uuid.uuid4().hex}", exchange=events_exchange(SERVICE),
                      routing_key="#", exclusive=True, auto_delete=True)
        bound = queue(connection.default_channel)
        bound.declare()
        yield EventQueue(bound)


class FailingProducer:
    """Publishes through a real producer, but the broker 'refuses' the n-th message."""

    def __init__(self, real, fail_on):
        self.real = real
        self.fail_on = fail_on
        self.calls = 0

    def publish(self, body, **kwargs):
        self.calls += 1
        if self.calls == self.fail_on:
            raise ConnectionError("broker refused the message")
        return self.real.publish(body, **kwargs)


class RecordingProducer:
    """Remembers the event ids it was asked to publish (for claiming tests)."""

    def __init__(self):
        self.event_ids = []

    def publish(self, body, **kwargs):
        self.event_ids.append(body["id"])


@pytest.fixture
def failing_producer(producer):
    return lambda fail_on: FailingProducer(producer, fail_on)


@pytest.fixture
def recording_producer():
    return RecordingProducer
