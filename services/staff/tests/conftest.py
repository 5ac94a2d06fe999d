"""Fixtures for the staff service's tests: a migrated database per test module, a
session as the service's workers get, and factories of employees."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.database import make_engine, make_session_factory
from staff import logic, models
from staff.service import StaffService


def fresh_database(service_database):
    return service_database("staff", name=f"chancery_itest_staff_{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="module")
def database_url(service_database):
    return fresh_database(service_database)


@pytest.fixture
def new_database_url(service_database):
    """A database of its own, for a test that needs the staff service empty."""
    return fresh_database(service_database)


@pytest.fixture(scope="module")
def engine(database_url):
    engine = make_engine(database_url, pool_size=2)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    session = make_session_factory(engine)()
    yield session
    session.close()


@pytest.fixture
def make_employee(session):
    """``make_employee(**fields)``: an employee created as the service creates one."""
    def make(**fields):
        data = {"full_name": "Ivan Petrov", "email": f"{uuid.uuid4().hex[:10]}@test.chancery",
                "roles": ["employee"], "password": "correct horse battery", **fields}
        with session.begin():
            return logic.create_employee(session, data=data)
    return make


@pytest.fixture
def outbox_events(session):
    """The payloads of the outbox events of one type, oldest first."""
    def payloads(event_type):
        table = models.outbox.table
        with session.begin():
            return session.scalars(select(table.c.payload).where(table.c.event_type == event_type)
                                   .order_by(table.c.id)).all()
    return payloads


@pytest.fixture
def make_session():
    """``with make_session(url) as session``: a session on a database of one's own."""
    from contextlib import contextmanager

    @contextmanager
    def open_session(url):
        engine = make_engine(url, pool_size=1)
        session = make_session_factory(engine)()
        try:
            yield session
        finally:
            session.close()
            engine.dispose()
    return open_session


@pytest.fixture
def entrypoints(session):
    """The service's entrypoints, each call ending its transaction as a worker does (a test's
    reads in between see what the call committed)."""
    worker = worker_factory(StaffService, db=session)

    class Entrypoints:
        def __getattr__(self, name):
            def call(*args):
                try:
                    return getattr(worker, name)(*args)
                finally:
                    session.rollback()
            return call
    return Entrypoints()

