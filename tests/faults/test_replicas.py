"""Two replicas of everything: a whole system with two processes of each service and of the
gateway (``replicated_fault_system``, on the suite's private broker and database, supervised
as ``CHANCERY_REPLICAS=2 make run`` runs it, every timer each second, the daily digest on).

* Timed work is claimed, so each piece of it is done once however the replicas race for it:
  the outbox relays, reminders and their e-mails, the overdue sweep, the digest, webhooks,
  background jobs (each export run once, one result file).
* Health is per instance: a replica that is stopped or killed fails its own /livez and
  /readyz while the other's stay OK (a ping over the service's shared queue would be
  answered by the live one for the dead one).
* kill -9 of one replica of each service and of one gateway process during a stream of
  writes through the shared gateway port, none started again until the end: the other
  replica carries on; every accepted request's row exists once, nothing is done twice, every
  event is published once and handled; a request the killed gateway process held is cut off
  (a connection error: the client got no answer, so it retries with its Idempotency-Key and
  gets the one row), and any other refusal is a clean 503.
"""
import os
import signal
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import requests
from kombu import Connection, Consumer, Exchange, Queue
from minio import Minio
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from chancery_local.infra import probe
from chancery_local.profile import SERVICES

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port, free_s3_ports  # noqa: E402  (the root conftest)
from tests.conftest import Client, wait_until
from tests.e2e.test_webhooks import Receiver
from tests.faults.conftest import Effects, WriteStream, assert_intact, database_engines, report

VHOST = "replicas"
# a few more passes of every timer (each second) after the work was seen done: time enough
# for a second replica to do it again if the claims let it
SETTLE_SECONDS = 4


@pytest.fixture(scope="module")
def replicated_fault_system(fault_dir, broker, postgres, mail_server):
    """Two processes of each service and of the gateway on the private broker (a vhost of its
    own) and database (databases of its own), supervised."""
    from chancery_local.system import System
    from chancery_local.profile import Profile

    broker.ctl("add_vhost", VHOST)
    broker.ctl("set_permissions", "-p", VHOST, "guest", ".*", ".*", ".*")
    profile = Profile(
        data_dir=fault_dir / "replicas", amqp_host=broker.amqp_host, vhost=VHOST, postgres_url=postgres.url,
        database_prefix="chancery_replicas_", s3_ports=free_s3_ports(), s3_bucket="chancery-replicas",
        gateway_port=free_port(), gateway_workers=2, replicas=2, secret_key="chancery-replicas-secret",
        extra_env={"RPC_TIMEOUT": "15", "SERVICE_RPC_TIMEOUT": "3",
                   "ALLOW_INSECURE_WEBHOOKS": "true", "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32",
                   "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(mail_server.port), "SMTP_TLS": "none",
                   "SMTP_FROM": "chancery@test.chancery", "DELIVERY_RETRY_SECONDS": "1",
                   # every timer each second; the digest on, due from 23:00 local time unless an
                   # employee chooses another hour
                   "NOTIFICATIONS_TICK_SECONDS": "1", "NOTIFICATIONS_DIGEST_TICK_SECONDS": "1",
                   "APPROVALS_OVERDUE_SWEEP_SECONDS": "1", "DIGEST_ENABLED": "true", "DIGEST_HOUR": "23"})
    running = System(profile, log=lambda message: None).start()
    try:
        running.create_administrator(ADMIN_EMAIL, ADMIN_PASSWORD)
        running.supervise()
        yield running
    finally:
        running.stop()
        broker.ctl("delete_vhost", VHOST)


@pytest.fixture(scope="module")
def replicated_admin(replicated_fault_system):
    return Client(replicated_fault_system.profile.gateway_url).login(ADMIN_EMAIL, ADMIN_PASSWORD)


@pytest.fixture(scope="module")
def replicated_databases(replicated_fault_system):
    yield from database_engines(replicated_fault_system)


class Published:
    """Every message published to the events exchanges of some services, counted by message
    id (the event's id) on a queue of the test's own."""

    def __init__(self, amqp_uri, bindings):
        self.connection = Connection(amqp_uri)
        self.queue = Queue(f"test-replicas-{uuid.uuid4().hex[:6]}", exclusive=True, bindings=[])
        channel = self.connection.channel()
        self.queue = self.queue.bind(channel)
        self.queue.declare()
        for service, routing_key in bindings:
            exchange = Exchange(f"{service}.events", type="topic", durable=True)
            exchange.bind(channel).declare()
            self.queue.bind_to(exchange, routing_key=routing_key)
        self.counts = Counter()
        self.consumer = Consumer(channel, queues=[self.queue], callbacks=[self._count], accept=["json"])
        self.consumer.consume()

    def _count(self, body, message):
        self.counts[message.properties.get("message_id")] += 1
        message.ack()

    def drain(self, seconds=0.5):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.connection.drain_events(timeout=0.2)
            except TimeoutError:
                pass
        return self.counts

    def close(self):
        self.connection.close()


