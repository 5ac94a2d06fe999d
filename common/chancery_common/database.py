"""The Database dependency: one SQLAlchemy session per nameko worker.

A service declares ``db = Database()``; each worker gets a fresh session bound to the
service's own database (``DATABASE_URL`` in its config) and the session is closed when
the worker ends, rolling back anything left uncommitted.

An entrypoint marked ``@reads_only`` gets a session that runs each statement on its own
(autocommit): no BEGIN and ROLLBACK round trips around its reads. Under PostgreSQL's READ
COMMITTED each statement of a transaction sees its own snapshot anyway, so reads see
nothing different. That session refuses to write: any statement other than a SELECT, and
any flush, raises ``ReadOnlySession``.

A worker started by a call with a deadline (``rpc.py``) does not commit after it: its
transaction is rolled back with ``DeadlineExceeded``, so a caller that stopped waiting never
has its work done behind its back. The commit must come ``COMMIT_MARGIN`` seconds before the
deadline, time for the reply to reach the caller.
"""
import json
import time
from weakref import WeakKeyDictionary

import orjson
from nameko.extensions import DependencyProvider
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import sessionmaker

from . import metrics, tracing
from .errors import DeadlineExceeded

# a pooled connection unused for longer than this is pinged before it is handed out
IDLE_PING_SECONDS = 5.0
# seconds a new database connection may take (libpq's connect_timeout)
CONNECT_TIMEOUT = 3
# a worker's commit must come this long before its caller's deadline
COMMIT_MARGIN = 0.2


def deadline_passed(deadline, margin=0.0):
    """Whether a caller's deadline (seconds since the epoch, or None) is less than ``margin`` away."""
    return deadline is not None and time.time() > float(deadline) - margin


def unavailable_database(exc):
    """Whether ``exc`` says the database cannot be used now (down, restarting, unreachable,
    connection lost, no pooled connection free, a transaction PostgreSQL cancelled), rather
    than that the statement or the data were wrong."""
    if isinstance(exc, (OperationalError, DisconnectionError, PoolTimeout)):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


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
    idle for ``idle_ping_seconds`` (a server restart or a dropped connection shows there),
    or when a connection of any engine in the process was found lost since it was returned;
    a busy service does not pay a round trip per call for it. A connection lost while in
    use fails that call and makes the pool replace every older connection. A server that does
    not answer at all fails a new connection after ``CONNECT_TIMEOUT`` seconds, inside the
    callers' timeouts, rather than the operating system's minutes."""
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    kwargs.setdefault("json_deserializer", read_json)
    url = normalise_url(url)
    if url.startswith("postgresql+psycopg://"):
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT, **kwargs.get("connect_args", {})}
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        _ping_when_idle(engine, idle_ping_seconds)
    _trace_statements(engine)
    return engine


def _trace_statements(engine):
    """A span per statement when tracing is on (chancery_common.tracing)."""
    @event.listens_for(engine, "before_cursor_execute")
    def _started(connection, cursor, statement, parameters, context, executemany):
        if tracing.enabled() and context is not None:
            context.chancery_span = tracing.start(
                f"db {statement.split(None, 1)[0].upper() if statement else 'statement'}", tracing.CLIENT,
                attributes={"db.system.name": "postgresql", "db.query.text": statement[:1000]})

    @event.listens_for(engine, "after_cursor_execute")
    def _finished(connection, cursor, statement, parameters, context, executemany):
        tracing.finish(context.__dict__.pop("chancery_span", None) if context is not None else None)

    @event.listens_for(engine, "handle_error")
    def _failed(exception_context):
        context = exception_context.execution_context
        tracing.finish(context.__dict__.pop("chancery_span", None) if context is not None else None,
                       error=exception_context.original_exception)


# when a connection of any engine in this process was last found lost (time.monotonic()):
# the server restarted, so a connection of another engine returned before then may be dead
# too, however short a moment ago it was in use (a service's pool and its outbox relay's)
_lost_at = [float("-inf")]


def _ping_when_idle(engine, seconds):
    @event.listens_for(engine, "handle_error")
    def _lost(context):
        if context.is_disconnect:
            _lost_at[0] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _returned(dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _handed_out(dbapi_connection, record, proxy):
        returned = record.info.get("returned_at")
        if returned is None or (time.monotonic() - returned < seconds and returned > _lost_at[0]):
            return  # new, or in use a moment ago and no connection found lost since
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError(f"the pooled connection did not answer a ping: {exc}") from exc
        if alive is False:
            raise DisconnectionError("the pooled connection did not answer a ping")


def make_session_factory(engine):
    factory = sessionmaker(bind=engine, expire_on_commit=False)

    @event.listens_for(factory, "before_commit")
    def _not_after_the_deadline(session):
        deadline = session.info.get("deadline")
        if deadline_passed(deadline, COMMIT_MARGIN):
            raise DeadlineExceeded("the caller stopped waiting before the work could be saved; nothing was changed",
                                   {"deadline": float(deadline)})
    return factory


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
        service, pool = self.container.service_name, self.engine.pool
        metrics.DB_POOL.labels(service, "in_use").set_function(pool.checkedout)
        metrics.DB_POOL.labels(service, "idle").set_function(pool.checkedin)

    def check_ready(self):
        """For /readyz: the database answers."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def stop(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        method = getattr(type(worker_ctx.service), worker_ctx.entrypoint.method_name, None)
        session = self.ReadingSession() if getattr(method, "reads_only", False) else self.Session()
        session.info["deadline"] = worker_ctx.context_data.get("deadline")  # of the call, when it has one
        self.sessions[worker_ctx] = session
        return session

    def worker_teardown(self, worker_ctx):
        session = self.sessions.pop(worker_ctx, None)
        if session is not None:
            try:
                session.close()
            except Exception:
                # the connection died under the worker (PostgreSQL restarted): the server rolled
                # its transaction back and the pool dropped the connection. Raised here, nameko
                # would end the whole service (tests/faults: a PostgreSQL restart)
                import logging
                logging.getLogger(__name__).warning("a worker's session could not be closed cleanly",
                                                    exc_info=True)
