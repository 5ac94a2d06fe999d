"""What employees configure: reminder schemes per document type, and reminders set by hand.

Reminder schemes need the ``configure_document_types`` permission (as the document types
themselves do). A reminder set by hand is for oneself; for other employees or a department,
administrators and directors may set one for anyone, department heads for the employees
of the departments they see (as for planning activities, docs/permissions.md).
"""
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select

from chancery_common.audit import diff

from . import event_handlers, logic, reminders
from .exceptions import InvalidInput, NotFound, PermissionDenied
from .models import Document, Employee, Reminder, ReminderScheme, audit_log

SCHEME_FIELDS = ("document_type_id", "name", "date_field", "offsets", "at_time", "recipients", "stop_statuses",
                 "message", "is_active")


def _check_configure(actor):
    if not (actor.has_role("administrator") or actor.may("configure_document_types")):
        raise PermissionDenied("configuring reminder schemes needs configure_document_types",
                               {"permission": "configure_document_types"})


def list_schemes(session, *, document_type_id=None):
    query = select(ReminderScheme)
    if document_type_id is not None:
        query = query.where(ReminderScheme.document_type_id == document_type_id)
    return session.scalars(query.order_by(ReminderScheme.name, ReminderScheme.id)).all()


def get_scheme(session, *, scheme_id):
    scheme = session.get(ReminderScheme, scheme_id)
    if scheme is None:
        raise NotFound(f"reminder scheme {scheme_id} not found")
    return scheme


def _snapshot(scheme):
    values = {name: getattr(scheme, name) for name in SCHEME_FIELDS}
    values["at_time"] = values["at_time"].isoformat() if values["at_time"] else None
    values["document_type_id"] = str(values["document_type_id"]) if values["document_type_id"] else None
    return values


def _validate_scheme(data):
    errors = {}
    if not data.get("offsets"):
        errors["offsets"] = ["Give at least one offset in days (negative: before the date)."]
    elif len(set(data["offsets"])) != len(data["offsets"]):
        errors["offsets"] = ["Each offset once."]
    r = data.get("recipients") or {}
    if not (r.get("responsible") or r.get("counterparty_responsible") or r.get("employee_ids")
            or r.get("department_ids") or r.get("roles")):
        errors["recipients"] = ["Choose at least one recipient."]
    if errors:
        raise InvalidInput("the reminder scheme is incomplete", errors)


def save_scheme(session, *, actor, data, scheme_id=None, now=None):
    """Create or replace a scheme, then recalculate its reminders on every document of the type."""
    _check_configure(actor)
    _validate_scheme(data)
    if scheme_id is None:
        scheme = ReminderScheme(id=uuid.uuid4(), created_by=actor.id)
        before = {}
        session.add(scheme)
    else:
        scheme = get_scheme(session, scheme_id=scheme_id)
        before = _snapshot(scheme)
    for name in SCHEME_FIELDS:
        if name in data:
            setattr(scheme, name, data[name])
    scheme.offsets = sorted(int(o) for o in scheme.offsets)
    scheme.recipients = {key: [str(v) for v in value] if isinstance(value, list) else value
                         for key, value in (scheme.recipients or {}).items()}
    scheme.stop_statuses = list(scheme.stop_statuses or [])
    scheme.message = scheme.message or ""
    scheme.is_active = True if scheme.is_active is None else scheme.is_active
    scheme.at_time = scheme.at_time or event_handlers.DEFAULT_REMINDER_TIME
    scheme.updated_at = datetime.now(timezone.utc)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="updated" if before else "created",
                     record_type="reminder_scheme", record_id=scheme.id,
                     changes=diff(before, _snapshot(scheme), SCHEME_FIELDS))
    event_handlers.plan_scheme(session, scheme, now=now)
    return scheme


def delete_scheme(session, *, actor, scheme_id):
    _check_configure(actor)
    scheme = get_scheme(session, scheme_id=scheme_id)
    reminders.cancel(session, source_prefix=f"scheme:{scheme.id}:")
    audit_log.record(session, actor_id=actor.id, action="deleted", record_type="reminder_scheme",
                     record_id=scheme.id, changes=diff(_snapshot(scheme), {}, SCHEME_FIELDS))
    session.delete(scheme)


# Reminders set by hand.

