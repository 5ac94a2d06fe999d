"""The negotiation log of a counterparty (owned by the counterparties service): where a
negotiation stands, so anyone can pick up a paused one in minutes; the deal it aims at
(expected amount with its currency, expected close date); and the sales pipeline: the board
of negotiations by stage and the funnel of a period."""
from flask import g
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .. import pipeline, rpc
from .payload import jsonable
from .schemas import (
    ID, AwareDateTime, Date, Money, NegotiationDealSchema, NegotiationNoteSchema, NegotiationNotesSchema,
    NegotiationSchema, PageArgs,
)
from .paging import listing

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

class BoardArgs(Schema):
    search = fields.String(metadata={"description": "as the directory's search"})
    responsible_employee_id = ID(metadata={"description": "the primary or an additional responsible employee"})
    department_id = ID(metadata={"description": "the primary responsible employee works in this department"})
    activity_type_id = fields.List(ID(), metadata={"description": "any of these values (repeat the parameter)"})
    region_id = fields.List(ID())
    group_id = fields.List(ID())
    category_id = fields.List(ID())
    advertising_source_id = fields.List(ID())
    stalled_days = fields.Integer(validate=validate.Range(min=1, max=3650), metadata={
        "description": "a card with no contact (done activity or negotiation note) for this many days is "
                       "stalled; default: the counterparties service's PIPELINE_STALLED_DAYS, else 14"})
    limit = fields.Integer(validate=validate.Range(min=1, max=500), metadata={
        "description": "cards listed per column, those longest in the stage first (default 100); the "
                       "column's count and amounts cover every card"})


class PipelineStageSchema(Schema):
    id = ID()
    code = fields.String(allow_none=True)
    name = fields.String()
    position = fields.Integer()
    is_archived = fields.Boolean()


class PipelineAmountSchema(Schema):
    currency = fields.String()
    amount = Money()


class BoardCardSchema(Schema):
    counterparty_id = ID()
    name = fields.String()
    responsible_employee_id = ID(allow_none=True)
    stage_since = AwareDateTime(metadata={"description": "when the note moving it to this stage was made"})
    days_in_stage = fields.Integer()
    next_contact_at = AwareDateTime(allow_none=True, metadata={
        "description": "the earliest planned activity (an overdue one included)"})
    last_contact_at = AwareDateTime(metadata={"description": "the latest done activity or negotiation note"})
    stalled = fields.Boolean(metadata={"description": "no contact for `stalled_days` days or more"})
    expected_amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    expected_close_on = Date(allow_none=True)


class BoardColumnSchema(Schema):
    stage = fields.Nested(PipelineStageSchema)
    count = fields.Integer(metadata={"description": "counterparties in this stage"})
    stalled = fields.Integer(metadata={"description": "of them, stalled"})
    amounts = fields.List(fields.Nested(PipelineAmountSchema), metadata={
        "description": "the expected amounts summed per currency"})
    cards = fields.List(fields.Nested(BoardCardSchema))
    truncated = fields.Boolean(metadata={"description": "more cards than `limit`: only the first are listed"})


class BoardSchema(Schema):
    stalled_days = fields.Integer()
    columns = fields.List(fields.Nested(BoardColumnSchema), metadata={
        "description": "every stage in the book's order (an archived one only while it has cards)"})
    count = fields.Integer()
    amounts = fields.List(fields.Nested(PipelineAmountSchema))
    employees = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "id -> name of the cards' responsible employees"})


@blp.route("/negotiations/board")
@blp.arguments(BoardArgs, location="query")
@blp.response(200, BoardSchema)
def board(args):
    """The pipeline board: a column per negotiation stage with the counterparties in it that the caller sees
    (the directory's rules), filtered like the directory; counts, sums per currency, stalled cards marked."""
    return pipeline.board(g.actor, jsonable(args))


class FunnelArgs(Schema):
    since = AwareDateTime(metadata={"description": "default: 30 days before `until`"})
    until = AwareDateTime(metadata={"description": "default: now"})
    department_id = ID(metadata={"description": "the primary responsible employee works there"})

    @validates_schema
    def a_real_period(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["until"] <= data["since"]:
            raise ValidationError("The period must end after it starts.", "until")


class FunnelStepSchema(Schema):
    stage = fields.Nested(PipelineStageSchema)
    reached = fields.Integer(metadata={"description": "counterparties a note moved to this stage in the period"})
    went_on = fields.Integer(allow_none=True, metadata={
        "description": "of those, how many a later note of the period moved to the next stage; null for the last"})
    conversion = fields.Float(allow_none=True, metadata={
        "description": "went_on / reached in per cent; null for the last stage or when none reached it"})


class FunnelSchema(Schema):
    since = AwareDateTime()
    until = AwareDateTime()
    steps = fields.List(fields.Nested(FunnelStepSchema), metadata={"description": "the book's stages in order"})


@blp.route("/negotiations/funnel")
@blp.arguments(FunnelArgs, location="query")
@blp.response(200, FunnelSchema)
def funnel(args):
    """The stage funnel of a period (at most 366 days) over the counterparties the caller sees: per stage, how
    many reached it and the share that went on to the next stage."""
    return pipeline.funnel(g.actor, since=args.get("since"), until=args.get("until"),
                           department_id=args.get("department_id"))
