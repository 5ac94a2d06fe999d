"""Reference books users keep (owned by the counterparties service): activity type, region,
group, category and advertising source, the characteristics of counterparties."""
from flask import g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.reference_books import (
    MergeRequestSchema, ReferenceListArgs, ReferenceValueChangesSchema, ReferenceValueSchema
)

blp = Blueprint("reference-books", __name__, url_prefix="/api/v1/reference-books",
                description="Values of the reference books; changing them needs edit_reference_books.")

KIND = "<any(activity_type, region, group, category, advertising_source, negotiation_stage):kind>"


@blp.route(f"/{KIND}/")
@blp.arguments(ReferenceListArgs, location="query")
@blp.response(200, page_of(ReferenceValueSchema, "ReferenceValueList"))
@listing
def list_values(args, kind):
    """The values of one book by name, each with how many counterparties have it."""
    return rpc.call("counterparties", "list_reference_values", g.actor, kind, args)


@blp.route(f"/{KIND}/", methods=["POST"])
@blp.arguments(ReferenceValueSchema)
@blp.response(201, ReferenceValueSchema)
def create_value(data, kind):
    """Add a value; a name the book already has (in any case) is 409."""
    return rpc.call("counterparties", "create_reference_value", g.actor, kind, jsonable(data))


@blp.route(f"/{KIND}/<uuid:value_id>", methods=["PATCH"])
@blp.arguments(ReferenceValueChangesSchema)
@blp.response(200, ReferenceValueSchema)
@blp.doc(**VERSIONED)
def update_value(data, kind, value_id):
    """Rename (every counterparty shows the new name at once) or (un)archive a value."""
    return preconditions.tagged(rpc.call("counterparties", "update_reference_value", g.actor, kind, str(value_id),
                                         jsonable(data), expected_version=preconditions.expected_version()))


@blp.route(f"/{KIND}/<uuid:value_id>", methods=["DELETE"])
@blp.response(204)
def delete_value(kind, value_id):
    """Remove a value no counterparty has; one in use is 409 saying how many have it."""
    rpc.call("counterparties", "delete_reference_value", g.actor, kind, str(value_id))


@blp.route(f"/{KIND}/<uuid:value_id>/merge", methods=["POST"])
@blp.arguments(MergeRequestSchema)
@blp.response(200, ReferenceValueSchema)
def merge_value(data, kind, value_id):
    """Move every counterparty from this value to ``into_id`` and remove this one; returns the value kept."""
    return rpc.call("counterparties", "merge_reference_value", g.actor, kind, str(value_id), jsonable(data))
