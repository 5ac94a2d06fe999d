"""``@reads_only`` entrypoints get a session whose statements each run on their own (no
BEGIN/ROLLBACK round trips) and which refuses to write."""
import time
from types import SimpleNamespace

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.orm import registry

from chancery_common.database import Database, ReadOnlySession, make_reading_session_factory, reads_only


@pytest.fixture
def reading(engine):
    session = make_reading_session_factory(engine)()
    yield session
    session.close()


def test_each_statement_runs_on_its_own(reading, session):
    first = reading.scalar(select(text("now()")))
    time.sleep(0.02)
    second = reading.scalar(select(text("now()")))
    assert second > first  # autocommit: every statement starts its own transaction

    first = session.scalar(select(text("now()")))
    time.sleep(0.02)
    assert session.scalar(select(text("now()"))) == first  # the ordinary session: one transaction


def test_a_write_is_refused_and_nothing_is_written(reading, session, tables):
    effects = tables.effects
    with pytest.raises(ReadOnlySession):
        reading.execute(insert(effects).values(id="00000000-0000-0000-0000-00000000a001", note="written"))
    with pytest.raises(ReadOnlySession):
        reading.execute(text("delete from consumer_effects"))
    assert session.scalar(select(effects.c.note).where(effects.c.note == "written")) is None


def test_a_flush_of_changed_records_is_refused(reading, tables):
    class Effect:
        pass
    mapper_registry = registry()
    mapper_registry.map_imperatively(Effect, tables.effects)
    try:
        effect = Effect()
        effect.id, effect.note = "00000000-0000-0000-0000-00000000a002", "flushed"
        reading.add(effect)
        with pytest.raises(ReadOnlySession):
            reading.flush()
    finally:
        mapper_registry.dispose()


class Worker:  # nameko's worker context, as much of it as the dependency reads
    def __init__(self, service, method_name):
        self.service, self.entrypoint = service, SimpleNamespace(method_name=method_name)
        self.context_data = {}  # the call's headers: no deadline here


class Service:
    @reads_only
    def looks(self):
        pass

    def changes(self):
        pass


@pytest.mark.parametrize("method, reads", [("looks", True), ("changes", False)])
def test_the_dependency_gives_a_marked_entrypoint_the_reading_session(engine, method, reads):
    database = Database()
    database.container = SimpleNamespace(
        service_name="test", config={"DATABASE_URL": engine.url.render_as_string(hide_password=False)})
    database.setup()
    try:
        worker = Worker(Service(), method)
        session = database.get_dependency(worker)
        assert session.connection().connection.dbapi_connection.autocommit is reads
        database.worker_teardown(worker)
    finally:
        database.stop()


def test_a_connection_a_reading_session_used_is_transactional_again_for_the_next(engine):
    database = Database()
    database.container = SimpleNamespace(
        service_name="test", config={"DATABASE_URL": engine.url.render_as_string(hide_password=False),
                                     "max_workers": 1})
    database.setup()
    try:
        reader, writer = Worker(Service(), "looks"), Worker(Service(), "changes")
        read_connection = database.get_dependency(reader).connection().connection.dbapi_connection
        database.worker_teardown(reader)
        session = database.get_dependency(writer)
        connection = session.connection().connection.dbapi_connection
        assert connection is read_connection and connection.autocommit is False
        first = session.scalar(select(text("now()")))
        time.sleep(0.02)
        assert session.scalar(select(text("now()"))) == first
        database.worker_teardown(writer)
    finally:
        database.stop()
