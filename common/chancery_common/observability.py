"""What operators see of a service instance: the correlation id in its logs, its metrics,
and its liveness and readiness.

Every service declares ``observability = Observability()``. It

* gives each worker the correlation id its request or event came with (the AMQP header
  ``nameko.correlation_id``, see ``logs``), or a new one for timed work, so every log line
  of the worker names it and every call and event the worker makes carries it on;
* counts and times every RPC call served, event handled and timer run
  (``chancery_common.metrics``);
* when ``HTTP_PORT`` (the environment's ``CHANCERY_HTTP_PORT``) is not 0, serves on it
  ``/metrics`` (Prometheus), ``/livez`` (the process runs its container) and ``/readyz``
  (this instance's own consumers are attached to the broker, and the broker, the database
  and, for documents, the object store answer this process; 503 naming what does not).
  Each replica answers for itself alone: a ping over the service's shared RPC queue is
  answered by whichever replica takes it, so it cannot tell a dead replica from a live one.
  ``CHANCERY_HTTP_HOST`` is the address it binds (127.0.0.1; 0.0.0.0 in a container).

``on_scrape`` functions take a reading session of the service's database and set gauges
of its state (reminders late, approval tasks overdue) just before each scrape. Every
instance also counts the broker's dead letters then (``chancery_dead_letters``: the same
number from each instance, so alerts take the max).

A dependency with a ``check_ready()`` method (the database, the object store) is asked by
``/readyz``; it raises when it is not ready.
"""
import json
import logging
import os
import time
from weakref import WeakKeyDictionary

import eventlet
import eventlet.wsgi
from kombu import Connection
from nameko.extensions import DependencyProvider
from nameko.messaging import QueueConsumer
from nameko.rpc import Rpc
from nameko.timer import Timer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from . import dead_letters, logs, metrics, tracing
from .database import Database

log = logging.getLogger(__name__)

PROBE_TIMEOUT = 2.0
DEAD_LETTERS_EVERY = 5.0  # seconds a count of the dead letters is reused (several scrapers)


