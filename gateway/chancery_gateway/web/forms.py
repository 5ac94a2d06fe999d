"""Reading forms, page parameters and parallel service results the way every page needs them."""
from flask import request

PAGE_SIZE = 25


def values(names):
    """The named form fields, trimmed; empty ones left out so services see them as not given."""
    found = {}
    for name in names:
        value = request.form.get(name, "").strip()
        if value:
            found[name] = value
    return found


def paging():
    """(page number from 1, the service query's limit and offset) from ``?page=``."""
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    return page, {"limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}


def pages(total, page):
    """What the pager shows: this page, the last one and how many items there are in all."""
    last = max(1, -(-total // PAGE_SIZE))
    return {"page": page, "last": last, "total": total, "size": PAGE_SIZE}


def is_fragment(target):
    """True when htmx asks for just the part of the page with this element id."""
    headers = request.headers
    return headers.get("HX-Request") == "true" and headers.get("HX-Target") == target


def local_path(target, default):
    """``target`` when it is a path on this site, else ``default`` (no open redirects)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return default


def answered(results):
    """``rpc.fan_out`` results as (parts, None where failed; names of the failed parts)."""
    failed = [name for name, result in results.items() if isinstance(result, Exception)]
    return {name: (None if name in failed else result) for name, result in results.items()}, failed