def _may_remind(session, actor, employee_ids, department_ids):
    others = {e for e in employee_ids if e != actor.id}
    if not others and not department_ids:
        return
    if actor.has_role("administrator", "director"):
        return
    if actor.has_role("department_head"):
        visible = set(actor.visible_department_ids or [])
        outside_departments = [d for d in department_ids if d not in visible]
        employees = session.scalars(select(Employee).where(Employee.id.in_(others))).all() if others else []
        outside = [e for e in employees if e.department_id not in visible] + [
            e for e in others if e not in {x.id for x in employees}]
        if not outside_departments and not outside:
            return
    raise PermissionDenied("only administrators, directors and department heads (for their departments) "
                           "set reminders for others", {"permission": "remind_others"})


def create_manual(session, *, actor, data, now=None):
    """One reminder (a row per recipient) about any record, or about nothing."""
    now = now or datetime.now(timezone.utc)
    due_at = data["due_at"]
    if due_at <= now - timedelta(minutes=1):
        raise InvalidInput("a reminder is for a moment to come", {"due_at": ["Choose a moment in the future."]})
    employee_ids = list(dict.fromkeys(data.get("employee_ids") or []))
    department_ids = list(dict.fromkeys(data.get("department_ids") or []))
    if not employee_ids and not department_ids:
        employee_ids = [actor.id]
    _may_remind(session, actor, employee_ids, department_ids)
    recipients = list(employee_ids)
    if department_ids:
        # a department includes the departments inside it
        recipients += session.scalars(select(Employee.id).where(
            Employee.department_id.in_(logic.with_sub_departments(session, department_ids)),
            Employee.is_active.is_(True))).all()
    recipients = list(dict.fromkeys(recipients))
    manual_id = uuid.uuid4()
    subject_type, subject_id = data.get("subject_type"), data.get("subject_id")
    link = data.get("link") or (f"/{subject_type}s/{subject_id}" if subject_type and subject_id else None)
    counterparty_id = data.get("counterparty_id")
    if subject_type == "document" and subject_id is not None and counterparty_id is None:
        document = session.get(Document, subject_id)
        counterparty_id = document.counterparty_id if document else None
    wanted = [reminders.Wanted(
        occurrence="manual", recipient_id=recipient, due_at=due_at, title=data["title"], body=data.get("note") or "",
        link=link, subject_type=subject_type, subject_id=subject_id, counterparty_id=counterparty_id,
        payload={"manual_id": str(manual_id), "set_by": str(actor.id)}, created_by=actor.id)
        for recipient in recipients]
    reminders.replan(session, kind="manual", source=f"manual:{manual_id}", wanted=wanted, now=now)
    audit_log.record(session, actor_id=actor.id, action="created", record_type="reminder", record_id=manual_id,
                     changes={"due_at": {"from": None, "to": due_at.isoformat()},
                              "recipients": {"from": None, "to": sorted(str(r) for r in recipients)},
                              "subject_type": {"from": None, "to": subject_type},
                              "subject_id": {"from": None, "to": str(subject_id) if subject_id else None}})
    session.flush()
    return session.scalars(select(Reminder).where(Reminder.source == f"manual:{manual_id}")
                           .order_by(Reminder.recipient_id)).all()


def visible_reminders(session, *, actor, subject_type=None, subject_id=None, include_fired=False, limit=200):
    """Reminders the actor may see: those to them, and those they set; about a record if asked."""
    query = select(Reminder).where((Reminder.recipient_id == actor.id) | (Reminder.created_by == actor.id))
    if subject_type is not None:
        query = query.where(Reminder.subject_type == subject_type)
    if subject_id is not None:
        query = query.where(Reminder.subject_id == subject_id)
    if not include_fired:
        query = query.where(Reminder.state == "pending")
    return session.scalars(query.order_by(Reminder.due_at, Reminder.id).limit(limit)).all()


def delete_reminder(session, *, actor, reminder_id):
    """Remove a pending reminder: one's own, or one set by oneself."""
    reminder = session.get(Reminder, reminder_id)
    if reminder is None or actor.id not in (reminder.recipient_id, reminder.created_by):
        raise NotFound(f"reminder {reminder_id} not found")
    if reminder.state != "pending":
        raise InvalidInput("the reminder has already fired", {"reminder_id": ["It has already fired."]})
    audit_log.record(session, actor_id=actor.id, action="deleted", record_type="reminder", record_id=reminder.id,
                     changes={"due_at": {"from": reminder.due_at.isoformat(), "to": None}})
    session.execute(delete(Reminder).where(Reminder.id == reminder.id))
