"""Saved filters of the counterparty directory: each employee's own (counterparties service)."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.saved_filters import SavedFilterSchema

blp = Blueprint("saved-filters", __name__, url_prefix="/api/v1/saved-filters",
                description="Directory searches an employee keeps under a name; only their own.")


@blp.route("/")
@blp.response(200, page_of(SavedFilterSchema, "SavedFilterList"))
@listing
def list_filters():
    """The caller's saved filters."""
    return rpc.call("counterparties", "list_saved_filters", g.actor)


@blp.route("/", methods=["POST"])
@blp.arguments(SavedFilterSchema)
@blp.response(201, SavedFilterSchema)
def save_filter(data):
    """Keep a directory query (as GET /counterparties/ takes it, without paging) under a name;
    saving under a name already used replaces that filter's query."""
    return rpc.call("counterparties", "save_filter", g.actor, jsonable(data))


@blp.route("/<uuid:filter_id>", methods=["DELETE"])
@blp.response(204)
def delete_filter(filter_id):
    """Delete one of the caller's filters; anyone else's is 404."""
    rpc.call("counterparties", "delete_saved_filter", g.actor, str(filter_id))
