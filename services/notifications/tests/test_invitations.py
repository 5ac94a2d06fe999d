"""Calendar invitations for activities planned for someone else, through the real SMTP sink:
METHOD:REQUEST with organizer and attendee, the same UID with a higher SEQUENCE after a
reschedule, a stale event sending nothing, a handover cancelling the previous responsible's
copy, and METHOD:CANCEL when the activity is called off."""
import email
import uuid
from email import policy

import icalendar
import pytest
from nameko.testing.services import worker_factory

from chancery_common.envelope import Event
from notifications import channels, event_handlers
from notifications.service import NotificationsService


@pytest.fixture
def person(session):
    def make(name, time_zone="UTC"):
        employee_id = uuid.uuid4()
        address = f"{name.lower()}.{employee_id.hex[:8]}@example.test"
        with session.begin():
            event_handlers.on_employee(session, event=Event(type="employee.created", producer="staff", payload={
                "employee_id": str(employee_id), "full_name": f"{name} Test", "email": address,
                "department_id": None, "roles": ["manager"], "time_zone": time_zone, "locale": "en"}))
        return employee_id, address
    return make


def activity_event(event_type, activity_id, responsible_id, scheduled_by, sequence, planned_at, **more):
    return Event(type=event_type, producer="counterparties", payload={
        "activity_id": str(activity_id), "counterparty_id": str(uuid.uuid4()), "contact_person_id": None,
        "kind": "meeting", "subject": "Site visit", "planned_at": planned_at, "duration_minutes": 90,
        "responsible_id": str(responsible_id), "scheduled_by": str(scheduled_by), "sequence": sequence, **more})


def invitations(smtp_server, address):
    """(method, VEVENT, message) of each invitation mailed to the address, in order."""
    found = []
    for raw in smtp_server.handler.messages:
        if address not in raw.rcpt_tos:
            continue
        message = email.message_from_bytes(raw.content, policy=policy.default)
        [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar" and not p.get_filename()]
        calendar = icalendar.Calendar.from_ical(part.get_content())
        assert part.get_param("method") == str(calendar["METHOD"])
        found.append((str(calendar["METHOD"]), calendar.walk("VEVENT")[0], message))
    return found


def test_an_activity_planned_for_someone_else_invites_them_and_follows_its_changes(
        session, smtp_server, smtp_settings, person):
    service = worker_factory(NotificationsService, db=session)
    olga, olga_address = person("Olga")
    anna, anna_address = person("Anna", "Europe/Moscow")
    boris, boris_address = person("Boris", "Asia/Yekaterinburg")
    activity_id = uuid.uuid4()
    uid = f"activity-{activity_id}@chancery"

    def deliver():
        channels.deliver_due(session, settings=smtp_settings)

    service.on_activity_scheduled(activity_event(
        "activity.scheduled", activity_id, anna, olga, 0, "2031-03-04T07:00:00+00:00").to_message())
    deliver()
    [(method, invite, message)] = invitations(smtp_server, anna_address)
    assert (method, str(invite["UID"]), invite["SEQUENCE"], str(invite["STATUS"])) == ("REQUEST", uid, 0, "CONFIRMED")
    assert str(invite["ORGANIZER"]) == f"mailto:{olga_address}" and invite["ORGANIZER"].params["CN"] == "Olga Test"
    assert str(invite["ATTENDEE"]) == f"mailto:{anna_address}"
    assert invite["ATTENDEE"].params["RSVP"] == "FALSE"
    assert invite["DTSTART"].params["TZID"] == "Europe/Moscow" and invite["DTSTART"].dt.hour == 10
    assert (invite["DTEND"].dt - invite["DTSTART"].dt).total_seconds() == 90 * 60
    assert message["Subject"] == "Planned for you: Meeting: Site visit"
    [attachment] = [p for p in message.walk() if p.get_filename()]
    assert (attachment.get_filename(), attachment.get_content_type(), attachment.get_param("method")) == (
        "invite.ics", "text/calendar", "REQUEST")
    assert message.get_body(("plain",)).get_content().startswith("Planned for you")

    # planned by the responsible themselves: no invitation
    own = uuid.uuid4()
    service.on_activity_scheduled(activity_event(
        "activity.scheduled", own, olga, olga, 0, "2031-03-04T08:00:00+00:00").to_message())
    deliver()
    assert invitations(smtp_server, olga_address) == []

    # rescheduled: the same UID, the next SEQUENCE, the new time
    service.on_activity_rescheduled(activity_event(
        "activity.rescheduled", activity_id, anna, olga, 1, "2031-03-05T07:00:00+00:00",
        previous_planned_at="2031-03-04T07:00:00+00:00", rescheduled_by=str(olga)).to_message())
    # an older version arriving late (another event) sends nothing
    service.on_activity_scheduled(activity_event(
        "activity.scheduled", activity_id, anna, olga, 0, "2031-03-04T07:00:00+00:00").to_message())
    deliver()
    sent = invitations(smtp_server, anna_address)
    assert [(m, str(i["UID"]), i["SEQUENCE"], i["DTSTART"].dt.day) for m, i, _ in sent] == [
        ("REQUEST", uid, 0, 4), ("REQUEST", uid, 1, 5)]

    # handed over to Boris: Anna's copy is called off, Boris is invited, in his zone
    service.on_activity_handed_over(activity_event(
        "activity.handed_over", activity_id, boris, olga, 2, "2031-03-05T07:00:00+00:00",
        previous_responsible_id=str(anna), handed_over_by=str(olga)).to_message())
    deliver()
    method, cancel, message = invitations(smtp_server, anna_address)[-1]
    assert (method, str(cancel["UID"]), cancel["SEQUENCE"], str(cancel["STATUS"])) == ("CANCEL", uid, 2, "CANCELLED")
    assert message["Subject"] == "Called off: Meeting: Site visit"
    assert [p.get_filename() for p in message.walk() if p.get_filename()] == ["cancel.ics"]
    [(method, invite, _)] = invitations(smtp_server, boris_address)
    assert (method, invite["SEQUENCE"], invite["DTSTART"].params["TZID"]) == ("REQUEST", 2, "Asia/Yekaterinburg")

    # called off: Boris gets the CANCEL; the event's second delivery sends nothing more
    cancelled = Event(type="activity.cancelled", producer="counterparties", payload={
        "activity_id": str(activity_id), "counterparty_id": str(uuid.uuid4()), "responsible_id": str(boris),
        "cancelled_by": str(olga), "sequence": 3})
    service.on_activity_cancelled(cancelled.to_message())
    service.on_activity_cancelled(cancelled.to_message())
    deliver()
    assert [(m, i["SEQUENCE"]) for m, i, _ in invitations(smtp_server, boris_address)] == [
        ("REQUEST", 2), ("CANCEL", 3)]
    assert len(invitations(smtp_server, anna_address)) == 3
