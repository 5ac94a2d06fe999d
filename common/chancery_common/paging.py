"""A page of a query and the total it matches, counting only when the page cannot tell.

A page that comes back shorter than its limit holds the last rows: the total is the offset
plus what it holds, and no ``count(*)`` is needed. Most pages of the unified view, an
agenda or a card's lists are such pages, so they cost one query instead of two; a full page
(or an empty one past the start) is counted as before.

``page_counted`` counts in the same query, by a window over the matching rows: one round
trip even for a full page. Only for queries that match few rows (one counterparty's
notifications, one document's approvals): over a registry's millions the window would read
every match instead of stopping at the page.
"""
from datetime import datetime

from sqlalchemy import func, or_, select


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


def page_counted(session, query, *, order_by, limit, offset=0):
    """``page`` in one query (a select of one entity whose matching rows are few)."""
    rows = session.execute(query.add_columns(func.count().over().label("total_count"))
                           .order_by(*order_by).limit(limit).offset(offset)).all()
    if not rows:  # nothing, or a page past the end: the window has no row to tell
        return [], total(session, query, shown=0, limit=limit, offset=offset)
    return [row[0] for row in rows], rows[0].total_count


def keyset_page(session, query, *, key, id_column, descending=False, limit, after=None, options=()):
    """A page of ``query`` (a select of one entity) ordered by ``key`` (ascending, or
    ``descending``) and then ``id_column``, starting after the cursor ``after`` (the
    ``[key, id]`` of the last row of the page before, as text; None: from the start).

    Returns (items, next cursor or None). Each page costs one index walk from the cursor, so
    paging through a whole table stays linear where offsets would read every skipped row
    again (exports of hundreds of thousands of rows)."""
    ordering = (key.desc() if descending else key, id_column)
    if after is not None:
        last_key, last_id = after
        last_key = _typed(key, last_key)
        # the first condition alone is what an index on the key can seek to; the second
        # leaves out the rows of the last key already sent
        from_there = key <= last_key if descending else key >= last_key
        beyond = key < last_key if descending else key > last_key
        query = query.where(from_there, or_(beyond, id_column > last_id))
    rows = session.execute(query.add_columns(key.label("keyset_key")).options(*options)
                           .order_by(*ordering).limit(limit)).all()
    items = [row[0] for row in rows]
    if len(rows) < limit:
        return items, None
    last = rows[-1]
    value = last.keyset_key
    return items, [value.isoformat() if hasattr(value, "isoformat") else str(value), str(items[-1].id)]


def _typed(key, text):
    """A cursor's key (text) as the key expression's Python type (text when the expression's
    type is not known, as for ``lower(name)``)."""
    try:
        python_type = key.type.python_type
    except NotImplementedError:
        return text
    if python_type is datetime:
        return datetime.fromisoformat(text)
    return python_type(text) if python_type in (int, str) else text
