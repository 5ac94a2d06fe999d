"""Webhooks for systems that cannot speak AMQP (administrators only; owned by the webhooks service)."""
from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from .. import preconditions, rpc
from .openapi import VERSIONED
from .payload import jsonable
from .paging import PageArgs
from .schemas import AwareDateTime, Version
from .paging import Next, listing, page_of

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks",
                description="HTTPS endpoints that receive events signed the Standard Webhooks way "
                            "(webhook-id, webhook-timestamp, webhook-signature), retried with backoff; "
                            "the delivery log and replays. Administrators only; see docs/events.md.")

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


@blp.route("/endpoints/")
@blp.response(200, page_of(WebhookEndpointSchema, "WebhookEndpointList"))
@listing
def list_endpoints():
    return rpc.call("webhooks", "list_endpoints", g.actor)


@blp.route("/endpoints/", methods=["POST"])
@blp.arguments(WebhookEndpointSchema)
@blp.response(201, WebhookEndpointWithSecretSchema)
def create_endpoint(data):
    """Register an endpoint; the answer holds its signing secret, shown only this once."""
    return rpc.call("webhooks", "create_endpoint", g.actor, jsonable(data))


@blp.route("/endpoints/<uuid:endpoint_id>")
@blp.response(200, WebhookEndpointSchema)
@blp.doc(**VERSIONED)
def get_endpoint(endpoint_id):
    return preconditions.tagged(rpc.call("webhooks", "get_endpoint", g.actor, str(endpoint_id)))


@blp.route("/endpoints/<uuid:endpoint_id>", methods=["PATCH"])
@blp.arguments(WebhookEndpointUpdateSchema)
@blp.response(200, WebhookEndpointSchema)
@blp.doc(**VERSIONED)
def update_endpoint(data, endpoint_id):
    return preconditions.tagged(rpc.call("webhooks", "update_endpoint", g.actor, str(endpoint_id), jsonable(data),
                                         expected_version=preconditions.expected_version()))


@blp.route("/endpoints/<uuid:endpoint_id>", methods=["DELETE"])
@blp.response(204)
def delete_endpoint(endpoint_id):
    """Delete an endpoint; its pending deliveries are given up, the log stays."""
    rpc.call("webhooks", "delete_endpoint", g.actor, str(endpoint_id))


@blp.route("/endpoints/<uuid:endpoint_id>/rotate-secret", methods=["POST"])
@blp.response(200, WebhookEndpointWithSecretSchema)
def rotate_secret(endpoint_id):
    """A new secret (shown once); the old one also signs for 24 hours (two signatures)."""
    return rpc.call("webhooks", "rotate_secret", g.actor, str(endpoint_id))


@blp.route("/deliveries")
@blp.arguments(WebhookDeliveryArgs, location="query")
@blp.response(200, WebhookDeliveryPageSchema)
@listing
def list_deliveries(args):
    """The delivery log, newest first."""
    return rpc.call("webhooks", "list_deliveries", g.actor, jsonable(args))


@blp.route("/deliveries/<uuid:delivery_id>")
@blp.response(200, WebhookDeliveryDetailSchema)
def get_delivery(delivery_id):
    """One delivery with its body and every attempt (response code or error, duration)."""
    return rpc.call("webhooks", "get_delivery", g.actor, str(delivery_id))


@blp.route("/deliveries/<uuid:delivery_id>/replay", methods=["POST"])
@blp.response(202, WebhookDeliverySchema)
def replay_delivery(delivery_id):
    """Send it again now (same webhook-id), with a fresh retry schedule."""
    return rpc.call("webhooks", "replay_delivery", g.actor, str(delivery_id))
