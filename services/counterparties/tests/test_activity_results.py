"""Activity results by manager for a period, counted over what the asker may see."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from chancery_common.errors import InvalidInput, load
from counterparties import logic, reports


def test_results_by_responsible_within_the_period_and_department(session, make_counterparty, make_actor, place):
    department, other_department = uuid.uuid4(), uuid.uuid4()
    anna, boris = make_actor(department_id=department), make_actor(department_id=department)
    stranger = make_actor(department_id=other_department)
    for person, where in ((anna, department), (boris, department), (stranger, other_department)):
        place(person, where)
    head = make_actor("department_head", department_id=department)
    now = datetime.now(timezone.utc)

    def plan(actor, days):
        counterparty = make_counterparty(by=actor, responsible_employee_id=actor.id)
        with session.begin():
            return logic.plan_activity(session, actor=actor, data={
                "counterparty_id": counterparty.id, "kind": "call", "subject": "Call",
                "planned_at": now + timedelta(days=days)})

    done = plan(anna, -2)
    with session.begin():
        logic.complete_activity(session, activity_id=done.id, status="done", result="Agreed", next_step=None,
                                actor=anna, follow_up=None)
    plan(anna, -1)          # still planned, overdue
    plan(anna, 3)           # planned
    plan(anna, -40)         # outside the period
    missed = plan(boris, -3)
    with session.begin():
        logic.complete_activity(session, activity_id=missed.id, status="missed", result="No answer",
                                next_step=None, actor=boris, follow_up=None)
    plan(stranger, -1)      # another department: the head does not see it

    since, until = now - timedelta(days=30), now + timedelta(days=30)
    result = reports.activity_results(session, actor=head, since=since, until=until, department_id=department)
    rows = {row["responsible_id"]: row for row in result["rows"]}
    assert set(rows) == {anna.id, boris.id}
    assert {k: rows[anna.id][k] for k in ("total", "done", "planned", "overdue", "missed")} == \
        {"total": 3, "done": 1, "planned": 2, "overdue": 1, "missed": 0}
    assert (rows[boris.id]["total"], rows[boris.id]["missed"]) == (1, 1)

    director = make_actor("director")
    everyone = reports.activity_results(session, actor=director, since=since, until=until)
    assert stranger.id in {row["responsible_id"] for row in everyone["rows"]}


def test_a_period_must_be_real():
    now = datetime.now(timezone.utc).isoformat()
    with pytest.raises(InvalidInput) as raised:
        load(reports.ActivityResultsQuerySchema(), {"since": now, "until": now})
    assert "until" in raised.value.details
    with pytest.raises(InvalidInput):
        load(reports.ActivityResultsQuerySchema(), {"since": "2020-01-01T00:00:00+00:00",
                                                     "until": "2026-01-01T00:00:00+00:00"})


def test_a_contact_done_in_the_period_counts_even_when_planned_after_it(session, make_counterparty, make_actor):
    """A call planned for next week and made today is today's result (the dashboard's period ends now)."""
    manager, director = make_actor(), make_actor("director")
    now = datetime.now(timezone.utc)
    counterparty = make_counterparty(by=manager, responsible_employee_id=manager.id)
    with session.begin():
        early = logic.plan_activity(session, actor=manager, data={
            "counterparty_id": counterparty.id, "kind": "call", "subject": "Call",
            "planned_at": now + timedelta(days=7)})
    with session.begin():
        logic.complete_activity(session, activity_id=early.id, status="done", result="Agreed", next_step=None,
                                actor=manager, follow_up=None)
    result = reports.activity_results(session, actor=director, since=now - timedelta(days=7),
                                      until=datetime.now(timezone.utc))
    rows = {row["responsible_id"]: row for row in result["rows"]}
    assert (rows[manager.id]["total"], rows[manager.id]["done"]) == (1, 1)
