"""Idempotent event consumption.

Each handler records the ids of the events it has processed in the ``processed_events``
table, in the same transaction as its effect. A redelivered event finds its id already
there and changes nothing. Use it under nameko's ``event_handler``:

    @event_handler("approvals", "approval.completed", requeue_on_error=True)
    @handle_once(models.processed_events)
    def on_approval_completed(self, session, event): ...

The handler receives the service's session (already in a transaction) and the
``Event``; it must not commit itself.
"""
import functools
import logging
from datetime import datetime, timezone

import eventlet
from sqlalchemy import Column, DateTime, PrimaryKeyConstraint, String, Table, Uuid
from sqlalchemy.dialects.postgresql import insert

from .envelope import Event, InvalidEnvelope

log = logging.getLogger(__name__)

RETRY_DELAY = 1.0  # seconds before a failed event goes back to the queue


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
                    return fn(self, session, event)
            except Exception:
                log.exception("%s failed on event %s (%s); it will be redelivered",
                              handler, event.id, event.type)
                eventlet.sleep(RETRY_DELAY)
                raise
        return wrapper
    return decorator