def metric_sum(system, service, name, **labels):
    """The sum over a service's instances of the samples ``name`` with these labels."""
    total = 0.0
    for instance in system.instances[service]:
        answer = requests.get(f"http://127.0.0.1:{system.http_ports[instance]}/metrics", timeout=10)
        assert answer.status_code == 200, answer.text
        for family in text_string_to_metric_families(answer.text):
            for sample in family.samples:
                if sample.name == name and set(labels.items()) <= set(sample.labels.items()):
                    total += sample.value
    return total


def inbox(api, kind):
    return api.get("/notifications/", params={"kind": kind, "limit": 200}).json()["items"]


def zone_before_ten_pm():
    """A time zone in which it is now before 22:00: a digest due from 23:00 is not due yet there."""
    for offset in range(-12, 15):
        name = f"Etc/GMT{'+' if offset <= 0 else '-'}{abs(offset)}"  # Etc/GMT+5 is UTC-5
        if datetime.now(ZoneInfo(name)).hour < 22:
            return name
    raise AssertionError("unreachable: some zone is always before 22:00")


def test_two_replicas_really_run_and_share_the_queues(replicated_fault_system):
    system = replicated_fault_system
    assert system.profile.replicas == 2
    for service in (*SERVICES, "gateway"):
        assert len(system.instances[service]) == 2
        assert all(system.processes[name].poll() is None for name in system.instances[service])
    assert len(set(system.http_ports.values())) == 2 * len(SERVICES)
    assert len(set(system.gateway_urls.values())) == 2


