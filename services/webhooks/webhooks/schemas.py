"""The webhooks service's RPC contract."""
from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, ValidationError, fields, validate, validates

EVENT_PATTERN = r"^(\*|[a-z][a-z_]*\.(\*|[a-z][a-z_]*))$"
STATUSES = ("pending", "succeeded", "failed")
# how an endpoint gets each event (logic.EVENT_FORMATS says what each sends)
EVENT_FORMATS = ("chancery", "cloudevents-binary", "cloudevents-structured")
EVENT_FORMAT_ERROR = "One of: " + ", ".join(EVENT_FORMATS) + "."


class EventTypesField(fields.List):
    def __init__(self, **kwargs):
        super().__init__(
            fields.String(validate=validate.Regexp(
                EVENT_PATTERN, error="Not an event type or pattern (e.g. document.registered, document.*, *).")),
            validate=validate.Length(min=1, max=100, error="Give at least one event type."), **kwargs)


class EndpointCreateSchema(Schema):
    url = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    description = fields.String(load_default="", validate=validate.Length(max=500))
    event_types = EventTypesField(required=True)
    is_active = fields.Boolean(load_default=True)
    event_format = fields.String(load_default="chancery",
                                 validate=validate.OneOf(EVENT_FORMATS, error=EVENT_FORMAT_ERROR))


class EndpointUpdateSchema(Schema):
    url = fields.String(validate=validate.Length(min=1, max=2000))
    description = fields.String(validate=validate.Length(max=500))
    event_types = EventTypesField()
    is_active = fields.Boolean()
    event_format = fields.String(validate=validate.OneOf(EVENT_FORMATS, error=EVENT_FORMAT_ERROR))

    @validates("url")
    def not_blank(self, value, **kwargs):
        if not value.strip():
            raise ValidationError("An address is needed.")


class EndpointSchema(Schema):
    id = fields.UUID()
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    url = fields.String()
    description = fields.String()
    event_types = fields.List(fields.String())
    is_active = fields.Boolean()
    event_format = fields.String()
    created_by = fields.UUID(allow_none=True)
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    previous_secret_expires_at = fields.AwareDateTime(
        allow_none=True, metadata={"description": "after a rotation, the old secret also signs until then"})


class EndpointWithSecretSchema(EndpointSchema):
    """Answered once, on creation and rotation: the only time the secret leaves the service."""

    secret = fields.String()


class AttemptSchema(Schema):
    id = fields.Integer()
    attempted_at = fields.AwareDateTime()
    webhook_timestamp = fields.Integer()
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    response_body = fields.String(allow_none=True)
    duration_ms = fields.Integer()
    succeeded = fields.Boolean()
    replay = fields.Boolean()


class DeliverySchema(Schema):
    id = fields.UUID()
    endpoint_id = fields.UUID()
    url = fields.String(attribute="endpoint.url")
    event_id = fields.UUID()
    event_type = fields.String()
    status = fields.String()
    failures = fields.Integer()
    next_attempt_at = fields.AwareDateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)


class DeliveryDetailSchema(DeliverySchema):
    body = fields.String(attribute="event.body")
    attempts = fields.List(fields.Nested(AttemptSchema))


class DeliveryQuerySchema(Schema):
    endpoint_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    event_type = fields.String(load_default=None, validate=validate.Length(max=100))
    event_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("webhook_endpoint", "webhook_delivery", "contact_person")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)
