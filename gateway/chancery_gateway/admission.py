"""Admission control: each gateway worker works on a bounded number of requests at once.

Under more load than the machine can serve, more requests at work only make every one of
them slower (they share the same cores, the services' workers and the database) until all
of them time out. So each worker process admits at most ``ADMITTED_REQUESTS`` requests at
once (8 by default); a request beyond that waits for a place, in arrival order as the
threads are woken, at most ``QUEUE_BUDGET_SECONDS`` (5 by default); one that gets no place
in time is answered at once with 503 and ``Retry-After`` (the problem ``unavailable``),
having done nothing. gunicorn gives each worker more threads than places (gunicorn.conf.py:
``CHANCERY_THREADS``, 32 by default), so the waiting happens here, measured, and not in
gunicorn's queue where nobody sees it.

Exempt, so operators and orchestrators see a busy gateway as alive: the health and metrics
endpoints and static files. The services bound their own work (nameko's ``max_workers``)
and skip a request whose caller's deadline passed while it waited in their queue
(chancery_common.rpc). docs/operations.md ("Admission control") gives the knobs and the
curve measured with ``python -m bench workload``.
"""
import threading
import time

from flask import g, request

from chancery_common import metrics
from chancery_common.errors import Unavailable

EXEMPT_PATHS = ("/healthz", "/readyz", "/metrics")
EXEMPT_PREFIXES = ("/static/",)


class Overloaded(Unavailable):
    """No place for the request at this worker within the queue budget (answered 503)."""


class Admission:
    """The places of one worker process."""

    def __init__(self, places, budget_seconds):
        self.places, self.budget = places, budget_seconds
        self.semaphore = threading.BoundedSemaphore(places)

    def enter(self):
        """Take a place, waiting at most the budget; raises Overloaded when none came."""
        if self.semaphore.acquire(blocking=False):
            metrics.ADMISSION.labels("admitted").inc()
        else:
            began = time.monotonic()
            if not self.semaphore.acquire(timeout=self.budget):
                metrics.ADMISSION.labels("refused").inc()
                raise Overloaded(f"the gateway is busy: no place within {self.budget:g} s; nothing was done")
            metrics.ADMISSION.labels("waited").inc()
            metrics.ADMISSION_WAIT.observe(time.monotonic() - began)
        metrics.ADMISSION_IN_FLIGHT.inc()

    def leave(self):
        metrics.ADMISSION_IN_FLIGHT.dec()
        self.semaphore.release()


def register(app, settings):
    if not settings.admitted_requests:  # 0: no bound
        return
    admission = Admission(settings.admitted_requests, settings.queue_budget_seconds)

    @app.before_request
    def admit():
        path = request.path
        if path in EXEMPT_PATHS or path.startswith(EXEMPT_PREFIXES):
            return
        admission.enter()
        g.admitted = True

    @app.teardown_request
    def release(exc=None):
        if g.pop("admitted", False):
            admission.leave()
