"""``page``: the total from the page itself when it is the last, else counted."""
from types import SimpleNamespace

from sqlalchemy import Column, Integer, MetaData, Table, select

from chancery_common.paging import page

numbers = Table("numbers", MetaData(), Column("n", Integer, primary_key=True))


class Rows:
    """A stand-in session over the numbers 1..count: answers the page and the count, and
    records which statements it was asked."""

    def __init__(self, count):
        self.count, self.asked = count, []

    def scalars(self, statement):
        self.asked.append("page")
        offset, limit = statement._offset, statement._limit
        items = list(range(1, self.count + 1))[offset:offset + limit]
        return SimpleNamespace(all=lambda: items, unique=lambda: SimpleNamespace(all=lambda: items))

    def scalar(self, statement):
        self.asked.append("count")
        return self.count


def test_a_short_page_tells_its_total_and_a_full_one_is_counted():
    query = select(numbers.c.n)
    for count, limit, offset, items, total, asked in (
            (3, 10, 0, [1, 2, 3], 3, ["page"]),            # the only page
            (0, 10, 0, [], 0, ["page"]),                   # nothing at all
            (25, 10, 20, [21, 22, 23, 24, 25], 25, ["page"]),  # the last page
            (25, 10, 0, list(range(1, 11)), 25, ["page", "count"]),  # a full page: more may follow
            (25, 10, 30, [], 25, ["page", "count"]),       # past the end: how far is the end?
            (10, 10, 0, list(range(1, 11)), 10, ["page", "count"])):  # exactly full: counted
        session = Rows(count)
        assert page(session, query, order_by=[numbers.c.n], limit=limit, offset=offset) == (items, total)
        assert session.asked == asked
