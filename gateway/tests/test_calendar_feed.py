"""The calendar feed's address, on a faked bus: the iCalendar it renders (the employee's zone,
own items only asked for, stable UIDs, versions), 404 for a bad, unknown or revoked secret,
the ETag, the per-secret cache, and a 503 rather than a partial feed."""
import uuid

import icalendar
import pytest

from chancery_common.errors import NotFound, Unavailable
from chancery_gateway.compose import calendar_feed

SECRET = "cal_" + "s" * 43


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setattr(calendar_feed, "_cache", calendar_feed.FeedCache(seconds=0))


@pytest.fixture
def feed_bus(bus, identity, employee):
    employee.update(time_zone="Asia/Yekaterinburg", locale="ru")
    identity["acting_for"] = [str(uuid.uuid4())]
    activity_id, task_id, approval_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    bus.answers[("staff", "resolve_calendar_feed")] = lambda secret: identity if secret == SECRET else (
        _ for _ in ()).throw(NotFound("no such calendar"))
    bus.answers[("counterparties", "calendar_feed")] = [{
        "activity": {"id": str(activity_id), "counterparty_id": str(uuid.uuid4()), "kind": "call",
                     "subject": "Prices", "description": None, "phone_or_place": "+7 495 000-00-00",
                     "planned_at": "2031-03-04T06:00:00+00:00", "duration_minutes": None, "status": "done",
                     "result": "Agreed", "created_at": "2031-03-01T10:00:00+00:00"},
        "sequence": 1, "last_modified": "2031-03-04T07:00:00+00:00", "counterparty_name": "Stroy LLC"}]
    bus.answers[("approvals", "list_my_tasks")] = {"total": 2, "items": [
        {"id": str(task_id), "due_at": "2031-03-05T15:00:00+00:00", "assigned_at": "2031-03-03T15:00:00+00:00",
         "stage_name": "Legal", "approval": {"id": str(approval_id), "document_number": "C-7",
                                              "document_title": "Lease"}},
        {"id": str(uuid.uuid4()), "due_at": None, "assigned_at": "2031-03-03T15:00:00+00:00", "stage_name": "x",
         "approval": {"id": str(approval_id), "document_number": None, "document_title": "No deadline"}}]}
    return activity_id, task_id


def test_the_feed_is_the_employees_own_items_in_their_zone(client, bus, feed_bus, employee):
    activity_id, task_id = feed_bus
    answer = client.get(f"/calendar/{SECRET}.ics")
    assert answer.status_code == 200 and answer.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(answer.data)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Yekaterinburg"]
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {f"activity-{activity_id}@chancery", f"approval-task-{task_id}@chancery"}
    call = events[f"activity-{activity_id}@chancery"]
    assert (call["DTSTART"].params["TZID"], call["DTSTART"].dt.hour) == ("Asia/Yekaterinburg", 11)
    assert (call["DTEND"].dt - call["DTSTART"].dt).total_seconds() == 30 * 60
    assert call["SEQUENCE"] == 1 and call["DTSTAMP"].dt == call["LAST-MODIFIED"].dt
    # in the employee's language: the kind, "done" and its result
    assert str(call["SUMMARY"]) == "Звонок: Prices"
    assert str(call["DESCRIPTION"]).split("\n")[:2] == ["Stroy LLC", "Выполнено: Agreed"]
    task = events[f"approval-task-{task_id}@chancery"]
    assert str(task["SUMMARY"]) == "Срок согласования: C-7 Lease" and str(task["TRANSP"]) == "TRANSPARENT"
    assert task["DTSTART"].dt == task["DTEND"].dt and task["SEQUENCE"] == 2 * 24 * 60
    # asked as the employee alone: not for the colleagues they deputise for
    actors = [args[0] for service, method, args in bus.calls if service != "staff"]
    assert actors and all(actor["acting_for"] == [] and actor["id"] == employee["id"] for actor in actors)
    assert ("approvals", "list_my_tasks", (actors[0], {"status": "pending", "limit": 500})) in bus.calls


def test_an_unknown_revoked_or_malformed_secret_is_404_and_the_etag_spares_a_resend(client, feed_bus):
    assert client.get("/calendar/cal_" + "u" * 43 + ".ics").status_code == 404
    assert client.get("/calendar/nonsense.ics").status_code == 404
    assert client.get("/calendar/cal_%3Cscript%3E.ics").status_code == 404
    first = client.get(f"/calendar/{SECRET}.ics")
    again = client.get(f"/calendar/{SECRET}.ics", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_a_service_down_makes_no_partial_feed(client, bus, feed_bus):
    bus.answers[("approvals", "list_my_tasks")] = Unavailable("approvals is not answering")
    assert client.get(f"/calendar/{SECRET}.ics").status_code == 503


def test_the_cache_keeps_an_answer_per_secret_for_its_seconds():
    now = [100.0]
    cache = calendar_feed.FeedCache(seconds=60, clock=lambda: now[0])
    cache.put("a", (b"feed", "etag"))
    assert cache.get("a") == (b"feed", "etag") and cache.get("b") is None
    now[0] += 61
    assert cache.get("a") is None


def test_a_second_request_within_the_cache_time_asks_only_who_it_is(client, bus, feed_bus, monkeypatch):
    monkeypatch.setattr(calendar_feed, "_cache", calendar_feed.FeedCache(seconds=60))
    client.get(f"/calendar/{SECRET}.ics")
    asked = len(bus.calls)
    assert client.get(f"/calendar/{SECRET}.ics").status_code == 200
    # revocation still counts at once: staff is asked every time, the services are not
    assert [call[:2] for call in bus.calls[asked:]] == [("staff", "resolve_calendar_feed")]


def test_the_address_is_managed_with_a_session_only_and_shown_in_the_answer_that_makes_it(
        client, bus, identity, sign_in):
    bus.answers[("staff", "resolve_api_token")] = {**identity, "scopes": ["read", "write"], "token_id": "t"}
    assert client.get("/api/v1/auth/calendar-feed", headers={"Authorization": "Bearer chy_x"}).status_code == 403
    csrf = sign_in()
    bus.answers[("staff", "issue_calendar_feed")] = lambda actor: {
        "active": True, "created_at": "2031-03-01T10:00:00+00:00", "last_used_at": None, "secret": SECRET}
    made = client.post("/api/v1/auth/calendar-feed", headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201
    assert made.json["url"] == f"http://testserver/calendar/{SECRET}.ics"
    assert made.json["webcal_url"] == f"webcal://testserver/calendar/{SECRET}.ics" and "secret" not in made.json
