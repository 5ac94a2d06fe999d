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
