"""OpenTelemetry tracing, off by default.

``CHANCERY_TRACING=file`` writes each process's finished spans as JSON lines to
``<CHANCERY_TRACES_DIR>/<service>-<pid>.jsonl``; ``CHANCERY_TRACING=console`` to standard
output. Unset or ``off``: no tracer is set up, and the calls below cost next to nothing.

With tracing on, a span covers each HTTP request of the gateway, each RPC call on the
caller's and the callee's side, each event handled and each database statement. The W3C
``traceparent`` travels in the AMQP header ``nameko.traceparent`` (nameko hands it to the
worker and on to the worker's own calls), and outbox rows keep the one of the work that
wrote them, so an event's handling joins the trace of the click that caused it.
"""
import os

from opentelemetry import context, propagate, trace

_configured = {"service": None}


def mode():
    return os.environ.get("CHANCERY_TRACING", "off").strip().lower()


def enabled():
    return _configured["service"] is not None


def configure(service):
    """Set up this process's tracer provider (once) when tracing is on."""
    chosen = mode()
    if chosen in ("", "off", "0", "false", "no") or _configured["service"] is not None:
        return
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter

    from .config import ConfigurationError

    if chosen == "file":
        folder = os.environ.get("CHANCERY_TRACES_DIR")
        if not folder:
            raise ConfigurationError("CHANCERY_TRACING=file needs CHANCERY_TRACES_DIR, the folder for the spans")
        os.makedirs(folder, exist_ok=True)
        out = open(os.path.join(folder, f"{service}-{os.getpid()}.jsonl"), "a", buffering=1)
    elif chosen == "console":
        out = None
    else:
        raise ConfigurationError(f"CHANCERY_TRACING must be off, file or console, not {chosen!r}")
    exporter = ConsoleSpanExporter(service_name=service, formatter=lambda span: span.to_json(indent=None) + "\n",
                                   **({"out": out} if out is not None else {}))
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(provider)
    _configured["service"] = service


def tracer():
    return trace.get_tracer("chancery")


def headers():
    """{"traceparent": ...} of the current span, or {} when there is none."""
    carrier = {}
    if enabled():
        propagate.inject(carrier)
    return carrier


def start(name, kind, parent_headers=None, attributes=None):
    """Start a span as the current one; returns a token for ``finish``. ``parent_headers``:
    a carrier with the caller's traceparent (else the current context is the parent)."""
    if not enabled():
        return None
    parent = propagate.extract(parent_headers) if parent_headers is not None else None
    span = tracer().start_span(name, context=parent, kind=kind, attributes=attributes)
    return span, context.attach(trace.set_span_in_context(span))


def finish(token, error=None, attributes=None):
    if token is None:
        return
    span, attached = token
    if attributes:
        span.set_attributes(attributes)
    if error is not None:
        span.record_exception(error)
        span.set_status(trace.Status(trace.StatusCode.ERROR, str(error)[:200]))
    context.detach(attached)
    span.end()


SERVER, CLIENT, CONSUMER, INTERNAL = (trace.SpanKind.SERVER, trace.SpanKind.CLIENT, trace.SpanKind.CONSUMER,
                                      trace.SpanKind.INTERNAL)
