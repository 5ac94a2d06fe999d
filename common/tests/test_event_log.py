"""The published-event log against real PostgreSQL and RabbitMQ (chancery_common.event_log):
read by position in the order published; a subscriber whose queue was deleted replays what it
missed and switches back to a new queue without a gap or a duplicate it cannot recognise; a
read waits for the relay pass in progress; the purge removes a prefix and a read behind it is
told so."""
import threading
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from kombu import Connection, Queue
from sqlalchemy import select, update

from chancery_common import event_log
from chancery_common.errors import Gone
from chancery_common.outbox import events_exchange

SERVICE = "staff"


def publish(session, engine, outbox, producer, *types):
    """Add one event per type (one transaction) and relay them; returns their ids."""
    with session.begin():
        ids = [str(outbox.add(session, event_type, {"n": index})) for index, event_type in enumerate(types)]
    with engine.begin() as connection:
        outbox.relay_batch(connection, producer, SERVICE)
    return ids


def read(engine, outbox, **query):
    with engine.connect() as connection:
        return event_log.read(connection, outbox, producer=SERVICE, **query)


def replay(engine, outbox, after, types=()):
    """Follow the log from ``after`` until it has no more: (events, the last position)."""
    events = []
    while True:
        page = read(engine, outbox, after=after, limit=2, types=list(types))
        events += page["items"]
        after = page["position"]
        if not page["more"]:
            return events, after


class Subscriber:
    """A system's subscriber: its own durable queue on ``staff.events``, the ids it has handled
    and the last position it saw."""

    def __init__(self, rabbitmq, name):
        self.rabbitmq, self.name = rabbitmq, name
        self.handled, self.position = [], None

    def bind(self):
        with Connection(self.rabbitmq) as connection:
            Queue(self.name, exchange=events_exchange(SERVICE), routing_key="employee.*", durable=True,
                  auto_delete=False)(connection.default_channel).declare()

    def delete_queue(self):
        with Connection(self.rabbitmq) as connection:
            connection.default_channel.queue_delete(self.name)

    def take(self, event):
        """Handle an event once (by its id); returns whether it was new."""
        self.position = max(self.position or 0, event["position"])
        if event["id"] in self.handled:
            return False
        self.handled.append(event["id"])
        return True

    def receive(self):
        """Take what waits in the queue: [(event id, whether new)]."""
        taken = []
        with Connection(self.rabbitmq) as connection:
            bound = Queue(self.name)(connection.default_channel)
            while (message := bound.get(no_ack=True)) is not None:
                taken.append((message.payload["id"], self.take(message.payload)))
        return taken


@pytest.fixture
def empty_log(engine, empty_outbox):
    """The outbox with no rows and the purge's mark at the start."""
    with engine.begin() as connection:
        connection.execute(empty_outbox.purged.delete())
        connection.execute(empty_outbox.purged.insert().values(id=1, through=0))
    return empty_outbox


def test_the_log_holds_the_published_events_in_order_of_position(session, engine, empty_log, producer):
    ids = publish(session, engine, empty_log, producer, "employee.created", "department.created",
                  "employee.updated")
    with session.begin():
        unpublished = str(empty_log.add(session, "employee.deactivated", {"n": 9}))

    everything, last = replay(engine, empty_log, None)
    assert [event["id"] for event in everything] == ids  # the unpublished one is not in the log yet
    positions = [event["position"] for event in everything]
    assert positions == sorted(positions) and last == positions[-1]
    assert set(everything[0]) >= {"id", "type", "version", "occurred_at", "producer", "payload", "position"}
    assert read(engine, empty_log, after=positions[0], types=["employee.*"])["items"] == [everything[2]]
    assert read(engine, empty_log, after=positions[0], types=["department.created"])["items"] == [everything[1]]
    page = read(engine, empty_log, after=None, limit=1)
    assert (page["more"], page["position"]) == (True, positions[0])
    assert read(engine, empty_log, after=last) == {"items": [], "position": last, "more": False}
    assert unpublished not in {event["id"] for event in everything}


