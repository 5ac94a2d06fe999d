"""One click, one trace, checked with the OpenTelemetry SDK's in-memory exporter: the
gateway's request span is the parent of its RPC call's span, which the ``traceparent`` it
sends (AMQP header ``nameko.traceparent``) makes the parent of the service's span; that
service's own calls and the events it records carry its span on to the next service.

Every process here is this one test process (the broker is left out: nameko's part is to
hand the ``nameko.``-prefixed headers to the worker as its context data). Across real
processes an in-memory exporter sees only its own process's spans, so tests/e2e/test_tracing.py
checks the running system through the spans each process writes to its file
(``CHANCERY_TRACING=file``)."""
import pytest
from flask import Flask
from nameko.events import EventHandler
from nameko.rpc import Rpc
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from chancery_common import tracing
from chancery_common.observability import Observability
from chancery_gateway import observability as gateway_observability
from chancery_gateway import rpc


@pytest.fixture
def spans(monkeypatch):
    """Tracing on, every finished span kept in memory (no global provider is replaced)."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    monkeypatch.setitem(tracing._configured, "service", "unit")
    monkeypatch.setattr(tracing, "tracer", lambda: provider.get_tracer("chancery"))
    yield exporter
    provider.shutdown()


class WorkerContext:
    def __init__(self, entrypoint, context_data):
        self.entrypoint, self.context_data = entrypoint, context_data


def entrypoint(kind, method_name):
    made = kind.__new__(kind)
    made.method_name = method_name
    return made


def context_data(headers):
    """What nameko hands a worker of the headers of the message it received."""
    return {key.removeprefix("nameko."): value for key, value in headers.items() if key.startswith("nameko.")}


def work(service, entry, data, inside=lambda data: None):
    """One worker of ``service``, its span started and finished by Observability as in a service."""
    observability = Observability()
    observability.service_name = service
    worker = WorkerContext(entry, data)
    observability.worker_setup(worker)
    try:
        inside(worker.context_data)
    finally:
        observability.worker_result(worker)
        observability.worker_teardown(worker)


def test_one_request_is_one_trace_through_the_gateway_its_call_and_the_services(spans, monkeypatch):
    recorded = {}

    def documents_worker(data):
        # its own call to counterparties carries its context data; the event it records, the
        # traceparent the outbox row keeps (chancery_common.outbox: tracing.headers())
        work("counterparties", entrypoint(Rpc, "get_counterparty"), dict(data))
        recorded["outbox_traceparent"] = tracing.headers()["traceparent"]

    def fake_call(service, method, args, kwargs, timeout, require_running=False):
        sent = rpc._headers("unit")  # what the gateway puts on the AMQP message
        recorded["sent"] = sent
        work(service, entrypoint(Rpc, method), context_data(sent), documents_worker)
        return {"id": "d-1"}

    monkeypatch.setattr(rpc, "_call", fake_call)
    app = Flask(__name__)
    gateway_observability.register(app)

    @app.get("/overview")
    def overview():
        return rpc.call("documents", "get_document", "d-1")

    assert app.test_client().get("/overview").status_code == 200
    # the event, handled later by notifications from the outbox row's traceparent
    work("notifications", entrypoint(EventHandler, "on_document_registered"),
         {"traceparent": recorded["outbox_traceparent"]})

    finished = {span.name: span for span in spans.get_finished_spans()}
    assert set(finished) == {"GET /overview", "rpc documents.get_document", "documents.get_document",
                             "counterparties.get_counterparty", "notifications.on_document_registered"}
    request = finished["GET /overview"]
    assert request.parent is None
    assert {span.context.trace_id for span in finished.values()} == {request.context.trace_id}

    def parent_of(name):
        return next(s.name for s in finished.values() if s.context.span_id == finished[name].parent.span_id)
    assert parent_of("rpc documents.get_document") == "GET /overview"
    assert parent_of("documents.get_document") == "rpc documents.get_document"
    assert parent_of("counterparties.get_counterparty") == "documents.get_document"
    assert parent_of("notifications.on_document_registered") == "documents.get_document"
    # the W3C traceparent the gateway sent names its call's span
    client = finished["rpc documents.get_document"].context
    version, trace_id, span_id, _flags = recorded["sent"]["nameko.traceparent"].split("-")
    assert (version, trace_id, span_id) == ("00", f"{client.trace_id:032x}", f"{client.span_id:016x}")
    kinds = {name: span.kind for name, span in finished.items()}
    assert kinds == {"GET /overview": tracing.SERVER, "rpc documents.get_document": tracing.CLIENT,
                     "documents.get_document": tracing.SERVER, "counterparties.get_counterparty": tracing.SERVER,
                     "notifications.on_document_registered": tracing.CONSUMER}
