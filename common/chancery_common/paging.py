"""A page of a query and the total it matches, counting only when the page cannot tell.

A page that comes back shorter than its limit holds the last rows: the total is the offset
plus what it holds, and no ``count(*)`` is needed. Most pages of the unified view, an
agenda or a card's lists are such pages, so they cost one query instead of two; a full page
(or an empty one past the start) is counted as before.
"""
from sqlalchemy import func, select


def page(session, query, *, order_by, limit, offset=0, options=(), unique=False):
    """(items, total) of ``query`` (a select of one entity) in ``order_by`` order."""
    result = session.scalars(query.options(*options).order_by(*order_by).limit(limit).offset(offset))
    items = (result.unique() if unique else result).all()
    return items, total(session, query, shown=len(items), limit=limit, offset=offset)


def total(session, query, *, shown, limit, offset=0):
    """How many rows ``query`` matches, given a page of ``shown`` rows read with ``limit`` and
    ``offset``: told by a short page, counted otherwise."""
    if shown < limit and (shown or offset == 0):
        return offset + shown
    return session.scalar(select(func.count()).select_from(query.subquery()))