def test_timed_work_is_done_once_by_two_replicas(replicated_fault_system, replicated_admin, replicated_databases,
                                                 mail_server, unique):
    system, admin = replicated_fault_system, replicated_admin
    published = Published(system.profile.amqp_uri, [("counterparties", "counterparty.created"),
                                                    ("approvals", "approval.overdue")])
    receiver = Receiver()
    try:
        # the outbox relays and the webhook deliveries: twenty events, each published and posted once
        endpoint = admin.post("/webhooks/endpoints", json={"url": receiver.url, "event_types": ["counterparty.*"]})
        assert endpoint.status_code == 201, endpoint.text
        counterparties = [admin.post("/counterparties/", json={"name": f"Replicated {unique} {n}"}) for n in range(20)]
        assert all(c.status_code == 201 for c in counterparties), [c.text for c in counterparties]
        ids = {c.json()["id"] for c in counterparties}
        with replicated_databases["counterparties"].connect() as connection:
            event_ids = set(connection.execute(text(
                "SELECT event_id::text FROM outbox WHERE event_type = 'counterparty.created' "
                "AND payload->>'counterparty_id' = ANY(:ids)"), {"ids": list(ids)}).scalars())
        assert len(event_ids) == 20
        wait_until(lambda: event_ids <= set(published.drain()), timeout=30)
        wait_until(lambda: event_ids <= {r["headers"]["webhook-id"] for r in receiver.requests}, timeout=30)

        # reminders and their e-mails: ten reminders due at once, each fired and mailed once
        person = admin.post("/employees/", json={
            "full_name": "Rex Replica", "email": f"rex.{unique}@test.chancery", "password": f"password-{unique}",
            "roles": ["employee"], "time_zone": zone_before_ten_pm()})
        assert person.status_code == 201, person.text
        person = person.json()
        person_api = Client(system.profile.gateway_url).login(person["email"], f"password-{unique}")
        due = (datetime.now(timezone.utc) + timedelta(seconds=2)).isoformat()
        titles = {f"Replica reminder {unique} {n}" for n in range(10)}
        fired_before = metric_sum(system, "notifications", "chancery_reminders_fired_total")
        for title in titles:
            made = person_api.post("/reminders", json={"title": title, "due_at": due})
            assert made.status_code == 201, made.text
        wait_until(lambda: titles <= {n["title"] for n in inbox(person_api, "reminder")}, timeout=30)
        wait_until(lambda: all(mail_server.handler.to(person["email"]) and
                               any(m["Subject"] == title for m in mail_server.handler.to(person["email"]))
                               for title in titles), timeout=30)

        # an overdue approval task: reported once (one event, one notification)
        memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
        document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Overdue memo {unique}"})
        assert document.status_code == 201, document.text
        approval = admin.post("/approvals/", json={"document_id": document.json()["id"],
                                                   "approver_ids": [person["id"]]})
        assert approval.status_code == 201, approval.text
        task = wait_until(lambda: next((t for t in person_api.get("/approvals/tasks").json()["items"]
                                        if t["approval_id"] == approval.json()["id"]), None))
        with replicated_databases["approvals"].connect() as connection:  # the deadline passes (the shortest is an hour)
            connection.execute(text("UPDATE tasks SET due_at = now() - interval '1 minute' WHERE id = :id"),
                               {"id": task["id"]})
            connection.commit()
        wait_until(lambda: inbox(person_api, "approval.overdue"), timeout=30)

        # the daily digest: due once the person chooses an hour that has passed
        chosen = person_api.request("PUT", "/notification-preferences", json={"digest_hour": 0})
        assert chosen.status_code == 200, chosen.text
        wait_until(lambda: inbox(person_api, "digest"), timeout=30)

        # background jobs: six exports queued at once, each run by one worker once, one file each
        ended_before = metric_sum(system, "jobs", "chancery_jobs_ended_total", kind="counterparties_export")
        started = [admin.post("/counterparties/export", json={"search": f"Replicated {unique}", "format": "csv"})
                   for _ in range(6)]
        jobs = [admin.run_job_of(answer)[0] for answer in started]
        assert all(job["state"] == "done" and job["report"] == {"rows": 20} for job in jobs), jobs

        time.sleep(SETTLE_SECONDS)
        counts = published.drain()
        assert all(counts[event_id] == 1 for event_id in event_ids), {e: counts[e] for e in event_ids}
        with replicated_databases["approvals"].connect() as connection:
            overdue_events = connection.execute(text(
                "SELECT event_id::text FROM outbox WHERE event_type = 'approval.overdue' "
                "AND payload->>'task_id' = :task"), {"task": task["id"]}).scalars().all()
        assert len(overdue_events) == 1 and counts[overdue_events[0]] == 1
        posted = Counter(r["headers"]["webhook-id"] for r in receiver.requests)
        assert all(posted[event_id] == 1 for event_id in event_ids), posted
        reminders = Counter(n["title"] for n in inbox(person_api, "reminder"))
        assert all(reminders[title] == 1 for title in titles), reminders
        mails = Counter(m["Subject"] for m in mail_server.handler.to(person["email"]))
        assert all(mails[title] == 1 for title in titles), mails
        assert metric_sum(system, "notifications", "chancery_reminders_fired_total") - fired_before == len(titles)
        overdue = inbox(person_api, "approval.overdue")
        assert len(overdue) == 1, overdue
        assert len(inbox(person_api, "digest")) == 1
        with replicated_databases["notifications"].connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM digests WHERE employee_id = :id"),
                                      {"id": person["id"]}).scalar() == 1
        with replicated_databases["jobs"].connect() as connection:
            ran = connection.execute(text("SELECT id::text, attempts, state, result_key FROM jobs "
                                          "WHERE id::text = ANY(:ids)"), {"ids": [job["id"] for job in jobs]}).all()
        assert len(ran) == 6 and all(row.attempts == 1 and row.state == "done" for row in ran), ran
        store = Minio(system.profile.s3_endpoint, access_key=system.profile.s3_access_key,
                      secret_key=system.profile.s3_secret_key, secure=False)
        for row in ran:
            stored = [o.object_name for o in store.list_objects(system.profile.s3_bucket, prefix=f"jobs/{row.id}/",
                                                                recursive=True)]
            assert stored == [row.result_key], (row.id, stored)
        assert metric_sum(system, "jobs", "chancery_jobs_ended_total",
                          kind="counterparties_export") - ended_before == len(jobs)
        # both replicas of each did run their timers (the race was real)
        for service, timer in (("notifications", "fire_reminders"), ("notifications", "make_digests"),
                               ("approvals", "sweep_overdue"), ("webhooks", "deliver_due"), ("jobs", "run_jobs")):
            for instance in system.instances[service]:
                answer = requests.get(f"http://127.0.0.1:{system.http_ports[instance]}/metrics", timeout=10)
                runs = [s.value for f in text_string_to_metric_families(answer.text) for s in f.samples
                        if s.name == "chancery_timer_runs_total" and s.labels.get("timer") == timer]
                assert sum(runs) > 0, (instance, timer)
    finally:
        published.close()
        receiver.close()


