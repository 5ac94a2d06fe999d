"""Records made once per attempt: the service side of the gateway's ``Idempotency-Key``.

When a request carries an ``Idempotency-Key``, the gateway passes the attempt's id as
``actor.idempotency_key`` (the same id for every retry of that key while it lives). A
service that creates a record stores the id with it (a unique column ``idempotency_key``)
in the same transaction; a retry whose first attempt did write (though its caller heard
only a timeout: a ghost write) finds that record with ``already_made`` and answers with it
instead of making a second one. Two attempts at once are serialised by a transaction-level
advisory lock on the id, so the second sees the first's record once it is committed.
"""
import logging

import eventlet
from sqlalchemy import event, func, select

from .config import is_production, setting

log = logging.getLogger(__name__)

LOCK_CLASS = 0x1DE4  # the advisory locks' first key: these locks, apart from any other use


def already_made(session, model, key):
    """The ``model`` record an earlier attempt with this key made, or None (always None
    without a key). Holds the key's lock until the transaction ends: call it before making
    the record, and store ``key`` in the record's ``idempotency_key``. (The gateway's key is
    bound to the request's path and body, so a record found is the one this request made.)"""
    if key is None:
        return None
    objid = (key.int & 0xFFFFFFFF) - (1 << 31)  # the id's last 32 bits, as PostgreSQL's int4
    session.execute(select(func.pg_advisory_xact_lock(LOCK_CLASS, objid)))
    return session.scalars(select(model).where(model.idempotency_key == key)).first()


def pause_after_commit(session, text):
    """A test hook, never active in production: when ``TEST_PAUSE_AFTER_COMMIT`` is
    ``<seconds>:<marker>`` and ``text`` holds the marker, the worker waits that long after its
    transaction committed, before it replies: the gateway gives up waiting while the write is
    already made (a ghost write, as when a reply is lost with the broker). A pause before the
    commit would not do: a commit after the caller's deadline is refused (database.py)."""
    configured = setting("TEST_PAUSE_AFTER_COMMIT")
    if not configured or is_production():
        return
    seconds, _, marker = configured.partition(":")
    if marker and marker in (text or ""):
        def pause(_session):
            log.warning("test hook: pausing %s s after the commit of %r", seconds, text)
            eventlet.sleep(float(seconds))
        event.listen(session, "after_commit", pause, once=True)
