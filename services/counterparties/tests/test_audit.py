"""The audit log: one row per write in the same transaction, reads of personal data, the chain."""
import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, NotFound, PermissionDenied
from counterparties import logic
from counterparties.service import CounterpartiesService


def test_a_new_counterparty_is_one_row_with_its_values(make_counterparty, actor, new_audit_rows):
    with new_audit_rows() as rows:
        counterparty = make_counterparty(name="Audited LLC", tax_id="7707083893")

    [row] = rows
    assert (row["action"], row["record_type"], row["record_id"], row["actor_id"]) == (
        "created", "counterparty", counterparty.id, actor.id)
    assert row["changes"] == {
        "kind": {"from": None, "to": "organisation"}, "name": {"from": None, "to": "Audited LLC"},
        "country": {"from": None, "to": "RU"}, "tax_id": {"from": None, "to": "7707083893"},
        "responsible_employee_id": {"from": None, "to": str(actor.id)}}


def test_a_change_is_one_row_with_each_field_from_and_to(make_counterparty, update, new_audit_rows):
    counterparty = make_counterparty(name="Before", phone="1")

    with new_audit_rows() as rows:
        update(counterparty, name="After", phone="1")
    with new_audit_rows() as nothing:
        update(counterparty, name="After")

    [row] = rows
    assert (row["action"], row["changes"]) == ("updated", {"name": {"from": "Before", "to": "After"}})
    assert nothing == []


def test_contact_person_rows_say_which_personal_fields_changed_never_their_values(
        session, make_counterparty, actor, new_audit_rows, unique):
    counterparty = make_counterparty()
    with new_audit_rows() as added, session.begin():
        person = logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor, data={
            "full_name": f"Secret {unique}", "phones": [f"+7 900 {unique}"], "emails": []})
    with new_audit_rows() as updated, session.begin():
        logic.update_contact_person(session, contact_person_id=person.id, actor=actor,
                                    changes={"position": f"Chief {unique}", "phones": [f"+7 900 {unique}"]})

    [row] = added
    assert (row["action"], row["record_type"], row["record_id"]) == ("added", "contact_person", person.id)
    assert row["changes"] == {"full_name": {"changed": True}, "phones": {"changed": True}}
    [row] = updated
    assert (row["action"], row["changes"]) == ("updated", {"position": {"changed": True}})
    assert unique not in json.dumps([_jsonable(r) for r in added + updated])


def test_planning_and_completing_are_a_row_each(session, make_counterparty, actor, new_audit_rows):
    counterparty = make_counterparty()
    planned_at = datetime(2030, 1, 2, 10, 0, tzinfo=timezone.utc)
    with new_audit_rows() as planned, session.begin():
        activity = logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "kind": "call", "subject": "Offer",
            "phone_or_place": "+7 900 000-00-00", "planned_at": planned_at})
    with new_audit_rows() as completed, session.begin():
        _, following = logic.complete_activity(
            session, activity_id=activity.id, status="done", result="Agreed", next_step="Send it",
            actor=actor, follow_up={"kind": "email", "subject": "Send it", "description": None,
                                    "planned_at": planned_at + timedelta(days=1)})

    [row] = planned
    assert (row["action"], row["record_type"], row["record_id"]) == ("planned", "activity", activity.id)
    assert row["changes"] == {
        "counterparty_id": {"from": None, "to": str(counterparty.id)}, "kind": {"from": None, "to": "call"},
        "subject": {"from": None, "to": "Offer"}, "phone_or_place": {"changed": True},
        "planned_at": {"from": None, "to": planned_at.isoformat()},
        "responsible_id": {"from": None, "to": str(actor.id)}}
    assert [(r["action"], r["record_id"]) for r in completed] == [
        ("completed", activity.id), ("planned", following.id)]
    assert completed[0]["changes"] == {"status": {"from": "planned", "to": "done"},
                                       "result": {"from": None, "to": "Agreed"},
                                       "next_step": {"from": None, "to": "Send it"}}


def test_every_read_of_personal_data_is_a_row(session, make_counterparty, actor, new_audit_rows):
    service = worker_factory(CounterpartiesService, db=session)
    counterparty = make_counterparty()
    with session.begin():
        first, second = (logic.add_contact_person(session, counterparty_id=counterparty.id, actor=actor,
                                                  data={"full_name": name}) for name in ("Anna", "Boris"))
    as_dict = {"id": str(actor.id), "roles": actor.roles}

    with new_audit_rows() as one:
        service.get_contact_person(as_dict, str(first.id))
    with new_audit_rows() as listed:
        assert len(service.list_contact_persons(as_dict, str(counterparty.id))) == 2
    stranger = {"id": str(uuid.uuid4()), "roles": ["manager"]}
    with new_audit_rows() as refused, pytest.raises(NotFound):
        service.get_contact_person(stranger, str(first.id))

    assert [(r["action"], r["record_id"], r["actor_id"]) for r in one] == [("read", first.id, actor.id)]
    assert {(r["action"], r["record_id"]) for r in listed} == {("read", first.id), ("read", second.id)}
    assert len(listed) == 2
    assert refused == []
    # the unified view's part reads them too (in one insert); the chain stays whole
    counterparty_id, read_ids = str(counterparty.id), {first.id, second.id}
    session.rollback()  # what the service's worker teardown does after the refused call
    with new_audit_rows() as viewed:
        part = service.overview_part(as_dict, counterparty_id)
    assert [p["full_name"] for p in part["contact_persons"]] == ["Anna", "Boris"]
    assert {(r["action"], r["record_id"]) for r in viewed} == {("read", read_id) for read_id in read_ids}
    with session.begin():
        assert logic.verify_audit(session, actor=Actor(id=actor.id, roles=["administrator"],
                                                       permissions=["view_audit"])) == {
            "intact": True, "first_bad_id": None}


