"""The in-app inbox: what each employee is told, and what they have read.

A notification is seen by its recipient only, whatever their role (docs/permissions.md).
"""
import uuid
from datetime import datetime, timezone

from sqlalchemy import cast, func, select, update
from sqlalchemy.dialects.postgresql import JSONPATH, insert

from chancery_common.audit import diff

from . import events
from .exceptions import NotFound, PermissionDenied
from .models import Notification, audit_log

# The fields of a notification its "created" audit row lists; its title, body and data may
# name people, and the log keeps no personal data.
AUDITED_FIELDS = ("recipient_id", "kind", "subject_type", "subject_id", "counterparty_id", "source_event_id")


def notify(session, *, recipient_id, kind, title, body="", link=None, subject_type=None,
           subject_id=None, counterparty_id=None, data=None, source_event_id=None):
    """Put a notification in an inbox once per (event, recipient, kind); None if already there."""
    inserted = session.execute(
        insert(Notification).values(
            recipient_id=recipient_id, kind=kind, title=title, body=body, link=link,
            subject_type=subject_type, subject_id=subject_id, counterparty_id=counterparty_id,
            data=data or {}, source_event_id=source_event_id, created_at=datetime.now(timezone.utc),
        ).on_conflict_do_nothing().returning(Notification.id)
    ).first()
    if inserted is None:
        return None
    created = {"recipient_id": _uuid(recipient_id), "kind": kind, "subject_type": subject_type,
               "subject_id": _uuid(subject_id), "counterparty_id": _uuid(counterparty_id),
               "source_event_id": _uuid(source_event_id)}
    audit_log.record(session, actor_id=None, action="created", record_type="notification",
                     record_id=inserted.id, changes=diff({}, created, AUDITED_FIELDS))
    events.catalog.record(session, events.NOTIFICATION_SENT, {
        "notification_id": inserted.id, "recipient_id": recipient_id, "kind": kind,
        "channel": "inbox", "subject_type": subject_type, "subject_id": subject_id,
        "counterparty_id": counterparty_id,
    })
    return inserted.id


def visible_to(actor):
    """The SQL condition on notifications that selects those the actor may see: their own."""
    return Notification.recipient_id == actor.id


def list_notifications(session, *, actor, unread_only=False, kind=None, counterparty_id=None,
                       limit=50, offset=0):
    """The actor's own notifications, newest first; with a counterparty, those about it."""
    query = select(Notification).where(visible_to(actor))
    if counterparty_id is not None:
        query = query.where(Notification.counterparty_id == counterparty_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    if kind:
        query = query.where(Notification.kind == kind)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(Notification.created_at.desc(), Notification.id)
                            .limit(limit).offset(offset)).all()
    return items, total


def unread_count(session, *, actor):
    return session.scalar(select(func.count()).where(
        Notification.recipient_id == actor.id, Notification.read_at.is_(None)))


def get_notification(session, *, notification_id, actor):
    """The notification, or NotFound when it does not exist or is someone else's."""
    notification = session.scalars(select(Notification).where(
        Notification.id == notification_id, visible_to(actor))).first()
    if notification is None:
        raise NotFound(f"notification {notification_id} not found")
    return notification


def mark_read(session, *, actor, notification_id):
    """Mark one of the actor's notifications read; the first read time stays."""
    notification = get_notification(session, notification_id=notification_id, actor=actor)
    if notification.read_at is None:
        notification.read_at = datetime.now(timezone.utc)
    return notification


def mark_all_read(session, *, actor):
    result = session.execute(update(Notification).where(
        Notification.recipient_id == actor.id, Notification.read_at.is_(None),
    ).values(read_at=datetime.now(timezone.utc)))
    return result.rowcount


# What other services' events tell whom.

def on_task_assigned(session, *, event):
    p = event.payload
    label = " ".join(part for part in (p["document_number"], p["document_title"]) if part)
    return notify(
        session, recipient_id=p["approver_id"], kind="approval.task_assigned",
        title=f"Approval requested: {label}",
        body=f"{p['stage_name']}; due {p['due_at'] or 'without a deadline'}",
        link=f"/approvals/{p['approval_id']}", subject_type="approval", subject_id=p["approval_id"],
        counterparty_id=p["counterparty_id"], data=p, source_event_id=event.id)


def on_approval_completed(session, *, event):
    p = event.payload
    label = " ".join(part for part in (p["document_number"], p["document_title"]) if part)
    return notify(
        session, recipient_id=p["initiator_id"], kind="approval.completed",
        title=f"Approval {p['outcome']}: {label}", body=p.get("comment") or "",
        link=f"/documents/{p['document_id']}", subject_type="document", subject_id=p["document_id"],
        counterparty_id=p["counterparty_id"], data=p, source_event_id=event.id)


def _uuid(value):
    """An id from an event (text) as a UUID, so audit hashes see one spelling of it."""
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))


# Access, the audit log and personal data.

def explain_access(session, *, asked_by, actor, record_id):
    """Whether the actor sees the notification, and the rule that decides it, as a sentence."""
    if not asked_by.has_role("administrator"):
        raise PermissionDenied("only administrators may ask why an employee sees a record")
    notification = session.get(Notification, record_id)
    if notification is None:
        raise NotFound(f"notification {record_id} not found")
    if notification.recipient_id == actor.id:
        return {"visible": True, "reasons": ["They are its recipient."]}
    return {"visible": False, "reasons": [
        "Only its recipient sees a notification, whatever their role, and they are not its recipient."]}


def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"notification": lambda record_id: get_notification(session, notification_id=record_id, actor=actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def _referencing(contact_person_id):
    """The condition on notifications whose data names the contact person's id, at any depth."""
    return func.jsonb_path_exists(Notification.data, cast("$.** ? (@ == $id)", JSONPATH),
                                  func.jsonb_build_object("id", str(contact_person_id)))


def process_erasure(session, *, event):
    """A contact person was erased: empty the data and body of every notification about them."""
    p = event.payload
    contact_person_id, erased_by = _uuid(p["contact_person_id"]), _uuid(p.get("erased_by"))
    scrubbed = session.scalars(
        update(Notification).where(_referencing(contact_person_id))
        .values(data={}, body="").returning(Notification.id)).all()
    for notification_id in scrubbed:
        audit_log.record(session, actor_id=erased_by, action="personal_data_erased", record_type="notification",
                         record_id=notification_id, changes={"data": {"changed": True}, "body": {"changed": True}})
    audit_log.record(session, actor_id=erased_by, action="erasure_processed", record_type="contact_person",
                     record_id=contact_person_id, changes={
                         "event_id": event.id, "counterparty_id": _uuid(p.get("counterparty_id")),
                         "reason": p.get("reason"), "records_removed": len(scrubbed),
                         "notification_ids": sorted(str(i) for i in scrubbed)})
    return scrubbed


def export_personal_data(session, *, actor, contact_person_id):
    """Every notification whose data names the contact person, and the audit rows about them.

    Reading them is a read of personal data, so it is audited.
    """
    records = session.scalars(select(Notification).where(_referencing(contact_person_id))
                              .order_by(Notification.created_at, Notification.id)).all()
    audit_log.record(session, actor_id=actor.id, action="personal_data_exported", record_type="contact_person",
                     record_id=contact_person_id, changes={"notification_ids": [str(n.id) for n in records]})
    entries, _ = audit_log.entries(session, record_type="contact_person", record_ids=[contact_person_id],
                                   limit=None)
    return {"service": "notifications", "records": records, "audit_entries": entries}
