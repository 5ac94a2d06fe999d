"""The reminder engine: planning rows, recalculating them, and firing them once each.

Every source of reminders (a scheme on a document type, an activity, an approval task,
a paper copy, a contact person's important date, a reminder set by hand) *plans* its rows
with ``replan(session, source, wanted)``: the rows it wants now are upserted on the unique
key (source, occurrence, recipient, due_at), and its pending rows no longer wanted are
deleted. Planning again with the same facts changes nothing; a moved date replaces the
pending rows; fired rows stay as history.

``fire_due`` claims due rows with ``FOR UPDATE SKIP LOCKED`` in batches (any number of
replicas share the work, none fires a row twice), puts one notification per row in the
recipient's inbox (its source event id is the row's id, so even a replayed row notifies
once), and records ``reminder.fired`` and ``notification.sent`` in the same transaction.
After downtime the overdue rows fire at the next pass with their original due time.
"""
import logging
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert

from chancery_common.metrics import REMINDERS

from . import events, logic
from .models import Reminder

log = logging.getLogger(__name__)

# rows planned late (an event arrives after the moment) still fire if at most this late
PLANNING_GRACE = timedelta(hours=1)
# a reminder fired this long after its moment is marked late (and counts as late on /metrics)
LATE_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class FiringHooks:
    """What firing a reminder of a kind does besides notifying: ``checks`` {kind:
    check(session, reminder)} answering False when it should not fire after all (it is
    cancelled instead); ``after`` {kind: hook(session, reminder, now)} run once it fired (e.g.
    plan next year's birthday). The sources of reminders name theirs (event_handlers.HOOKS)."""

    checks: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)


@dataclass
class Wanted:
    """One reminder row a source wants."""

    occurrence: str
    recipient_id: uuid.UUID
    due_at: datetime
    title: str
    body: str = ""
    link: str | None = None
    subject_type: str | None = None
    subject_id: uuid.UUID | None = None
    counterparty_id: uuid.UUID | None = None
    payload: dict = field(default_factory=dict)
    created_by: uuid.UUID | None = None


def _key(recipient_id, occurrence, due_at):
    return (str(recipient_id), occurrence, due_at.astimezone(timezone.utc).replace(microsecond=0))


def replan(session, *, kind, source, wanted, now=None):
    """Make the pending rows of ``source`` exactly ``wanted`` (fired rows are kept); returns
    how many rows were added and removed."""
    now = now or datetime.now(timezone.utc)
    wanted = [w for w in wanted if w.recipient_id is not None]
    for w in wanted:
        w.due_at = w.due_at.astimezone(timezone.utc).replace(microsecond=0)
    keys = {_key(w.recipient_id, w.occurrence, w.due_at) for w in wanted}
    pending = session.execute(select(Reminder.id, Reminder.recipient_id, Reminder.occurrence, Reminder.due_at)
                              .where(Reminder.source == source, Reminder.state == "pending")).all()
    stale = [row.id for row in pending if _key(row.recipient_id, row.occurrence, row.due_at) not in keys]
    if stale:
        session.execute(delete(Reminder).where(Reminder.id.in_(stale)))
    added = 0
    fresh = [w for w in wanted if w.due_at >= now - PLANNING_GRACE]
    if fresh:
        rows = [{"id": uuid.uuid4(), "kind": kind, "source": source, "occurrence": w.occurrence,
                 "recipient_id": w.recipient_id, "due_at": w.due_at, "title": w.title[:500], "body": w.body,
                 "link": w.link, "subject_type": w.subject_type, "subject_id": w.subject_id,
                 "counterparty_id": w.counterparty_id, "payload": w.payload, "state": "pending",
                 "created_by": w.created_by, "created_at": now} for w in fresh]
        result = session.execute(insert(Reminder).values(rows).on_conflict_do_nothing(
            constraint="uq_reminders_occurrence").returning(Reminder.id))
        added = len(result.all())
    return added, len(stale)


def follow_time_zone(session, *, recipient_id, old, new, prefixes, now=None):
    """The recipient moved from zone ``old`` to ``new``: their pending reminders from sources
    planned at a wall-clock time (``prefixes``) keep that wall-clock time in the new zone.
    Rows being fired at this moment are left to their firing. Returns how many moved."""
    now = now or datetime.now(timezone.utc)
    try:
        old_zone, new_zone = ZoneInfo(old), ZoneInfo(new)
    except (ZoneInfoNotFoundError, ValueError):
        return 0
    rows = session.scalars(select(Reminder).where(
        Reminder.recipient_id == recipient_id, Reminder.state == "pending", Reminder.due_at > now,
        or_(*[Reminder.source.startswith(prefix, autoescape=True) for prefix in prefixes]))
        .with_for_update(skip_locked=True)).all()
    for row in rows:
        wall_clock = row.due_at.astimezone(old_zone).replace(tzinfo=None)
        row.due_at = wall_clock.replace(tzinfo=new_zone).astimezone(timezone.utc)
    return len(rows)


