"""The private calendar feed and the invitation e-mails, through the gateway: the feed parsed
with ``icalendar`` (own items only, stable UIDs across an update, a cancellation, the
employee's zone, revoked, rotated and unknown secrets, a dismissed employee), and the
invitation a colleague's planning sends, as the SMTP sink received it (REQUEST, then a
higher SEQUENCE, then CANCEL)."""
import time
from datetime import datetime, timedelta, timezone

import icalendar
import pytest
import requests

pytestmark = pytest.mark.system


def fetch(url, **headers):
    return requests.get(url, headers=headers, timeout=30)


def events_of(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def fresh(url, probe, eventually):
    """The feed once ``probe(events)`` holds (the answer is kept a second; events are asynchronous)."""
    return eventually(lambda: (lambda found: found if probe(found[1]) else None)(events_of(fetch(url))))


def invitations(mail_server, address, method):
    found = []
    for message in mail_server.handler.to(address):
        for part in message.walk():
            if part.get_content_type() == "text/calendar" and part.get_filename() is None:
                calendar = icalendar.Calendar.from_ical(part.get_content())
                if str(calendar["METHOD"]) == method:
                    found.append((message, calendar.walk("VEVENT")[0]))
    return found


def person(admin, client, unique, name, time_zone):
    email = f"{name.lower()}.{unique}.{time.monotonic_ns()}@calendar.chancery"
    made = admin.post("/employees/", json={"full_name": f"{name} {unique}", "email": email,
                                           "password": "calendar-password-1", "roles": ["manager"],
                                           "time_zone": time_zone})
    assert made.status_code == 201, made.text
    return made.json(), client(email, "calendar-password-1")


def test_the_feed_shows_my_own_items_in_my_zone_with_stable_uids(admin, client, unique, eventually, mail_server):
    anna, anna_api = person(admin, client, unique, "Anna", "Europe/Moscow")
    boris, boris_api = person(admin, client, unique, "Boris", "UTC")
    counterparty = admin.post("/counterparties/", json={"name": f"Feed Co {unique}",
                                                        "responsible_employee_id": anna["id"]}).json()
    boris_counterparty = admin.post("/counterparties/", json={"name": f"Boris Co {unique}",
                                                              "responsible_employee_id": boris["id"]}).json()
    start = (datetime.now(timezone.utc) + timedelta(days=3)).replace(hour=7, minute=0, second=0, microsecond=0)

    def plan(api, subject, at, on=counterparty, **more):
        made = api.post("/activities/", json={"counterparty_id": on["id"], "kind": "meeting",
                                              "subject": subject, "planned_at": at.isoformat(),
                                              "duration_minutes": 45, **more})
        assert made.status_code == 201, made.text
        return made.json()

    # planned for Anna by the administrator (an invitation), by Anna herself, and Boris's own
    theirs = plan(admin, f"Contract talk {unique}", start, responsible_id=anna["id"], phone_or_place="Room 4")
    mine = plan(anna_api, f"Own call {unique}", start + timedelta(hours=2))
    other = plan(boris_api, f"Boris only {unique}", start + timedelta(hours=1), on=boris_counterparty)
    document_type = admin.post("/document-types/", json={"code": f"cal_{unique}_{time.monotonic_ns() % 10**6}",
                                                         "name": f"Feed letter {unique}", "kind": "letter"}).json()
    document = admin.post("/documents/", json={"type_id": document_type["id"], "title": f"Feed letter {unique}",
                                               "counterparty_id": counterparty["id"]}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"], "stages": [
        {"name": "Legal", "approver_ids": [anna["id"]], "deadline_hours": 48}]})
    assert approval.status_code == 201, approval.text

    assert anna_api.get("/auth/calendar-feed").json()["active"] is False
    issued = anna_api.post("/auth/calendar-feed")
    assert issued.status_code == 201, issued.text
    url = issued.json()["url"]
    assert url.startswith(anna_api.base_url + "/calendar/cal_") and url.endswith(".ics")
    assert issued.json()["webcal_url"] == "webcal://" + url.split("://", 1)[1]

    calendar, events = fresh(url, lambda found: any(uid.startswith("approval-task-") for uid in found), eventually)
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Moscow"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]
    uid = f"activity-{theirs['id']}@chancery"
    assert set(events) >= {uid, f"activity-{mine['id']}@chancery"}
    assert f"activity-{other['id']}@chancery" not in events
    assert not any(str(e["SUMMARY"]).endswith(f"Boris only {unique}") for e in events.values())
    event = events[uid]
    assert event["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert event["DTSTART"].dt == start and event["DTSTART"].dt.utcoffset() == timedelta(hours=3)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=45)
    assert (str(event["SUMMARY"]), str(event["LOCATION"]), event["SEQUENCE"]) == (
        f"Meeting: Contract talk {unique}", "Room 4", 0)
    assert f"Feed Co {unique}" in str(event["DESCRIPTION"])
    [task] = [e for uid_, e in events.items() if uid_.startswith("approval-task-")]
    assert str(task["SUMMARY"]) == f"Approval due: Feed letter {unique}"
    assert task["DTSTART"].params["TZID"] == "Europe/Moscow" and str(task["TRANSP"]) == "TRANSPARENT"

    # the answer carries an ETag: asked again with it, nothing is sent
    answer = fetch(url)
    unchanged = fetch(url, **{"If-None-Match": answer.headers["ETag"]})
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert answer.headers["Cache-Control"] == "private, max-age=1"

    # the invitation e-mail: organizer the administrator, attendee Anna, the same UID
    [(message, invite)] = eventually(lambda: invitations(mail_server, anna["email"], "REQUEST"))
    assert str(invite["UID"]) == uid and invite["SEQUENCE"] == 0
    assert str(invite["ORGANIZER"]).lower().startswith("mailto:admin@")
    assert str(invite["ATTENDEE"]) == f"mailto:{anna['email']}"
    assert invite["DTSTART"].params["TZID"] == "Europe/Moscow" and invite["DTSTART"].dt == start
    assert message["Subject"] == f"Planned for you: Meeting: Contract talk {unique}"
    assert [part.get_filename() for part in message.walk() if part.get_filename()] == ["invite.ics"]
    assert invitations(mail_server, boris["email"], "REQUEST") == []  # Boris planned his own

    # rescheduled: the same UID, a higher SEQUENCE, the new time, in the feed and by e-mail
    later = start + timedelta(days=1)
    moved = admin.post(f"/activities/{theirs['id']}/reschedule", json={"planned_at": later.isoformat()})
    assert moved.status_code == 200, moved.text
    _, events = fresh(url, lambda found: uid in found and found[uid]["DTSTART"].dt == later, eventually)
    assert events[uid]["SEQUENCE"] == 1 and events[uid]["LAST-MODIFIED"].dt >= events[uid]["CREATED"].dt
    updates = eventually(lambda: [i for _, i in invitations(mail_server, anna["email"], "REQUEST")
                                  if i["SEQUENCE"] == 1])
    assert str(updates[0]["UID"]) == uid and updates[0]["DTSTART"].dt == later

    # cancelled: gone from the feed (subscribed calendars drop it), and a CANCEL by e-mail
    cancelled = admin.post(f"/activities/{theirs['id']}/cancellation", json={"reason": "They postponed"})
    assert cancelled.status_code == 200, cancelled.text
    fresh(url, lambda found: uid not in found and f"activity-{mine['id']}@chancery" in found, eventually)
    [(_, cancel)] = eventually(lambda: invitations(mail_server, anna["email"], "CANCEL"))
    assert str(cancel["UID"]) == uid and cancel["SEQUENCE"] == 2 and str(cancel["STATUS"]) == "CANCELLED"

    # a new address stops the old one; a revoked or unknown one is 404, without a session
    status = anna_api.get("/auth/calendar-feed").json()
    assert status["active"] is True and "url" not in status and status["last_used_at"]
    new_url = anna_api.post("/auth/calendar-feed").json()["url"]
    assert fetch(url).status_code == 404
    events_of(fetch(new_url))
    assert anna_api.request("DELETE", "/auth/calendar-feed").json()["active"] is False
    assert fetch(new_url).status_code == 404
    assert fetch(anna_api.base_url + "/calendar/cal_" + "x" * 43 + ".ics").status_code == 404
    assert fetch(anna_api.base_url + "/calendar/not-a-secret.ics").status_code == 404

    # a dismissed employee's address answers nothing
    boris_url = boris_api.post("/auth/calendar-feed").json()["url"]
    events_of(fetch(boris_url))
    assert admin.post(f"/employees/{boris['id']}/deactivate").status_code == 200
    assert fetch(boris_url).status_code == 404


def test_managing_the_address_takes_a_session(client, base_url):
    anonymous = client()
    assert anonymous.get("/auth/calendar-feed").status_code == 401
    assert anonymous.post("/auth/calendar-feed").status_code in (401, 403)
