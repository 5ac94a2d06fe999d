"""An employee's private calendar address: ``/calendar/<secret>.ics`` on the gateway.

Calendar programs (Outlook, Google Calendar, phones) subscribe to it without signing in, so
the address itself is the credential: a random secret, shown once when made, kept here only
as its SHA-256 (as API tokens are). The employee makes one, makes a new one (the old address
stops working at once) or revokes it on their account page; one address per employee. An
unknown or revoked secret, or a dismissed employee's, resolves to nothing (the gateway
answers 404, never telling which).
"""
import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from . import logic
from .exceptions import NotFound
from .models import CalendarFeed, Employee

PREFIX = "cal_"
TOUCH_EVERY = timedelta(minutes=5)


def _hash(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def status(session, *, actor):
    """The employee's address as it stands (never the secret): made when, last read when."""
    feed = session.get(CalendarFeed, actor.id)
    return {"active": feed is not None, "created_at": feed.created_at if feed else None,
            "last_used_at": feed.last_used_at if feed else None}


def issue(session, *, actor):
    """A new secret for the employee's address (the previous one, if any, stops working);
    returned once, with the status."""
    secret = PREFIX + secrets.token_urlsafe(32)
    feed = session.get(CalendarFeed, actor.id, with_for_update=True)
    action = "calendar_feed_rotated" if feed is not None else "calendar_feed_created"
    if feed is None:
        feed = CalendarFeed(employee_id=actor.id)
        session.add(feed)
    feed.secret_hash, feed.created_at, feed.last_used_at = _hash(secret), datetime.now(timezone.utc), None
    session.flush()
    logic.audit(session, actor_id=actor.id, action=action, record_type="employee", record_id=actor.id)
    return secret, status(session, actor=actor)


def revoke(session, *, actor):
    """The address stops working; revoking none changes nothing."""
    feed = session.get(CalendarFeed, actor.id, with_for_update=True)
    if feed is not None:
        session.delete(feed)
        session.flush()
        logic.audit(session, actor_id=actor.id, action="calendar_feed_revoked", record_type="employee",
                    record_id=actor.id)
    return status(session, actor=actor)


def resolve(session, *, secret):
    """The employee whose address has this secret; NotFound for an unknown or revoked secret or
    a dismissed employee."""
    feed = session.scalars(select(CalendarFeed).where(CalendarFeed.secret_hash == _hash(secret))).first()
    employee = session.get(Employee, feed.employee_id) if feed is not None else None
    if employee is None or not employee.is_active:
        raise NotFound("no such calendar")
    now = datetime.now(timezone.utc)
    if feed.last_used_at is None or now - feed.last_used_at >= TOUCH_EVERY:
        feed.last_used_at = now
    return employee
