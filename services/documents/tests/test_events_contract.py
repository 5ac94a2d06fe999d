"""What other services learn from the documents service's events, and what it learns from
theirs: the common fields, document.signed, approvals moving the status and adding
participants, counterparties merged and renamed, paper copies lost."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from nameko.testing.services import worker_factory

from chancery_common.actor import Actor
from chancery_common.envelope import Event
from chancery_common.errors import Conflict, NotFound
from documents import access, events, logic, models, paper_copies
from documents.service import DocumentsService


@pytest.fixture
def worker(session):
    return worker_factory(DocumentsService, db=session)


def approval_event(event_type, document_id, initiator_id, at=None, **fields):
    """An approval.* event as it arrives from the bus (ids as text), with the common fields."""
    return Event(type=event_type, producer="approvals", occurred_at=at or datetime.now(timezone.utc), payload={
        "approval_id": str(uuid.uuid4()), "document_id": str(document_id), "counterparty_id": None,
        "document_title": "Supply contract", "document_number": None, "document_type_id": None,
        "initiator_id": str(initiator_id), "route_version": 1, **fields}).to_message()


def test_every_event_carries_the_common_fields(make_document, outbox_events, actor):
    document = make_document("contract", document_date="2026-02-01", valid_to="2027-02-01")

    [registered] = outbox_events(events.DOCUMENT_REGISTERED, document.id)

    assert registered["document_type_id"] == str(document.type_id)
    assert registered["status"] == "draft"
    assert registered["responsible_id"] == str(actor.id)
    assert registered["department_id"] is None
    assert registered["dates"] == {"document_date": "2026-02-01", "signing_date": None, "valid_from": None,
                                   "valid_until": "2027-02-01"}


def test_signing_is_announced_once_with_who_and_when(make_document, change_status, outbox_events, actor):
    document = make_document()

    for status in ("on_approval", "approved", "signed", "in_execution"):
        change_status(document, status)

    [signed] = outbox_events(events.DOCUMENT_SIGNED, document.id)
    assert (signed["signed_by"], signed["status"]) == (str(actor.id), "signed")
    assert datetime.fromisoformat(signed["signed_at"]) > datetime.now(timezone.utc) - timedelta(minutes=1)


def test_approval_events_move_the_status(worker, make_document, reader):
    document = make_document(register=False)
    initiator, approver, later = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    now = datetime.now(timezone.utc)

    def status():
        return reader(lambda s: s.get(models.Document, document.id).status)

    worker.on_approval_started(approval_event("approval.started", document.id, initiator, now,
                                              approver_ids=[str(approver)]))
    assert status() == "on_approval"
    worker.on_approval_returned(approval_event("approval.returned", document.id, initiator,
                                               now + timedelta(seconds=1), returned_by=str(approver), comment="fix"))
    assert status() == "draft"
    worker.on_approval_resubmitted(approval_event("approval.resubmitted", document.id, initiator,
                                                  now + timedelta(seconds=2), restart_stage_position=1))
    assert status() == "on_approval"
    worker.on_approval_task_assigned(approval_event(
        "approval.task_assigned", document.id, initiator, now + timedelta(seconds=3), stage_id=str(uuid.uuid4()),
        stage_name="Directors", task_id=str(uuid.uuid4()), approver_id=str(later), on_behalf_of=None, due_at=None))
    worker.on_approval_finished(approval_event(
        "approval.finished", document.id, initiator, now + timedelta(seconds=4), outcome="approved",
        decided_by=str(later), comment=None, finished_at=now.isoformat()))
    assert status() == "approved"

    # the approver of a later stage sees the document from their task on
    seen_by_later = Actor(id=later, roles=["employee"])
    assert reader(lambda s: access.get_document(s, document_id=document.id, actor=seen_by_later).id) == document.id


@pytest.mark.parametrize("outcome, expected", [("rejected", "rejected"), ("withdrawn", "draft")])
def test_a_finished_approval_gives_its_outcome(worker, make_document, reader, outcome, expected):
    document = make_document(register=False)
    initiator, now = uuid.uuid4(), datetime.now(timezone.utc)
    worker.on_approval_started(approval_event("approval.started", document.id, initiator, now,
                                              approver_ids=[str(uuid.uuid4())]))

    worker.on_approval_finished(approval_event(
        "approval.finished", document.id, initiator, now + timedelta(seconds=1), outcome=outcome,
        decided_by=None, comment=None, finished_at=now.isoformat()))

    assert reader(lambda s: s.get(models.Document, document.id).status) == expected


def test_removed_approval_events_are_no_longer_handled():
    assert not hasattr(DocumentsService, "on_approval_completed")
    assert not hasattr(DocumentsService, "on_approval_withdrawn")


def test_a_merged_counterparty_s_documents_move_to_the_survivor(worker, make_document, change_status, reader,
                                                                 outbox_events):
    merged, survivor, merged_by = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    draft = make_document(counterparty_id=str(merged))
    signed = make_document(counterparty_id=str(merged))
    for status in ("on_approval", "approved", "signed"):
        change_status(signed, status)
    untouched = make_document(counterparty_id=str(uuid.uuid4()))

    worker.on_counterparty_merged(Event(type="counterparty.merged", producer="counterparties", payload={
        "merged_id": str(merged), "survivor_id": str(survivor), "merged_by": str(merged_by)}).to_message())

    for document in (draft, signed):
        assert reader(lambda s, d=document: s.get(models.Document, d.id).counterparty_id) == survivor
        [updated] = outbox_events(events.DOCUMENT_UPDATED, document.id)
        assert updated["changes"] == {"counterparty_id": {"from": str(merged), "to": str(survivor)}}
        assert (updated["counterparty_id"], updated["changed_by"]) == (str(survivor), str(merged_by))
    assert reader(lambda s: s.get(models.Document, untouched.id).counterparty_id) != survivor


def test_a_counterparty_s_name_finds_its_documents(worker, make_document, session, actor):
    counterparty = uuid.uuid4()
    document = make_document(counterparty_id=str(counterparty), register=False)

    worker.on_counterparty_created(Event(type="counterparty.created", producer="counterparties", payload={
        "counterparty_id": str(counterparty), "name": "Stroymontazh Zvezda", "tax_id": None,
        "responsible_employee_id": None, "created_by": str(actor.id)}).to_message())
    with session.begin():
        found, _ = logic.list_documents(session, actor=actor, search="Zvezda")
    assert [d.id for d in found] == [document.id]

    worker.on_counterparty_updated(Event(type="counterparty.updated", producer="counterparties", payload={
        "counterparty_id": str(counterparty), "changed_by": str(actor.id),
        "changes": {"name": {"from": "Stroymontazh Zvezda", "to": "Polaris Build"}}}).to_message())
    with session.begin():
        assert logic.list_documents(session, actor=actor, search="Zvezda")[1] == 0
        assert [d.id for d in logic.list_documents(session, actor=actor, search="Polaris")[0]] == [document.id]


def test_a_lost_paper_copy_is_recorded_listed_and_announced(make_document, session, actor, outbox_events):
    document = make_document()
    with session.begin():
        copy = paper_copies.add_paper_copy(session, document_id=document.id, kind="original", location="Archive 1",
                                    actor=actor)
    with session.begin():
        paper_copies.move_paper_copy(session, paper_copy_id=copy.id, actor=actor, to_holder=uuid.uuid4(),
                              expected_return_on=datetime.now(timezone.utc).date())

    with session.begin():
        lost = paper_copies.mark_paper_copy_lost(session, paper_copy_id=copy.id, reason="left in a taxi", actor=actor)
    assert lost.status == "lost" and lost.movements[-1].reason == "lost: left in a taxi"

    with session.begin():
        listed, total = paper_copies.paper_copies(session, actor=actor, lost=True)
        assert copy.id in {c.id for c in listed}
        assert copy.id not in {c.id for c in paper_copies.paper_copies(session, actor=actor, out=True)[0]}
    moved = outbox_events(events.PAPER_COPY_MOVED, document.id)
    assert [(m["status"], m["document_status"]) for m in moved] == [("handed_out", "draft"), ("lost", "draft")]
    assert moved[-1]["reason"] == "left in a taxi"
    with pytest.raises(Conflict), session.begin():
        paper_copies.mark_paper_copy_lost(session, paper_copy_id=copy.id, reason="again", actor=actor)
    stranger = Actor(id=uuid.uuid4(), roles=["employee"])
    with pytest.raises(NotFound), session.begin():
        paper_copies.mark_paper_copy_lost(session, paper_copy_id=copy.id, reason="x", actor=stranger)
