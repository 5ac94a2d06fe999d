"""Saved filters of the registries."""

from marshmallow import Schema, fields, validate

from .common import ID
from .counterparties import COUNTERPARTY_SORTS


class SavedQuerySchema(Schema):
    """A directory search as a saved filter keeps it: filters and sorting, no paging."""

    search = fields.String(allow_none=True)
    responsible_employee_id = ID(allow_none=True)
    status = fields.String(allow_none=True, validate=validate.OneOf(("active", "archived")))
    sort = fields.String(validate=validate.OneOf(COUNTERPARTY_SORTS))
    activity_type_id = fields.List(ID(), allow_none=True)
    region_id = fields.List(ID(), allow_none=True)
    group_id = fields.List(ID(), allow_none=True)
    category_id = fields.List(ID(), allow_none=True)
    advertising_source_id = fields.List(ID(), allow_none=True)


class SavedFilterSchema(Schema):
    id = ID(dump_only=True)
    owner_id = ID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    query = fields.Nested(SavedQuerySchema, required=True)
    created_at = fields.String(dump_only=True)