def cancel(session, *, source=None, source_prefix=None):
    """Forget the pending rows of a source (or of every source starting with a prefix)."""
    query = delete(Reminder).where(Reminder.state == "pending")
    if source is not None:
        query = query.where(Reminder.source == source)
    else:
        query = query.where(Reminder.source.startswith(source_prefix, autoescape=True))
    return session.execute(query).rowcount


def at_local(day, clock, zone):
    """A local date and time in a zone as an aware UTC moment."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(timezone.utc)


def measure(session, now=None):
    """Set the gauges of reminders due and late (for /metrics)."""
    now = now or datetime.now(timezone.utc)
    due, late = session.execute(select(
        func.count().filter(Reminder.due_at <= now),
        func.count().filter(Reminder.due_at <= now - LATE_AFTER),
    ).where(Reminder.state == "pending")).one()
    REMINDERS.labels("due").set(due)
    REMINDERS.labels("late").set(late)


def fire_due(session, *, hooks, now=None, batch=500, max_batches=None, pause=None):
    """Fire every due pending reminder, batch by batch, each batch one transaction; returns how
    many. ``pause()`` runs between batches (the service's eventlet.sleep, so that its event
    handlers are not starved)."""
    fired = batches = 0
    while max_batches is None or batches < max_batches:
        with session.begin():
            moment = now or datetime.now(timezone.utc)
            rows = session.scalars(
                select(Reminder).where(Reminder.state == "pending", Reminder.due_at <= moment)
                .order_by(Reminder.due_at).limit(batch).with_for_update(skip_locked=True)).all()
            fire_batch(session, rows, moment, hooks)
        fired += len(rows)
        batches += 1
        if pause is not None:
            pause()
        if len(rows) < batch:
            break
    return fired


def fire_one(session, reminder, now, hooks):
    """Put the reminder in its recipient's inbox and announce it; the row is fired once."""
    return fire_batch(session, [reminder], now, hooks)[0]


def fire_batch(session, rows, now, hooks):
    """Fire claimed rows: their notifications, ``reminder.fired`` events and new states in a few
    statements; the notification id of each (None if it was not to fire after all)."""
    firing = []
    for reminder in rows:
        hook = hooks.checks.get(reminder.kind)
        if hook is not None and hook(session, reminder) is False:
            reminder.state = "cancelled"
            reminder.fired_at = now
        else:
            firing.append(reminder)
    items = []
    for reminder in firing:
        late = now - reminder.due_at > LATE_AFTER
        body = reminder.body
        if late:
            body = (body + "\n" if body else "") + f"Due {reminder.due_at.isoformat(timespec='minutes')}"
        items.append(dict(
            recipient_id=reminder.recipient_id, kind=f"reminder.{reminder.kind}", title=reminder.title, body=body,
            link=reminder.link, subject_type=reminder.subject_type, subject_id=reminder.subject_id,
            counterparty_id=reminder.counterparty_id, source_event_id=reminder.id,
            data={**reminder.payload, "reminder_id": str(reminder.id), "due_at": reminder.due_at.isoformat(),
                  "fired_late": late}))
    ids = logic.notify_many(session, items, now=now)
    for reminder, notification_id in zip(firing, ids, strict=False):
        reminder.state = "fired"
        reminder.fired_at = now
        reminder.notification_id = notification_id
    events.record_many(session, events.REMINDER_FIRED, [{
        "reminder_id": r.id, "kind": r.kind, "source": r.source, "recipient_id": r.recipient_id,
        "due_at": r.due_at, "fired_at": now, "subject_type": r.subject_type, "subject_id": r.subject_id,
        "counterparty_id": r.counterparty_id, "notification_id": notification_id}
        for r, notification_id in zip(firing, ids, strict=False)])
    for reminder in firing:
        after = hooks.after.get(reminder.kind)
        if after is not None:
            after(session, reminder, now)
    fired = dict(zip((r.id for r in firing), ids, strict=False))
    return [fired.get(r.id) for r in rows]


def upcoming(session, *, subject_type=None, subject_id=None, recipient_id=None, include_fired=False, limit=100):
    query = select(Reminder)
    if subject_type is not None:
        query = query.where(Reminder.subject_type == subject_type, Reminder.subject_id == subject_id)
    if recipient_id is not None:
        query = query.where(Reminder.recipient_id == recipient_id)
    if not include_fired:
        query = query.where(Reminder.state == "pending")
    return session.scalars(query.order_by(Reminder.due_at, Reminder.id).limit(limit)).all()


def due_between(session, *, recipient_id, start, end):
    return session.scalars(select(Reminder).where(
        Reminder.recipient_id == recipient_id, Reminder.state == "pending",
        Reminder.due_at >= start, Reminder.due_at < end).order_by(Reminder.due_at)).all()


def days(n):
    return timedelta(days=n)


def next_yearly(month, day, today):
    """The next date (today or later) falling on month/day; 29 February becomes 28 in common years."""
    for year in (today.year, today.year + 1, today.year + 2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = date(year, month, 28)
        if candidate >= today:
            return candidate
    return None