class Observability(DependencyProvider):
    def __init__(self, on_scrape=()):
        self.on_scrape = tuple(on_scrape)
        self.workers = WeakKeyDictionary()
        self.server = None
        self.port = None

    def setup(self):
        config = self.container.config
        self.service_name = self.container.service_name
        self.amqp_uri = config["AMQP_URI"]
        self.wanted_port = int(config.get("HTTP_PORT") or 0)
        self.host = config.get("HTTP_HOST") or os.environ.get("CHANCERY_HTTP_HOST", "127.0.0.1")
        tracing.configure(self.service_name)
        self.count_dead_letters = metrics.cached(self._count_dead_letters, seconds=DEAD_LETTERS_EVERY)

    def start(self):
        if self.wanted_port:
            listener = eventlet.listen((self.host, self.wanted_port))
            self.port = listener.getsockname()[1]
            self.server = self.container.spawn_managed_thread(
                lambda: eventlet.wsgi.server(listener, self.wsgi, log_output=False, debug=False),
                identifier="observability-http")
            log.info("metrics, /livez and /readyz on http://%s:%s", self.host, self.port)

    def stop(self):
        if self.server is not None:
            self.server.kill()
            self.server = None

    kill = stop

    # workers -------------------------------------------------------------------------------

    def worker_setup(self, worker_ctx):
        data = worker_ctx.context_data
        request_id = logs.safe_id(data.get("correlation_id")) or logs.new_id()
        data["correlation_id"] = request_id  # carried on by the worker's own calls and events
        entrypoint = worker_ctx.entrypoint
        kind = (tracing.SERVER if isinstance(entrypoint, Rpc) else tracing.INTERNAL if isinstance(entrypoint, Timer)
                else tracing.CONSUMER)
        span = tracing.start(f"{self.service_name}.{entrypoint.method_name}", kind,
                             parent_headers={"traceparent": data.get("traceparent") or ""},
                             attributes={"chancery.request_id": request_id})
        data.update(tracing.headers())  # the worker's calls and events are this span's children
        self.workers[worker_ctx] = (logs.correlation_id.set(request_id), time.perf_counter(), span)

    def worker_result(self, worker_ctx, result=None, exc_info=None):
        state = self.workers.get(worker_ctx)
        if state is None:
            return
        seconds = time.perf_counter() - state[1]
        exc = exc_info[1] if exc_info else None
        entrypoint = worker_ctx.entrypoint
        name = entrypoint.method_name
        failed = "failed" if exc else "ok"
        if isinstance(entrypoint, Rpc):
            outcome = metrics.rpc_outcome(exc)
            metrics.RPC_CALLS.labels("callee", self.service_name, name, outcome).inc()
            metrics.RPC_LATENCY.labels("callee", self.service_name, name).observe(seconds)
            log.info("rpc %s.%s: %s in %.1f ms", self.service_name, name, outcome, seconds * 1000)
        elif isinstance(entrypoint, Timer):
            metrics.TIMER_RUNS.labels(self.service_name, name, failed).inc()
            log.debug("timer %s: %s in %.1f ms", name, failed, seconds * 1000)
        else:  # an event handler, or a consumer of other messages
            metrics.EVENTS_HANDLED.labels(self.service_name, name, failed).inc()
            event = getattr(entrypoint, "event_type", None) or "message"
            log.info("event %s handled by %s: %s in %.1f ms", event, name, failed, seconds * 1000)
        # the service's own answers (not found, invalid input) are not faults of the span
        tracing.finish(state[2], error=exc if exc is not None and metrics.rpc_outcome(exc) != "error" else None)

    def worker_teardown(self, worker_ctx):
        state = self.workers.pop(worker_ctx, None)
        if state is not None:
            logs.correlation_id.reset(state[0])

    # HTTP ----------------------------------------------------------------------------------

    def readiness(self):
        """{check: "ok" or what failed}."""
        checks = {"consumers": self.consumers_attached()}
        try:
            with Connection(self.amqp_uri, connect_timeout=PROBE_TIMEOUT) as connection:
                connection.ensure_connection(max_retries=1, timeout=PROBE_TIMEOUT)
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"failed: {exc}"
        for dependency in sorted(self.container.dependencies, key=lambda d: d.attr_name):
            check = getattr(dependency, "check_ready", None)
            if check is None:
                continue
            try:
                with eventlet.Timeout(PROBE_TIMEOUT):
                    check()
                checks[dependency.attr_name] = "ok"
            except (Exception, eventlet.Timeout) as exc:
                checks[dependency.attr_name] = f"failed: {exc!r}"
        return checks

    def consumers_attached(self):
        """"ok" when every queue consumer of this process (RPC, events) has its channel to the
        broker open; until then (starting, or reconnecting after the broker went away) its
        queues are served by the other replicas or wait for this one."""
        queue_consumers = [extension for extension in self.container.subextensions
                           if isinstance(extension, QueueConsumer)]
        for queue_consumer in queue_consumers:
            # nameko keeps a consumer per entrypoint; each is rebuilt on every reconnection
            consumers = list(queue_consumer._consumers.values())
            if not queue_consumer._consumers_ready.ready() or not consumers:
                return "failed: not consuming yet"
            if not all(getattr(consumer.channel, "is_open", False) for consumer in consumers):
                return "failed: the connection to the broker is closed; reconnecting"
        return "ok"

    def _count_dead_letters(self):
        with Connection(self.amqp_uri, connect_timeout=PROBE_TIMEOUT) as connection:
            return dead_letters.count(connection)

    def measure_dead_letters(self):
        try:
            with eventlet.Timeout(PROBE_TIMEOUT * 2):
                counts = self.count_dead_letters()
        except (Exception, eventlet.Timeout):  # the broker is down: /readyz and the alerts say so
            log.warning("counting the dead letters for /metrics failed", exc_info=True)
            return
        for kind, count in counts.items():
            metrics.DEAD_LETTERS.labels(kind).set(count)

    def measure_state(self):
        self.measure_dead_letters()
        if not self.on_scrape:
            return
        database = next(d for d in self.container.dependencies if isinstance(d, Database))
        session = database.ReadingSession()
        try:
            for measure in self.on_scrape:
                try:
                    measure(session)
                except Exception:  # the scrape still shows everything else
                    log.exception("measuring %s for /metrics failed", measure.__name__)
        finally:
            session.close()

    def wsgi(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/metrics":
            self.measure_state()
            return _answer(start_response, "200 OK", generate_latest(), CONTENT_TYPE_LATEST)
        if path == "/livez":
            return _json(start_response, "200 OK", {"status": "alive", "service": self.service_name})
        if path == "/readyz":
            checks = self.readiness()
            ready = all(value == "ok" for value in checks.values())
            return _json(start_response, "200 OK" if ready else "503 Service Unavailable",
                         {"status": "ready" if ready else "not ready", "service": self.service_name,
                          "checks": checks})
        return _answer(start_response, "404 Not Found", b"not found: try /metrics, /livez, /readyz\n",
                       "text/plain")


def _json(start_response, status, body):
    return _answer(start_response, status, json.dumps(body).encode(), "application/json")


def _answer(start_response, status, body, content_type):
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
