"""``page_counted``: a page and the total of its query in one statement, on PostgreSQL."""
import pytest
from sqlalchemy import Column, Integer, MetaData, Table, insert, select

from chancery_common.paging import page, page_counted

numbers = Table("paging_numbers", MetaData(), Column("n", Integer, primary_key=True))


@pytest.fixture(scope="module")
def counted(engine):
    numbers.create(engine, checkfirst=True)
    with engine.begin() as connection:
        connection.execute(numbers.delete())
        connection.execute(insert(numbers), [{"n": n} for n in range(1, 8)])
    yield
    numbers.drop(engine)


@pytest.mark.parametrize("offset, limit, expected", [
    (0, 5, [1, 2, 3, 4, 5]), (5, 5, [6, 7]), (0, 7, [1, 2, 3, 4, 5, 6, 7]), (7, 5, []), (20, 5, [])])
def test_a_counted_page_holds_its_rows_and_the_whole_total(counted, session, offset, limit, expected):
    query = select(numbers.c.n).where(numbers.c.n > 0)

    counted_page = page_counted(session, query, order_by=(numbers.c.n,), limit=limit, offset=offset)

    assert counted_page == (expected, 7)
    assert counted_page == page(session, query, order_by=(numbers.c.n,), limit=limit, offset=offset)


def test_a_filter_counts_only_its_matches(counted, session):
    assert page_counted(session, select(numbers.c.n).where(numbers.c.n % 2 == 0), order_by=(numbers.c.n.desc(),),
                        limit=2) == ([6, 4], 3)
