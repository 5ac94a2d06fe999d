"""The notifications service's RPC contract."""
from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
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
    data = fields.Dict(metadata={"description": "the facts the notification is about, for wording it"})
    created_at = fields.AwareDateTime()
    read_at = fields.AwareDateTime(allow_none=True)


class NotificationQuerySchema(Schema):
    unread_only = fields.Boolean(load_default=False)
    kind = fields.String(load_default=None, validate=validate.Length(max=60))
    counterparty_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class PersonalNotificationSchema(NotificationSchema):
    """A notification in a contact person's data export: with the data that names them."""

    data = fields.Dict()


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("notification", "contact_person")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("notification",)))
    record_id = fields.UUID(required=True)


