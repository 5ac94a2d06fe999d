"""Idempotent event consumption.

Each handler records the ids of the events it has processed in the ``processed_events``
table, in the same transaction as its effect. A redelivered event finds its id already
there and changes nothing. Use it under nameko's ``event_handler``:

    @event_handler("approvals", "approval.completed", requeue_on_error=True)
    @handle_once(models.processed_events)
    def on_approval_completed(self, session, event): ...

The handler receives the service's session (already in a transaction) and the
``Event``; it must not commit itself.

A handler that fails has its event requeued after a pause that doubles with each failure
of that event in this process (1 s, 2 s, 4 s ... up to 30 s), so a passing fault (the
database restarting) is waited out, while an event that always fails reaches its queue's
delivery limit and is dead-lettered (``queues.py``) instead of being redelivered for ever.
"""
import functools
import logging
from collections import OrderedDict
from datetime import datetime, timezone

import eventlet
from sqlalchemy import Column, DateTime, PrimaryKeyConstraint, String, Table, Uuid
from sqlalchemy.dialects.postgresql import insert

from .envelope import Event, InvalidEnvelope

log = logging.getLogger(__name__)

RETRY_DELAY = 1.0  # seconds before a failed event first goes back to the queue
MAX_RETRY_DELAY = 30.0


class _Failures:
    """How often each (handler, event) failed in this process; the oldest forgotten past ``size``."""

    def __init__(self, size=10000):
        self.size = size
        self.counts = OrderedDict()

    def add(self, key):
        count = self.counts.pop(key, 0) + 1
        self.counts[key] = count
        while len(self.counts) > self.size:
            self.counts.popitem(last=False)
        return count

    def forget(self, key):
        self.counts.pop(key, None)


_failures = _Failures()


def retry_delay(failures):
    """Seconds to wait before requeueing an event that failed ``failures`` times."""
    return min(RETRY_DELAY * 2 ** (failures - 1), MAX_RETRY_DELAY)


class ProcessedEvents:
    def __init__(self, metadata):
        self.table = Table(
            "processed_events", metadata,
            Column("event_id", Uuid, nullable=False),
            Column("handler", String(200), nullable=False),
            Column("processed_at", DateTime(timezone=True), nullable=False),
            PrimaryKeyConstraint("event_id", "handler"),
        )

    def claim(self, session, event_id, handler):
        """True the first time ``handler`` sees ``event_id``; False on a redelivery."""
        result = session.execute(
            insert(self.table)
            .values(event_id=event_id, handler=handler, processed_at=datetime.now(timezone.utc))
            .on_conflict_do_nothing()
            .returning(self.table.c.event_id)
        )
        return result.first() is not None


def handle_once(processed_events, db_attr="db"):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(self, body):
            try:
                event = Event.from_message(body)
            except InvalidEnvelope as exc:
                log.error("%s.%s dropped a message: %s", self.name, fn.__name__, exc)
                return None
            session = getattr(self, db_attr)
            handler = f"{self.name}.{fn.__name__}"
            try:
                with session.begin():
                    if not processed_events.claim(session, event.id, handler):
                        log.info("%s: event %s (%s) already processed", handler, event.id, event.type)
                        return None
                    result = fn(self, session, event)
            except Exception:
                failures = _failures.add((handler, event.id))
                delay = retry_delay(failures)
                log.exception("%s failed on event %s (%s), %d time(s) here; it will be redelivered "
                              "in %.0f s (dead-lettered after the queue's delivery limit)",
                              handler, event.id, event.type, failures, delay)
                eventlet.sleep(delay)
                raise
            _failures.forget((handler, event.id))
            return result
        return wrapper
    return decorator
