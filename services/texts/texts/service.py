"""The texts service's entrypoints: the documents' file events in, extraction jobs worked
off by a timer, results out as ``file_text.extracted``.

A service of its own, not a part of documents: OCR takes seconds to minutes of CPU per
file and needs Tesseract, Ghostscript, poppler and LibreOffice in its image; here it never holds up an
upload, a registry search or a card, and it scales (and is given CPUs) on its own.
"""
import logging

import eventlet
from nameko.dependency_providers import Config
from nameko.events import event_handler
from nameko.timer import timer

from chancery_common import event_log
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.metrics import TEXT_BACKLOG
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import rpc

from . import logic
from .models import outbox, processed_events
from .storage import ObjectStorage

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0


class TextsService(event_log.EventLogEntrypoints):
    name = "texts"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    storage = ObjectStorage()
    config = Config()

    @property
    def settings(self):
        return logic.Settings.from_config(self.config)

    @rpc
    def ping(self):
        return "pong"

    @rpc
    @reads_only
    def counts(self):
        """How many files are waiting, being read, read and unreadable (for operators)."""
        return logic.counts(self.db)

    @event_handler("documents", "document.file_added", requeue_on_error=True)
    @handle_once(processed_events)
    def on_file_added(self, session, event):
        logic.request(session, payload=event.payload)

    @event_handler("intake", "intake_file.received", requeue_on_error=True)
    @handle_once(processed_events)
    def on_intake_file_received(self, session, event):
        """A file in the intake's review queue (its item as ``document_id``): read it as any file,
        so the draft's suggestions come from its text and its preview from the thumbnail."""
        logic.request(session, payload=event.payload)

    @event_handler("documents", "document.file_text_requested", requeue_on_error=True)
    @handle_once(processed_events)
    def on_file_text_requested(self, session, event):
        """A re-extraction (``python -m documents reextract``): read the file again from scratch."""
        logic.request(session, payload=event.payload, again=True)

    @timer(interval=TICK_SECONDS)
    def work(self):
        """Read the due files, at most TEXTS_CONCURRENCY at once in this process (the timer waits
        for the batch; programs and parsing run off the event loop, see tools.py)."""
        settings = self.settings
        with self.db.begin():
            jobs = logic.claim(self.db, settings=settings, limit=settings.concurrency)
        if not jobs:
            return
        pool = eventlet.GreenPool(len(jobs))
        for job, outcome in pool.imap(
                lambda job: (job, logic.process(job, storage=self.storage, settings=settings)), jobs):
            with self.db.begin():
                logic.record(self.db, job=job, outcome=outcome, settings=settings)
            log.info("texts: %s (%s) %s by %s in %.1f s%s", job.filename, job.version_id, outcome.state,
                     outcome.method or "-", outcome.seconds, f": {outcome.reason}" if outcome.reason else "")

    @timer(interval=15)
    def measure_backlog(self):
        found = logic.counts(self.db)
        TEXT_BACKLOG.labels("pending").set(found["pending"])
        TEXT_BACKLOG.labels("running").set(found["running"])
        TEXT_BACKLOG.labels("failed").set(found["failed"])