def test_a_subscriber_whose_queue_was_deleted_replays_the_gap_and_switches_back(
        session, engine, empty_log, producer, rabbitmq):
    subscriber = Subscriber(rabbitmq, f"test-replay-{uuid.uuid4().hex}")
    subscriber.bind()
    try:
        before = publish(session, engine, empty_log, producer, *["employee.created"] * 3)
        assert subscriber.receive() == [(event_id, True) for event_id in before]
        # the subscriber stops; events are published; its queue is deleted with them
        missed = publish(session, engine, empty_log, producer, "employee.updated", "employee.created",
                         "employee.updated")
        subscriber.delete_queue()

        replayed, _ = replay(engine, empty_log, subscriber.position, types=["employee.*"])
        assert [event["id"] for event in replayed] == missed  # exactly the missed ones, in order
        assert all(subscriber.take(event) for event in replayed)

        # published after the replay, before the new queue: in no queue
        unqueued = publish(session, engine, empty_log, producer, "employee.created")
        subscriber.bind()
        # published after the new queue: in the queue, and in the log the replay reads
        queued = publish(session, engine, empty_log, producer, "employee.created", "employee.updated")
        closing, _ = replay(engine, empty_log, subscriber.position, types=["employee.*"])
        assert [event["id"] for event in closing] == unqueued + queued
        assert all(subscriber.take(event) for event in closing)
        # the queue's copies are recognised by their ids
        assert subscriber.receive() == [(event_id, False) for event_id in queued]
        after = publish(session, engine, empty_log, producer, "employee.created")
        assert subscriber.receive() == [(after[0], True)]
    finally:
        subscriber.delete_queue()

    # everything published, each handled once: the outbox's rows in the order of their positions
    with engine.connect() as connection:
        stored = connection.execute(select(empty_log.table.c.event_id).order_by(
            empty_log.table.c.position)).scalars().all()
    assert subscriber.handled == [str(event_id) for event_id in stored]


def test_a_read_waits_for_the_relay_pass_in_progress(session, engine, empty_log, producer):
    with session.begin():
        event_id = str(empty_log.add(session, "employee.created", {"n": 1}))
    answers = []
    with engine.connect() as relaying:
        with relaying.begin():
            assert empty_log.relay_batch(relaying, producer, SERVICE) == 1  # on the bus, not yet committed
            reader = threading.Thread(target=lambda: answers.append(read(engine, empty_log, after=None)))
            reader.start()
            reader.join(timeout=1)
            assert reader.is_alive() and not answers  # waiting for the pass
        reader.join(timeout=10)
    assert [event["id"] for event in answers[0]["items"]] == [event_id]


def test_the_purge_removes_a_prefix_past_the_retention_and_a_read_behind_it_is_gone(
        session, engine, empty_log, producer):
    ids = publish(session, engine, empty_log, producer, *["employee.created"] * 3)
    everything, _ = replay(engine, empty_log, None)
    positions = {event["id"]: event["position"] for event in everything}
    t = empty_log.table
    with session.begin():  # published by a relay of before the log: no position, in no log
        positionless = empty_log.add(session, "employee.created", {"n": 4})
    with engine.begin() as connection:
        connection.execute(update(t).where(t.c.event_id.in_([uuid.UUID(i) for i in ids[:2]] + [positionless]))
                           .values(published_at=datetime.now(timezone.utc) - timedelta(days=31)))

    with engine.connect() as other:
        with other.begin():  # another replica holds the claim: this one skips
            other.execute(select(empty_log.purged).with_for_update())
            with session.begin():
                assert event_log.purge(session, empty_log, older_than=timedelta(days=30)) == 0
    with session.begin():
        assert event_log.purge(session, empty_log, older_than=timedelta(days=30)) == 3
    with session.begin():
        assert event_log.purge(session, empty_log, older_than=timedelta(days=30)) == 0

    kept, _ = replay(engine, empty_log, None)
    assert [event["id"] for event in kept] == ids[2:]
    with engine.connect() as connection:
        assert connection.execute(select(t.c.event_id)).scalars().all() == [uuid.UUID(ids[2])]
    with pytest.raises(Gone) as gone:
        read(engine, empty_log, after=positions[ids[0]])
    assert "after" in gone.value.details
    assert [e["id"] for e in read(engine, empty_log, after=positions[ids[1]])["items"]] == ids[2:]
    with engine.connect() as connection:
        assert event_log.end(connection, empty_log) == positions[ids[2]]


def test_the_retention_is_a_setting_of_days_above_zero():
    assert event_log.retention({}) == timedelta(days=30)
    assert event_log.retention({"EVENT_LOG_RETENTION_DAYS": "7"}) == timedelta(days=7)
    for wrong in ("0", "-1", "soon"):
        with pytest.raises(ValueError, match="EVENT_LOG_RETENTION_DAYS"):
            event_log.retention({"EVENT_LOG_RETENTION_DAYS": wrong})
