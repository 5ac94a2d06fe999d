"""Where webhooks may go: public addresses, or networks an administrator allows (SSRF)."""
import ipaddress
import socket
import threading
import uuid

import pytest

from chancery_common.errors import InvalidInput
from webhooks import logic, targets


def claimed(url):
    return logic.Claimed(delivery_id=uuid.uuid4(), url=url, secrets=(logic.new_secret(),),
                         event_id=uuid.uuid4(), body='{"type": "test"}', replay=False)


@pytest.fixture
def resolving(monkeypatch):
    """``resolving({name: address})``: the names resolve so (others as usual); returns the
    list of names looked up (addresses given as such are not names: no lookup is made)."""
    asked = []
    real = socket.getaddrinfo

    def install(names):
        def fake(host, port, *args, **kwargs):
            try:
                ipaddress.ip_address(host)
            except ValueError:
                asked.append(host)
            if host in names:
                family = socket.AF_INET6 if ":" in names[host] else socket.AF_INET
                return [(family, socket.SOCK_STREAM, 6, "", (names[host], port))]
            return real(host, port, *args, **kwargs)
        monkeypatch.setattr(socket, "getaddrinfo", fake)
        return asked
    return install


@pytest.mark.parametrize("url, kind", [
    ("https://127.0.0.1/hook", "loopback"), ("https://[::1]/hook", "loopback"),
    ("https://localhost/hook", "loopback"), ("https://169.254.169.254/latest", "link-local"),
    ("https://10.0.0.8/hook", "private"), ("https://192.168.1.1/", "private"),
    ("https://[::ffff:10.0.0.8]/", "private"), ("https://0.0.0.0/", "unspecified"),
])
def test_non_public_addresses_are_refused_when_saved(session, admin, url, kind):
    strict = logic.Settings()

    with pytest.raises(InvalidInput) as refused, session.begin():
        logic.create_endpoint(session, actor=admin, settings=strict, url=url, event_types=["*"])
    assert kind in refused.value.details["url"][0]


def test_an_allowed_network_is_accepted_and_only_it(session, admin):
    allowing = logic.Settings(allowed_networks=targets.parse_networks("10.1.2.0/24"))

    with session.begin():
        made = logic.create_endpoint(session, actor=admin, settings=allowing, url="https://10.1.2.3/hook",
                                     event_types=["*"])
        logic.delete_endpoint(session, actor=admin, endpoint_id=made.id)
    with pytest.raises(InvalidInput), session.begin():
        logic.create_endpoint(session, actor=admin, settings=allowing, url="https://10.1.3.3/hook",
                              event_types=["*"])


def test_a_name_resolving_to_an_unallowed_loopback_is_not_posted_to(receiver, resolving):
    resolving({"erp.example.com": "127.0.0.1"})
    strict = logic.Settings(timeout=3, allow_insecure=True)
    port = receiver.server.server_address[1]

    outcome = logic.post(claimed(f"https://erp.example.com:{port}/hook"), settings=strict)

    assert outcome.status_code is None and "refused" in outcome.error and "loopback" in outcome.error
    assert receiver.requests == []


def test_the_name_is_resolved_once_and_the_checked_address_is_connected_to(receiver, resolving, settings):
    asked = resolving({"hooks.test": "127.0.0.1"})
    port = receiver.server.server_address[1]
    insecure = logic.Settings(timeout=3, allow_insecure=True, allowed_networks=settings.allowed_networks)

    outcome = logic.post(claimed(f"http://hooks.test:{port}/hook"), settings=insecure)

    assert outcome.status_code == 200, outcome.error
    assert asked == ["hooks.test"]
    assert receiver.requests[0]["headers"]["host"] == f"hooks.test:{port}"


def test_a_name_with_any_private_address_is_refused(resolving, settings, monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, port, *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.9", port))])

    with pytest.raises(targets.TargetRefused, match="10.0.0.9 is a private address"):
        targets.open_connection("https://mixed.example.com/", allowed=(), timeout=1)


class ConnectProxy:
    """A proxy that records the CONNECT request line and refuses the tunnel."""

    def __init__(self):
        self.requests = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        connection, _ = self.server.accept()
        with connection:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                data += chunk
            self.requests.append(data.decode())
            connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def close(self):
        self.server.close()


def test_https_goes_through_https_proxy_tunnelled_to_the_checked_address(resolving, monkeypatch):
    resolving({"erp.example.com": "93.184.216.34"})
    proxy = ConnectProxy()
    monkeypatch.setenv("HTTPS_PROXY", f"http://robot:secret@127.0.0.1:{proxy.port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    try:
        outcome = logic.post(claimed("https://erp.example.com/hook"), settings=logic.Settings(timeout=3))
    finally:
        proxy.close()

    assert outcome.status_code is None and "502" in outcome.error
    request = proxy.requests[0]
    assert request.startswith("CONNECT 93.184.216.34:443 ")
    assert "Proxy-Authorization: Basic cm9ib3Q6c2VjcmV0" in request


def test_allowed_networks_come_from_the_config():
    settings = logic.Settings.from_config({"WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32, fd00::/8"})
    assert [str(n) for n in settings.allowed_networks] == ["127.0.0.1/32", "fd00::/8"]
    assert logic.Settings.from_config({"WEBHOOK_ALLOWED_NETWORKS": ""}).allowed_networks == ()
    from chancery_common.config import ConfigurationError
    with pytest.raises(ConfigurationError, match="WEBHOOK_ALLOWED_NETWORKS"):
        logic.Settings.from_config({"WEBHOOK_ALLOWED_NETWORKS": "10.0.0.0/33"})
