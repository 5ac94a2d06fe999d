"""Events the webhooks service publishes (exchange ``webhooks.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

WEBHOOK_DELIVERY_FAILED = "webhook.delivery_failed"


class WebhookDeliveryFailedV1(Schema):
    """A webhook delivery was given up after its last retry (it can still be replayed)."""

    SUBJECT = "delivery_id"

    delivery_id = fields.UUID(required=True)
    endpoint_id = fields.UUID(required=True)
    url = fields.String(required=True)
    event_id = fields.UUID(required=True)
    event_type = fields.String(required=True)
    attempts = fields.Integer(required=True)
    last_status_code = fields.Integer(allow_none=True, required=True)
    last_error = fields.String(allow_none=True, required=True)


catalog = EventCatalog(outbox, {(WEBHOOK_DELIVERY_FAILED, 1): WebhookDeliveryFailedV1})
