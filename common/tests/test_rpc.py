"""chancery_common.rpc's reply: serialized once, sent without a confirm, and an unserializable
result answered with nameko's UnserializableValueError (a recording publisher stands in for
the broker; every service call of the e2e suite goes through the real one). A broker that goes
away: a reply, an acknowledgement or a requeue that fails does not end the service; a database
that cannot be reached is answered as Unavailable."""
import json
from types import SimpleNamespace

import amqp.exceptions
import kombu.exceptions
import pytest
from nameko.messaging import QueueConsumer
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from chancery_common import rpc
from chancery_common.errors import Unavailable


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
                                          "correlation_id": "call-1"},
                              delivery_info={"routing_key": "counterparties.create_counterparty"})
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


# A broker that goes away --------------------------------------------------------------------

class RefusingPublisher(RecordingPublisher):
    def publish(self, body, **options):
        self.sent.append((body, options))
        raise kombu.exceptions.OperationalError("[Errno 111] ECONNREFUSED")


def test_a_reply_the_broker_refuses_is_dropped_and_tried_once_more_at_once_not_for_seconds(responder):
    responder.publisher_cls = RefusingPublisher

    result, exc_info = responder.send_response({"id": "1"}, None)  # does not raise: the service lives on

    assert (result, exc_info) == ({"id": "1"}, None)
    [(_, options)] = RecordingPublisher.sent
    assert options["retry_policy"] == rpc.REPLY_RETRY_POLICY
    assert options["retry_policy"]["interval_start"] == 0


@pytest.mark.parametrize("raised", [ConnectionResetError(104, "Connection reset by peer"),
                                    BrokenPipeError(32, "Broken pipe"),
                                    amqp.exceptions.ConnectionForced("shutdown"),
                                    kombu.exceptions.OperationalError("ECONNREFUSED")])
@pytest.mark.parametrize("settle", ["ack_message", "requeue_message"])
def test_an_ack_or_requeue_on_a_lost_connection_is_skipped_not_fatal(raised, settle):
    def fail(*args, **kwargs):
        raise raised
    message = SimpleNamespace(channel=SimpleNamespace(connection=object()), ack=fail, requeue=fail)

    getattr(QueueConsumer(), settle)(message)  # nameko would have killed the service here


def test_an_unreachable_database_is_answered_as_unavailable_naming_the_service():
    lost = OperationalError("INSERT ...", {}, Exception("server closed the connection unexpectedly"))
    exc_info = (type(lost), lost, None)

    kind, error, _ = rpc._answerable(exc_info, "counterparties")

    assert kind is Unavailable and error.details == {"service": "counterparties", "dependency": "database"}
    assert "counterparties" in error.message and "server closed" not in error.message


def test_a_pool_timeout_without_a_message_is_unavailable_too():
    exc_info = (PoolTimeout, PoolTimeout(), None)

    assert rpc._answerable(exc_info, "documents")[0] is Unavailable


def test_other_failures_are_answered_as_they_were_raised():
    wrong = IntegrityError("INSERT ...", {}, Exception("duplicate key"))
    for exc_info in [(type(wrong), wrong, None), (KeyError, KeyError("x"), None), None]:
        assert rpc._answerable(exc_info, "counterparties") is exc_info


class RecordingRpc(rpc._Rpc):
    """``_Rpc`` with its consumer and nameko's handling replaced by records."""

    def __init__(self):
        self.answered, self.run = [], []
        self.rpc_consumer = SimpleNamespace(handle_result=lambda message, result, exc_info:
                                            self.answered.append(exc_info[1]))


def delivered(redelivered, **headers):
    return SimpleNamespace(headers=headers, delivery_info={"routing_key": "documents.attach_file",
                                                           "redelivered": redelivered})


@pytest.mark.parametrize("redelivered, marked, runs", [
    (False, True, True),  # the first delivery of a marked request runs
    (True, False, True),  # an unmarked request delivered again runs (its caller still waits)
    (True, True, False),  # a marked one delivered again: its caller has answered that it failed
])
def test_a_request_marked_first_delivery_only_is_not_run_when_delivered_again(monkeypatch, redelivered, marked,
                                                                               runs):
    entrypoint = RecordingRpc()
    monkeypatch.setattr(rpc.Rpc, "handle_message", lambda self, body, message: self.run.append(body))
    headers = {rpc.FIRST_DELIVERY_ONLY: True} if marked else {}

    entrypoint.handle_message({"args": []}, delivered(redelivered, **headers))

    assert entrypoint.run == ([{"args": []}] if runs else [])
    assert [type(error) for error in entrypoint.answered] == ([] if runs else [rpc.DeadlineExceeded])
