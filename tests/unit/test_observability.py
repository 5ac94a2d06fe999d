"""The log format and the correlation id (chancery_common.logs), and what a service's
/readyz says when something it needs does not answer (chancery_common.observability)."""
import io
import json
import logging
from types import SimpleNamespace

import pytest

from chancery_common import logs
from chancery_common.observability import Observability
from chancery_local.infra import free_port


@pytest.mark.parametrize("value", ["3f2c9a0b4d5e4f60a1b2c3d4e5f60718", "lb-1.req:42", "A" * 64])
def test_a_safe_request_id_is_kept(value):
    assert logs.safe_id(value) == value


@pytest.mark.parametrize("value", ["", "A" * 65, "has space", "new\nline", "quote\"", "semi;colon", None, 17])
def test_an_unsafe_request_id_is_refused(value):
    assert logs.safe_id(value) is None


def log_through(formatter, message, *args, exc_info=None):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(logs.ContextFilter("documents"))
    logger = logging.getLogger("test.observability")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.error(message, *args, exc_info=exc_info)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_a_json_line_names_the_service_and_the_request():
    token = logs.correlation_id.set("req-123")
    try:
        try:
            raise ValueError("boom")
        except ValueError as exc:
            line = log_through(logs.JsonFormatter(), "failed on %s", "Ω", exc_info=exc)
    finally:
        logs.correlation_id.reset(token)
    entry = json.loads(line)
    assert entry["message"] == "failed on Ω"
    assert entry["request_id"] == "req-123" and entry["service"] == "documents"
    assert entry["level"] == "ERROR" and entry["logger"] == "test.observability"
    assert "ValueError: boom" in entry["exception"]
    assert line.count("\n") == 1  # the traceback stays inside the one line


def test_a_text_line_without_a_request_says_so():
    line = log_through(logging.Formatter(logs.TEXT_FORMAT), "hello")
    assert "[documents]" in line and line.rstrip().endswith("[request_id=-]")


def test_the_format_follows_log_format_and_else_the_terminal(monkeypatch):
    terminal = SimpleNamespace(isatty=lambda: True)
    pipe = SimpleNamespace(isatty=lambda: False)
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    assert logs.use_json(pipe) and not logs.use_json(terminal)
    monkeypatch.setenv("LOG_FORMAT", "json")
    assert logs.use_json(terminal)
    monkeypatch.setenv("LOG_FORMAT", "text")
    assert not logs.use_json(pipe)


class Check:
    def __init__(self, attr_name, error=None):
        self.attr_name, self.error = attr_name, error

    def check_ready(self):
        if self.error:
            raise self.error


def closed_port():
    return free_port()  # nothing listens there


def readyz(observability):
    answered = {}
    body = observability.wsgi({"PATH_INFO": "/readyz"},
                              lambda status, headers: answered.update(status=status))
    return answered["status"], json.loads(b"".join(body))


def test_readyz_names_what_does_not_answer():
    observability = Observability()
    observability.service_name = "documents"
    observability.amqp_uri = f"pyamqp://guest:guest@127.0.0.1:{closed_port()}//"
    observability.container = SimpleNamespace(dependencies={
        Check("db"), Check("storage", RuntimeError("the bucket chancery-documents does not exist"))},
        subextensions=set())
    status, body = readyz(observability)
    assert status.startswith("503")
    assert body["status"] == "not ready"
    assert body["checks"]["db"] == "ok"
    assert body["checks"]["broker"].startswith("failed")
    assert "bucket chancery-documents" in body["checks"]["storage"]


def test_readyz_says_whether_this_instances_own_consumers_are_attached():
    """A replica answers for its own consumers: not ready while it starts or reconnects, even
    when the broker answers (another replica may be serving the queue meanwhile)."""
    from nameko.messaging import QueueConsumer

    queue_consumer = QueueConsumer()
    observability = Observability()
    observability.container = SimpleNamespace(dependencies=set(), subextensions={queue_consumer})
    assert observability.consumers_attached() == "failed: not consuming yet"
    queue_consumer._consumers_ready.send(None)
    queue_consumer._consumers = {"rpc": SimpleNamespace(channel=SimpleNamespace(is_open=True)),
                                 "event": SimpleNamespace(channel=SimpleNamespace(is_open=True))}
    assert observability.consumers_attached() == "ok"
    queue_consumer._consumers["event"].channel.is_open = False  # the connection went away
    assert "reconnecting" in observability.consumers_attached()


def test_livez_answers_while_the_process_runs():
    observability = Observability()
    observability.service_name = "staff"
    answered = {}
    body = observability.wsgi({"PATH_INFO": "/livez"}, lambda status, headers: answered.update(status=status))
    assert answered["status"] == "200 OK" and json.loads(b"".join(body))["service"] == "staff"


def test_tracing_is_off_unless_asked_for(monkeypatch):
    from chancery_common import tracing

    monkeypatch.delenv("CHANCERY_TRACING", raising=False)
    tracing.configure("staff")
    assert not tracing.enabled()
    assert tracing.headers() == {}
    assert tracing.start("anything", tracing.SERVER) is None


def test_tracing_to_files_needs_the_folder(monkeypatch):
    from chancery_common import tracing
    from chancery_common.config import ConfigurationError

    monkeypatch.setenv("CHANCERY_TRACING", "file")
    monkeypatch.delenv("CHANCERY_TRACES_DIR", raising=False)
    with pytest.raises(ConfigurationError, match="CHANCERY_TRACES_DIR"):
        tracing.configure("staff")
    monkeypatch.setenv("CHANCERY_TRACING", "zipkin")
    with pytest.raises(ConfigurationError, match="off, file or console"):
        tracing.configure("staff")


def _s3_count(operation, outcome):
    from prometheus_client import REGISTRY
    return REGISTRY.get_sample_value("chancery_s3_operation_duration_seconds_count",
                                     {"operation": operation, "outcome": outcome}) or 0


def test_an_object_store_call_is_timed_as_a_block_or_as_a_method():
    from chancery_common.metrics import measured_s3

    class Store:
        @measured_s3("unit_put")
        def put(self, fail):
            if fail:
                raise OSError("the store did not answer")
            return "stored"

    before = {outcome: _s3_count("unit_put", outcome) for outcome in ("ok", "failed")}
    assert Store().put(False) == "stored"
    with pytest.raises(OSError):
        Store().put(True)
    assert Store.put.__name__ == "put"
    with measured_s3("unit_put"):
        pass
    assert _s3_count("unit_put", "ok") == before["ok"] + 2
    assert _s3_count("unit_put", "failed") == before["failed"] + 1
