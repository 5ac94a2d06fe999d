"""The pool pings a connection only after it sat idle: a busy service pays no round trip per
call for it, and a connection the server dropped while idle is replaced before use; once any
engine of the process found a connection lost (a server restart), the others ping theirs too."""
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from chancery_common.database import make_engine


@pytest.fixture
def pings(engine, monkeypatch):
    """An engine on the common test database with a short idle limit, counting its pings."""
    idle = make_engine(engine.url.render_as_string(hide_password=False), idle_ping_seconds=0.3, pool_size=1)
    counted = []
    original = idle.dialect.do_ping

    def do_ping(dbapi_connection):
        counted.append(dbapi_connection)
        return original(dbapi_connection)
    monkeypatch.setattr(idle.dialect, "do_ping", do_ping)
    yield idle, counted
    idle.dispose()


def backend_pid(connection):
    return connection.execute(text("select pg_backend_pid()")).scalar_one()


def test_a_connection_in_use_a_moment_ago_is_handed_out_without_a_ping(pings):
    idle, counted = pings
    with idle.connect() as connection:
        first = backend_pid(connection)
    for _ in range(5):
        with idle.connect() as connection:
            assert backend_pid(connection) == first

    assert counted == []


def test_an_idle_connection_is_pinged_and_one_the_server_dropped_is_replaced(pings, engine):
    idle, counted = pings
    with idle.connect() as connection:
        dropped = backend_pid(connection)
    with engine.connect() as other:
        assert other.execute(text("select pg_terminate_backend(:pid)"), {"pid": dropped}).scalar_one()
    time.sleep(0.4)

    with idle.connect() as connection:
        replaced = backend_pid(connection)

    assert replaced != dropped
    assert len(counted) == 1  # the idle one was pinged, failed, and a new one needs no ping
    time.sleep(0.4)
    with idle.connect() as connection:
        assert backend_pid(connection) == replaced
    assert len(counted) == 2  # idle again: pinged, alive, kept


def test_a_connection_lost_by_another_engine_has_every_engine_ping_its_recent_connections(pings, engine):
    idle, counted = pings
    relay = make_engine(engine.url.render_as_string(hide_password=False), pool_size=1)
    try:
        with idle.connect() as connection:
            dropped = backend_pid(connection)
        with relay.connect() as connection:
            relay_pid = backend_pid(connection)
        with engine.connect() as other:  # a restart ends every connection to the server
            for pid in (dropped, relay_pid):
                assert other.execute(text("select pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
        with pytest.raises(OperationalError):  # the relay's, in use a moment ago: its call fails
            with relay.connect() as connection:
                backend_pid(connection)

        with idle.connect() as connection:  # in use a moment ago too, yet pinged and replaced
            replaced = backend_pid(connection)
    finally:
        relay.dispose()

    assert replaced != dropped
    assert len(counted) == 1
