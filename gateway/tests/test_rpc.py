"""RPC from the gateway: parallel calls that keep each part's failure, and transport
failures turned into ServiceUnavailable."""
import pytest
from nameko.exceptions import RemoteError, RpcTimeout, UnknownService

from chancery_common.errors import NotFound
from chancery_gateway import rpc


def test_fan_out_returns_each_answer_and_each_failure_by_name(bus):
    bus.answers[("staff", "ping")] = "pong"
    bus.answers[("documents", "ping")] = rpc.ServiceUnavailable("documents", "no answer within 1 s")
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


class FakeProxy:
    def __init__(self, raised):
        self.raised = raised

    def __getattr__(self, service):
        return self

    def __call__(self, *args, **kwargs):
        raise self.raised


@pytest.fixture
def proxy_raising(monkeypatch):
    dropped = []

    def install(raised):
        monkeypatch.setattr(rpc, "_proxy", lambda timeout: FakeProxy(raised).method)
        monkeypatch.setattr(rpc, "_drop_proxy", dropped.append)
        return dropped
    return install


@pytest.mark.parametrize("raised, reason", [
    (RpcTimeout(), "no answer within 2 s"),
    (UnknownService("documents"), "no instance is running"),
    (ConnectionResetError("reset by peer"), "message bus error: reset by peer"),
])
def test_a_transport_failure_is_service_unavailable_and_drops_the_proxy(proxy_raising, raised, reason):
    dropped = proxy_raising(raised)

    with pytest.raises(rpc.ServiceUnavailable) as unavailable:
        rpc.call("documents", "ping", timeout=2)

    assert (unavailable.value.service, unavailable.value.reason) == ("documents", reason)
    assert dropped == [2]


def test_a_remote_error_passes_through_and_keeps_the_proxy(proxy_raising):
    dropped = proxy_raising(RemoteError("KeyError", "boom"))

    with pytest.raises(RemoteError):
        rpc.call("documents", "ping", timeout=2)

    assert dropped == []


def test_a_chancery_error_passes_through_unchanged(proxy_raising):
    proxy_raising(NotFound("document 1 not found"))

    with pytest.raises(NotFound, match="document 1 not found"):
        rpc.call("documents", "get_document", timeout=2)
