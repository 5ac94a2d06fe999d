"""An employee's calendar feed: their own planned and done activities only, each with its
version (sequence and last change from the audit log), the same sequence the activity's
events announce; cancelled and missed ones left out."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from chancery_common.actor import Actor
from chancery_common.errors import load
from counterparties import logic, schemas

SOON = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)


@pytest.fixture
def plan(session, admin):
    def add(counterparty, responsible, at, by=None, **fields):
        data = load(schemas.ActivitySchema(), {
            "counterparty_id": str(counterparty.id), "kind": "call", "subject": "Prices",
            "planned_at": at.isoformat(), "responsible_id": str(responsible.id), **fields})
        with session.begin():
            return str(logic.plan_activity(session, data=data, actor=by or admin).id)
    return add


def test_the_feed_has_my_own_activities_with_their_versions(rpc, as_dict, make_actor, make_counterparty, plan,
                                                             admin, outbox_events):
    anna, boris = make_actor(), make_actor()
    away = make_actor()
    deputy = Actor(id=anna.id, roles=["employee"], acting_for=[away.id])
    counterparty = make_counterparty(by=anna, name=f"Feed Co {uuid.uuid4().hex[:6]}")
    moved = plan(counterparty, anna, SOON, duration_minutes=20)
    done = plan(counterparty, anna, SOON + timedelta(hours=1))
    cancelled = plan(counterparty, anna, SOON + timedelta(hours=2))
    missed = plan(counterparty, anna, SOON + timedelta(hours=3))
    plan(counterparty, boris, SOON)
    plan(counterparty, away, SOON)  # a colleague Anna deputises for: not in her feed
    plan(counterparty, anna, SOON + timedelta(days=400))  # beyond a year ahead

    rpc.reschedule_activity(as_dict(admin), moved, {"planned_at": (SOON + timedelta(days=1)).isoformat()})
    rpc.reschedule_activity(as_dict(admin), moved, {"planned_at": (SOON + timedelta(days=2)).isoformat()})
    for activity_id, status in ((done, "done"), (cancelled, "cancelled"), (missed, "missed")):
        rpc.complete_activity(as_dict(admin), activity_id, {"status": status, "result": "As it went"})

    feed = {row["activity"]["id"]: row for row in rpc.calendar_feed(as_dict(deputy))}
    assert set(feed) == {moved, done}
    assert (feed[moved]["sequence"], feed[done]["sequence"]) == (2, 1)
    assert feed[moved]["activity"]["planned_at"] == (SOON + timedelta(days=2)).isoformat()
    assert feed[moved]["counterparty_name"] == counterparty.name
    assert feed[moved]["last_modified"] > feed[moved]["activity"]["created_at"]

    # the events announce the same versions
    scheduled = [p for p in outbox_events("activity.scheduled", counterparty.id) if p["activity_id"] == moved]
    assert [(p["sequence"], p["duration_minutes"]) for p in scheduled] == [(0, 20)]
    assert [p["sequence"] for p in outbox_events("activity.rescheduled", counterparty.id)] == [1, 2]
    [called_off] = outbox_events("activity.cancelled", counterparty.id)
    assert called_off["sequence"] == 1 and called_off["activity_id"] == cancelled
