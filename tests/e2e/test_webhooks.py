"""Webhooks through the gateway, to a real HTTP receiver (issue: webhooks for systems that
cannot speak AMQP): an administrator registers an endpoint and the event types; events
arrive signed (Standard Webhooks); a failing receiver gets the event again after a delay,
once it answers 2xx no more; every attempt is in the log; a delivery can be replayed;
plain http:// addresses are refused; events wait while the webhooks service is down."""
import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.system


class Receiver:
    """A real HTTP server recording each POST; ``answers`` queues status codes (then 200)."""

    def __init__(self):
        self.requests = []
        self.answers = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                status = receiver.answers.pop(0) if receiver.answers else 200
                receiver.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()},
                                          "body": body, "answered": status})
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok" if status < 300 else b"not now")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/chancery-events"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def of(self, event_id):
        return [r for r in self.requests if r["headers"]["webhook-id"] == event_id]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def verified(secret, request):
    """The receiver's check, as docs/events.md shows it."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    headers = request["headers"]
    content = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + request["body"]
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, sig.split(",", 1)[1]) for sig in headers["webhook-signature"].split())


@pytest.fixture
def receiver():
    made = Receiver()
    yield made
    made.close()


@pytest.fixture
def endpoint(admin, receiver, unique):
    """An endpoint for counterparty.* events posting to the receiver; deleted afterwards."""
    created = admin.post("/webhooks/endpoints", json={
        "url": receiver.url, "event_types": ["counterparty.*"], "description": f"ERP {unique}"})
    assert created.status_code == 201, created.text
    yield created.json()
    admin.request("DELETE", f"/webhooks/endpoints/{created.json()['id']}")


def created_event(receiver, counterparty_id):
    for request in receiver.requests:
        body = json.loads(request["body"])
        if body["type"] == "counterparty.created" and body["payload"]["counterparty_id"] == counterparty_id:
            return body
    return None


def test_events_arrive_signed_once(admin, receiver, endpoint, unique, eventually):
    secret = endpoint["secret"]
    assert secret.startswith("whsec_")
    shown = admin.get(f"/webhooks/endpoints/{endpoint['id']}").json()
    assert "secret" not in shown and shown["event_types"] == ["counterparty.*"]
    assert all("secret" not in e for e in admin.get("/webhooks/endpoints").json()["items"])

    counterparty = admin.post("/counterparties/", json={"name": f"Hooked LLC {unique}"}).json()
    event = eventually(lambda: created_event(receiver, counterparty["id"]), timeout=30)
    [request] = receiver.of(event["id"])
    assert verified(secret, request)
    assert request["headers"]["content-type"] == "application/json"
    assert event["producer"] == "counterparties" and event["version"] == 1
    assert event["payload"]["name"] == counterparty["name"]
    log = eventually(lambda: [d for d in admin.get("/webhooks/deliveries", params={
        "endpoint_id": endpoint["id"], "event_id": event["id"]}).json()["items"] if d["status"] == "succeeded"])
    assert log[0]["last_status_code"] == 200 and log[0]["event_type"] == "counterparty.created"
    # nothing else was subscribed: no documents, staff or approval events came
    assert all(json.loads(r["body"])["type"].startswith("counterparty.") for r in receiver.requests)


def test_a_failing_receiver_gets_it_again_until_it_answers(admin, receiver, endpoint, unique, eventually):
    receiver.answers = [500, 503]
    counterparty = admin.post("/counterparties/", json={"name": f"Flaky Receiver {unique}"}).json()

    def delivered():
        event = created_event(receiver, counterparty["id"])
        if event is None:
            return None
        page = admin.get("/webhooks/deliveries", params={"event_id": event["id"]}).json()["items"]
        return page if page and page[0]["status"] == "succeeded" else None

    [delivery] = eventually(delivered, timeout=40)
    detail = admin.get(f"/webhooks/deliveries/{delivery['id']}").json()
    assert [(a["status_code"], a["succeeded"]) for a in detail["attempts"]] == [(500, False), (503, False), (200, True)]
    assert all(a["duration_ms"] >= 0 and a["webhook_timestamp"] > 0 for a in detail["attempts"])
    requests = receiver.of(delivery["event_id"])
    assert [r["answered"] for r in requests] == [500, 503, 200]  # no loss, and no duplicate after success
    assert len({r["body"] for r in requests}) == 1
    assert all(verified(endpoint["secret"], r) for r in requests)

    replayed = admin.post(f"/webhooks/deliveries/{delivery['id']}/replay")
    assert replayed.status_code == 202, replayed.text
    again = eventually(lambda: len(receiver.of(delivery["event_id"])) == 4 and receiver.of(delivery["event_id"]))
    assert again[-1]["headers"]["webhook-id"] == delivery["event_id"] and again[-1]["body"] == requests[0]["body"]
    attempts = eventually(lambda: [a for a in admin.get(f"/webhooks/deliveries/{delivery['id']}").json()["attempts"]
                                   if a["replay"]])
    assert attempts[0]["status_code"] == 200


def test_addresses_must_be_https_and_only_administrators_manage(admin, employee):
    refused = admin.post("/webhooks/endpoints", json={"url": "http://erp.example.com/hook", "event_types": ["*"]})
    assert refused.status_code == 422 and "url" in json.dumps(refused.json())
    bad_types = admin.post("/webhooks/endpoints", json={"url": "https://erp.example.com/hook",
                                                        "event_types": ["Documents!"]})
    assert bad_types.status_code == 422 and "event_types" in json.dumps(bad_types.json())
    _, manager_api = employee("Max Manager", roles=["manager"])
    assert manager_api.get("/webhooks/endpoints").status_code == 403
    assert manager_api.post("/webhooks/endpoints", json={"url": "https://erp.example.com/hook",
                                                         "event_types": ["*"]}).status_code == 403


def test_private_addresses_are_refused_unless_their_network_is_allowed(admin):
    # the test system allows 127.0.0.1/32 (conftest: WEBHOOK_ALLOWED_NETWORKS) and no more
    for url, kind in (("https://127.0.0.2/hook", "loopback"), ("https://[::1]/hook", "loopback"),
                      ("https://169.254.169.254/latest/meta-data", "link-local"),
                      ("https://10.1.2.3/hook", "private")):
        refused = admin.post("/webhooks/endpoints", json={"url": url, "event_types": ["*"]})
        assert refused.status_code == 422, (url, refused.text)
        reasons = refused.json()["errors"]["json"]["url"]
        assert any(kind in reason for reason in reasons), (url, reasons)


def test_rotating_the_secret_shows_the_new_one_once(admin, receiver, endpoint, unique, eventually):
    rotated = admin.post(f"/webhooks/endpoints/{endpoint['id']}/rotate-secret")
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    assert new != endpoint["secret"] and rotated.json()["previous_secret_expires_at"]
    counterparty = admin.post("/counterparties/", json={"name": f"Rotated {unique}"}).json()
    event = eventually(lambda: created_event(receiver, counterparty["id"]), timeout=30)
    [request] = receiver.of(event["id"])
    assert verified(new, request) and verified(endpoint["secret"], request)  # both during the grace period


def test_events_wait_while_the_webhooks_service_is_down(system, admin, receiver, endpoint, unique, eventually):
    system.stop_process("webhooks")
    try:
        counterparty = admin.post("/counterparties/", json={"name": f"While Hooks Down {unique}"})
        assert counterparty.status_code == 201
    finally:
        system.start_process("webhooks")
    event = eventually(lambda: created_event(receiver, counterparty.json()["id"]), timeout=40)
    assert len(receiver.of(event["id"])) == 1


def test_the_administration_page_lists_endpoints_and_the_log(admin, base_url, receiver, endpoint, unique, eventually):
    admin.post("/counterparties/", json={"name": f"Page Check {unique}"})
    eventually(lambda: admin.get("/webhooks/deliveries", params={"endpoint_id": endpoint["id"]}).json()["total"])
    page = admin.http.get(f"{base_url}/admin/webhooks", timeout=30)
    assert page.status_code == 200
    assert receiver.url in page.text and "counterparty.*" in page.text
    assert endpoint["secret"] not in page.text
    log = admin.http.get(f"{base_url}/admin/webhooks/deliveries", params={"endpoint_id": endpoint["id"]}, timeout=30)
    assert log.status_code == 200 and "counterparty.created" in log.text


@pytest.mark.parametrize("event_format, media_type", [
    ("cloudevents-structured", "application/cloudevents+json"),
    ("cloudevents-binary", "application/json"),
])
def test_an_endpoint_may_take_its_events_as_cloudevents(admin, receiver, unique, eventually, event_format,
                                                        media_type):
    from cloudevents.core.bindings import http as http_binding
    from cloudevents.core.formats.json import JSONFormat

    created = admin.post("/webhooks/endpoints", json={
        "url": receiver.url, "event_types": ["counterparty.created"], "event_format": event_format})
    assert created.status_code == 201, created.text
    endpoint = created.json()
    try:
        assert endpoint["event_format"] == event_format
        counterparty = admin.post("/counterparties/", json={"name": f"Cloud Event LLC {unique}"}).json()

        def arrived():
            for request in receiver.requests:
                event = http_binding.from_http(
                    http_binding.HTTPMessage(headers=request["headers"], body=request["body"]), JSONFormat())
                if event.get_subject() == counterparty["id"]:
                    return request, event
            return None

        request, event = eventually(arrived, timeout=30)
        assert request["headers"]["content-type"] == media_type
        assert verified(endpoint["secret"], request)
        assert (event.get_type(), event.get_source()) == ("counterparty.created", "/chancery/counterparties")
        assert event.get_id() == request["headers"]["webhook-id"]
        envelope = event.get_data()
        assert envelope["id"] == event.get_id() and envelope["payload"]["name"] == counterparty["name"]
    finally:
        admin.request("DELETE", f"/webhooks/endpoints/{endpoint['id']}")


def test_an_unknown_event_format_is_refused_naming_the_field(admin, receiver):
    refused = admin.post("/webhooks/endpoints", json={
        "url": receiver.url, "event_types": ["*"], "event_format": "xml"})

    assert refused.status_code == 422
    assert "event_format" in refused.json()["errors"]["json"]
