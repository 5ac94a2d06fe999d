"""Events the notifications service publishes (exchange ``notifications.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

NOTIFICATION_SENT = "notification.sent"


class NotificationSentV1(Schema):
    """A notification was delivered to an employee through a channel."""

    notification_id = fields.UUID(required=True)
    recipient_id = fields.UUID(required=True)
    kind = fields.String(required=True)
    channel = fields.String(required=True, metadata={"enum": ["inbox", "email"]})
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)


catalog = EventCatalog(outbox, {(NOTIFICATION_SENT, 1): NotificationSentV1})