def test_a_failed_write_leaves_no_row(session, make_counterparty, actor, new_audit_rows):
    counterparty = make_counterparty()
    with session.begin():
        activity = logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "kind": "task", "subject": "Once",
            "planned_at": datetime.now(timezone.utc)})
        logic.complete_activity(session, activity_id=activity.id, status="done", result="Done",
                                next_step=None, follow_up=None, actor=actor)

    with new_audit_rows() as rows, pytest.raises(Conflict), session.begin():
        logic.complete_activity(session, activity_id=activity.id, status="done", result="Twice",
                                next_step=None, follow_up=None, actor=actor)
    assert rows == []


# reading the log ----------------------------------------------------------------------------

def test_the_entries_of_a_record_are_for_whoever_sees_it(session, make_counterparty, update, actor, make_actor):
    counterparty = make_counterparty()
    update(counterparty, name="Renamed")

    with session.begin():
        items, total = logic.audit_entries(session, actor=actor, record_type="counterparty",
                                           record_id=counterparty.id)
    assert [i["action"] for i in items] == ["updated", "created"] and total == 2
    with pytest.raises(NotFound), session.begin():
        logic.audit_entries(session, actor=make_actor("manager"), record_type="counterparty",
                            record_id=counterparty.id)


def test_searching_the_whole_log_needs_view_audit(session, make_counterparty, actor, make_actor):
    make_counterparty()
    auditor = make_actor("accountant", permissions=["view_audit"])

    with pytest.raises(PermissionDenied), session.begin():
        logic.audit_entries(session, actor=actor, action="created")
    with session.begin():
        items, total = logic.audit_entries(session, actor=auditor, action="created", actor_id=actor.id)
    assert total >= 1 and {i["actor_id"] for i in items} == {actor.id}


def test_the_service_answers_entries_as_json(session, make_counterparty, actor):
    service = worker_factory(CounterpartiesService, db=session)
    counterparty = make_counterparty()
    as_dict = {"id": str(actor.id), "roles": actor.roles}

    page = service.audit_entries(as_dict, {"record_type": "counterparty", "record_id": str(counterparty.id)})

    assert json.loads(json.dumps(page)) == page
    assert page["items"][0]["record_id"] == str(counterparty.id) and page["total"] == 1


def test_the_chain_verifies_for_those_with_view_audit(session, make_counterparty, admin, actor):
    make_counterparty()

    with session.begin():
        assert logic.verify_audit(session, actor=admin) == {"intact": True, "first_bad_id": None}
    with pytest.raises(PermissionDenied), session.begin():
        logic.verify_audit(session, actor=actor)


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET action = 'forged' WHERE id = :id",
    "DELETE FROM audit_log WHERE id = :id",
])
def test_the_log_refuses_updates_and_deletes(engine, make_counterparty, new_audit_rows, statement):
    with new_audit_rows() as rows:
        make_counterparty()

    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement), {"id": rows[0]["id"]})


def _jsonable(row):
    return {key: str(value) if not isinstance(value, (dict, list, str, int, type(None))) else value
            for key, value in row.items()}


@pytest.mark.parametrize("kind, kept", [(None, "+7 900 000-00-01"), ("call", "+7 900 000-00-01"), ("meeting", None)])
def test_a_follow_up_keeps_the_phone_only_when_it_is_of_the_same_kind(session, make_counterparty, actor, kind, kept):
    counterparty = make_counterparty()
    planned_at = datetime(2030, 1, 2, 10, 0, tzinfo=timezone.utc)
    with session.begin():
        call = logic.plan_activity(session, actor=actor, data={
            "counterparty_id": counterparty.id, "kind": "call", "subject": "Offer",
            "phone_or_place": "+7 900 000-00-01", "planned_at": planned_at})
    with session.begin():
        _, following = logic.complete_activity(
            session, activity_id=call.id, status="done", result="Agreed", next_step=None, actor=actor,
            follow_up={"kind": kind, "subject": "Next", "description": None,
                       "planned_at": planned_at + timedelta(days=1)})
        # a call's number is no place for a meeting
        assert following.phone_or_place == kept
