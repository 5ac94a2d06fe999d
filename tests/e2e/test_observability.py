"""Operators see inside: one request id from the gateway through the services and the events
they publish; every process's metrics move with the work; liveness and readiness answer."""
import json
import re
import subprocess
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_local.profile import SERVICES

pytestmark = pytest.mark.system

SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def scrape(urls):
    """{(sample name, sorted labels): value} of one /metrics, or of every instance of a service
    (a list: CHANCERY_REPLICAS of them): counts summed, a gauge (the same reading of the one
    database, or of the broker, from each instance) the highest."""
    samples = {}
    for url in [urls] if isinstance(urls, str) else urls:
        response = requests.get(url, timeout=10)
        assert response.status_code == 200, response.text
        for family in text_string_to_metric_families(response.text):
            for sample in family.samples:
                key = (sample.name, tuple(sorted(sample.labels.items())))
                if key not in samples:
                    samples[key] = sample.value
                elif family.type == "gauge":
                    samples[key] = max(samples[key], sample.value)
                else:
                    samples[key] += sample.value
    return samples


def value(samples, name, **labels):
    """The sum of the samples named ``name`` whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, found), v in samples.items() if n == name and wanted <= set(found))


def endpoints(system):
    """{service or "gateway": the /metrics of each of its instances (CHANCERY_REPLICAS of them)}."""
    urls = {"gateway": [f"{url}/metrics" for url in system.gateway_urls.values()]}
    urls.update({service: [f"http://127.0.0.1:{system.http_ports[instance]}/metrics"
                           for instance in system.instances[service]] for service in SERVICES})
    return urls


def json_lines(system, name):
    """The JSON log lines of every instance of a service (or of the gateway)."""
    lines = []
    for instance in system.instances[name]:
        for line in system.log_path(instance).read_text(errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    lines.append(json.loads(line))
                except ValueError:
                    pass
    return lines


def test_one_request_id_follows_a_click_through_every_service_and_event(admin, unique, system, eventually):
    request_id = f"e2e-trace-{unique}"
    created = admin.post("/counterparties/", json={"name": f"Traced LLC {unique}"},
                         headers={"X-Request-ID": request_id})
    assert created.status_code == 201, created.text
    assert created.headers["X-Request-ID"] == request_id

    def carrying(name):
        return [line for line in json_lines(system, name) if line.get("request_id") == request_id]

    # the service that served the call, and those that handled the event it published
    served = eventually(lambda: carrying("counterparties"))
    assert any(line["message"].startswith("rpc counterparties.create_counterparty") for line in served)
    assert all(line["service"] == "counterparties" for line in served)
    for consumer in ("notifications", "webhooks"):
        handled = eventually(lambda consumer=consumer: carrying(consumer))
        assert any(" handled by " in line["message"] for line in handled), handled
    access = [line for line in json_lines(system, "gateway") if line["logger"] == "gunicorn.access"]
    assert any(line["request_id"] == request_id and "POST /api/v1/counterparties/" in line["message"]
               for line in access)


def test_one_grep_of_the_request_id_finds_the_gateway_and_every_service_the_click_reached(
        admin, unique, system, eventually):
    request_id = f"e2e-grep-{unique}"
    created = admin.post("/counterparties/", json={"name": f"Grepped LLC {unique}"},
                         headers={"X-Request-ID": request_id})
    assert created.status_code == 201, created.text
    logs = sorted(str(path) for path in system.profile.log_dir.glob("*.log"))
    # staff-1.log, staff-2.log ... with replicas: the lines of every instance count for the service
    owner = {instance: service for service, instances in system.instances.items() for instance in instances}

    def found():
        """{service: its lines naming the id}, from one ``grep`` over every log."""
        out = subprocess.run(["grep", "-F", "--", request_id, *logs], capture_output=True, text=True).stdout
        lines = {}
        for line in out.splitlines():
            path, _, rest = line.partition(":")
            name = path.rsplit("/", 1)[-1].removesuffix(".log")
            lines.setdefault(owner.get(name, name), []).append(rest)
        return lines

    # the gateway answered it, counterparties served the call, the event reached two more
    wanted = {"gateway", "counterparties", "notifications", "webhooks"}
    lines = eventually(lambda: (got := found()) and wanted <= set(got) and got)
    assert any("POST /api/v1/counterparties/" in line for line in lines["gateway"])
    for service in wanted - {"gateway"}:
        assert all(json.loads(line)["request_id"] == request_id for line in lines[service]), service


def test_an_unsafe_request_id_is_replaced_and_error_pages_show_the_id(base_url):
    for unsafe in ("has spaces in it", "x" * 65, "quote\"and;semicolon"):
        answer = requests.get(f"{base_url}/healthz", headers={"X-Request-ID": unsafe}, timeout=10)
        assert answer.headers["X-Request-ID"] != unsafe
        assert SAFE_ID.match(answer.headers["X-Request-ID"])

    page = requests.get(f"{base_url}/no-such-page", headers={"Accept": "text/html"}, timeout=10)
    assert page.status_code == 404
    assert page.headers["X-Request-ID"] in page.text

    api = requests.get(f"{base_url}/api/v1/no-such-thing", timeout=10)
    assert SAFE_ID.match(api.headers["X-Request-ID"])


def test_every_process_answers_liveness_and_readiness(system):
    assert set(system.http_ports) == {instance for service in SERVICES for instance in system.instances[service]}
    assert len(system.http_ports) == len(SERVICES) * system.profile.replicas
    for instance, port in system.http_ports.items():
        service = system.service_of(instance)
        live = requests.get(f"http://127.0.0.1:{port}/livez", timeout=10)
        assert live.status_code == 200 and live.json()["service"] == service
        ready = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
        assert ready.status_code == 200, ready.text
        checks = ready.json()["checks"]
        assert checks["broker"] == "ok" and checks["db"] == "ok" and checks["consumers"] == "ok", checks
        if service == "documents":
            assert checks["storage"] == "ok", checks
    recorded = json.loads((system.profile.data_dir / "run.json").read_text())
    assert recorded["http_ports"] == system.http_ports


class Receiver:
    """An HTTP server answering 200 to the webhook deliveries it receives."""

    def __init__(self):
        self.received = []
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(self.rfile.read(int(self.headers.get("content-length", 0))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/events"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook_endpoint(admin, unique):
    """A webhook endpoint for counterparty events posting to a receiver; removed afterwards."""
    receiver = Receiver()
    created = admin.post("/webhooks/endpoints", json={"url": receiver.url, "event_types": ["counterparty.*"],
                                                      "description": f"Metrics {unique}"})
    assert created.status_code == 201, created.text
    yield receiver
    admin.request("DELETE", f"/webhooks/endpoints/{created.json()['id']}")
    receiver.close()


@pytest.fixture
def database(system):
    engines = {}

    def connect(service):
        if service not in engines:
            engines[service] = create_engine(normalise_url(system.database_urls[service]))
        return engines[service]
    yield connect
    for engine in engines.values():
        engine.dispose()


def test_the_metrics_of_every_process_move_with_an_end_to_end_flow(
        admin, employee, unique, system, eventually, webhook_endpoint, database, text_pdf):
    urls = endpoints(system)
    before = {name: scrape(url) for name, url in urls.items()}

    approver, _ = employee("Mila Metrics")
    counterparty = admin.post("/counterparties/", json={"name": f"Metered LLC {unique}"}).json()
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Metered {unique}",
                                               "counterparty_id": counterparty["id"], "register": False}).json()
    # a PDF with a text layer: the texts service reads it and draws its thumbnail
    uploaded = admin.post(f"/documents/{document['id']}/files", params={"filename": "metered.pdf"},
                          data=text_pdf(f"Metered delivery of gravel {unique}"),
                          headers={"Content-Type": "application/octet-stream"})
    assert uploaded.status_code == 201, uploaded.text
    assert admin.get("/webhooks/endpoints").status_code == 200
    job, exported = admin.run_job("/counterparties/export", json={"search": f"Metered LLC {unique}"})
    assert job["state"] == "done" and exported.status_code == 200, job
    assert admin.get(f"/counterparties/{counterparty['id']}/overview").status_code == 200
    assert admin.get("/counterparties/00000000-0000-0000-0000-000000000000").status_code == 404
    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    assert approval.status_code == 201, approval.text
    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    reminder = admin.post("/reminders", json={"title": f"Metered call {unique}", "due_at": due.isoformat()})
    assert reminder.status_code == 201, reminder.text

    def moved(name, sample, **labels):
        return value(scrape(urls[name]), sample, **labels) > value(before[name], sample, **labels)

    # the gateway: requests by route and status, with latency; its calls by outcome
    assert moved("gateway", "chancery_http_requests_total", method="POST", route="/api/v1/counterparties/",
                 status="201")
    assert moved("gateway", "chancery_http_requests_total", route="/api/v1/counterparties/<uuid:counterparty_id>",
                 status="404")
    assert moved("gateway", "chancery_http_request_duration_seconds_count",
                 route="/api/v1/documents/<uuid:document_id>/files")
    assert moved("gateway", "chancery_http_request_duration_seconds_bucket",
                 route="/api/v1/counterparties/<uuid:counterparty_id>/overview", le="+Inf")
    assert moved("gateway", "chancery_admission_total", outcome="admitted")
    assert moved("gateway", "chancery_rpc_calls_total", side="caller", service="counterparties", outcome="ok")
    assert moved("gateway", "chancery_rpc_calls_total", side="caller", service="counterparties", outcome="error")
    assert moved("gateway", "chancery_rpc_call_duration_seconds_count", side="caller", service="documents")

    # the services: calls served (with their latency), events handled, the object store
    for service in ("staff", "counterparties", "documents", "approvals", "notifications", "webhooks", "jobs"):
        assert moved(service, "chancery_rpc_calls_total", side="callee", service=service, outcome="ok"), service
        assert moved(service, "chancery_rpc_call_duration_seconds_count", side="callee", service=service)
    assert moved("counterparties", "chancery_rpc_calls_total", side="callee", outcome="error")
    eventually(lambda: moved("notifications", "chancery_events_handled_total", outcome="ok"))
    eventually(lambda: moved("webhooks", "chancery_events_handled_total", outcome="ok"))
    assert moved("documents", "chancery_s3_operation_duration_seconds_count", outcome="ok")
    # the export: a job ended done, its file put into the object store
    assert moved("jobs", "chancery_jobs_ended_total", kind="counterparties_export", state="done")
    assert moved("jobs", "chancery_s3_operation_duration_seconds_count", operation="put", outcome="ok")
    # the PDF's text: read by its text layer (the original read from the store, the thumbnail put)
    version = uploaded.json()["id"]
    read = eventually(lambda: next((v for f in admin.get(f"/documents/{document['id']}").json()["files"]
                                    for v in f["versions"] if v["id"] == version
                                    and v["text_state"] in ("done", "failed")), None), timeout=120)
    assert read["text_state"] == "done" and read["text_method"] == "text_layer" and read["has_thumbnail"], read
    assert moved("texts", "chancery_text_extractions_total", outcome="done", method="text_layer")
    assert moved("texts", "chancery_text_extraction_duration_seconds_count", method="text_layer")
    assert moved("texts", "chancery_s3_operation_duration_seconds_count", operation="read", outcome="ok")
    assert moved("texts", "chancery_s3_operation_duration_seconds_count", operation="put", outcome="ok")
    eventually(lambda: moved("notifications", "chancery_timer_runs_total", timer="fire_reminders"))
    # reminders fired, webhook deliveries made
    eventually(lambda: moved("notifications", "chancery_reminders_fired_total"), timeout=30)
    eventually(lambda: webhook_endpoint.received and moved("webhooks", "chancery_webhook_deliveries_total",
                                                           outcome="succeeded"), timeout=30)
    # the fired reminder made pending again, its row held by a key-share lock so the timer
    # (FOR UPDATE SKIP LOCKED) passes it by: one more reminder is due
    notifications_db = database("notifications")

    def fired_reminder():
        with notifications_db.connect() as connection:
            return connection.execute(text("SELECT id FROM reminders WHERE title = :title AND state = 'fired'"),
                                      {"title": f"Metered call {unique}"}).scalar()
    fired = eventually(fired_reminder, timeout=30)
    holder = notifications_db.connect()
    try:
        holder.execute(text("SELECT id FROM reminders WHERE id = :id FOR KEY SHARE"), {"id": fired})
        with notifications_db.begin() as connection:
            connection.execute(text("UPDATE reminders SET state = 'pending' WHERE id = :id"), {"id": fired})
        try:
            assert moved("notifications", "chancery_reminders", state="due")
        finally:
            with notifications_db.begin() as connection:
                connection.execute(text("UPDATE reminders SET state = 'fired' WHERE id = :id"), {"id": fired})
    finally:
        holder.rollback()
        holder.close()

    # an approval task past its deadline (its deadline moved back an hour) counts as overdue
    with database("approvals").begin() as connection:
        late = connection.execute(text(
            "UPDATE tasks SET due_at = now() - interval '1 hour' WHERE approval_id = :id AND status = 'pending'"),
            {"id": approval.json()["id"]}).rowcount
    assert late == 1
    assert moved("approvals", "chancery_approval_tasks_overdue")

    # every service: its outbox (jobs publishes no events and keeps none), its database pool
    # (in use while it works), reminders due and late
    for service in SERVICES:
        samples = scrape(urls[service])
        outbox = ("chancery_outbox_backlog", (("service", service),)) in samples
        assert outbox == (service != "jobs"), service
        assert (("chancery_outbox_oldest_age_seconds", (("service", service),)) in samples) == outbox, service
        assert ("chancery_db_pool_connections", (("service", service), ("state", "idle"))) in samples, service
        assert ("chancery_db_pool_connections", (("service", service), ("state", "in_use"))) in samples, service
        assert ("chancery_dead_letters", (("kind", "events"),)) in samples, service
    notifications = scrape(urls["notifications"])
    assert {("chancery_reminders", (("state", "due"),)), ("chancery_reminders", (("state", "late"),))} <= set(
        notifications)


def test_an_event_the_relay_cannot_publish_shows_as_backlog_and_age(admin, unique, system, database, eventually):
    """An event of counterparties made unpublished again while another transaction holds a
    key-share lock on its row: the relay (FOR UPDATE SKIP LOCKED) skips the row, so the
    outbox shows one more event waiting, two minutes old, until it is put back."""
    url = endpoints(system)["counterparties"]
    assert value(scrape(url), "chancery_outbox_oldest_age_seconds", service="counterparties") < 120
    created = admin.post("/counterparties/", json={"name": f"Held LLC {unique}"},
                         headers={"X-Request-ID": f"held-{unique}"})
    assert created.status_code == 201, created.text
    engine = database("counterparties")

    def published_row():
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT id FROM outbox WHERE correlation_id = :rid AND published_at IS NOT NULL"),
                {"rid": f"held-{unique}"}).scalar()
    row = eventually(published_row)
    holder = engine.connect()
    try:
        holder.execute(text("SELECT id FROM outbox WHERE id = :id FOR KEY SHARE"), {"id": row})
        with engine.begin() as connection:  # a non-key update: the holder's lock carries over
            connection.execute(text("UPDATE outbox SET published_at = NULL, occurred_at = now() - interval '2 minutes' "
                                    "WHERE id = :id"), {"id": row})
        try:
            held = eventually(lambda: (samples := scrape(url)) and value(
                samples, "chancery_outbox_oldest_age_seconds", service="counterparties") >= 120 and samples)
            assert value(held, "chancery_outbox_backlog", service="counterparties") >= 1
        finally:
            with engine.begin() as connection:
                connection.execute(text("UPDATE outbox SET published_at = now() WHERE id = :id"), {"id": row})
    finally:
        holder.rollback()
        holder.close()
    eventually(lambda: value(scrape(url), "chancery_outbox_oldest_age_seconds", service="counterparties") < 120)


def test_a_failing_handler_and_its_dead_letter_show_in_the_metrics(admin, unique, system, database, eventually):
    """An event the notifications service always fails on: its handler's failures count, and
    once it is dead-lettered every instance shows it until it is replayed."""
    urls = endpoints(system)
    before = {name: scrape(url) for name, url in urls.items()}
    trigger = f"metrics_poison_{unique}"
    with database("notifications").begin() as connection:
        connection.execute(text(f"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.name LIKE 'Poison metrics {unique}%' THEN RAISE EXCEPTION 'injected fault'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {trigger} BEFORE INSERT OR UPDATE ON counterparties
              FOR EACH ROW EXECUTE FUNCTION {trigger}();"""))
    try:
        created = admin.post("/counterparties/", json={"name": f"Poison metrics {unique} LLC"})
        assert created.status_code == 201, created.text
        eventually(lambda: value(scrape(urls["notifications"]), "chancery_events_handled_total",
                                 handler="on_counterparty_created", outcome="failed")
                   > value(before["notifications"], "chancery_events_handled_total",
                           handler="on_counterparty_created", outcome="failed"))
        for name in SERVICES:  # every instance counts the broker's dead letters
            eventually(lambda name=name: value(scrape(urls[name]), "chancery_dead_letters", kind="events")
                       > value(before[name], "chancery_dead_letters", kind="events"), timeout=90, interval=1)
    finally:
        with database("notifications").begin() as connection:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger} ON counterparties; "
                                    f"DROP FUNCTION IF EXISTS {trigger}()"))
    letters = admin.get("/admin/dead-letters/").json()["items"]
    ids = [item["id"] for item in letters
           if (item["body"].get("payload") or {}).get("counterparty_id") == created.json()["id"]]
    assert ids
    assert admin.post("/admin/dead-letters/replay", json={"ids": ids}).status_code == 200
    eventually(lambda: value(scrape(urls["notifications"]), "chancery_dead_letters", kind="events")
               == value(before["notifications"], "chancery_dead_letters", kind="events"), timeout=30)
