"""Approval routes per document type, versioned (owned by the approvals service)."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..payload import jsonable
from .paging import listing
from .schemas.approvals import RouteRequestSchema, RouteSchema
from .schemas.common import page_of

blp = Blueprint("approval-routes", __name__, url_prefix="/api/v1/approval-routes",
                description="Who approves each document type, in which order. Saving makes a new "
                            "version; approvals already running keep the version they started on.")


@blp.route("/")
@blp.response(200, page_of(RouteSchema, "RouteList"))
@listing
def list_routes():
    return rpc.call("approvals", "list_routes", g.actor)


@blp.route("/", methods=["POST"])
@blp.arguments(RouteRequestSchema)
@blp.response(201, RouteSchema)
def save_route(data):
    """Save the route of a document type (its first or next version)."""
    return rpc.call("approvals", "save_route", g.actor, jsonable(data))


@blp.route("/<uuid:route_id>")
@blp.response(200, RouteSchema)
def get_route(route_id):
    return rpc.call("approvals", "get_route", g.actor, str(route_id))
