"""The negotiation log of a counterparty (owned by the counterparties service): where a
negotiation stands, so anyone can pick up a paused one in minutes."""
from flask import g
from flask_smorest import Blueprint

from .. import rpc
from .payload import jsonable
from .schemas import NegotiationNoteSchema, NegotiationNotesSchema, PageArgs

blp = Blueprint("negotiations", __name__, url_prefix="/api/v1/counterparties",
                description="Negotiation notes with a stage from the negotiation_stage reference book.")


@blp.route("/<uuid:counterparty_id>/negotiation-notes")
@blp.arguments(PageArgs, location="query")
@blp.response(200, NegotiationNotesSchema)
def list_notes(args, counterparty_id):
    """The notes, newest first, and the current stage (that of the latest note)."""
    return rpc.call("counterparties", "list_negotiation_notes", g.actor, str(counterparty_id), args)


@blp.route("/<uuid:counterparty_id>/negotiation-notes", methods=["POST"])
@blp.arguments(NegotiationNoteSchema)
@blp.response(201, NegotiationNoteSchema)
def add_note(data, counterparty_id):
    """Note where the negotiation stands: the stage, what happened, what was decided, what the client wants."""
    return rpc.call("counterparties", "add_negotiation_note", g.actor, str(counterparty_id), jsonable(data))
