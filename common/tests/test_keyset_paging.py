"""Keyset paging (chancery_common.paging.keyset_page) on a real PostgreSQL: every row once,
in order, ascending and descending, for keys of text (an expression of unknown type, as
``lower(name)``), time and number, with ties on the key broken by the id."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, Integer, String, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chancery_common.database import make_session_factory
from chancery_common.paging import keyset_page


class Base(DeclarativeBase):
    pass


class Row(Base):
    __tablename__ = "keyset_rows"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rank: Mapped[int] = mapped_column(Integer)


@pytest.fixture(scope="module")
def session(engine):
    Base.metadata.create_all(engine)
    made = make_session_factory(engine)()
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with made.begin():
        # ties on every key: names differ in case only, two rows per hour and per rank
        made.add_all(Row(name=("Name" if n % 2 else "name") + f" {n // 4:03d}", at=start + timedelta(hours=n // 2),
                         rank=n // 2) for n in range(103))
    yield made
    made.close()
    Base.metadata.drop_all(engine)


def every_page(session, limit, **kwargs):
    seen, after, calls = [], None, 0
    while True:
        items, after = keyset_page(session, select(Row), id_column=Row.id, limit=limit, after=after, **kwargs)
        seen += items
        calls += 1
        if after is None:
            return seen, calls


@pytest.mark.parametrize("key, descending", [
    (func.lower(Row.name), False), (func.lower(Row.name), True), (Row.at, False), (Row.at, True),
    (Row.rank, False)])
def test_every_row_comes_once_in_the_order_of_the_key_then_the_id(session, key, descending):
    expected = session.scalars(select(Row).order_by(key.desc() if descending else key, Row.id)).all()
    seen, calls = every_page(session, 10, key=key, descending=descending)
    assert [row.id for row in seen] == [row.id for row in expected]
    assert calls == 11  # ten full pages and a short last one


def test_a_page_that_ends_the_rows_exactly_says_so_on_the_next(session):
    seen, calls = every_page(session, 103, key=Row.rank)
    assert len(seen) == 103 and calls == 2
