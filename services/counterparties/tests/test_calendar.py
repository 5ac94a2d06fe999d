"""The calendar: my activities in a range, one employee's, and a department head's team."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from chancery_common.actor import Actor
from chancery_common.errors import InvalidInput, PermissionDenied, load
from counterparties import logic, schemas

MONDAY = datetime(2031, 3, 3, tzinfo=timezone.utc)


@pytest.fixture
def plan(session, admin):
    def add(counterparty, responsible, at, **fields):
        data = load(schemas.ActivitySchema(), {
            "counterparty_id": str(counterparty.id), "kind": "meeting", "subject": "Talk",
            "planned_at": at.isoformat(), "responsible_id": str(responsible.id), **fields})
        with session.begin():
            return str(logic.plan_activity(session, data=data, actor=admin).id)
    return add


def week(rpc, as_dict, actor, **query):
    return rpc.activity_calendar(as_dict(actor), {"planned_from": MONDAY.isoformat(),
                                                  "planned_to": (MONDAY + timedelta(days=7)).isoformat(), **query})


def test_my_week_a_colleagues_and_my_teams(rpc, as_dict, make_actor, place, make_counterparty, plan):
    department, other_department = uuid.uuid4(), uuid.uuid4()
    head = make_actor("department_head", department_id=department)
    worker, outsider = make_actor(department_id=department), make_actor(department_id=other_department)
    place(head, department), place(worker, department), place(outsider, other_department)
    counterparty = make_counterparty(by=make_actor())  # seen by none of them
    mine = plan(counterparty, worker, MONDAY + timedelta(days=1, hours=9))
    plan(counterparty, worker, MONDAY + timedelta(days=8))  # next week
    heads = plan(counterparty, head, MONDAY + timedelta(hours=10))
    theirs = plan(counterparty, outsider, MONDAY + timedelta(days=2))

    assert [a["id"] for a in week(rpc, as_dict, worker)["items"]] == [mine]
    team = week(rpc, as_dict, head, team=True)
    assert [a["id"] for a in team["items"]] == [heads, mine]
    assert set(team["employee_ids"]) == {str(head.id), str(worker.id)} and team["truncated"] is False
    assert [a["id"] for a in week(rpc, as_dict, head, employee_id=str(worker.id))["items"]] == [mine]

    with pytest.raises(PermissionDenied):
        week(rpc, as_dict, head, employee_id=str(outsider.id))
    with pytest.raises(PermissionDenied):
        week(rpc, as_dict, worker, employee_id=str(head.id))
    with pytest.raises(PermissionDenied):
        week(rpc, as_dict, worker, team=True)
    director = make_actor("director")
    assert [a["id"] for a in week(rpc, as_dict, director, employee_id=str(outsider.id))["items"]] == [theirs]


def test_a_deputy_sees_the_absent_colleagues_week_marked(rpc, as_dict, make_actor, make_counterparty, plan):
    away = make_actor()
    deputy = Actor(id=uuid.uuid4(), roles=["employee"], acting_for=[away.id])
    counterparty = make_counterparty(by=away)
    theirs = plan(counterparty, away, MONDAY + timedelta(days=3))
    found = week(rpc, as_dict, deputy)["items"]
    assert [(a["id"], a["on_behalf_of"]) for a in found] == [(theirs, str(away.id))]
    assert week(rpc, as_dict, deputy, employee_id=str(away.id))["items"][0]["id"] == theirs


def test_bad_ranges_are_refused(rpc, as_dict, actor):
    me = as_dict(actor)
    with pytest.raises(InvalidInput, match="planned_to"):
        rpc.activity_calendar(me, {"planned_from": MONDAY.isoformat(), "planned_to": MONDAY.isoformat()})
    with pytest.raises(InvalidInput, match="planned_to"):
        rpc.activity_calendar(me, {"planned_from": MONDAY.isoformat(),
                                   "planned_to": (MONDAY + timedelta(days=63)).isoformat()})
    with pytest.raises(InvalidInput, match="employee_id"):
        rpc.activity_calendar(me, {"planned_from": MONDAY.isoformat(), "team": True, "employee_id": str(actor.id),
                                   "planned_to": (MONDAY + timedelta(days=7)).isoformat()})


def agenda(rpc, as_dict, actor, day, now, **query):
    return rpc.agenda(as_dict(actor), {"day_from": day.isoformat(), "day_to": (day + timedelta(days=1)).isoformat(),
                                       "overdue_before": min(day, now).isoformat(), **query})


def test_the_agenda_holds_the_days_planned_and_the_overdue_of_me_and_whom_i_stand_in_for(
        rpc, as_dict, session, make_actor, make_counterparty, plan):
    me, away, other = make_actor(), make_actor(), make_actor()
    deputy = Actor(id=me.id, roles=["employee"], acting_for=[away.id])
    counterparty = make_counterparty(by=make_actor())
    day = MONDAY + timedelta(days=1)
    late = plan(counterparty, me, day - timedelta(days=3), kind="call")
    done = plan(counterparty, me, day - timedelta(days=2))
    with session.begin():
        logic.complete_activity(session, activity_id=uuid.UUID(done), status="done", result="Agreed",
                                next_step=None, follow_up=None, actor=make_actor("administrator"))
    second = plan(counterparty, me, day + timedelta(hours=15))
    first = plan(counterparty, away, day + timedelta(hours=9))
    plan(counterparty, me, day + timedelta(days=1, hours=9))  # tomorrow
    plan(counterparty, other, day + timedelta(hours=11))  # someone else's

    found = agenda(rpc, as_dict, deputy, day, now=day + timedelta(hours=12))
    assert [(a["id"], a["on_behalf_of"]) for a in found["today"]] == [(first, str(away.id)), (second, None)]
    assert [a["id"] for a in found["overdue"]] == [late]  # the done one is not overdue
    # without the stand-in, only mine; a day in the future: overdue is what is planned before now
    mine = agenda(rpc, as_dict, me, day + timedelta(days=5), now=day + timedelta(hours=16))
    assert mine["today"] == [] and [a["id"] for a in mine["overdue"]] == [late, second]
    # another employee's agenda only for those who may see it
    with pytest.raises(PermissionDenied):
        agenda(rpc, as_dict, me, day, now=day, employee_id=str(other.id))
    director = make_actor("director")
    assert [a["id"] for a in agenda(rpc, as_dict, director, day, now=day,
                                    employee_id=str(other.id))["today"]] != []
    with pytest.raises(InvalidInput, match="day_to"):
        rpc.agenda(as_dict(me), {"day_from": day.isoformat(), "day_to": day.isoformat(),
                                 "overdue_before": day.isoformat()})
