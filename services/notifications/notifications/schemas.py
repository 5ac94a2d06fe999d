"""The notifications service's RPC contract."""
from marshmallow import Schema, fields, validate


class NotificationSchema(Schema):
    id = fields.UUID()
    recipient_id = fields.UUID()
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    subject_type = fields.String(allow_none=True)
    subject_id = fields.UUID(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    created_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)


class NotificationQuerySchema(Schema):
    unread_only = fields.Boolean(load_default=False)
    kind = fields.String(load_default=None, validate=validate.Length(max=60))
    counterparty_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))
