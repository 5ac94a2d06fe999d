"""An employee's private calendar feed: their planned contacts and approval deadlines as
iCalendar, at ``/calendar/<secret>.ics``, which Outlook, Google Calendar and phones
subscribe to without signing in (docs/ui.md, "Calendar subscription").

The secret is the credential: staff resolves it (``resolve_calendar_feed``) on every request
to the employee's identity, or to nothing for an unknown or revoked secret or a dismissed
employee (a 404, which does not say which). The feed holds the employee's own items only
(not those of colleagues they deputise for): the activities they are responsible for
(counterparties' ``calendar_feed``: planned and done; cancelled and missed ones are left out,
since subscribed calendars drop what a feed no longer lists and Outlook and Google Calendar
show a STATUS:CANCELLED event of a feed as an ordinary one) and the deadlines of their
pending approval tasks. Times are in the employee's time zone (TZID and VTIMEZONE).

Calendar programs ask every few minutes to every few hours; an answer is kept per secret
for ``CALENDAR_FEED_CACHE_SECONDS`` (default 300) in each gateway worker, carries an ETag
(``If-None-Match`` gets a 304) and ``Cache-Control: private, max-age``. A service that does
not answer makes the whole feed a 503 (never a partial feed: the program would delete the
missing events until its next refresh).
"""
import hashlib
import os
import threading
import time
from datetime import datetime, timedelta

from flask_babel import force_locale, gettext as _

from chancery_common import ical

from .. import rpc

SECRET_PREFIX = "cal_"
REFRESH_MINUTES = 60
DEFAULT_MINUTES = 30  # an activity planned without a length
MAX_TASKS = 500


def cache_seconds():
    return float(os.environ.get("CALENDAR_FEED_CACHE_SECONDS", "300"))


class FeedCache:
    """Secret (its hash) -> (body, etag) for some seconds, in this worker."""

    def __init__(self, seconds=None, size=5000, clock=time.monotonic):
        self.seconds, self.size, self.clock = seconds, size, clock
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry and entry[0] > self.clock():
                return entry[1]
            self.entries.pop(key, None)
            return None

    def put(self, key, value):
        seconds = cache_seconds() if self.seconds is None else self.seconds
        if seconds <= 0:
            return
        with self.lock:
            if len(self.entries) >= self.size:
                self.entries.clear()
            self.entries[key] = (self.clock() + seconds, value)


_cache = FeedCache()


def url_of(public_url, secret):
    """The address to subscribe to (https) and the same for phones' calendar apps (webcal)."""
    https = f"{public_url.rstrip('/')}/calendar/{secret}.ics"
    return https, "webcal://" + https.split("://", 1)[1]


def looks_like_secret(text):
    return text.startswith(SECRET_PREFIX) and 10 <= len(text) <= 200 and all(
        ch.isalnum() or ch in "-_" for ch in text)


def own_actor(identity):
    """The employee as services expect them, with no one they deputise for: only their own items."""
    employee = identity["employee"]
    return {"id": employee["id"], "roles": employee["roles"], "department_id": employee["department_id"],
            "full_name": employee["full_name"], "permissions": identity["permissions"],
            "visible_department_ids": identity["visible_department_ids"], "acting_for": []}


def feed(secret, *, public_url, kind_label):
    """(body, etag) of the secret's feed (the etag unquoted); raises NotFound for an unknown or
    revoked secret or a dismissed employee."""
    identity = rpc.call("staff", "resolve_calendar_feed", secret)
    key = hashlib.sha256(secret.encode()).hexdigest()
    cached = _cache.get(key)
    if cached is not None:
        return cached
    actor = own_actor(identity)
    parts = rpc.fan_out({
        "activities": ("counterparties", "calendar_feed", actor),
        "tasks": ("approvals", "list_my_tasks", actor, {"status": "pending", "limit": MAX_TASKS}),
    })
    for result in parts.values():
        if isinstance(result, Exception):
            raise result
    employee = identity["employee"]
    with force_locale(employee.get("locale") or "en"):
        body = render(employee=employee, activities=parts["activities"], tasks=parts["tasks"]["items"],
                      public_url=public_url, kind_label=kind_label)
    answer = (body, hashlib.sha256(body).hexdigest()[:32])
    _cache.put(key, answer)
    return answer


def _moment(value):
    return datetime.fromisoformat(value) if value else None


def render(*, employee, activities, tasks, public_url, kind_label):
    """The feed's bytes: one VEVENT per activity and per task with a deadline."""
    base = public_url.rstrip("/")
    zone_name = employee.get("time_zone") or "UTC"
    cal = ical.calendar(name=_("Chancery: %(name)s", name=employee["full_name"]), time_zone=zone_name,
                        refresh_minutes=REFRESH_MINUTES)
    for row in activities:
        activity = row["activity"]
        start = _moment(activity["planned_at"])
        changed = _moment(row["last_modified"])
        lines = [row["counterparty_name"] or ""]
        if activity["status"] == "done":
            lines.append(_("Done") + (f": {activity['result']}" if activity.get("result") else ""))
        if activity.get("description"):
            lines.append(activity["description"])
        cal.add_component(ical.event(
            uid=ical.uid("activity", activity["id"]), sequence=row["sequence"], stamp=changed,
            last_modified=changed, created=_moment(activity["created_at"]), time_zone=zone_name,
            start=start, end=start + timedelta(minutes=activity.get("duration_minutes") or DEFAULT_MINUTES),
            summary=f"{kind_label('activity', activity['kind'])}: {activity['subject']}",
            description="\n".join(line for line in lines if line), location=activity.get("phone_or_place"),
            url=f"{base}/counterparties/{activity['counterparty_id']}", categories=[_("Planned contacts")]))
    for task in tasks:
        if not task.get("due_at"):
            continue
        due, assigned = _moment(task["due_at"]), _moment(task["assigned_at"]) or _moment(task["due_at"])
        approval = task["approval"]
        title = " ".join(part for part in (approval.get("document_number"), approval.get("document_title")) if part)
        cal.add_component(ical.event(
            # a deadline only ever moves later (an extension): the minutes from the assignment
            # to it rise with every change, a version number clients accept
            uid=ical.uid("approval-task", task["id"]), sequence=max(int((due - assigned).total_seconds() // 60), 0),
            stamp=assigned, last_modified=assigned, time_zone=zone_name, start=due, end=due,
            summary=_("Approval due: %(title)s", title=title),
            description=_("Stage: %(stage)s", stage=task.get("stage_name") or ""),
            url=f"{base}/approvals/{approval['id']}", busy=False, categories=[_("Approval deadlines")]))
    return ical.to_ical(cal)
