"""Calendar invitations for activities planned for someone else.

An activity whose responsible employee is not the one who planned it reaches the responsible
as a notification (kind ``activity.invitation``, e-mailed by default) whose e-mail carries an
iCalendar invitation (RFC 5546, ``METHOD:REQUEST``, a ``text/calendar`` part and an
``invite.ics`` attachment): Outlook, Gmail and phones put it in their calendar. The organizer
is who planned it, the attendee the responsible. A reschedule sends the same UID with the
activity's higher SEQUENCE (from the event); a cancellation sends ``METHOD:CANCEL``; a
handover cancels the previous responsible's copy and invites the new responsible. Done and
missed activities send nothing (they took place, or not, where they were).

``activity_invitations`` keeps the last one sent per activity and recipient: an event older
than it (events of different types may arrive out of order) sends nothing.
"""
from datetime import datetime, timedelta, timezone

from chancery_common import ical
from chancery_common.values import as_uuid

from . import logic
from .models import ActivityInvitation, Counterparty, Employee

KIND = "activity.invitation"
DEFAULT_MINUTES = 30



def _moment(value):
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def on_planned(session, *, event):
    """activity.scheduled, .rescheduled, .handed_over: invite the responsible (if someone else
    planned it), and call off the previous responsible's copy after a handover."""
    p = event.payload
    activity_id, responsible_id = as_uuid(p["activity_id"]), as_uuid(p["responsible_id"])
    organizer_id, sequence = as_uuid(p["scheduled_by"]), int(p.get("sequence") or 0)
    previous_id = as_uuid(p.get("previous_responsible_id"))
    if previous_id is not None and previous_id != responsible_id:
        _cancel(session, event=event, activity_id=activity_id, recipient_id=previous_id, sequence=sequence)
    if responsible_id == organizer_id:
        return None
    invitation = session.get(ActivityInvitation, (activity_id, responsible_id), with_for_update=True)
    if invitation is not None and invitation.sequence >= sequence and invitation.method == "REQUEST":
        return None  # this version or a later one was sent already
    if invitation is None:
        invitation = ActivityInvitation(activity_id=activity_id, recipient_id=responsible_id)
        session.add(invitation)
    invitation.organizer_id, invitation.method, invitation.sequence = organizer_id, "REQUEST", sequence
    invitation.counterparty_id = as_uuid(p.get("counterparty_id"))
    invitation.kind, invitation.subject = p.get("kind") or "", p.get("subject") or ""
    invitation.planned_at = _moment(p["planned_at"])
    if "duration_minutes" in p:
        invitation.duration_minutes = p["duration_minutes"]
    invitation.sent_at = datetime.now(timezone.utc)
    session.flush()
    return _send(session, event=event, invitation=invitation)


def on_cancelled(session, *, event):
    """activity.cancelled: call off the invitation its responsible got, if any."""
    p = event.payload
    return _cancel(session, event=event, activity_id=as_uuid(p["activity_id"]),
                   recipient_id=as_uuid(p["responsible_id"]), sequence=int(p.get("sequence") or 0))


def _cancel(session, *, event, activity_id, recipient_id, sequence):
    invitation = session.get(ActivityInvitation, (activity_id, recipient_id), with_for_update=True)
    if invitation is None or invitation.method == "CANCEL":
        return None
    # a cancellation outranks the request it calls off, even from an event that lacks the version
    invitation.method, invitation.sequence = "CANCEL", max(sequence, invitation.sequence + 1)
    invitation.sent_at = datetime.now(timezone.utc)
    session.flush()
    return _send(session, event=event, invitation=invitation)


def _person(employee, fallback_email):
    if employee is None or not employee.email:
        return {"email": fallback_email, "name": employee.full_name if employee else None}
    return {"email": employee.email, "name": employee.full_name}


def ics(invitation, *, organizer, attendee, time_zone, counterparty_name=None, link=None, now=None):
    """The invitation's bytes: one VEVENT under METHOD:REQUEST or METHOD:CANCEL."""
    now = now or datetime.now(timezone.utc)
    cancel = invitation.method == "CANCEL"
    cal = ical.calendar(method=invitation.method)
    cal.add_component(ical.event(
        uid=ical.uid("activity", invitation.activity_id), sequence=invitation.sequence, stamp=now,
        last_modified=now, time_zone=time_zone, start=invitation.planned_at,
        end=invitation.planned_at + timedelta(minutes=invitation.duration_minutes or DEFAULT_MINUTES),
        summary=f"{(invitation.kind or 'activity').capitalize()}: {invitation.subject}",
        description="\n".join(part for part in (counterparty_name, link) if part), url=link,
        status="CANCELLED" if cancel else "CONFIRMED", organizer=organizer,
        attendees=[{**attendee, "params": {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION",
                                           "RSVP": "FALSE", "CUTYPE": "INDIVIDUAL"}}]))
    return ical.to_ical(cal)


def _send(session, *, event, invitation):
    recipient = session.get(Employee, invitation.recipient_id)
    organizer = session.get(Employee, invitation.organizer_id)
    counterparty = session.get(Counterparty, invitation.counterparty_id) if invitation.counterparty_id else None
    sender = logic.SETTINGS.get("SMTP_FROM") or "chancery@localhost"
    link_path = f"/counterparties/{invitation.counterparty_id}" if invitation.counterparty_id else "/agenda"
    base = (logic.SETTINGS.get("PUBLIC_URL") or "").rstrip("/")
    body = ics(invitation, organizer=_person(organizer, sender), attendee=_person(recipient, sender),
               time_zone=logic.zone_of(recipient).key, counterparty_name=counterparty.name if counterparty else None,
               link=f"{base}{link_path}" if base else None)
    what = f"{(invitation.kind or 'activity').capitalize()}: {invitation.subject}"
    by = organizer.full_name if organizer is not None and organizer.full_name else "A colleague"
    if invitation.method == "CANCEL":
        title, text = f"Called off: {what}", f"{what} will not take place (planned by {by})."
    else:
        title = f"Planned for you: {what}"
        at = invitation.planned_at.astimezone(timezone.utc).isoformat(timespec="minutes")
        text = f"{by} planned this for you at {at}."
    return logic.notify(session, recipient_id=invitation.recipient_id, kind=KIND, title=title, body=text,
                        link=link_path, subject_type="activity", subject_id=invitation.activity_id,
                        counterparty_id=invitation.counterparty_id, source_event_id=event.id,
                        data={"calendar": {"method": invitation.method, "ics": body.decode()}})
