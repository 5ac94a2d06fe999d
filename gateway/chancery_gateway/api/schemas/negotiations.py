"""The negotiation log, the pipeline board and the funnel."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .common import AwareDateTime, Date, ID, Money, Next


class NegotiationStageRefSchema(Schema):
    id = ID()
    code = fields.String(allow_none=True)
    name = fields.String()
    position = fields.Integer()


class NegotiationDealSchema(Schema):
    """The deal a negotiation aims at; a field left out stays as it is, null clears it."""

    expected_amount = Money(allow_none=True, metadata={
        "description": "the deal's expected amount: above 0, below 10^16; goes with `currency`"})
    currency = fields.String(allow_none=True, metadata={
        "description": "the expected amount's currency, ISO 4217 (three capital letters: RUB, USD, EUR...)"})
    expected_close_on = Date(allow_none=True, metadata={"description": "when the deal is expected to close"})


class NegotiationSchema(NegotiationDealSchema):
    """A counterparty's negotiation: its current stage since when, and the expected deal."""

    current_stage = fields.Nested(NegotiationStageRefSchema, dump_only=True, allow_none=True)
    stage_since = AwareDateTime(dump_only=True, allow_none=True, metadata={
        "description": "when the counterparty entered its current stage (the note that moved it there)"})
    updated_by = ID(dump_only=True, allow_none=True, metadata={"description": "who last set the deal"})
    updated_at = AwareDateTime(dump_only=True, allow_none=True)


class NegotiationNoteSchema(NegotiationDealSchema):
    """A note of the negotiation log; the deal's fields, when sent, set the expected deal with it."""

    id = ID(dump_only=True)
    counterparty_id = ID(dump_only=True)
    stage_id = ID(required=True, metadata={"description": "a value of the negotiation_stage reference book"})
    stage = fields.Nested(NegotiationStageRefSchema, dump_only=True)
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    decided = fields.String(allow_none=True, metadata={"description": "what was agreed"})
    client_priorities = fields.String(allow_none=True, metadata={"description": "what matters to the client"})
    author_id = ID(dump_only=True)
    noted_at = fields.String(dump_only=True)


class NegotiationNotesSchema(Schema):
    items = fields.List(fields.Nested(NegotiationNoteSchema), metadata={"description": "newest first"})
    total = fields.Integer()
    current_stage = fields.Nested(NegotiationStageRefSchema, allow_none=True)
    negotiation = fields.Nested(NegotiationSchema, metadata={
        "description": "the current stage's start and the expected deal"})
    next = Next()


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
