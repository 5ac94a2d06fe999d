"""Reference books (the characteristics of counterparties) and their merges."""

from marshmallow import Schema, fields, validate

from .common import ID, Version


REFERENCE_KINDS = ("activity_type", "region", "group", "category", "advertising_source")


class ReferenceValueSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    kind = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    is_archived = fields.Boolean(metadata={"description": "kept on counterparties, offered for no new choice"})
    code = fields.String(allow_none=True, metadata={
        "description": "a stable name for programs (negotiation stages: events carry it)"})
    position = fields.Integer(allow_none=True, metadata={
        "description": "order in an ordered book (negotiation stages); default: last"})
    counterparty_count = fields.Integer(dump_only=True, metadata={
        "description": "how many counterparties have this value (negotiation stages: how many notes)"})
    created_at = fields.String(dump_only=True)


class ReferenceValueChangesSchema(ReferenceValueSchema):
    name = fields.String(validate=validate.Length(min=1, max=200))


class ReferenceListArgs(Schema):
    include_archived = fields.Boolean(load_default=True)


class MergeRequestSchema(Schema):
    into_id = ID(required=True, metadata={"description": "the value of the same book that stays"})
