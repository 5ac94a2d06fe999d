"""Additional responsible employees, what they see, and handing counterparties over."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from chancery_common.errors import Conflict, NotFound, PermissionDenied, load
from counterparties import access, events, handover, logic, schemas
from counterparties.models import Activity, Counterparty, outbox


@pytest.fixture
def hand_over(session):
    def run(by, counterparty_ids, from_id, to_id, **options):
        data = load(schemas.HandoverSchema(), {
            "counterparty_ids": [str(i) for i in counterparty_ids], "from_employee_id": str(from_id),
            "to_employee_id": str(to_id), **options})
        with session.begin():
            return handover.hand_over(session, actor=by, **data)
    return run


@pytest.fixture
def plan(session):
    def add(counterparty, responsible, by, **fields):
        data = load(schemas.ActivitySchema(), {
            "counterparty_id": str(counterparty.id), "kind": "call", "subject": "Call",
            "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat(),
            "responsible_id": str(responsible.id), **fields})
        with session.begin():
            return logic.plan_activity(session, data=data, actor=by).id
    return add


def test_an_additional_responsible_employee_and_their_department_see_the_counterparty(
        session, make_counterparty, make_actor, place, admin, update):
    department = uuid.uuid4()
    owner, helper = make_actor(), make_actor(department_id=department)
    head = make_actor("department_head", department_id=uuid.uuid4(), visible_department_ids=[department])
    place(helper, department)
    counterparty = make_counterparty(by=owner, additional_responsible_ids=[str(helper.id), str(owner.id)])
    assert counterparty.additional_responsible_ids == [helper.id]  # the primary is not also additional

    for viewer in (helper, head):
        with session.begin():
            assert logic.get_counterparty(session, counterparty_id=counterparty.id, actor=viewer).id == counterparty.id
            assert logic.list_counterparties(session, actor=viewer, ids=[counterparty.id])[1] == 1
            assert logic.list_counterparties(session, actor=viewer, responsible_employee_id=helper.id)[1] == 1
    with session.begin():
        visible, reasons = access.explain(session, employee=helper, record_type="counterparty", record=counterparty)
        assert visible and reasons == ["an additional responsible employee of the counterparty"]
        visible, reasons = access.explain(session, employee=head, record_type="counterparty", record=counterparty)
        assert visible and "an additional responsible employee works in department" in reasons[0]

    update(counterparty, by=owner, additional_responsible_ids=[])
    with session.begin(), pytest.raises(NotFound):
        logic.get_counterparty(session, counterparty_id=counterparty.id, actor=helper)
    with session.begin():
        visible, reasons = access.explain(session, employee=helper, record_type="counterparty",
                                          record=session.get(Counterparty, counterparty.id))
        assert not visible


def test_handing_over_moves_responsibility_and_open_activities_in_one_action(
        session, make_counterparty, make_actor, admin, plan, hand_over, history, new_audit_rows):
    leaving, staying, colleague = make_actor(), make_actor(), make_actor()
    primary = make_counterparty(by=admin, responsible_employee_id=str(leaving.id))
    shared = make_counterparty(by=admin, responsible_employee_id=str(colleague.id),
                               additional_responsible_ids=[str(leaving.id)])
    open_call = plan(primary, leaving, admin)
    colleagues_call = plan(shared, colleague, admin)
    done_call = plan(primary, leaving, admin)
    with session.begin():
        logic.complete_activity(session, activity_id=done_call, status="done", result="ok", next_step=None,
                                follow_up=None, actor=admin)

    with new_audit_rows() as rows:
        result = hand_over(admin, [primary.id, shared.id], leaving.id, staying.id, reason="Dismissal")
    assert result["activities_moved"] == 1

    with session.begin():
        moved_primary = logic.get_counterparty(session, counterparty_id=primary.id, actor=admin)
        moved_shared = logic.get_counterparty(session, counterparty_id=shared.id, actor=admin)
        assert moved_primary.responsible_employee_id == staying.id
        assert (moved_shared.responsible_employee_id, moved_shared.additional_responsible_ids) == (
            colleague.id, [staying.id])
        assert [session.get(Activity, a).responsible_id for a in (open_call, colleagues_call, done_call)] == [
            staying.id, colleague.id, leaving.id]
    assert sorted((r["action"], r["record_type"]) for r in rows) == [
        ("handed_over", "activity"), ("handed_over", "counterparty"), ("handed_over", "counterparty")]
    entry = history(primary.id)[0]
    assert entry.kind == "counterparty.handed_over" and entry.summary.endswith(": Dismissal")
    with session.begin():
        payloads = session.scalars(select(outbox.table.c.payload).where(
            outbox.table.c.event_type == events.COUNTERPARTY_HANDED_OVER)).all()
    assert {"counterparty_ids": [str(primary.id), str(shared.id)], "from_employee_id": str(leaving.id),
            "to_employee_id": str(staying.id), "by": str(admin.id)} in payloads
    # the moved activity is announced, so reminders and calendars follow the new employee
    with session.begin():
        handed = session.scalars(select(outbox.table.c.payload).where(
            outbox.table.c.event_type == events.ACTIVITY_HANDED_OVER)).all()
    [moved] = [p for p in handed if p["activity_id"] == str(open_call)]
    assert (moved["responsible_id"], moved["previous_responsible_id"], moved["handed_over_by"]) == (
        str(staying.id), str(leaving.id), str(admin.id))


def test_a_handover_is_all_or_nothing(session, make_counterparty, make_actor, admin, hand_over):
    leaving, staying = make_actor(), make_actor()
    theirs = make_counterparty(by=admin, responsible_employee_id=str(leaving.id)).id
    someone_elses = make_counterparty(by=admin).id
    with pytest.raises(Conflict, match="not responsible"):
        hand_over(admin, [theirs, someone_elses], leaving.id, staying.id)
    with session.begin():
        assert logic.get_counterparty(session, counterparty_id=theirs,
                                      actor=admin).responsible_employee_id == leaving.id


def test_who_may_hand_over(session, make_counterparty, make_actor, place, admin, hand_over):
    department = uuid.uuid4()
    head = make_actor("department_head", department_id=department)
    inside, inside_too, outside = make_actor(department_id=department), make_actor(department_id=department), \
        make_actor(department_id=uuid.uuid4())
    for employee in (inside, inside_too):
        place(employee, department)
    place(outside, outside.department_id)
    counterparty_id = make_counterparty(by=admin, responsible_employee_id=str(inside.id)).id

    with pytest.raises(PermissionDenied):
        hand_over(inside, [counterparty_id], inside.id, inside_too.id)
    with pytest.raises(PermissionDenied, match="works elsewhere"):
        hand_over(head, [counterparty_id], inside.id, outside.id)
    assert hand_over(head, [counterparty_id], inside.id, inside_too.id)["counterparty_ids"] == [counterparty_id]
    assert hand_over(make_actor("director"), [counterparty_id], inside_too.id, outside.id)["activities_moved"] == 0
