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

from chancery_common.errors import InvalidInput

MAX_LIMIT = 500
# SQL OFFSET is a 64-bit integer: a larger one is refused here, naming the field, rather
# than by the database; no list is near this long
MAX_OFFSET = 2**31 - 1
# the query parameters a sync page's address replaces by its cursor (which carries them)
SYNC_STARTS = ("offset", "after", "updated_since")


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


def sync_request(args):
    """The sync a list's query asks for (``{limit, after, updated_since}``, for the service's
    sync method), or None for a page of its other filters. A sync is ordered by change and
    carries its start in its cursor: another filter with it is refused, naming it."""
    if args.get("updated_since") is None and args.get("after") is None:
        return None
    others = sorted(set(request.args) - {"limit", "after", "updated_since"})
    if others:
        raise InvalidInput(f"Invalid input: {', '.join(others)}", {name: [
            "A sync (updated_since or after) takes only limit: it lists every record the caller sees, by change."]
            for name in others})
    since = args.get("updated_since")
    return {"limit": args.get("limit", 50), "after": args.get("after"),
            "updated_since": since.isoformat() if since else None}


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
