"""The Database dependency: one SQLAlchemy session per nameko worker.

A service declares ``db = Database()``; each worker gets a fresh session bound to the
service's own database (``DATABASE_URL`` in its config) and the session is closed when
the worker ends, rolling back anything left uncommitted.

An entrypoint marked ``@reads_only`` gets a session that runs each statement on its own
(autocommit): no BEGIN and ROLLBACK round trips around its reads. Under PostgreSQL's READ
COMMITTED each statement of a transaction sees its own snapshot anyway, so reads see
nothing different. That session refuses to write: any statement other than a SELECT, and
any flush, raises ``ReadOnlySession``.
"""
import json
import time
from weakref import WeakKeyDictionary

import orjson
from nameko.extensions import DependencyProvider
from sqlalchemy import create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import sessionmaker

# a pooled connection unused for longer than this is pinged before it is handed out
IDLE_PING_SECONDS = 5.0


def normalise_url(url):
    """Accept plain ``postgresql://`` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


# every digit as "0", everything else as " ": a run of 19 digits is then a plain substring
_DIGITS = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_LONG_RUN = b"0" * 19


def read_json(data):
    """A JSON or JSONB value from PostgreSQL, read by orjson (several times faster than the
    standard library's reader on the documents' type fields and summaries). orjson reads an
    integer beyond 64 bits as a float; a value with 19 digits in a row anywhere (a long
    number, or a bank account in a string) is read by the standard library, exactly."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    if _LONG_RUN in raw.translate(_DIGITS):
        return json.loads(raw)
    return orjson.loads(raw)


def make_engine(url, *, idle_ping_seconds=IDLE_PING_SECONDS, **kwargs):
    """An engine whose pool pings a connection before handing it out only when it has been
    idle for ``idle_ping_seconds`` (a server restart or a dropped connection shows there);
    a busy service does not pay a round trip per call for it. A connection lost while in
    use fails that call and makes the pool replace every older connection."""
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("json_deserializer", read_json)
    engine = create_engine(normalise_url(url), **kwargs)
    if not kwargs.get("pool_pre_ping"):
        _ping_when_idle(engine, idle_ping_seconds)
    return engine


def _ping_when_idle(engine, seconds):
    @event.listens_for(engine, "checkin")
    def _returned(dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _handed_out(dbapi_connection, record, proxy):
        returned = record.info.get("returned_at")
        if returned is None or time.monotonic() - returned < seconds:
            return  # new, or in use a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError(f"the pooled connection did not answer a ping: {exc}") from exc
        if alive is False:
            raise DisconnectionError("the pooled connection did not answer a ping")


def make_session_factory(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)


class ReadOnlySession(RuntimeError):
    """A ``@reads_only`` entrypoint tried to write."""


def reads_only(method):
    """Mark an RPC method that only reads (see the module's text); put it under ``@rpc``."""
    method.reads_only = True
    return method


def make_reading_session_factory(engine):
    """Sessions of statements each on their own (autocommit), refusing to write."""
    factory = sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False)

    @event.listens_for(factory, "do_orm_execute")
    def _only_selects(state):
        if not state.is_select:
            raise ReadOnlySession(f"this call only reads; it may not run: {str(state.statement)[:80]}")

    @event.listens_for(factory, "before_flush")
    def _no_flush(session, flush_context, instances):
        if session.new or session.dirty or session.deleted:
            raise ReadOnlySession("this call only reads; it may not change records")
    return factory


class Database(DependencyProvider):
    def __init__(self, url_key="DATABASE_URL"):
        self.url_key = url_key
        self.sessions = WeakKeyDictionary()

    def setup(self):
        url = self.container.config[self.url_key]
        pool_size = int(self.container.config.get("max_workers", 10))
        self.engine = make_engine(url, pool_size=pool_size)
        self.Session = make_session_factory(self.engine)
        self.ReadingSession = make_reading_session_factory(self.engine)  # the same pool

    def stop(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        method = getattr(type(worker_ctx.service), worker_ctx.entrypoint.method_name, None)
        session = self.ReadingSession() if getattr(method, "reads_only", False) else self.Session()
        self.sessions[worker_ctx] = session
        return session

    def worker_teardown(self, worker_ctx):
        session = self.sessions.pop(worker_ctx, None)
        if session is not None:
            session.close()
