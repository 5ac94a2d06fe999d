"""The relationship history shows an entry from another service's record only to those its
owner lets see the record: the owners are asked once each, pages and totals count only what
the reader sees, and an owner that does not answer shows nothing of its records."""
import uuid

import pytest
from nameko.testing.services import worker_factory

from chancery_common.envelope import Event
from chancery_common.errors import ServiceUnavailable
from counterparties import logic, overview, relationship_history
from counterparties.service import CounterpartiesService


def foreign(session, counterparty_id, kind, **payload):
    """Record an event of another service about the counterparty; returns the record id it names."""
    event = Event(type=kind, producer=kind.split(".")[0], payload={"counterparty_id": str(counterparty_id),
                                                                   **payload})
    with session.begin():
        logic.record_foreign_event(session, event=event, summary=kind)


@pytest.fixture
def told(session, make_counterparty, make_actor):
    """A counterparty whose history tells of two documents (one with a paper copy and execution)
    and an approval; its manager sees it."""
    manager = make_actor("manager")
    counterparty = make_counterparty(responsible_employee_id=str(manager.id))
    seen, secret, approval = (str(uuid.uuid4()) for _ in range(3))
    foreign(session, counterparty.id, "document.registered", document_id=seen)
    foreign(session, counterparty.id, "document.registered", document_id=secret)
    foreign(session, counterparty.id, "document.status_changed", document_id=secret)
    foreign(session, counterparty.id, "paper_copy.moved", document_id=secret, paper_copy_id=str(uuid.uuid4()))
    foreign(session, counterparty.id, "contract.payment_recorded", document_id=secret)
    foreign(session, counterparty.id, "approval.finished", approval_id=approval, document_id=seen)
    foreign(session, counterparty.id, "invoice.issued", document_id=seen)  # an owner nobody knows here
    return {"counterparty": counterparty, "manager": manager, "seen": seen, "secret": secret,
            "approval": approval}


def read(session, told, ask_owners, **page):
    with session.begin():
        return relationship_history.history(session, counterparty_id=told["counterparty"].id,
                                            actor=told["manager"], ask_owners=ask_owners, **page)


def test_the_owners_are_asked_once_each_about_every_record_the_history_tells_of(session, told):
    asked = []

    def ask_owners(records):
        asked.append(records)
        return lambda: ({service: set() for service in records}, [])

    read(session, told, ask_owners)

    assert asked == [{"documents": {told["seen"], told["secret"]}, "approvals": {told["approval"]}}]


def test_only_entries_of_records_the_reader_may_see_are_shown_and_counted(session, told, owners_seeing):
    only_seen = owners_seeing({"documents": [told["seen"]]})

    items, total = read(session, told, only_seen)

    assert [(e.kind, e.data.get("document_id")) for e in items] == [
        ("document.registered", told["seen"]), ("counterparty.created", None)]
    assert total == 2
    first, first_total = read(session, told, only_seen, limit=1)
    assert ([e.kind for e in first], first_total) == (["document.registered"], 2)


def test_whoever_sees_every_record_reads_every_entry_of_a_known_owner(session, told, owners_seeing):
    items, total = read(session, told, owners_seeing())

    kinds = sorted(e.kind for e in items)
    assert kinds == sorted(["counterparty.created", "document.registered", "document.registered",
                            "document.status_changed", "paper_copy.moved", "contract.payment_recorded",
                            "approval.finished"])
    assert total == len(items)  # the entry of an owner nobody knows here is shown to nobody


def test_an_owner_that_does_not_answer_fails_the_history(session, told, owners_seeing):
    approvals_down = owners_seeing(unavailable=("approvals",))
    with pytest.raises(ServiceUnavailable) as failed:
        read(session, told, approvals_down)
    assert failed.value.details == {"service": "approvals"}


def test_the_views_candidates_name_each_entrys_record_and_count_them(session, told):
    """The unified view's history: every entry whoever reads it, newest first, with the record it
    tells of, for the gateway to keep what the reader sees (compose/history.py); no owner asked."""
    with session.begin():
        part = overview.part(session, counterparty_id=told["counterparty"].id, actor=told["manager"])
    entries, records, counts = part["history"]

    assert [(e.kind, r) for e, r in zip(entries, records, strict=True)] == [
        ("invoice.issued", (None, None)), ("approval.finished", ("approvals", told["approval"])),
        ("contract.payment_recorded", ("documents", told["secret"])),
        ("paper_copy.moved", ("documents", told["secret"])), ("document.status_changed", ("documents", told["secret"])),
        ("document.registered", ("documents", told["secret"])), ("document.registered", ("documents", told["seen"])),
        ("counterparty.created", None)]
    assert counts == {"own": 1, "entries": 8, "records": {
        "documents": {told["seen"]: 1, told["secret"]: 4}, "approvals": {told["approval"]: 1}}}


def test_past_the_candidates_the_counts_are_counted_the_same(session, told):
    with session.begin():
        _, _, all_of_it = relationship_history.candidates(session, counterparty_id=told["counterparty"].id,
                                                           limit=100)
        entries, records, counted = relationship_history.candidates(session, counterparty_id=told["counterparty"].id,
                                                                    limit=3)

    assert counted == all_of_it and len(entries) == len(records) == 3


def test_the_service_asks_the_owners_visible_ids_with_the_caller_as_received(session, told, as_dict):
    service = worker_factory(CounterpartiesService, db=session)
    service.documents.visible_ids.return_value = {"ids": [told["secret"]]}
    service.approvals.visible_ids.return_value = {"ids": []}
    caller = as_dict(told["manager"])

    page = service.get_history(caller, str(told["counterparty"].id))
    session.commit()

    [(actor, question)] = [call.args for call in service.documents.visible_ids.call_args_list]
    assert actor == caller and sorted(question["ids"]) == sorted([told["seen"], told["secret"]])
    assert {(e["kind"], e["data"].get("document_id")) for e in page["items"]} == {
        ("document.registered", told["secret"]), ("document.status_changed", told["secret"]),
        ("paper_copy.moved", told["secret"]), ("contract.payment_recorded", told["secret"]),
        ("counterparty.created", None)}


def test_every_event_of_another_service_in_the_history_has_an_owner_to_ask():
    recorded = [entrypoint.event_type for name in dir(CounterpartiesService)
                for entrypoint in getattr(getattr(CounterpartiesService, name), "nameko_entrypoints", ())
                if getattr(entrypoint, "source_service", "staff") != "staff"]

    assert recorded  # the history does follow other services' events
    assert [kind for kind in recorded if relationship_history.owner_of(kind) is None] == []
