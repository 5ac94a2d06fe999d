"""Events the notifications service publishes (exchange ``notifications.events``)."""
import uuid
from datetime import datetime, timezone

from marshmallow import Schema, fields
from sqlalchemy import event as sa_event

from chancery_common.outbox import EventCatalog

from .models import outbox

NOTIFICATION_SENT = "notification.sent"
REMINDER_FIRED = "reminder.fired"


class NotificationSentV1(Schema):
    """A notification was delivered to an employee through a channel."""

    notification_id = fields.UUID(required=True)
    recipient_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    channel = fields.String(required=True, metadata={"enum": ["inbox", "email"]})
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)


class ReminderFiredV1(Schema):
    """A scheduled reminder fell due and was put in its recipient's inbox (once, whatever the
    replicas). ``kind``: document (a reminder scheme of a document type), manual, activity,
    important_date, approval_deadline, paper_copy or contract (milestones and planned payments);
    ``due_at`` is the moment it was planned for (after downtime ``fired_at`` is later)."""

    reminder_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    source = fields.String(required=True)
    recipient_id = fields.UUID(required=True)
    due_at = fields.AwareDateTime(required=True)
    fired_at = fields.AwareDateTime(required=True)
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    notification_id = fields.UUID(allow_none=True)


catalog = EventCatalog(outbox, {(NOTIFICATION_SENT, 1): NotificationSentV1, (REMINDER_FIRED, 1): ReminderFiredV1})


def record_many(session, event_type, payloads, version=1):
    """Record many events of one type in the caller's transaction with one statement; the relay is
    woken after the commit as for one."""
    if not payloads:
        return []
    schema = catalog.schemas[(event_type, version)]()
    now = datetime.now(timezone.utc)
    # the payloads of one call are built alike: the first is validated whole, every one is dumped
    schema.load(schema.dump(payloads[0]))
    rows = [{"event_id": uuid.uuid4(), "event_type": event_type, "version": version,
             "payload": schema.dump(payload), "occurred_at": now} for payload in payloads]
    session.execute(outbox.table.insert(), rows)
    if not session.info.get("outbox_listening"):
        session.info["outbox_listening"] = True
        sa_event.listen(session, "after_commit", outbox._committed, once=True)
    return [row["event_id"] for row in rows]
