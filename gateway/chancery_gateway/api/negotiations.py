"""The negotiation log of a counterparty (owned by the counterparties service): where a
negotiation stands, so anyone can pick up a paused one in minutes; the deal it aims at
(expected amount with its currency, expected close date); and the sales pipeline: the board
of negotiations by stage and the funnel of a period."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..compose import pipeline
from ..payload import jsonable
from .paging import listing
from .schemas.common import PageArgs
from .schemas.negotiations import (
    BoardArgs, BoardSchema, FunnelArgs, FunnelSchema, NegotiationDealSchema, NegotiationNoteSchema,
    NegotiationNotesSchema, NegotiationSchema
)

blp = Blueprint("negotiations", __name__, url_prefix="/api/v1",
                description="Negotiation notes with a stage from the negotiation_stage reference book, the "
                            "expected deal, the pipeline board and the funnel.")


@blp.route("/counterparties/<uuid:counterparty_id>/negotiation-notes/")
@blp.arguments(PageArgs, location="query")
@blp.response(200, NegotiationNotesSchema)
@listing
def list_notes(args, counterparty_id):
    """The notes, newest first, the current stage (that of the latest note) and the expected deal."""
    return rpc.call("counterparties", "list_negotiation_notes", g.actor, str(counterparty_id), args)


@blp.route("/counterparties/<uuid:counterparty_id>/negotiation-notes/", methods=["POST"])
@blp.arguments(NegotiationNoteSchema)
@blp.response(201, NegotiationNoteSchema)
def add_note(data, counterparty_id):
    """Note where the negotiation stands: the stage, what happened, what was decided, what the client wants;
    `expected_amount`, `currency` and `expected_close_on`, when sent, set the expected deal in the same step."""
    return rpc.call("counterparties", "add_negotiation_note", g.actor, str(counterparty_id), jsonable(data))


@blp.route("/counterparties/<uuid:counterparty_id>/negotiation", methods=["PATCH"])
@blp.arguments(NegotiationDealSchema)
@blp.response(200, NegotiationSchema)
def update_negotiation(data, counterparty_id):
    """Set the expected deal on its own (no note): a field left out stays, null clears it; an amount goes with its
    currency. A change joins the relationship history and is announced as negotiation.updated."""
    return rpc.call("counterparties", "update_negotiation", g.actor, str(counterparty_id), jsonable(data))


# the pipeline ---------------------------------------------------------------------------------


@blp.route("/negotiations/board")
@blp.arguments(BoardArgs, location="query")
@blp.response(200, BoardSchema)
def board(args):
    """The pipeline board: a column per negotiation stage with the counterparties in it that the caller sees
    (the directory's rules), filtered like the directory; counts, sums per currency, stalled cards marked."""
    return pipeline.board(g.actor, jsonable(args))


@blp.route("/negotiations/funnel")
@blp.arguments(FunnelArgs, location="query")
@blp.response(200, FunnelSchema)
def funnel(args):
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage, how
    many reached it and the share that went on to the next stage."""
    return pipeline.funnel(g.actor, since=args.get("since"), until=args.get("until"),
                           department_id=args.get("department_id"))
