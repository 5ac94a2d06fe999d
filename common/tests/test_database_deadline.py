"""A worker's transaction does not commit after its caller's deadline (minus the time the reply
needs): work the caller gave up on is rolled back, never done behind its back."""
import time
import uuid
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from chancery_common.database import COMMIT_MARGIN, Database, make_session_factory
from chancery_common.errors import DeadlineExceeded


@pytest.fixture
def effects(engine, tables):
    return tables.effects


def count(engine, effects, note):
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(effects).where(effects.c.note == note))


@pytest.mark.parametrize("deadline, saved", [
    (None, True),  # no caller waiting on a deadline: a timer, an event
    (lambda: time.time() + 30, True),
    (lambda: time.time() + COMMIT_MARGIN / 2, False),  # too late for the reply to arrive in time
    (lambda: time.time() - 1, False),
])
def test_a_commit_after_the_callers_deadline_is_refused_and_rolled_back(engine, effects, deadline, saved):
    note = f"deadline-{uuid.uuid4().hex[:8]}"
    session = make_session_factory(engine)()
    session.info["deadline"] = deadline() if deadline else None
    try:
        if saved:
            with session.begin():
                session.execute(effects.insert().values(id=uuid.uuid4(), note=note))
        else:
            with pytest.raises(DeadlineExceeded), session.begin():
                session.execute(effects.insert().values(id=uuid.uuid4(), note=note))
    finally:
        session.close()

    assert count(engine, effects, note) == (1 if saved else 0)


class Worker:  # nameko's worker context, as much of it as the dependency reads
    def __init__(self, context_data):
        self.service, self.entrypoint = object(), SimpleNamespace(method_name="create")
        self.context_data = context_data


def test_a_workers_session_holds_its_calls_deadline(engine):
    database = Database()
    database.container = SimpleNamespace(
        service_name="test", config={"DATABASE_URL": engine.url.render_as_string(hide_password=False)})
    database.setup()
    try:
        called, timed = Worker({"deadline": 1234.5}), Worker({})
        assert database.get_dependency(called).info["deadline"] == 1234.5
        assert database.get_dependency(timed).info["deadline"] is None
        database.worker_teardown(called)
        database.worker_teardown(timed)
    finally:
        database.stop()
