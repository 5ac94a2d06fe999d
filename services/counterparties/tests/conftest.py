"""Fixtures for the counterparties service's tests: a migrated database per test module,
a session as the service's workers get, and factories of actors and counterparties."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.errors import load
from counterparties import logic, models, schemas


@pytest.fixture(scope="module")
def engine(service_database):
    url = service_database("counterparties", name=f"chancery_itest_counterparties_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def make_actor():
    def make(*roles):
        return Actor(id=uuid.uuid4(), roles=list(roles or ["employee"]), full_name="Test Actor")
    return make


@pytest.fixture
def actor(make_actor):
    return make_actor()


@pytest.fixture
def make_counterparty(session, actor):
    """``make_counterparty(**fields)``: input loaded through the RPC schema, then created."""
    def make(by=None, **fields):
        data = load(schemas.CounterpartySchema(), {"name": f"Romashka {uuid.uuid4().hex[:6]}", **fields})
        with session.begin():
            return logic.create_counterparty(session, data=data, actor=by or actor)
    return make


@pytest.fixture
def update(session, actor):
    def change(counterparty, by=None, **changes):
        data = load(schemas.CounterpartySchema(partial=True), changes)
        with session.begin():
            return logic.update_counterparty(session, counterparty_id=counterparty.id, changes=data,
                                             actor=by or actor)
    return change


@pytest.fixture
def outbox_events(session):
    """The payloads of one type's outbox events about one counterparty, oldest first."""
    def payloads(event_type, counterparty_id):
        table = models.outbox.table
        with session.begin():
            return session.scalars(select(table.c.payload).where(
                table.c.event_type == event_type,
                table.c.payload["counterparty_id"].astext == str(counterparty_id),
            ).order_by(table.c.id)).all()
    return payloads


@pytest.fixture
def history(engine):
    """The committed history of a counterparty, newest first (read in a session of its own)."""
    def entries(counterparty_id):
        with make_session_factory(engine)() as reader:
            items, total = logic.history(reader, counterparty_id=counterparty_id)
            assert total == len(items)
            return items
    return entries
