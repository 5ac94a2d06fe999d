"""Intake: incoming correspondence from watched folders and IMAP mailboxes as drafts in a
review queue, registered as incoming documents in one step or discarded (owned by the intake
service). The queue: whoever may register documents; sources and rules: administrators."""
from flask import g
from .blueprint import Blueprint

from .. import intake_files, rpc
from ..payload import jsonable
from .paging import listing
from .schemas.common import BINARY, page_of
from .schemas.intake import (
    IntakeDiscardSchema, IntakeFileLinkArgs, IntakeItemArgs, IntakeItemSchema, IntakeRegistrationSchema,
    IntakeSourceChangesSchema, IntakeSourceSchema,
)

blp = Blueprint("intake", __name__, url_prefix="/api/v1/intake",
                description="Incoming correspondence without retyping: drafts from watched folders and IMAP "
                            "mailboxes with suggestions (counterparty, date, the sender's number), registered "
                            "as incoming documents or discarded; sources and their rules (administrators).")


@blp.route("/items")
@blp.arguments(IntakeItemArgs, location="query")
@blp.response(200, page_of(IntakeItemSchema, "IntakeItemList"))
@listing
def list_items(args):
    """The review queue (`status=new`: what waits, oldest first)."""
    return rpc.call("intake", "list_items", g.actor, jsonable(args))


@blp.route("/items/<uuid:item_id>")
@blp.response(200, IntakeItemSchema)
def get_item(item_id):
    return rpc.call("intake", "get_item", g.actor, str(item_id))


@blp.route("/items/<uuid:item_id>/register", methods=["POST"])
@blp.arguments(IntakeRegistrationSchema)
@blp.response(200, IntakeItemSchema)
def register_item(data, item_id):
    """Register the draft as an incoming document with its files (`document_id`, `document_number`);
    409 when it was decided meanwhile."""
    return rpc.call("intake", "register_item", g.actor, str(item_id), jsonable(data))


@blp.route("/items/<uuid:item_id>/discard", methods=["POST"])
@blp.arguments(IntakeDiscardSchema)
@blp.response(200, IntakeItemSchema)
def discard_item(data, item_id):
    """Discard the draft, with why (kept in the intake's audit log)."""
    return rpc.call("intake", "discard_item", g.actor, str(item_id), jsonable(data))


@blp.route("/items/<uuid:item_id>/files/<uuid:file_id>")
@blp.arguments(IntakeFileLinkArgs, location="query")
@blp.response(200, BINARY, content_type="application/octet-stream",
              description="the file's bytes, inline, with its own content type")
def item_file(args, item_id, file_id):
    """The file (or `variant`: its thumbnail, its searchable PDF once the texts service made them)."""
    return intake_files.stream(g.actor, item_id, file_id, args["variant"])


@blp.route("/sources/")
@blp.response(200, page_of(IntakeSourceSchema, "IntakeSourceList"))
@listing
def list_sources():
    """The sources and their rules (administrators)."""
    return rpc.call("intake", "list_sources", g.actor)


@blp.route("/sources/", methods=["POST"])
@blp.arguments(IntakeSourceSchema)
@blp.response(201, IntakeSourceSchema)
def create_source(data):
    return rpc.call("intake", "create_source", g.actor, jsonable(data))


@blp.route("/sources/<uuid:source_id>")
@blp.response(200, IntakeSourceSchema)
def get_source(source_id):
    """One source and its rule (administrators); the password is never answered (`has_password`)."""
    return rpc.call("intake", "get_source", g.actor, str(source_id))


@blp.route("/sources/<uuid:source_id>", methods=["PATCH"])
@blp.arguments(IntakeSourceChangesSchema)
@blp.response(200, IntakeSourceSchema)
def update_source(data, source_id):
    return rpc.call("intake", "update_source", g.actor, str(source_id), jsonable(data))
