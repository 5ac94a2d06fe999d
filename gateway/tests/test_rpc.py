"""RPC from the gateway: parallel calls that keep each part's failure, transport failures
turned into ServiceUnavailable, and replies turned into results or the services' errors.
The client on a real broker and a real nameko service: test_rpc_wire.py."""
import amqp.exceptions
import kombu.exceptions
import pytest
from nameko.exceptions import RemoteError, serialize

from chancery_common.errors import NotFound
from chancery_gateway import rpc


def test_fan_out_returns_each_answer_and_each_failure_by_name(bus):
    bus.answers[("staff", "ping")] = "pong"
    bus.answers[("documents", "ping")] = rpc.ServiceUnavailable.of("documents", "no answer within 1 s")
    bus.answers[("counterparties", "get_counterparty")] = NotFound("no such counterparty")

    results = rpc.fan_out({
        "staff": ("staff", "ping"),
        "documents": ("documents", "ping"),
        "counterparty": ("counterparties", "get_counterparty", {"id": "actor"}, "42"),
    })

    assert results["staff"] == "pong"
    assert isinstance(results["documents"], rpc.ServiceUnavailable)
    assert isinstance(results["counterparty"], NotFound)
    assert ("counterparties", "get_counterparty", ({"id": "actor"}, "42")) in bus.calls


class FakeClient:
    """Stands in for a thread's client: ``request`` raises ``outcome`` or returns it as the reply."""

    def __init__(self, outcome):
        self.outcome = outcome
        self.requests = []

    def request(self, service, method, args, kwargs, timeout, require_running=False):
        self.requests.append((service, method, args, kwargs, timeout))
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


@pytest.fixture
def client_with(monkeypatch):
    """``client_with(outcome)``: the fake client every call gets; returns the drops made."""
    dropped = []

    def install(outcome):
        fake = FakeClient(outcome)
        monkeypatch.setattr(rpc, "_client", lambda timeout: fake)
        monkeypatch.setattr(rpc, "_drop_client", lambda: dropped.append(fake))
        return fake, dropped
    return install


def test_a_reply_gives_its_result_and_the_call_its_arguments_and_timeout(client_with, monkeypatch):
    monkeypatch.setitem(rpc._config, "timeout", 7.0)
    fake, dropped = client_with({"result": {"id": "1"}, "error": None})

    assert rpc.call("documents", "get_document", {"id": "actor"}, "1", full=True) == {"id": "1"}
    assert rpc.call("documents", "ping", timeout=2) == {"id": "1"}

    assert fake.requests == [("documents", "get_document", ({"id": "actor"}, "1"), {"full": True}, 7.0),
                             ("documents", "ping", (), {}, 2)]
    assert dropped == []


@pytest.mark.parametrize("raised, reason", [
    (ConnectionResetError("reset by peer"), "message bus error: reset by peer"),
    (OSError("Server unexpectedly closed connection"),
     "message bus error: Server unexpectedly closed connection"),
    (amqp.exceptions.ConnectionForced("shutdown"), "message bus error: shutdown"),
    (kombu.exceptions.OperationalError("no route"), "message bus error: no route"),
])
def test_a_transport_failure_is_service_unavailable_and_drops_the_connection(client_with, raised, reason):
    fake, dropped = client_with(raised)

    with pytest.raises(rpc.ServiceUnavailable) as unavailable:
        rpc.call("documents", "ping", timeout=2)

    assert (unavailable.value.service, unavailable.value.reason) == ("documents", reason)
    assert dropped == [fake]


@pytest.mark.parametrize("reason", ["no answer within 2 s", "no instance is running"])
def test_no_answer_passes_through_and_keeps_the_connection(client_with, reason):
    fake, dropped = client_with(rpc.ServiceUnavailable.of("documents", reason))

    with pytest.raises(rpc.ServiceUnavailable, match=reason):
        rpc.call("documents", "ping", timeout=2)

    assert dropped == []


def test_an_unexpected_failure_propagates_and_drops_the_connection(client_with):
    fake, dropped = client_with(TypeError("a bug"))

    with pytest.raises(TypeError, match="a bug"):
        rpc.call("documents", "ping")

    assert dropped == [fake]


def test_an_undescribed_remote_error_is_a_remote_error_and_keeps_the_connection(client_with):
    _, dropped = client_with({"result": None, "error": serialize(KeyError("boom"))})

    with pytest.raises(RemoteError) as raised:
        rpc.call("documents", "ping", timeout=2)

    assert (raised.value.exc_type, raised.value.value) == ("KeyError", "'boom'")
    assert dropped == []


def test_a_chancery_error_comes_back_as_its_class_with_its_details(client_with):
    _, dropped = client_with({"result": None,
                              "error": serialize(NotFound("document 1 not found", {"id": "1"}))})

    with pytest.raises(NotFound, match="document 1 not found") as raised:
        rpc.call("documents", "get_document", timeout=2)

    assert raised.value.details == {"id": "1"}
    assert dropped == []