@pytest.mark.parametrize("service", ["counterparties", "documents"])
def test_each_replica_answers_for_itself(replicated_fault_system, replicated_admin, service):
    system = replicated_fault_system
    first, second = system.instances[service]
    for instance in (first, second):
        status, body = probe(system.http_ports[instance], "/readyz")
        assert status == 200, body
        assert body["checks"]["consumers"] == "ok" and body["checks"]["db"] == "ok", body
        assert body["checks"]["broker"] == "ok"
        if service == "documents":
            assert body["checks"]["storage"] == "ok"
    process = system.processes[first]
    os.killpg(process.pid, signal.SIGSTOP)  # hung: its port is open, nothing answers
    try:
        assert probe(system.http_ports[first], "/livez", timeout=2)[0] is None
        assert probe(system.http_ports[first], "/readyz", timeout=2)[0] is None
        assert probe(system.http_ports[second], "/livez")[0] == 200
        assert probe(system.http_ports[second], "/readyz")[0] == 200
        # (the service is not whole meanwhile: the requests the broker had handed the hung
        # replica wait in it until the broker notices, docs/reliability.md)
    finally:
        os.killpg(process.pid, signal.SIGCONT)
    assert probe(system.http_ports[first], "/readyz")[0] == 200

    # killed: its own port is closed; the supervisor starts it again and it is ready again
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(15)
    assert probe(system.http_ports[first], "/livez", timeout=2)[0] is None
    assert probe(system.http_ports[second], "/readyz")[0] == 200
    if service == "counterparties":  # dead, it holds nothing: the other replica serves the queue
        created = replicated_admin.post("/counterparties/", json={"name": f"Half alive {uuid.uuid4().hex[:8]}"})
        assert created.status_code == 201, created.text

    def back():
        return system.processes[first] is not process and system.ready(first)
    deadline = time.monotonic() + 60
    while not back():
        assert time.monotonic() < deadline, f"{first} did not come back; see {system.log_path(first)}"
        time.sleep(0.5)


def test_kill_9_of_one_replica_of_each_process_during_a_write_stream(replicated_fault_system, replicated_databases):
    system = replicated_fault_system
    killed = [system.instances[name][0] for name in (*SERVICES, "gateway")]
    # a refused writer goes on at once, as the replica test always had it
    stream = WriteStream(system.profile.gateway_url, f"Replica kill {uuid.uuid4().hex[:6]}", writers=4,
                         refusal_pause=0)
    gaps = {}
    try:
        with stream:
            stream.wait_for_accepted(10)
            for instance in killed:
                system.kill_process(instance)  # not started again: the other replica carries on alone
                started = time.monotonic()
                stream.wait_for_accepted(5)
                gaps[instance] = round(time.monotonic() - started, 1)
            stream.wait_for_accepted(20)
        refused = dict(stream.refused)
        done_anyway = Effects(replicated_databases, stream).tally()["refused_but_done"]
        # a key's lease is 3 x RPC_TIMEOUT + 30 s (gateway/chancery_gateway/idempotency.py): 75 s here
        retried = stream.resend_refused(patience=3 * 15 + 30 + 15)
        tally = Effects(replicated_databases, stream).settled()
        report("kill -9 of one replica of each process (two replicas)", killed=killed,
               seconds_to_the_next_five_writes=gaps, refused_how=sorted({str(how) for how in refused.values()}),
               refused_but_done_before_the_retry=done_anyway, retried=stream.resent_summary(), **tally)
        assert_intact(tally)
        # a refusal is a clean 503, or a connection the killed gateway process held (one per writer at most)
        cut_off = [name for name, how in refused.items() if not isinstance(how, int)]
        assert all(how == 503 for how in refused.values() if isinstance(how, int)), refused
        assert len(cut_off) <= len(stream.clients), refused
        # sent again with its key, each refused request is done once: created now, or the one made before
        assert all(status in (200, 201) for _, status, _ in retried.values()), retried
        assert Effects(replicated_databases, stream).tally()["doubled"] == 0
        assert [name for name in system.exited() if name not in killed] == []
    finally:
        for instance in killed:
            system.start_process(instance)
