"""How every list answers: the envelope ``{items, total, next}`` (its schema and the paging
arguments: schemas/common.py).

``listing`` wraps a list operation: a bare list becomes the envelope; a page of an offset list
gains the address of the next page; a page of a sync list (a service's ``next_after`` cursor,
docs/api.md "Sync by change") gains the address with ``after=<cursor>``. The next page's
address is answered in the body (``next``) and as an RFC 8288 ``Link: <...>; rel="next"``.
"""
import functools
from urllib.parse import urlencode

from flask import after_this_request, request

from chancery_common.errors import InvalidInput

# the query parameters a sync page's address replaces by its cursor (which carries them)
SYNC_STARTS = ("offset", "after", "updated_since")


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
