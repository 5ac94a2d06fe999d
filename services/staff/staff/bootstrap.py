"""``python -m staff.bootstrap``: create the first administrator if there is none.

The e-mail comes from ``CHANCERY_ADMIN_EMAIL`` (default admin@chancery.local), the
password from ``CHANCERY_ADMIN_PASSWORD``; without one a password is generated and
printed once. In production a password must be given. Runs after migrations.
"""
import os
import sys

from chancery_common.config import ConfigurationError, is_production
from chancery_common.database import make_engine, make_session_factory

from . import logic

DEFAULT_EMAIL = "admin@chancery.local"


def ensure_administrator(database_url, email=None, password=None):
    """Returns (email, generated password or None)."""
    engine = make_engine(database_url, pool_size=1)
    try:
        session = make_session_factory(engine)()
        with session.begin():
            employee, generated = logic.ensure_administrator(
                session, email=email or DEFAULT_EMAIL, password=password)
            return employee.email, generated
    finally:
        engine.dispose()


def main():
    url = os.environ.get("DATABASE_URL") or os.environ["STAFF_DATABASE_URL"]
    password = os.environ.get("CHANCERY_ADMIN_PASSWORD") or None
    if is_production() and not password:
        raise ConfigurationError("CHANCERY_ADMIN_PASSWORD must be set when CHANCERY_ENV=production")
    email, generated = ensure_administrator(url, os.environ.get("CHANCERY_ADMIN_EMAIL"), password)
    if generated:
        print(f"Created administrator {email} with password: {generated}")
    else:
        print(f"Administrator present: {email}")


if __name__ == "__main__":
    sys.exit(main())
