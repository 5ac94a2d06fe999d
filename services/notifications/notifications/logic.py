"""The in-app inbox: what each employee is told, and what they have read."""
from datetime import datetime, timezone

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from . import events
from .exceptions import NotFound
from .models import Notification

# Roles that see every notification about a counterparty, not only their own.
OVERSEEING_ROLES = ("administrator", "director")


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
    events.catalog.record(session, events.NOTIFICATION_SENT, {
        "notification_id": inserted.id, "recipient_id": recipient_id, "kind": kind,
        "channel": "inbox", "subject_type": subject_type, "subject_id": subject_id,
        "counterparty_id": counterparty_id,
    })
    return inserted.id


def visible_to(actor):
    """Who may read which notifications: one's own; overseeing roles, all of them."""
    if actor.has_role(*OVERSEEING_ROLES):
        return True
    return Notification.recipient_id == actor.id


def list_notifications(session, *, actor, unread_only=False, kind=None, counterparty_id=None,
                       limit=50, offset=0):
    """Newest first. Without a counterparty: the actor's inbox; with one: what the actor may see."""
    if counterparty_id is None:
        query = select(Notification).where(Notification.recipient_id == actor.id)
    else:
        query = select(Notification).where(Notification.counterparty_id == counterparty_id,
                                           visible_to(actor))
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


def mark_read(session, *, actor, notification_id):
    notification = session.get(Notification, notification_id)
    if notification is None or notification.recipient_id != actor.id:
        raise NotFound(f"notification {notification_id} not found")
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
