"""Other services' events in a counterparty's history: only for known counterparties, once."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy.exc import IntegrityError

from chancery_common.envelope import Event
from counterparties import logic
from counterparties.service import CounterpartiesService


def document_registered(counterparty_id, registrar_id=None):
    """A ``document.registered`` event as it arrives from the bus: ids as text."""
    return Event(type="document.registered", producer="documents", payload={
                     "document_id": str(uuid.uuid4()), "counterparty_id": str(counterparty_id),
                     "title": "Supply contract", "type_code": "contract", "type_name": "Contract",
                     "number": "CTR-2026-000007", "journal_code": "CTR",
                     "registered_at": "2026-02-03T10:00:00+00:00",
                     "registrar_id": str(registrar_id or uuid.uuid4())})


def record(session, event, summary="registered"):
    with session.begin():
        return logic.record_foreign_event(session, event=event, summary=summary)


def test_an_event_about_a_known_counterparty_joins_its_history(session, make_counterparty, history):
    counterparty = make_counterparty()
    registrar = uuid.uuid4()
    event = document_registered(counterparty.id, registrar)

    record(session, event, summary="Contract CTR-2026-000007 registered")

    entry = history(counterparty.id)[0]
    assert (entry.kind, entry.summary, entry.actor_id, entry.occurred_at, entry.data) == (
        "document.registered", "Contract CTR-2026-000007 registered", registrar,
        event.occurred_at, event.payload)


def test_an_event_about_an_unknown_counterparty_is_ignored(session):
    assert record(session, document_registered(uuid.uuid4())) is None


def test_an_event_without_a_counterparty_is_ignored(session):
    event = Event(type="document.registered", producer="documents", payload={"counterparty_id": None})

    assert record(session, event) is None


def test_the_same_event_cannot_enter_the_history_twice(session, make_counterparty, history):
    counterparty_id = make_counterparty().id
    event = document_registered(counterparty_id)
    record(session, event)

    with pytest.raises(IntegrityError):
        record(session, event)

    assert [e.kind for e in history(counterparty_id)] == ["document.registered", "counterparty.created"]


def test_a_redelivered_event_is_handled_once(session, make_counterparty, history):
    counterparty = make_counterparty()
    service = worker_factory(CounterpartiesService, db=session)
    message = document_registered(counterparty.id).to_message()

    service.on_document_registered(message)
    service.on_document_registered(message)

    entries = history(counterparty.id)
    assert [e.summary for e in entries] == [
        "Contract CTR-2026-000007 registered: Supply contract", f"Counterparty {counterparty.name} created"]
