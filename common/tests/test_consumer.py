"""The idempotent consumer: an effect and its processed-event mark commit together."""
import uuid

import pytest
from sqlalchemy import func, select

from chancery_common import consumer
from chancery_common.consumer import handle_once
from chancery_common.envelope import Event


@pytest.fixture(autouse=True)
def no_retry_delay(monkeypatch):
    monkeypatch.setattr(consumer, "RETRY_DELAY", 0)


@pytest.fixture
def service(tables, session):
    """A service object as nameko builds it: a name and the worker's session as ``db``."""

    class FakeService:
        name = "testing"
        fail = False

        def __init__(self, db):
            self.db = db
            self.calls = 0

        @handle_once(tables.processed_events)
        def on_something_happened(self, session, event):
            self.calls += 1
            session.execute(tables.effects.insert().values(id=uuid.uuid4(), note=event.payload["note"]))
            if self.fail:
                raise RuntimeError("the handler failed after its effect")
            return "done"

    return FakeService(session)


@pytest.fixture
def effects(engine, tables):
    def count(note):
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).where(tables.effects.c.note == note))
    return count


@pytest.fixture
def processed(engine, tables):
    def count(event_id):
        t = tables.processed_events.table
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).where(t.c.event_id == event_id))
    return count


def a_message(note):
    return Event(type="something.happened", payload={"note": note}, producer="tests").to_message()


def test_an_event_delivered_twice_takes_effect_once(service, effects, processed, unique):
    message = a_message(unique)

    assert service.on_something_happened(message) == "done"
    assert service.on_something_happened(message) is None

    assert service.calls == 1
    assert effects(unique) == 1
    assert processed(uuid.UUID(message["id"])) == 1


def test_different_events_each_take_effect(service, effects, unique):
    service.on_something_happened(a_message(unique))
    service.on_something_happened(a_message(unique))

    assert effects(unique) == 2


def test_a_failing_handler_rolls_back_its_effect_and_its_mark(service, effects, processed, unique):
    message = a_message(unique)
    service.fail = True

    with pytest.raises(RuntimeError):
        service.on_something_happened(message)

    assert effects(unique) == 0
    assert processed(uuid.UUID(message["id"])) == 0


def test_a_redelivery_after_a_failure_is_processed(service, effects, unique):
    message = a_message(unique)
    service.fail = True
    with pytest.raises(RuntimeError):
        service.on_something_happened(message)

    service.fail = False
    assert service.on_something_happened(message) == "done"

    assert service.calls == 2
    assert effects(unique) == 1


def test_a_message_that_is_not_an_event_is_dropped_untouched(service, engine, tables):
    with engine.connect() as connection:
        before = connection.scalar(select(func.count()).select_from(tables.processed_events.table))

    assert service.on_something_happened({"hello": "world"}) is None

    assert service.calls == 0
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(tables.processed_events.table)) == before


def test_the_same_event_is_processed_once_per_handler(tables, session, processed, unique):
    class TwoHandlers:
        name = "testing"

        def __init__(self, db):
            self.db = db

        @handle_once(tables.processed_events)
        def first(self, session, event):
            return "first"

        @handle_once(tables.processed_events)
        def second(self, session, event):
            return "second"

    handlers = TwoHandlers(session)
    message = a_message(unique)

    assert (handlers.first(message), handlers.second(message)) == ("first", "second")
    assert processed(uuid.UUID(message["id"])) == 2
