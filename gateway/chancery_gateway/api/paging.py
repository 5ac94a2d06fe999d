"""What every list shares: its paging arguments and its envelope ``{items, total, next}``.

``listing`` wraps a list operation: a bare list becomes the envelope; a page of an offset list
gains the address of the next page; a page of a sync list (a service's ``next_after`` cursor,
docs/api.md "Sync by change") gains the address with ``after=<cursor>``. The next page's
address is answered in the body (``next``) and as an RFC 8288 ``Link: <...>; rel="next"``.
"""
import functools
from urllib.parse import urlencode

from flask import after_this_request, request
from marshmallow import Schema, fields, validate

MAX_LIMIT = 500
# SQL OFFSET is a 64-bit integer: a larger one is refused here, naming the field, rather
# than by the database; no list is near this long
MAX_OFFSET = 2**31 - 1
# the query parameters a sync page's address replaces by its cursor (which carries them)
SYNC_STARTS = ("offset", "after", "updated_since", "include_deleted")


class PageArgs(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=MAX_LIMIT))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET))


class SyncArgs(PageArgs):
    """A sync list's arguments: the offset page's, or a run of pages by change (docs/api.md)."""

    updated_since = fields.AwareDateTime(metadata={
        "description": "Only records changed at or after this moment (ISO 8601 with offset), in the order they "
                       "changed, with tombstones of the records deleted or merged away; page on by `next`."})
    after = fields.String(validate=validate.Length(min=1, max=500), metadata={
        "description": "The cursor of a sync: the `next` (or, once caught up, `resume`) of the previous page. "
                       "It carries the filters it began with."})


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
            "description": "In a sync: the cursor to pass as `after` next time, to get what changed since this page."})
    return type(name, (Schema,), attributes)


def listing(view):
    """Answer the envelope ``{items, total, next}`` and the ``Link`` header of the next page."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        result = view(*args, **kwargs)
        if isinstance(result, list):
            return {"items": result, "total": len(result), "next": None}
        following = _next_address(result)
        if following:
            @after_this_request
            def link(response):
                response.headers.add("Link", f'<{following}>; rel="next"')
                return response
        page = {key: value for key, value in result.items() if key != "next_after"}
        return {**page, "next": following}
    return wrapper


def _next_address(page):
    if "next_after" in page:  # a sync page: the cursor carries the filters
        if not page["next_after"]:
            return None
        query = [(key, value) for key, value in request.args.items(multi=True) if key not in SYNC_STARTS]
        return _address(query + [("after", page["next_after"])])
    offset = request.args.get("offset", 0, type=int)
    # a list without a total says whether more follow (``more``), or is answered whole
    more = page["more"] if "more" in page else (
        page.get("total") is not None and offset + len(page["items"]) < page["total"])
    if not (more and page["items"]):
        return None
    query = [(key, value) for key, value in request.args.items(multi=True) if key != "offset"]
    return _address(query + [("offset", offset + len(page["items"]))])


def _address(query):
    return f"{request.path}?{urlencode(query)}"
