"""The global search."""

from marshmallow import Schema, fields, validate

from .common import AwareDateTime, ID
from .common import UnavailablePartSchema


class SearchArgs(Schema):
    q = fields.String(required=True, validate=validate.Length(min=1, max=200), metadata={
        "description": "the phrase; every word must occur (from 2 characters; shorter answers nothing)"})
    limit = fields.Integer(load_default=6, validate=validate.Range(min=1, max=50), metadata={
        "description": "at most this many results per kind"})


class FoundCounterpartySchema(Schema):
    id = ID()
    name = fields.String()
    short_name = fields.String(allow_none=True)
    tax_id = fields.String(allow_none=True)
    status = fields.String(allow_none=True)


class FoundPersonSchema(Schema):
    id = ID()
    full_name = fields.String()
    position = fields.String(allow_none=True)
    counterparty_id = ID()
    counterparty_name = fields.String()
    phone = fields.String(allow_none=True)
    email = fields.String(allow_none=True)


class FoundDocumentSchema(Schema):
    id = ID()
    title = fields.String()
    number = fields.String(allow_none=True)
    status = fields.String(allow_none=True)
    type_name = fields.String(allow_none=True)
    counterparty_id = ID(allow_none=True)
    highlighted_title = fields.List(fields.Tuple((fields.String(), fields.Boolean())), allow_none=True, metadata={
        "description": "the subject as [text, matched] parts when the words matched in it, else null"})
    snippet = fields.List(fields.Tuple((fields.String(), fields.Boolean())), allow_none=True, metadata={
        "description": "where the words matched in the files' text, as [text, matched] parts (ts_headline), "
                       "else null; show the text escaped and mark the matched parts"})


class FoundActivitySchema(Schema):
    id = ID()
    kind = fields.String()
    subject = fields.String()
    status = fields.String()
    planned_at = AwareDateTime()
    counterparty_id = ID()
    counterparty_name = fields.String()
    responsible_id = ID()
    snippet = fields.List(fields.Tuple((fields.String(), fields.Boolean())), allow_none=True, metadata={
        "description": "where the words occur in the plan, as [text, matched] parts, else null"})


class FoundEmployeeSchema(Schema):
    id = ID()
    full_name = fields.String()
    position = fields.String(allow_none=True)
    email = fields.String(allow_none=True)


class SearchGroupsSchema(Schema):
    counterparties = fields.List(fields.Nested(FoundCounterpartySchema))
    contact_persons = fields.List(fields.Nested(FoundPersonSchema))
    documents = fields.List(fields.Nested(FoundDocumentSchema))
    activities = fields.List(fields.Nested(FoundActivitySchema))
    employees = fields.List(fields.Nested(FoundEmployeeSchema))


class SearchResultSchema(Schema):
    query = fields.String()
    groups = fields.Nested(SearchGroupsSchema)
    totals = fields.Dict(keys=fields.String(), values=fields.Integer(allow_none=True), metadata={
        "description": "how many match in all, per kind (null: that service did not answer)"})
    unavailable = fields.List(fields.Nested(UnavailablePartSchema), metadata={
        "description": "services that did not answer in time; their kinds are empty"})
