"""What the counterparties service tells other services: the payloads of its events."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.envelope import Event
from chancery_common.errors import Conflict, load
from counterparties import logic, schemas
from counterparties.models import outbox
from counterparties.service import CounterpartiesService


@pytest.fixture
def events_of(session):
    """The payloads of one event type whose ``key`` field is ``value``, oldest first."""
    def payloads(event_type, key, value):
        table = outbox.table
        with session.begin():
            return session.scalars(select(table.c.payload).where(
                table.c.event_type == event_type, table.c.payload[key].astext == str(value)).order_by(table.c.id)).all()
    return payloads


@pytest.fixture
def add_person(session, actor):
    def add(counterparty, **fields):
        data = load(schemas.ContactPersonSchema(), {"full_name": "Zinaida Petrova", **fields})
        with session.begin():
            return logic.add_contact_person(session, counterparty_id=counterparty.id, data=data, actor=actor)
    return add


@pytest.fixture
def plan(session, actor):
    def add(counterparty, **fields):
        data = load(schemas.ActivitySchema(), {
            "counterparty_id": str(counterparty.id), "kind": "call", "subject": "Price list",
            "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).replace(microsecond=0).isoformat(),
            **fields})
        with session.begin():
            return logic.plan_activity(session, data=data, actor=actor)
    return add


def test_counterparty_events_carry_the_name_and_responsible_employee(make_counterparty, update, outbox_events, admin):
    responsible = uuid.uuid4()
    counterparty = make_counterparty(name="Vega LLC", responsible_employee_id=str(responsible))
    update(counterparty, by=admin, name="Vega Trading LLC")

    created, = outbox_events("counterparty.created", counterparty.id)
    updated, = outbox_events("counterparty.updated", counterparty.id)
    assert (created["name"], created["responsible_employee_id"]) == ("Vega LLC", str(responsible))
    assert (updated["name"], updated["responsible_employee_id"]) == ("Vega Trading LLC", str(responsible))
    assert updated["changes"] == {"name": {"from": "Vega LLC", "to": "Vega Trading LLC"}}


def test_contact_person_events_carry_important_dates_for_reminders(session, make_counterparty, add_person, actor,
                                                                    events_of):
    counterparty = make_counterparty()
    person = add_person(counterparty, important_dates=[
        {"kind": "birthday", "date": "1980-05-17", "remind": True, "remind_days_before": 3},
        {"kind": "anniversary", "label": "Joined Vega", "date": "2011-04-01", "remind_yearly": True},
        {"kind": "other", "label": "Name day", "date": "2000-02-14"}])

    added, = events_of("contact_person.added", "contact_person_id", person.id)
    ids = [item["id"] for item in person.important_dates]
    assert len(set(ids)) == 3
    assert added == {
        "contact_person_id": str(person.id), "counterparty_id": str(counterparty.id), "full_name": "Zinaida Petrova",
        "responsible_employee_id": str(actor.id), "added_by": str(actor.id),
        "important_dates": [
            {"id": ids[0], "title": "Birthday", "date": "1980-05-17", "remind": True, "remind_days_before": 3},
            {"id": ids[1], "title": "Joined Vega", "date": "2011-04-01", "remind": True, "remind_days_before": 0},
            {"id": ids[2], "title": "Name day", "date": "2000-02-14", "remind": False, "remind_days_before": 0}]}

    # the client sends the dates back with their ids: the ids stay; a new date gets a new one
    kept = schemas.ContactPersonSchema().dump(person)["important_dates"][:1]
    changes = load(schemas.ContactPersonSchema(partial=True), {"important_dates": [
        {**kept[0], "remind_days_before": 7}, {"kind": "other", "label": "Wedding", "date": "2015-06-20",
                                                "remind": True}]})
    with session.begin():
        logic.update_contact_person(session, contact_person_id=person.id, changes=changes, actor=actor)
    updated, = events_of("contact_person.updated", "contact_person_id", person.id)
    assert updated["changed"] == ["important_dates"] and updated["updated_by"] == str(actor.id)
    assert updated["important_dates"][0] == {"id": ids[0], "title": "Birthday", "date": "1980-05-17",
                                             "remind": True, "remind_days_before": 7}
    assert updated["important_dates"][1]["id"] not in ids and updated["important_dates"][1]["remind"] is True

    # no change, no event
    with session.begin():
        logic.update_contact_person(session, contact_person_id=person.id,
                                    changes={"full_name": "Zinaida Petrova"}, actor=actor)
    assert len(events_of("contact_person.updated", "contact_person_id", person.id)) == 1


def test_moving_a_contact_person_is_announced(session, make_counterparty, add_person, actor, events_of):
    first, second = make_counterparty(), make_counterparty()
    person = add_person(first)
    with session.begin():
        logic.move_contact_person(session, contact_person_id=person.id, counterparty_id=second.id, actor=actor)

    assert events_of("contact_person.moved", "contact_person_id", person.id) == [{
        "contact_person_id": str(person.id), "from_counterparty_id": str(first.id),
        "to_counterparty_id": str(second.id), "moved_by": str(actor.id)}]


def test_rescheduling_and_cancelling_an_activity_are_announced(session, make_counterparty, plan, actor, events_of,
                                                               history):
    counterparty = make_counterparty()
    activity = plan(counterparty)
    first_time = activity.planned_at
    later = first_time + timedelta(hours=3)

    with session.begin():
        logic.reschedule_activity(session, activity_id=activity.id, planned_at=later, reason="client asked",
                                  actor=actor)
    with session.begin():  # the same time again changes nothing
        logic.reschedule_activity(session, activity_id=activity.id, planned_at=later, actor=actor)
    moved, = events_of("activity.rescheduled", "activity_id", activity.id)
    assert datetime.fromisoformat(moved["planned_at"]) == later
    assert datetime.fromisoformat(moved["previous_planned_at"]) == first_time
    assert (moved["rescheduled_by"], moved["scheduled_by"], moved["responsible_id"]) == (
        str(actor.id), str(actor.id), str(actor.id))
    assert history(counterparty.id)[0].kind == "activity.rescheduled"
    assert moved["sequence"] == 1  # the unchanged second reschedule made no version

    with session.begin():
        cancelled = logic.cancel_activity(session, activity_id=activity.id, reason="they postponed the project",
                                          actor=actor)
    assert (cancelled.status, cancelled.result) == ("cancelled", "they postponed the project")
    assert events_of("activity.cancelled", "activity_id", activity.id) == [{
        "activity_id": str(activity.id), "counterparty_id": str(counterparty.id),
        "responsible_id": str(actor.id), "cancelled_by": str(actor.id),
        "sequence": 2}]  # its version: planned (0), rescheduled (1), cancelled (2)
    with session.begin(), pytest.raises(Conflict):
        logic.reschedule_activity(session, activity_id=activity.id, planned_at=later + timedelta(days=1), actor=actor)


def approval_finished(counterparty_id, outcome="approved"):
    return Event(type="approval.finished", producer="approvals", payload={
        "approval_id": str(uuid.uuid4()), "document_id": str(uuid.uuid4()), "counterparty_id": str(counterparty_id),
        "document_title": "Supply contract", "document_number": "CTR-2026-000009", "document_type_id": None,
        "initiator_id": str(uuid.uuid4()), "route_version": 2, "outcome": outcome, "decided_by": str(uuid.uuid4()),
        "comment": None, "finished_at": "2026-03-01T10:00:00+00:00"})


def document_signed(counterparty_id):
    return Event(type="document.signed", producer="documents", payload={
        "document_id": str(uuid.uuid4()), "counterparty_id": str(counterparty_id), "title": "Supply contract",
        "type_code": "contract", "type_name": "Contract", "number": "CTR-2026-000009",
        "document_type_id": str(uuid.uuid4()), "status": "signed", "responsible_id": None, "department_id": None,
        "dates": {"document_date": "2026-03-01"}, "signed_at": "2026-03-02T10:00:00+00:00",
        "signed_by": str(uuid.uuid4())})


def test_finished_approvals_and_signed_documents_join_the_timeline(session, make_counterparty, history):
    counterparty = make_counterparty()
    service = worker_factory(CounterpartiesService, db=session)
    finished, signed = approval_finished(counterparty.id, "rejected"), document_signed(counterparty.id)

    service.on_approval_finished(finished.to_message())
    service.on_document_signed(signed.to_message())
    service.on_document_signed(signed.to_message())  # redelivered: once

    entries = history(counterparty.id)
    assert [(e.kind, e.summary) for e in entries[:2]] == [
        ("document.signed", "Signed CTR-2026-000009: Supply contract"),
        ("approval.finished", "Approval rejected: Supply contract")]
    assert entries[1].actor_id == uuid.UUID(finished.payload["decided_by"])
    assert entries[0].actor_id == uuid.UUID(signed.payload["signed_by"])
    assert len(entries) == 3
    assert not hasattr(service, "on_approval_completed")


def contract_event(event_type, counterparty_id, document_id, **payload):
    """A documents event about a contract's paper copy or execution, as it arrives from the bus."""
    return Event(type=event_type, producer="documents", payload={
        "document_id": str(document_id), "counterparty_id": str(counterparty_id), "title": "Supply contract",
        "type_code": "contract", "type_name": "Contract", "number": "CTR-2026-000011",
        "document_type_id": str(uuid.uuid4()), "responsible_id": None, "department_id": None,
        "dates": {"document_date": "2026-03-01"}, **payload})


