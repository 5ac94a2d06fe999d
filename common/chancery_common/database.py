"""The Database dependency: one SQLAlchemy session per nameko worker.

A service declares ``db = Database()``; each worker gets a fresh session bound to the
service's own database (``DATABASE_URL`` in its config) and the session is closed when
the worker ends, rolling back anything left uncommitted.
"""
from weakref import WeakKeyDictionary

from nameko.extensions import DependencyProvider
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


def normalise_url(url):
    """Accept plain ``postgresql://`` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url, **kwargs):
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_engine(normalise_url(url), **kwargs)


def make_session_factory(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)


class Database(DependencyProvider):
    def __init__(self, url_key="DATABASE_URL"):
        self.url_key = url_key
        self.sessions = WeakKeyDictionary()

    def setup(self):
        url = self.container.config[self.url_key]
        pool_size = int(self.container.config.get("max_workers", 10))
        self.engine = make_engine(url, pool_size=pool_size)
        self.Session = make_session_factory(self.engine)

    def stop(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        session = self.Session()
        self.sessions[worker_ctx] = session
        return session

    def worker_teardown(self, worker_ctx):
        session = self.sessions.pop(worker_ctx, None)
        if session is not None:
            session.close()
