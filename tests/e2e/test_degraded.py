"""When a service or its database is down: clear 503s with Retry-After within the RPC timeout,
a partial unified view, and no event lost (they wait in RabbitMQ until the service is back);
no work done after its caller gave up; a killed service started again by the supervisor.
(A broker restart under load: tests/faults/test_broker_outage_under_load.py.)"""
import os
import signal
import threading
import time
import uuid
from contextlib import contextmanager, suppress

import pytest
from kombu import Connection, Consumer, Exchange, Producer, Queue
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chancery_common.database import normalise_url

pytestmark = pytest.mark.system

EXCHANGE = Exchange("nameko-rpc", type="topic", durable=True)


@pytest.fixture
def notifications_down(system):
    system.stop_process("notifications")
    yield
    system.start_process("notifications")


def test_a_stopped_service_gives_503_a_partial_view_and_loses_no_event(
        admin, employee, unique, system, notifications_down, eventually):
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    approver, approver_api = employee("Dora Downtime")
    counterparty = admin.post("/counterparties/", json={"name": f"Downtime LLC {unique}"}).json()
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": "During downtime",
                                               "counterparty_id": counterparty["id"]}).json()

    started = time.monotonic()
    inbox = approver_api.get("/notifications/")
    assert inbox.status_code == 503
    assert "notifications" in inbox.json()["message"]
    assert time.monotonic() - started < timeout + 2
    # the page says so too, with the request id a user can quote
    page = approver_api.http.get(f"{approver_api.base_url}/inbox", headers={"X-Request-ID": f"down-{unique}"})
    assert page.status_code == 503 and page.headers["X-Request-ID"] == f"down-{unique}"
    assert f"down-{unique}" in page.text

    started = time.monotonic()
    view = admin.get(f"/counterparties/{counterparty['id']}/overview")
    elapsed = time.monotonic() - started
    assert view.status_code == 200
    view = view.json()
    assert [part["part"] for part in view["unavailable"]] == ["notifications"]
    assert view["notifications"] is None
    assert view["counterparty"]["id"] == counterparty["id"]
    assert [d["id"] for d in view["documents"]["items"]] == [document["id"]]
    assert elapsed < timeout + 2  # the parts are asked in parallel, not one after another

    # work goes on; the notification for it waits in the queue
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]})
    assert approval.status_code == 201

    system.start_process("notifications")
    items = eventually(lambda: approver_api.get("/notifications/").json().get("items"), timeout=30)
    assert [n["subject_id"] for n in items] == [approval.json()["id"]]


# A database that cannot be reached -----------------------------------------------------------

@contextmanager
def database_refusing(system, service):
    """The service's database refuses connections and drops those it has, as when PostgreSQL
    restarts; only this test run's database of that service is touched."""
    url = make_url(system.database_urls[service])
    server = create_engine(normalise_url(system.profile.postgres_url), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS false'))
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                               {"name": url.database})
        yield
    finally:
        with server.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS true'))
        server.dispose()


def test_a_database_outage_answers_503_with_retry_after_and_the_service_recovers(admin, system, unique, eventually):
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    with database_refusing(system, "counterparties"):
        started = time.monotonic()
        refused = admin.post("/counterparties/", json={"name": f"While the database is down {unique}"})
        elapsed = time.monotonic() - started
        listed = admin.get("/counterparties/")

    assert refused.status_code == 503, refused.text
    assert refused.headers["Retry-After"].isdigit()
    assert "counterparties" in refused.json()["message"] and "database" in refused.json()["message"]
    assert elapsed < timeout + 2
    assert listed.status_code == 503 and "Retry-After" in listed.headers
    assert system.exited() == []
    # back: the pool replaces the dropped connections, and nothing of the refused write was kept
    created = eventually(lambda: admin.post("/counterparties/", json={"name": f"After the outage {unique}"}).status_code
                         == 201, timeout=30)
    assert created
    names = [c["name"] for c in admin.get("/counterparties/", params={"search": unique}).json()["items"]]
    assert names == [f"After the outage {unique}"]


# A request whose caller has given up ----------------------------------------------------------

