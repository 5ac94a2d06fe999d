"""The transactional outbox against real PostgreSQL and RabbitMQ: an event is published
only if its transaction committed, exactly once per successful pass, and a failed publish
waits for the next pass with the reason recorded."""
import uuid
from datetime import timezone

from cloudevents.core.bindings import amqp as amqp_binding
from cloudevents.core.formats.json import JSONFormat
from marshmallow import Schema, fields
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from chancery_common.envelope import Event
from chancery_common.outbox import EventCatalog

SERVICE = "staff"


def add_events(session, outbox, *types, commit=True):
    """Add one event per type in one transaction; returns their ids."""
    session.begin()
    ids = [outbox.add(session, event_type, {"n": index}) for index, event_type in enumerate(types)]
    session.commit() if commit else session.rollback()
    return ids


def relay(engine, outbox, producer, limit=100):
    with engine.begin() as connection:
        return outbox.relay_batch(connection, producer, SERVICE, limit)


def rows(engine, outbox):
    with engine.connect() as connection:
        return {row.event_id: row for row in connection.execute(select(outbox.table))}


def ids_of(messages):
    return [message.payload["id"] for message in messages]


def test_only_the_committed_event_is_published(session, engine, empty_outbox, producer, published):
    [committed] = add_events(session, empty_outbox, "employee.created")
    [rolled_back] = add_events(session, empty_outbox, "employee.updated", commit=False)

    assert relay(engine, empty_outbox, producer) == 1

    assert ids_of(published.drain(among=[committed, rolled_back])) == [str(committed)]
    assert list(rows(engine, empty_outbox)) == [committed]


def test_the_message_carries_the_envelope_of_the_stored_row(session, engine, empty_outbox, producer, published):
    [event_id] = add_events(session, empty_outbox, "employee.created")
    row = rows(engine, empty_outbox)[event_id]

    relay(engine, empty_outbox, producer)

    [message] = published.drain(among=[event_id])
    event = Event.from_message(message.payload)
    assert (event.id, event.type, event.version, event.producer, event.payload) == (
        event_id, "employee.created", 1, SERVICE, {"n": 0})
    assert event.occurred_at == row.occurred_at.astimezone(timezone.utc)
    assert message.delivery_info["routing_key"] == "employee.created"
    assert message.properties["message_id"] == str(event_id)
    assert message.headers["event_version"] == 1


def test_the_message_is_a_cloud_event_in_the_amqp_binary_mode(session, engine, empty_outbox, producer, published):
    """Read back by the CloudEvents SDK's AMQP binding, as a subscriber would: the attributes
    from the ``cloudEvents_`` headers, the envelope as the data."""
    session.begin()
    employee_id = str(uuid.uuid4())
    event_id = empty_outbox.add(session, "employee.created", {"employee_id": employee_id})
    session.commit()

    relay(engine, empty_outbox, producer)

    [message] = published.drain(among=[event_id])
    body = message.body.encode() if isinstance(message.body, str) else message.body  # py-amqp gives text
    cloud_event = amqp_binding.from_binary(
        amqp_binding.AMQPMessage(properties={"content-type": message.content_type},
                                 application_properties=message.headers, application_data=body),
        JSONFormat())
    assert cloud_event.get_specversion() == "1.0"
    assert cloud_event.get_id() == str(event_id)
    assert cloud_event.get_source() == f"/chancery/{SERVICE}"
    assert cloud_event.get_type() == "employee.created"
    assert cloud_event.get_subject() == employee_id
    assert cloud_event.get_extension("dataversion") == 1
    assert cloud_event.get_data() == message.payload  # the envelope itself
    assert message.payload["subject"] == employee_id
    assert cloud_event.get_time() == Event.from_message(message.payload).occurred_at


def test_a_catalogue_names_a_subject_other_than_the_aggregates_id(empty_outbox):
    class Merged(Schema):
        SUBJECT = "merged_id"
        merged_id = fields.UUID()

    class Many(Schema):
        SUBJECT = None
        ids = fields.List(fields.UUID())

    EventCatalog(empty_outbox, {("thing.merged", 1): Merged, ("thing.handed_over", 1): Many})

    assert empty_outbox.subject_of("thing.merged", {"merged_id": "m-1", "thing_id": "t-1"}) == "m-1"
    assert empty_outbox.subject_of("thing.handed_over", {"ids": ["a"], "thing_id": "t-1"}) is None
    assert empty_outbox.subject_of("thing.created", {"thing_id": "t-1"}) == "t-1"
    assert empty_outbox.subject_of("thing.created", {"other": 1}) is None


