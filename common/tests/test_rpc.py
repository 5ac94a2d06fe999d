"""chancery_common.rpc's reply: serialized once, sent without a confirm, and an unserializable
result answered with nameko's UnserializableValueError (a recording publisher stands in for
the broker; every service call of the e2e suite goes through the real one)."""
import json
from types import SimpleNamespace

import pytest

from chancery_common import rpc


class RecordingPublisher:
    sent = []

    def __init__(self, amqp_uri, **options):
        pass

    def publish(self, body, **options):
        self.sent.append((body, options))


@pytest.fixture
def responder():
    RecordingPublisher.sent = []
    message = SimpleNamespace(properties={"content_type": "application/json", "reply_to": "caller-queue",
                                          "correlation_id": "call-1"})
    responder = rpc._OnceResponder("memory://", "nameko-rpc", "json", message)
    responder.publisher_cls = RecordingPublisher
    return responder


def sent():
    [(body, options)] = RecordingPublisher.sent
    return json.loads(body), options


def test_a_result_is_sent_serialized_once_without_a_confirm(responder, monkeypatch):
    dumps = []
    real = rpc.kombu.serialization.dumps
    monkeypatch.setattr(rpc.kombu.serialization, "dumps", lambda *a, **k: dumps.append(a) or real(*a, **k))

    result, exc_info = responder.send_response({"items": ["два", 2]}, None)

    assert (result, exc_info, len(dumps)) == ({"items": ["два", 2]}, None, 1)
    payload, options = sent()
    assert payload == {"result": {"items": ["два", 2]}, "error": None}
    assert (options["routing_key"], options["correlation_id"], options["use_confirms"]) == (
        "caller-queue", "call-1", False)
    assert options["content_type"] == "application/json"


def test_an_error_is_sent_as_nameko_serializes_it(responder):
    try:
        raise ValueError("the reason, named")
    except ValueError as exc:
        responder.send_response(None, (type(exc), exc, exc.__traceback__))

    payload, _ = sent()
    assert payload["result"] is None
    assert (payload["error"]["exc_type"], payload["error"]["value"]) == ("ValueError", "the reason, named")


def test_an_unserializable_result_is_named_not_lost(responder):
    result, exc_info = responder.send_response({"when": object()}, None)

    payload, _ = sent()
    assert result is None and exc_info is not None  # the worker sees the failure, as with nameko's
    assert payload["result"] is None and payload["error"]["exc_type"] == "UnserializableValueError"
