"""The notifications service's RPC contract."""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema


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


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("notification",)))
    record_id = fields.UUID(required=True)


class AuditQuerySchema(Schema):
    record_type = fields.String(load_default=None, validate=validate.OneOf(AUDITED_RECORD_TYPES))
    record_id = fields.UUID(load_default=None)
    actor_id = fields.UUID(load_default=None, metadata={"description": "rows written by this employee"})
    action = fields.String(load_default=None, validate=validate.Length(max=40))
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))

    @validates_schema
    def record_needs_its_type(self, data, **kwargs):
        if data.get("record_id") is not None and not data.get("record_type"):
            raise ValidationError("A record id needs its record type.", "record_type")


class AuditEntrySchema(Schema):
    id = fields.Integer()
    occurred_at = fields.AwareDateTime()
    actor_id = fields.UUID(allow_none=True)
    on_behalf_of = fields.UUID(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = fields.UUID()
    changes = fields.Dict()
