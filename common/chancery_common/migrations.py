"""Alembic helpers: one migration history per service, each in its own database.

A service's ``migrations/env.py`` is two lines: import the service's metadata and call
``run_env(metadata)``. ``upgrade(service_dir, url)`` applies a service's migrations from
code (the local runner, the container pre-start step and the tests use it).
"""
import os
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from .database import normalise_url


def run_env(metadata):
    """Body of a service's alembic env.py."""
    config = context.config
    url = config.get_main_option("sqlalchemy.url") or os.environ["DATABASE_URL"]
    engine = create_engine(normalise_url(url))
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata,
                          compare_type=True, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def alembic_config(service_dir, url):
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(service_dir) / "migrations"))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


def upgrade(service_dir, url, revision="head"):
    command.upgrade(alembic_config(service_dir, url), revision)


def ensure_database(url):
    """Create the database named in ``url`` if it does not exist yet."""
    target = make_url(normalise_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    finally:
        admin.dispose()


def drop_database(url):
    target = make_url(normalise_url(url))
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    finally:
        admin.dispose()