def call_with_deadline(system, service, method, deadline):
    """Call ``service.method()`` over the bus with the header ``nameko.deadline``; the reply body."""
    with Connection(system.profile.amqp_uri, connect_timeout=5) as connection:
        channel = connection.channel()
        reply_to = uuid.uuid4().hex
        queue = Queue(f"rpc.reply-test-{reply_to}", EXCHANGE, routing_key=reply_to, exclusive=True,
                      auto_delete=True, channel=channel)
        queue.declare()
        replies = []
        with Consumer(channel, [queue], callbacks=[lambda body, message: replies.append(body)], accept=["json"]):
            Producer(channel, EXCHANGE, serializer="json").publish(
                {"args": [], "kwargs": {}}, routing_key=f"{service}.{method}", reply_to=reply_to,
                correlation_id=reply_to, headers={"nameko.deadline": deadline})
            started = time.monotonic()
            while not replies and time.monotonic() - started < 15:
                with suppress(TimeoutError):
                    connection.drain_events(timeout=1)
    return replies[0]


def test_a_request_arriving_after_its_deadline_is_not_run(system):
    late = call_with_deadline(system, "counterparties", "ping", time.time() - 1)
    in_time = call_with_deadline(system, "counterparties", "ping", time.time() + 30)

    assert late["result"] is None and late["error"]["exc_type"] == "DeadlineExceeded"
    assert in_time == {"result": "pong", "error": None}


# An upload whose attach nobody would wait for ------------------------------------------------------

class PausingBody:
    """A request body of known length that stops after ``pause_at`` bytes until released."""

    def __init__(self, data, pause_at):
        self.data, self.pause_at, self.offset = data, pause_at, 0
        self.paused, self.release = threading.Event(), threading.Event()

    def __len__(self):
        return len(self.data)

    def read(self, size=-1):
        if self.offset >= self.pause_at and not self.release.is_set():
            self.paused.set()
            self.release.wait(60)
        end = len(self.data) if size is None or size < 0 else self.offset + size
        if self.offset < self.pause_at:
            end = min(end, self.pause_at)
        piece = self.data[self.offset:end]
        self.offset += len(piece)
        return piece


def uploads_of(system, document_id):
    engine = create_engine(normalise_url(system.database_urls["documents"]))
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM uploads WHERE document_id = :id"),
                                      {"id": document_id}).scalar()
    finally:
        engine.dispose()


def test_an_upload_whose_service_stops_meanwhile_fails_at_once_and_is_never_attached_later(
        admin, system, unique, eventually):
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Interrupted upload {unique}",
                                               "register": False}).json()
    body = PausingBody(b"%PDF-1.4\n" + bytes(range(256)) * 2048, pause_at=100_000)
    answer = {}

    def upload():
        started = time.monotonic()
        try:
            answer["response"] = admin.post(f"/documents/{document['id']}/files", params={"filename": "late.pdf"},
                                            data=body, headers={"Content-Type": "application/octet-stream"},
                                            timeout=30)
        finally:
            answer["seconds"] = time.monotonic() - started

    uploader = threading.Thread(target=upload)
    uploader.start()
    try:
        assert body.paused.wait(30)
        eventually(lambda: uploads_of(system, document["id"]) == 1, timeout=30)  # the ticket was given
        system.stop_process("documents")
        released = time.monotonic()
        body.release.set()
        uploader.join(60)
        answered_after = time.monotonic() - released
    finally:
        body.release.set()
        system.start_process("documents")

    response = answer["response"]
    assert response.status_code == 503, response.text
    assert "documents" in response.json()["message"] and response.headers["Retry-After"].isdigit()
    assert answered_after < float(system.profile.extra_env["RPC_TIMEOUT"])  # not the attach's whole wait
    time.sleep(2)  # a request left in the queue would be taken as soon as the service is back
    assert admin.get(f"/documents/{document['id']}").json()["files"] == []


# The supervisor ---------------------------------------------------------------------------

def test_a_service_killed_with_sigkill_is_started_again_and_serves(admin, system, unique, eventually):
    name = system.instances["counterparties"][0]  # "counterparties", or its first replica
    killed = system.processes[name]
    restarts = system.restarts.get(name, 0)

    os.kill(killed.pid, signal.SIGKILL)

    eventually(lambda: system.processes[name] is not killed and system.processes[name].poll() is None, timeout=30)
    assert system.restarts[name] == restarts + 1
    created = eventually(lambda: admin.post("/counterparties/", json={"name": f"Back again {unique}"}).status_code
                         == 201, timeout=60)
    assert created
    assert f"[chancery supervisor] {name} exited with code -9" in system.log_path(name).read_text()
    eventually(lambda: system.ready(name), timeout=60)
