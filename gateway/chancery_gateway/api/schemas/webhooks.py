"""Webhook endpoints and deliveries."""

from marshmallow import Schema, fields, validate

from .common import AwareDateTime, Next, PageArgs, Version


EVENT_PATTERN = r"^(\*|[a-z][a-z_]*\.(\*|[a-z][a-z_]*))$"
EVENT_FORMATS = ("chancery", "cloudevents-binary", "cloudevents-structured")


def _event_format(**kwargs):
    return fields.String(validate=validate.OneOf(EVENT_FORMATS), metadata={
        "description": "How each event is sent (docs/events.md, \"Webhooks\"): `chancery`, the envelope as "
                       "application/json; `cloudevents-binary`, the envelope with the CloudEvents attributes "
                       "as `ce-*` headers; `cloudevents-structured`, one application/cloudevents+json object "
                       "with the envelope as `data`. Signed alike in every format.",
        "enum": list(EVENT_FORMATS)}, **kwargs)


def _event_types(**kwargs):
    return fields.List(fields.String(validate=validate.Regexp(EVENT_PATTERN)), validate=validate.Length(min=1),
                       metadata={"description": "event types or patterns: document.registered, document.*, *"},
                       **kwargs)


class WebhookEndpointSchema(Schema):
    id = fields.UUID(dump_only=True)
    version = Version()
    url = fields.String(required=True, metadata={"description": "https:// address the events are POSTed to"})
    description = fields.String()
    event_types = _event_types(required=True)
    is_active = fields.Boolean(metadata={"description": "false pauses deliveries (they wait)"})
    event_format = _event_format(load_default="chancery")
    created_by = fields.UUID(dump_only=True, allow_none=True)
    created_at = AwareDateTime(dump_only=True)
    updated_at = AwareDateTime(dump_only=True)
    previous_secret_expires_at = AwareDateTime(dump_only=True, allow_none=True)


class WebhookEndpointWithSecretSchema(WebhookEndpointSchema):
    secret = fields.String(dump_only=True, metadata={"description": "whsec_...: shown only now"})


class WebhookEndpointUpdateSchema(Schema):
    url = fields.String()
    description = fields.String()
    event_types = _event_types()
    is_active = fields.Boolean()
    event_format = _event_format()


class WebhookAttemptSchema(Schema):
    id = fields.Integer()
    attempted_at = AwareDateTime()
    webhook_timestamp = fields.Integer()
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    response_body = fields.String(allow_none=True)
    duration_ms = fields.Integer()
    succeeded = fields.Boolean()
    replay = fields.Boolean()


class WebhookDeliverySchema(Schema):
    id = fields.UUID()
    endpoint_id = fields.UUID()
    url = fields.String()
    event_id = fields.UUID(metadata={"description": "also the webhook-id header"})
    event_type = fields.String()
    status = fields.String(metadata={"enum": ["pending", "succeeded", "failed"]})
    failures = fields.Integer()
    next_attempt_at = AwareDateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = AwareDateTime()
    finished_at = AwareDateTime(allow_none=True)


class WebhookDeliveryDetailSchema(WebhookDeliverySchema):
    body = fields.String(metadata={"description": "the JSON body sent"})
    attempts = fields.List(fields.Nested(WebhookAttemptSchema))


class WebhookDeliveryPageSchema(Schema):
    items = fields.List(fields.Nested(WebhookDeliverySchema))
    total = fields.Integer()
    next = Next()


class WebhookDeliveryArgs(PageArgs):
    endpoint_id = fields.UUID()
    status = fields.String(validate=validate.OneOf(("pending", "succeeded", "failed")))
    event_type = fields.String()
    event_id = fields.UUID()
