"""Webhooks for systems that cannot speak AMQP (administrators only; owned by the webhooks service)."""
from flask import g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.webhooks import (
    WebhookDeliveryArgs, WebhookDeliveryDetailSchema, WebhookDeliveryPageSchema, WebhookDeliverySchema,
    WebhookEndpointSchema, WebhookEndpointUpdateSchema, WebhookEndpointWithSecretSchema
)

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks",
                description="HTTPS endpoints that receive events signed the Standard Webhooks way "
                            "(webhook-id, webhook-timestamp, webhook-signature), retried with backoff; "
                            "the delivery log and replays. Administrators only; see docs/events.md.")


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