def test_a_contracts_paper_original_and_execution_join_the_timeline(session, make_counterparty, history):
    counterparty, document_id = make_counterparty(), uuid.uuid4()
    service = worker_factory(CounterpartiesService, db=session)
    keeper, accountant = str(uuid.uuid4()), str(uuid.uuid4())
    moved = contract_event(
        "paper_copy.moved", counterparty.id, document_id, status="handed_out", document_status="signed",
        paper_copy_id=str(uuid.uuid4()), kind="original", from_holder_id=None, to_holder_id=str(uuid.uuid4()),
        to_location=None, expected_return_on="2026-03-10", reason="to sign", moved_by=keeper,
        moved_at="2026-03-02T10:00:00+00:00")
    milestone = contract_event(
        "contract.milestone_changed", counterparty.id, document_id, status="signed",
        milestone_id=str(uuid.uuid4()), change="added", milestone_title="Foundations", due_on="2026-04-01",
        amount="400000.00", currency="RUB", act_id=None, completed_on=None, milestone_status="planned",
        changed_by=keeper, changes={})
    payment = {"payment_id": str(uuid.uuid4()), "kind": "actual", "on": "2026-03-03", "amount": "100000.00",
               "currency": "RUB", "we_are": "supplier", "settlement": [], "open_planned": []}
    recorded = contract_event("contract.payment_recorded", counterparty.id, document_id, status="signed",
                              invoice_id=None, reference="PO-1", recorded_by=accountant, **payment)
    cancelled = contract_event("contract.payment_cancelled", counterparty.id, document_id, status="signed",
                               reason="entered twice", cancelled_by=accountant, **payment)

    service.on_paper_copy_moved(moved.to_message())
    service.on_contract_milestone_changed(milestone.to_message())
    service.on_contract_payment_recorded(recorded.to_message())
    service.on_contract_payment_cancelled(cancelled.to_message())
    service.on_contract_payment_cancelled(cancelled.to_message())  # redelivered: once

    entries = history(counterparty.id)
    assert [(e.kind, e.summary, str(e.actor_id)) for e in entries[:4]] == [
        ("contract.payment_cancelled",
         "Supply contract: actual payment of 100000.00 RUB on 2026-03-03 cancelled: entered twice", accountant),
        ("contract.payment_recorded", "Supply contract: actual payment of 100000.00 RUB on 2026-03-03", accountant),
        ("contract.milestone_changed", "Supply contract: milestone «Foundations» added (planned)", keeper),
        ("paper_copy.moved", "Paper original of Supply contract handed out", keeper)]
    assert len(entries) == 5
