"""Every Prometheus metric Chancery exports, in one place (docs/operations.md, "Where to look").

Services serve them per instance on their own HTTP port (``observability.Observability``);
the gateway serves its own at ``/metrics``, summed over its gunicorn workers
(prometheus-client's multiprocess mode). The alert rules and the dashboard in
deploy/monitoring name only metrics from this module (tests/static checks it).
"""
import contextlib
import time

from prometheus_client import Counter, Gauge, Histogram

from . import errors

# seconds: from a cached read (~1 ms) to the gateway's RPC timeout (10 s)
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP_REQUESTS = Counter(
    "chancery_http_requests", "HTTP requests the gateway answered, by route and status.",
    ["method", "route", "status"])
HTTP_LATENCY = Histogram(
    "chancery_http_request_duration_seconds", "Time the gateway took to answer, by route.",
    ["method", "route"], buckets=LATENCY_BUCKETS)
ADMISSION = Counter(
    "chancery_admission", "Requests a gateway worker admitted at once, after waiting for a place, or refused "
    "with 503 when no place came within the queue budget (gateway admission.py).", ["outcome"])
ADMISSION_WAIT = Histogram(
    "chancery_admission_wait_seconds", "Time requests waited for a place at a gateway worker.",
    buckets=LATENCY_BUCKETS)
ADMISSION_IN_FLIGHT = Gauge(
    "chancery_admission_in_flight", "Requests at work in a gateway worker (summed over workers).",
    multiprocess_mode="livesum")

IDENTITY_CACHE = Counter(
    "chancery_identity_cache", "Signed-in identities a gateway worker found in its cache (hit) or asked the "
    "staff service for: none kept (absent), kept past its minute while the identity news was fresh (aged), "
    "past its few seconds with no fresh news or no version (stale_news), older than the news's version "
    "(changed), past its valid_until (ended) (gateway auth.py).", ["outcome"])
RPC_CALLS = Counter(
    "chancery_rpc_calls",
    "RPC calls by target service.method and outcome (ok, error: the service's own answer, "
    "unavailable: no answer, failed: a bug), seen by the caller or by the callee (side).",
    ["side", "service", "method", "outcome"])
RPC_LATENCY = Histogram(
    "chancery_rpc_call_duration_seconds", "RPC call time on the caller or the callee side.",
    ["side", "service", "method"], buckets=LATENCY_BUCKETS)

DEAD_LETTERS = Gauge(
    "chancery_dead_letters", "Messages in the broker's dead-letter queues (the same for every instance): "
    "kind=events (replayable, docs/operations.md \"Dead letters\") and kind=rpc (requests nobody waits for).",
    ["kind"], multiprocess_mode="max")

EVENTS_HANDLED = Counter(
    "chancery_events_handled", "Events a service's handler consumed, by outcome (ok, failed: redelivered).",
    ["service", "handler", "outcome"])
TIMER_RUNS = Counter(
    "chancery_timer_runs", "Runs of a service's timed work, by outcome.", ["service", "timer", "outcome"])

OUTBOX_BACKLOG = Gauge(
    "chancery_outbox_backlog", "Events committed but not yet published.", ["service"],
    multiprocess_mode="max")
OUTBOX_OLDEST_AGE = Gauge(
    "chancery_outbox_oldest_age_seconds", "Age of the oldest unpublished event (0 when none).", ["service"],
    multiprocess_mode="max")

DB_POOL = Gauge(
    "chancery_db_pool_connections", "Database connections of a service's pool, in use or idle.",
    ["service", "state"], multiprocess_mode="max")

S3_LATENCY = Histogram(
    "chancery_s3_operation_duration_seconds", "Object store operations, by operation and outcome.",
    ["operation", "outcome"], buckets=LATENCY_BUCKETS)
REMINDERS = Gauge(
    "chancery_reminders", "Reminders not yet fired that are due (state=due), and those due over a "
    "minute ago (state=late).", ["state"], multiprocess_mode="max")
REMINDERS_FIRED = Counter("chancery_reminders_fired", "Reminders fired.")
APPROVAL_TASKS_OVERDUE = Gauge(
    "chancery_approval_tasks_overdue", "Open approval tasks past their deadline.", multiprocess_mode="max")
WEBHOOK_DELIVERIES = Counter(
    "chancery_webhook_deliveries", "Webhook delivery attempts by outcome (succeeded; refused: the "
    "receiver answered other than 2xx; unreachable: no answer).", ["outcome"])
JOBS_ENDED = Counter(
    "chancery_jobs_ended", "Background jobs a worker ended, by kind and state (done, failed, cancelled; lost: "
    "another worker had taken it up).", ["kind", "state"])
JOBS_EXPIRED_FILES = Counter("chancery_jobs_expired_files", "Result files of jobs removed once expired.")

TEXT_EXTRACTIONS = Counter(
    "chancery_text_extractions", "Files read by the texts service, by outcome (done; failed: the file "
    "cannot be read; retry: a passing failure; copied: the reading of the same bytes copied) and method "
    "(ocr, text_layer, office, email, plain).",
    ["outcome", "method"])
TEXT_EXTRACTION_SECONDS = Histogram(
    "chancery_text_extraction_duration_seconds", "Seconds one file took to read, by method.", ["method"],
    buckets=(0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0))
TEXT_BACKLOG = Gauge(
    "chancery_text_extraction_backlog", "Files waiting to be read (state=pending or running) and those "
    "that could not be (state=failed).", ["state"], multiprocess_mode="max")


def rpc_outcome(exc):
    """ok, error (an answer the service gives on purpose: not found, invalid input...),
    unavailable (a service it needed did not answer) or failed (anything else: a bug)."""
    if exc is None:
        return "ok"
    if isinstance(exc, errors.ServiceUnavailable):
        return "unavailable"
    if isinstance(exc, errors.ChanceryError):
        return "error"
    return "failed"


@contextlib.contextmanager
def measured_s3(operation):
    """Times an object store call into chancery_s3_operation_duration_seconds: a ``with`` block
    or a method decorator (``@measured_s3("read")``), outcome ok or failed (it raised)."""
    started, outcome = time.perf_counter(), "failed"
    try:
        yield
        outcome = "ok"
    finally:
        S3_LATENCY.labels(operation, outcome).observe(time.perf_counter() - started)


class cached:
    """A function whose result is kept for ``seconds`` (several gauges read one query)."""

    def __init__(self, function, seconds=1.0):
        self.function, self.seconds = function, seconds
        self.value, self.at = None, None

    def __call__(self):
        now = time.monotonic()
        if self.at is None or now - self.at > self.seconds:
            self.value, self.at = self.function(), now
        return self.value


def exported_names():
    """The names a scrape shows for every metric above (counters get ``_total``, histograms
    ``_bucket``/``_sum``/``_count``)."""
    names = set()
    for metric in (value for value in globals().values()
                   if isinstance(value, (Counter, Gauge, Histogram))):
        base = metric._name
        if isinstance(metric, Counter):
            names |= {f"{base}_total", f"{base}_created"}
        elif isinstance(metric, Histogram):
            names |= {f"{base}_bucket", f"{base}_sum", f"{base}_count", f"{base}_created"}
        else:
            names.add(base)
    return names
