"""The event envelope: what a producer publishes is what a consumer reads back."""
import uuid
from datetime import datetime, timezone

import pytest

from chancery_common.envelope import Event, InvalidEnvelope


def an_event(**overrides):
    fields = dict(type="document.registered", payload={"document_id": str(uuid.uuid4()), "number": "CTR-1"},
                  producer="documents", version=2)
    return Event(**{**fields, **overrides})


def test_an_event_survives_the_round_trip_through_its_message():
    event = an_event()

    assert Event.from_message(event.to_message()) == event


def test_the_message_carries_id_type_version_time_producer_and_payload():
    occurred = datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)
    event = an_event(occurred_at=occurred)

    assert event.to_message() == {
        "id": str(event.id), "type": "document.registered", "version": 2,
        "occurred_at": "2026-03-01T12:30:00+00:00", "producer": "documents",
        "payload": event.payload,
    }


def test_a_time_without_zone_is_read_as_utc():
    message = {**an_event().to_message(), "occurred_at": "2026-03-01T12:30:00"}

    assert Event.from_message(message).occurred_at == datetime(2026, 3, 1, 12, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("change, field", [
    ({"id": "not-a-uuid"}, "id"),
    ({"type": "DocumentRegistered"}, "type"),
    ({"type": "document"}, "type"),
    ({"version": 0}, "version"),
    ({"occurred_at": "yesterday"}, "occurred_at"),
    ({"payload": ["not", "a", "dict"]}, "payload"),
])
def test_a_malformed_event_is_rejected_naming_the_field(change, field):
    message = {**an_event().to_message(), **change}

    with pytest.raises(InvalidEnvelope) as refused:
        Event.from_message(message)
    assert field in str(refused.value)


@pytest.mark.parametrize("missing", ["id", "type", "version", "occurred_at", "producer", "payload"])
def test_an_event_missing_a_part_is_rejected(missing):
    message = an_event().to_message()
    del message[missing]

    with pytest.raises(InvalidEnvelope) as refused:
        Event.from_message(message)
    assert missing in str(refused.value)


def test_a_body_that_is_not_an_object_is_rejected():
    with pytest.raises(InvalidEnvelope):
        Event.from_message("document.registered")
