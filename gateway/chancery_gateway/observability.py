"""The gateway's side of "operators see inside": the request's correlation id and the
HTTP metrics.

Each request gets a correlation id: the client's ``X-Request-ID`` when it is a safe value
(``chancery_common.logs.safe_id``: up to 64 letters, digits and ``._:-``), else a new one.
It is in every log line the request causes, in every RPC call and event it leads to, in
the answer's ``X-Request-ID`` and on error pages, so a person can quote it. With tracing on
(``chancery_common.tracing``) each request is a span, the parent of its RPC calls.

``/metrics`` serves the gateway's Prometheus metrics. Under gunicorn the workers write
them to ``PROMETHEUS_MULTIPROC_DIR`` (gunicorn.conf.py makes one) and a scrape sums them.
"""
import logging
import os
import time

from flask import Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client import REGISTRY, multiprocess

from chancery_common import logs, metrics, tracing

HEADER = "X-Request-ID"


class AnsweredRequestId(logging.Filter):
    """gunicorn's access lines name the X-Request-ID the answer carried (gunicorn.conf.py)."""

    def filter(self, record):
        atoms = record.args if isinstance(record.args, dict) else {}
        answered = atoms.get("{x-request-id}o")
        if answered and answered != "-":
            record.request_id = answered
        return True


def request_id():
    """The current request's correlation id (for templates and error answers)."""
    return logs.current_id()


def register(app):
    tracing.configure("gateway")

    @app.before_request
    def begin():
        g.correlation_token = logs.correlation_id.set(logs.safe_id(request.headers.get(HEADER)) or logs.new_id())
        g.started = time.perf_counter()
        route = request.url_rule.rule if request.url_rule is not None else "(unmatched)"
        g.trace = tracing.start(f"{request.method} {route}", tracing.SERVER, parent_headers=request.headers,
                                attributes={"http.request.method": request.method, "http.route": route,
                                            "chancery.request_id": logs.current_id()})

    @app.after_request
    def answer(response):
        response.headers[HEADER] = logs.current_id() or ""
        g.status = response.status_code
        started = g.pop("started", None)
        if started is not None:
            route = request.url_rule.rule if request.url_rule is not None else "(unmatched)"
            metrics.HTTP_REQUESTS.labels(request.method, route, str(response.status_code)).inc()
            metrics.HTTP_LATENCY.labels(request.method, route).observe(time.perf_counter() - started)
        return response

    @app.teardown_request
    def end(exc=None):
        tracing.finish(g.pop("trace", None), error=exc,
                       attributes={"http.response.status_code": g.pop("status", 500)})
        token = g.pop("correlation_token", None)
        if token is not None:
            logs.correlation_id.reset(token)

    @app.context_processor
    def the_request_id():
        return {"request_id": request_id()}

    @app.get("/metrics")
    def prometheus_metrics():
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        else:
            registry = REGISTRY
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
