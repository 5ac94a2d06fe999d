"""The paging arguments every list takes: one definition, so every list bounds them alike."""
from marshmallow import Schema, fields, validate

MAX_LIMIT = 500
# SQL OFFSET is a 64-bit integer: a larger one is refused here, naming the field, rather
# than by the database; no list is near this long
MAX_OFFSET = 2**31 - 1


class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_LIMIT))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET))