def test_a_published_event_is_marked_published(session, engine, empty_outbox, producer, published):
    [event_id] = add_events(session, empty_outbox, "employee.created")

    relay(engine, empty_outbox, producer)

    row = rows(engine, empty_outbox)[event_id]
    assert row.published_at is not None
    assert (row.attempts, row.last_error) == (1, None)
    with engine.connect() as connection:
        assert empty_outbox.pending_count(connection) == 0


def test_a_second_pass_publishes_nothing(session, engine, empty_outbox, producer, published):
    ids = add_events(session, empty_outbox, "employee.created", "employee.created")
    relay(engine, empty_outbox, producer)
    assert len(published.drain(among=ids)) == 2

    assert relay(engine, empty_outbox, producer) == 0
    assert published.drain(among=ids) == []


def test_events_are_published_in_the_order_they_were_added(session, engine, empty_outbox, producer, published):
    ids = add_events(session, empty_outbox, "a.one", "b.two", "c.three")

    relay(engine, empty_outbox, producer)

    assert ids_of(published.drain(among=ids)) == [str(i) for i in ids]


def test_a_broker_failure_mid_batch_leaves_the_rest_for_the_next_pass(
        session, engine, empty_outbox, producer, failing_producer, published):
    ids = first, second, third = add_events(session, empty_outbox, "a.one", "b.two", "c.three")

    assert relay(engine, empty_outbox, failing_producer(fail_on=2)) == 1

    assert ids_of(published.drain(among=ids)) == [str(first)]
    stored = rows(engine, empty_outbox)
    assert stored[first].published_at is not None
    assert stored[second].published_at is None
    assert (stored[second].attempts, stored[second].last_error) == (1, "broker refused the message")
    assert stored[third].published_at is None
    assert stored[third].attempts == 0

    assert relay(engine, empty_outbox, producer) == 2

    assert ids_of(published.drain(among=ids)) == [str(second), str(third)]
    stored = rows(engine, empty_outbox)
    assert (stored[second].attempts, stored[second].last_error) == (2, None)
    assert all(row.published_at is not None for row in stored.values())


def test_concurrent_relays_take_turns_and_never_take_the_same_rows(session, engine, empty_outbox, recording_producer):
    ids = add_events(session, empty_outbox, *["employee.created"] * 5)
    first, second = recording_producer(), recording_producer()

    with engine.connect() as one, engine.connect() as other:
        with one.begin():
            assert empty_outbox.relay_batch(one, first, SERVICE, limit=2) == 2
            # the first pass holds the relay lock until it commits: the second waits for it
            with pytest.raises(OperationalError, match="lock timeout"):
                with other.begin():
                    other.execute(text("SET LOCAL lock_timeout = '1s'"))
                    empty_outbox.relay_batch(other, second, SERVICE, limit=100)
        with other.begin():
            assert empty_outbox.relay_batch(other, second, SERVICE, limit=100) == 3

    assert second.event_ids and set(first.event_ids).isdisjoint(second.event_ids)
    assert sorted(first.event_ids + second.event_ids) == sorted(str(i) for i in ids)
    stored = sorted(rows(engine, empty_outbox).values(), key=lambda row: row.id)
    assert all(row.published_at is not None for row in stored)
    # positions follow the order of publishing, one pass after the other
    assert [str(row.event_id) for row in sorted(stored, key=lambda row: row.position)] == (
        first.event_ids + second.event_ids)


def test_a_rolled_back_relay_pass_publishes_its_rows_again(session, engine, empty_outbox, recording_producer):
    [event_id] = add_events(session, empty_outbox, "employee.created")
    crashed, restarted = recording_producer(), recording_producer()

    with engine.connect() as connection:
        with connection.begin() as transaction:
            empty_outbox.relay_batch(connection, crashed, SERVICE)
            transaction.rollback()  # published, but the mark was never committed

    assert relay(engine, empty_outbox, restarted) == 1
    assert crashed.event_ids == restarted.event_ids == [str(event_id)]
