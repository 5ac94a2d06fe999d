"""The daily digest: each morning, in each employee's own time zone, one notification with
their agenda, their approvals, what is overdue, the reminders due today, and the
notifications they chose to read in the digest instead of one e-mail each.

One ``digests`` row per (employee, local date) is the claim: a replica that loses the race
on the unique key makes nothing, so nobody gets two digests.
"""
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from . import logic, reminders
from .models import Activity, ApprovalTask, Digest, Employee, Notification, Preference

DEFAULT_HOUR = 8


def make_due(session, *, now=None, default_hour=DEFAULT_HOUR):
    """Make the digests due by now; returns the ids of the notifications made."""
    now = now or datetime.now(timezone.utc)
    made = []
    with session.begin():
        employees = session.scalars(select(Employee).where(Employee.is_active.is_(True))).all()
    for employee in employees:
        with session.begin():
            notification_id = make_one(session, employee=employee, now=now, default_hour=default_hour)
        if notification_id is not None:
            made.append(notification_id)
    return made


def make_one(session, *, employee, now, default_hour=DEFAULT_HOUR):
    preference = session.get(Preference, employee.id)
    if preference is not None and not preference.digest_enabled:
        return None
    hour = preference.digest_hour if preference is not None else default_hour
    zone = logic.zone_of(employee)
    local = now.astimezone(zone)
    if local.time() < time(hour):
        return None
    claimed = session.execute(insert(Digest).values(
        employee_id=employee.id, local_date=local.date(), created_at=now,
    ).on_conflict_do_nothing(constraint="uq_digests_employee_date").returning(Digest.id)).first()
    if claimed is None:
        return None
    sections = contents(session, employee=employee, preference=preference, now=now, zone=zone)
    if not any(items for _, items in sections):
        return None
    body = "\n\n".join(f"{title}:\n" + "\n".join(f"- {line}" for line in items)
                       for title, items in sections if items)
    notification_id = logic.notify(
        session, recipient_id=employee.id, kind="digest", title=f"Your day, {local.date().isoformat()}",
        body=body, link="/inbox", source_event_id=claimed.id, now=now,
        data={"local_date": local.date().isoformat(), "sections": [[t, i] for t, i in sections]})
    session.get(Digest, claimed.id).notification_id = notification_id
    return notification_id


def contents(session, *, employee, preference, now, zone):
    local_day = now.astimezone(zone).date()
    start = datetime.combine(local_day, time(0), tzinfo=zone).astimezone(timezone.utc)
    end = start + timedelta(days=1)

    def clock(moment):
        return moment.astimezone(zone).strftime("%H:%M")

    agenda = [f"{clock(a.planned_at)} {a.kind}: {a.subject}" for a in session.scalars(
        select(Activity).where(Activity.responsible_id == employee.id, Activity.state == "planned",
                               Activity.planned_at >= start, Activity.planned_at < end)
        .order_by(Activity.planned_at))]
    tasks = session.scalars(select(ApprovalTask).where(ApprovalTask.approver_id == employee.id,
                                                       ApprovalTask.state == "open")
                            .order_by(ApprovalTask.due_at.nulls_last())).all()
    approvals = [f"{t.label}" + (f" (due {t.due_at.astimezone(zone).date().isoformat()})" if t.due_at else "")
                 for t in tasks]
    overdue = [f"Approval: {t.label}" for t in tasks if t.due_at is not None and t.due_at < now]
    overdue += [f"{a.kind}: {a.subject} ({a.planned_at.astimezone(zone).date().isoformat()})"
                for a in session.scalars(select(Activity).where(
                    Activity.responsible_id == employee.id, Activity.state == "planned", Activity.planned_at < start)
                    .order_by(Activity.planned_at).limit(50))]
    due_today = [f"{clock(r.due_at)} {r.title}" for r in reminders.due_between(
        session, recipient_id=employee.id, start=start, end=end)]
    held = []
    kinds = [k for k in (preference.digest_kinds if preference is not None else []) or [] if k != "digest"]
    if kinds:
        since = now - timedelta(days=1)
        held = [n.title for n in session.scalars(select(Notification).where(
            Notification.recipient_id == employee.id, Notification.kind.in_(kinds),
            Notification.created_at >= since).order_by(Notification.created_at))]
    return [("My agenda today", agenda), ("My approvals", approvals), ("Overdue", overdue),
            ("Reminders due today", due_today), ("Since yesterday", held)]
