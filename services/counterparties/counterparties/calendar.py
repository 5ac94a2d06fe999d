"""The calendar: activities in a date range, for me, for one employee, or for my team.

- mine (default): my activities and those of colleagues away whom I deputise for (marked
  ``on_behalf_of``);
- one employee's: mine, someone I deputise for, or (administrators and directors) anyone,
  or (department heads) an employee of one of their departments;
- the team's (``team``): a department head's (or an administrator's, a director's) — every
  employee working in the departments they see (their own, those they head and those
  inside them) and themselves.

Whoever may see an employee's calendar sees all of its activities, whether or not they see
each counterparty. A range is at most 62 days.

The agenda is the same people's planned activities of one day and the overdue ones, two
reads of one partial index (planned activities by employee and time), without totals.

The feed (``feed``) is what an employee's subscribed calendar program shows: their own
activities only (those they are responsible for; not a deputised colleague's), planned and
done, from three months back to a year ahead, each with its version: ``sequence``, the
number of changes after it was planned (rescheduled, completed, handed over), and
``last_modified``, the time of the last one, both read from the audit log, which records
every change of an activity in the change's transaction. Activity events carry the same
``sequence``, so an invitation e-mail and the feed name the same version.
"""
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from . import access
from .exceptions import InvalidInput, PermissionDenied
from .models import Activity, Counterparty, StaffMember, audit_log

MAX_RANGE = timedelta(days=62)
MAX_ITEMS = 5000
MAX_AGENDA = 500  # activities of the day, and overdue ones, at most
SEES_ANYONE = ("administrator", "director")
TEAM_VIEWERS = ("department_head", "administrator", "director")


def calendar(session, *, actor, planned_from, planned_to, employee_id=None, team=False, status=None,
             limit=MAX_ITEMS):
    if planned_to <= planned_from:
        raise InvalidInput("Invalid input: planned_to", {"planned_to": ["The range ends before it starts."]})
    if planned_to - planned_from > MAX_RANGE:
        raise InvalidInput("Invalid input: planned_to", {"planned_to": ["A calendar shows at most 62 days."]})
    if team and employee_id is not None:
        raise InvalidInput("Invalid input: employee_id", {"employee_id": ["Ask for one employee or the team."]})
    on_behalf = {}
    if team:
        if not actor.has_role(*TEAM_VIEWERS):
            raise PermissionDenied("Only department heads, directors and administrators see a team's calendar.")
        members = session.scalars(select(StaffMember.employee_id).where(
            StaffMember.department_id.in_(actor.visible_department_ids), StaffMember.is_active.is_(True))).all()
        employees = list(dict.fromkeys([actor.id, *members]))
    else:
        employees, on_behalf = _whose(session, actor=actor, employee_id=employee_id)
    query = select(Activity).where(Activity.responsible_id.in_(employees), Activity.planned_at >= planned_from,
                                   Activity.planned_at < planned_to)
    if status is not None:
        query = query.where(Activity.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(Activity.planned_at, Activity.id).limit(limit)).all()
    for activity in items:
        activity.on_behalf_of = on_behalf.get(activity.responsible_id)
    return {"employee_ids": employees, "items": items, "total": total, "truncated": total > len(items)}


def agenda(session, *, actor, day_from, day_to, overdue_before, employee_id=None, limit=MAX_AGENDA):
    """{"today": planned activities in [day_from, day_to), "overdue": planned before overdue_before},
    each in time order, of the caller and the colleagues they deputise for (marked
    ``on_behalf_of``), or of one employee the caller may see."""
    if day_to <= day_from:
        raise InvalidInput("Invalid input: day_to", {"day_to": ["The day ends before it starts."]})
    employees, on_behalf = _whose(session, actor=actor, employee_id=employee_id)
    planned = select(Activity).where(Activity.responsible_id.in_(employees), Activity.status == "planned")
    in_order = (Activity.planned_at, Activity.id)
    today = session.scalars(planned.where(Activity.planned_at >= day_from, Activity.planned_at < day_to)
                            .order_by(*in_order).limit(limit)).all()
    overdue = session.scalars(planned.where(Activity.planned_at < overdue_before)
                              .order_by(*in_order).limit(limit)).all()
    for activity in (*today, *overdue):
        activity.on_behalf_of = on_behalf.get(activity.responsible_id)
    return {"today": today, "overdue": overdue}


def _whose(session, *, actor, employee_id):
    """(employees, {colleague: colleague}) whose activities are shown: one employee the actor
    may see, or the actor and those they deputise for (marked ``on_behalf_of``)."""
    if employee_id is not None and employee_id != actor.id:
        _check_may_see(session, actor=actor, employee_id=employee_id)
        return [employee_id], {}
    return [actor.id, *actor.acting_for], {person: person for person in actor.acting_for}


def _check_may_see(session, *, actor, employee_id):
    if actor.has_role(*SEES_ANYONE) or employee_id in actor.acting_for:
        return
    if actor.has_role("department_head") and access.works_in_visible_department(
            session, actor=actor, employee_id=employee_id):
        return
    raise PermissionDenied("You may see the calendar of employees of your departments (department heads) or of "
                           "colleagues you deputise for; administrators and directors see anyone's.")


# the audit actions that change an activity: each one makes a new version of its calendar event
CHANGES = ("planned", "rescheduled", "completed", "handed_over")
FEED_PAST = timedelta(days=92)
FEED_AHEAD = timedelta(days=366)
FEED_STATUSES = ("planned", "done")
MAX_FEED = 2000


def versions(session, activity_ids):
    """{activity id: (sequence, last modified)} from the audit log's rows of their changes."""
    if not activity_ids:
        return {}
    t = audit_log.table
    rows = session.execute(select(t.c.record_id, func.count(), func.max(t.c.occurred_at)).where(
        t.c.record_type == "activity", t.c.record_id.in_(list(activity_ids)), t.c.action.in_(CHANGES))
        .group_by(t.c.record_id)).all()
    return {record_id: (max(count - 1, 0), changed_at) for record_id, count, changed_at in rows}


def sequence_of(session, activity_id):
    """The activity's version as its events announce it (after this transaction's change)."""
    return versions(session, [activity_id]).get(activity_id, (0, None))[0]


def feed(session, *, actor, now=None, limit=MAX_FEED):
    """The caller's own planned and done activities around now, in time order, each with its
    ``sequence``, ``last_modified`` and ``counterparty_name`` (cancelled and missed ones are left
    out: a subscribed calendar drops what its feed no longer lists)."""
    now = now or datetime.now(timezone.utc)
    items = session.scalars(select(Activity).where(
        Activity.responsible_id == actor.id, Activity.status.in_(FEED_STATUSES),
        Activity.planned_at >= now - FEED_PAST, Activity.planned_at < now + FEED_AHEAD)
        .order_by(Activity.planned_at, Activity.id).limit(limit)).all()
    known = versions(session, [activity.id for activity in items])
    names = dict(session.execute(select(Counterparty.id, Counterparty.name).where(
        Counterparty.id.in_({activity.counterparty_id for activity in items}))).all()) if items else {}
    return [{"activity": activity, "sequence": known.get(activity.id, (0, None))[0],
             "last_modified": known.get(activity.id, (0, None))[1] or activity.created_at,
             "counterparty_name": names.get(activity.counterparty_id)} for activity in items]
