"""Counterparties: the card, its search, duplicates, history, hand-over, merges, registration choices."""

from marshmallow import Schema, fields, validate

from .common import Deleted, ID, PageArgs, Version
from .negotiations import NegotiationStageRefSchema
from .reference_books import REFERENCE_KINDS


class CounterpartySchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    kind = fields.String(validate=validate.OneOf(("organisation", "individual")))
    name = fields.String(required=True)
    short_name = fields.String(allow_none=True)
    country = fields.String(metadata={"description": "ISO 3166 alpha-2 (default RU): RU details are "
                                                     "checked (INN, OGRN/OGRNIP, KPP check digits)"})
    tax_id = fields.String(allow_none=True, metadata={"description": "INN for RU"})
    registration_number = fields.String(allow_none=True, metadata={"description": "OGRN / OGRNIP for RU"})
    kpp = fields.String(allow_none=True)
    legal_address = fields.String(allow_none=True)
    postal_address = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    fax = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    main_contact = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    responsible_employee_id = ID(allow_none=True)
    status = fields.String(dump_only=True)
    created_by = ID(dump_only=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True)
    deleted = Deleted()
    merged_into = ID(dump_only=True, metadata={"description": "Sync only: the counterparty a merged one went into."})


class CounterpartyChangesSchema(CounterpartySchema):
    """Some of a counterparty's fields: for a change, or a duplicate check before saving."""

    name = fields.String()


class DuplicatesSchema(Schema):
    items = fields.List(fields.Nested(CounterpartySchema))
    hidden_matches = fields.Integer(metadata={
        "description": "look-alikes the caller may not see: counted, never shown"})


class CounterpartyQueryArgs(PageArgs):
    search = fields.String(metadata={"description": "name, tax id, phone, e-mail or main contact"})
    responsible_employee_id = ID()
    status = fields.String(validate=validate.OneOf(("active", "archived")))
    sort = fields.String(validate=validate.OneOf(("name", "-name", "created_at", "-created_at")))


class HistoryEntrySchema(Schema):
    id = ID()
    counterparty_id = ID()
    occurred_at = fields.String()
    kind = fields.String()
    actor_id = ID(allow_none=True)
    summary = fields.String()
    data = fields.Dict()


CHARACTERISTICS = tuple(f"{kind}_id" for kind in REFERENCE_KINDS)
COUNTERPARTY_SORTS = ("name", "-name", "created_at", "-created_at", "updated_at", "-updated_at")


class CounterpartyCardSchema(CounterpartySchema):
    """A counterparty with its characteristics (ids of values of the reference books) and
    its additional responsible employees."""

    additional_responsible_ids = fields.List(ID(), metadata={
        "description": "additional responsible employees: they and their departments see it too"})
    allow_duplicate = fields.Boolean(load_only=True, metadata={
        "description": "on creation: create it although another counterparty has the same tax id (without "
                       "it that is refused with 409 naming the existing one)"})
    activity_type_id = ID(allow_none=True)
    region_id = ID(allow_none=True)
    group_id = ID(allow_none=True)
    category_id = ID(allow_none=True)
    advertising_source_id = ID(allow_none=True)
    merged_into_id = ID(dump_only=True, allow_none=True, metadata={
        "description": "set on a counterparty merged into another (a tombstone)"})
    merged_at = fields.String(dump_only=True, allow_none=True)
    negotiation_stage = fields.Nested(lambda: NegotiationStageRefSchema(), dump_only=True, allow_none=True, metadata={
        "description": "the current negotiation stage: that of the latest note of the negotiation log"})


class CounterpartyCardChangesSchema(CounterpartyCardSchema):
    """Some of a counterparty's fields, characteristics included."""

    name = fields.String()


class CounterpartySearchArgs(CounterpartyQueryArgs):
    search = fields.String(metadata={"description": "words of the name, short name, e-mail, main contact or a "
                                                    "contact person's name; part of the tax id; phone digits"})
    sort = fields.String(validate=validate.OneOf(COUNTERPARTY_SORTS))
    activity_type_id = fields.List(ID(), metadata={"description": "any of these values (repeat the parameter)"})
    region_id = fields.List(ID())
    group_id = fields.List(ID())
    category_id = fields.List(ID())
    advertising_source_id = fields.List(ID())


class HandoverRequestSchema(Schema):
    counterparty_ids = fields.List(ID(), required=True, validate=validate.Length(min=1, max=1000))
    from_employee_id = ID(required=True)
    to_employee_id = ID(required=True)
    include_open_activities = fields.Boolean(load_default=True, metadata={
        "description": "planned activities of these counterparties whose responsible is `from` move too"})
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000),
                           metadata={"description": "vacation, reassignment, dismissal...: kept in the history"})


class HandoverResultSchema(Schema):
    counterparty_ids = fields.List(ID())
    from_employee_id = ID()
    to_employee_id = ID()
    activities_moved = fields.Integer()


class CounterpartyMergeRequestSchema(Schema):
    merged_id = ID(required=True, metadata={"description": "the counterparty that disappears into this one"})
    choices = fields.Dict(
        keys=fields.String(), values=fields.String(validate=validate.OneOf(("survivor", "merged"))),
        data_key="fields", metadata={"description": "card field -> survivor|merged: whose value stays (default: the "
                                                    "survivor's, the merged one's where the survivor has none; notes "
                                                    "are joined)"})


class MergeMovedSchema(Schema):
    contact_persons = fields.Integer()
    activities = fields.Integer()
    history_entries = fields.Integer()
    negotiation_notes = fields.Integer()


class CounterpartyMergeResultSchema(Schema):
    counterparty = fields.Nested(CounterpartyCardSchema)
    moved = fields.Nested(MergeMovedSchema, metadata={"description": "how many records moved to the survivor"})


class RegistrationChoicesArgs(Schema):
    search = fields.String(validate=validate.Length(max=200),
                           metadata={"description": "part of the name, short name or tax id"})
    limit = fields.Integer(validate=validate.Range(min=1, max=50), metadata={"description": "at most (8)"})


class RegistrationChoiceSchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(dump_only=True)
    short_name = fields.String(dump_only=True, allow_none=True)
    tax_id = fields.String(dump_only=True, allow_none=True)
    card_visible = fields.Boolean(dump_only=True, metadata={
        "description": "whether the caller may open the counterparty's card (its own rules)"})
