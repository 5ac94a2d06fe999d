"""What every resource's schemas share: ids, dates, amounts of money, versions, the body of a file,
and every list's paging arguments and envelope ``{items, total, next}``."""

from marshmallow import Schema, fields, validate


ID = fields.UUID


def Version():
    """A record's version: the ETag of its card, and If-Match of a change (docs/api.md)."""
    return fields.Integer(dump_only=True, metadata={
        "description": "The record's version: one more with every change. GET of the record answers it as "
                       "its `ETag`; send it back as `If-Match: \"<version>\"` with a PATCH."})


def Deleted():
    """A tombstone's mark in a sync (docs/api.md, "Sync by change")."""
    return fields.Boolean(dump_only=True, metadata={
        "description": "Sync only: true for a record gone (deleted, merged into another, deactivated); "
                       "a tombstone carries only id, updated_at and, for a merged one, merged_into."})


# the body of a file or an export answer (its media type is given with it)
BINARY = {"type": "string", "format": "binary"}


class Date(fields.Date):
    """A date: parsed from requests; responses pass on the ISO text the service sent."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value if isinstance(value, str) else super()._serialize(value, attr, obj, **kwargs)


class Money(fields.Decimal):
    """An amount of money, exact: sent and answered as a decimal string ("1500000.00"); a
    JSON number is accepted in requests too."""

    def __init__(self, **kwargs):
        metadata = {"type": "string", "format": "decimal", "example": "1500000.00", **kwargs.pop("metadata", {})}
        super().__init__(as_string=True, metadata=metadata, **kwargs)


class AwareDateTime(fields.AwareDateTime):
    """A date-time with offset: parsed from requests; responses pass on the service's ISO text."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value if isinstance(value, str) else super()._serialize(value, attr, obj, **kwargs)


MAX_LIMIT = 500
# SQL OFFSET is a 64-bit integer: a larger one is refused here, naming the field, rather
# than by the database; no list is near this long
MAX_OFFSET = 2**31 - 1


class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_LIMIT))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET))


class SyncFields(Schema):
    """What turns a list into a sync: a run of pages by change (docs/api.md, "Sync by change")."""

    updated_since = fields.AwareDateTime(metadata={
        "description": "Sync: every record the caller sees changed at or after this moment (ISO 8601 with offset), "
                       "in the order they changed, records gone as tombstones; page on by `next`. "
                       "Takes no other filter."})
    after = fields.String(validate=validate.Length(min=1, max=500), metadata={
        "description": "Sync: the cursor to go on from, the `next` (or, once caught up, the `resume`) of the page "
                       "before. It carries the updated_since its sync began with."})


class SyncArgs(SyncFields):
    """The arguments of a list that is a sync only."""

    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_LIMIT))


def Next():
    """The envelope's address of the next page."""
    return fields.String(allow_none=True, metadata={
        "description": "The address of the next page (also the `Link` header, rel=\"next\"); null on the last."})


def page_of(item_schema, name, sync=False):
    """The envelope of a list of ``item_schema`` (``sync``: with the cursor to resume from)."""
    attributes = {
        "items": fields.List(fields.Nested(item_schema)),
        "total": fields.Integer(metadata={"description": "How many match (absent in a sync, which counts nothing)."}),
        "next": Next(),
    }
    if sync:
        attributes["resume"] = fields.String(allow_none=True, metadata={
            "description": "Sync: the cursor to pass as `after` later, for what changed after this page."})
    return type(name, (Schema,), attributes)


# a part of a composed answer whose service did not answer
class UnavailablePartSchema(Schema):
    part = fields.String()
    service = fields.String()
    reason = fields.String()
