"""A RabbitMQ restart under a stream of writes and reads: no service dies, every answer during
the outage is a quick 503 with Retry-After (never 502, never a hang), and the system serves
again once the broker is back; each creation refused meanwhile, sent again with its own
Idempotency-Key, ends with one counterparty (no ghost write made twice, none lost). The broker
is this test run's own node (``private_rabbitmq``), so stopping it touches nothing else on the
machine."""
import re
import threading
import time
import uuid
from collections import Counter

import pytest
import requests
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url

pytestmark = pytest.mark.system

WRITERS = 6
OUTAGE_SECONDS = 6


@pytest.fixture(scope="module")
def isolated(system_on_private_broker, admin_credentials, client_at):
    base_url = system_on_private_broker.profile.gateway_url
    return system_on_private_broker, base_url, client_at(base_url, *admin_credentials)


class Load:
    """Writers creating counterparties (each creation with an Idempotency-Key of its own) and
    reading the documents registry and their inbox, each answer kept as (operation, status,
    seconds taken, Retry-After), and each creation's name with its key and outcome."""

    def __init__(self, login, run):
        self.login, self.run = login, run
        self.answers = []
        self.created = []
        self.keys = {}  # name -> the Idempotency-Key its creation was sent with
        self.refused = {}  # name -> status or error of a creation not answered 201
        self.stop = threading.Event()
        self.threads = []

    def __enter__(self):
        for writer in range(WRITERS):  # signed in one after another: sign-in is slow on purpose
            thread = threading.Thread(target=self._write, args=(writer, self.login()), daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def _write(self, writer, api):
        n = 0
        while not self.stop.is_set():
            n += 1
            kind = n % 3
            started = time.monotonic()
            try:
                if kind == 0:
                    name = f"Outage {self.run} {writer}-{n}"
                    self.keys[name] = str(uuid.uuid4())
                    self.refused[name] = "no answer"  # until it is answered 201
                    response = api.post("/counterparties/", json={"name": name}, timeout=30,
                                        headers={"Idempotency-Key": self.keys[name]})
                    if response.status_code == 201:
                        self.created.append(response.json()["id"])
                        del self.refused[name]
                    else:
                        self.refused[name] = response.status_code
                elif kind == 1:
                    response = api.get("/documents/?limit=5", timeout=30)
                else:
                    response = api.get("/notifications/", timeout=30)
            except requests.RequestException as exc:  # the gateway itself must keep answering
                self.answers.append((kind, repr(exc), time.monotonic() - started, None))
                if kind == 0:
                    self.refused[name] = type(exc).__name__
                continue
            self.answers.append((kind, response.status_code, time.monotonic() - started,
                                 response.headers.get("Retry-After")))
            time.sleep(0.02)


def test_a_broker_restart_under_load_kills_no_service_and_answers_503_meanwhile(
        isolated, private_rabbitmq, admin_credentials, client_at, unique, eventually):
    system, base_url, admin = isolated
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    pids = {name: process.pid for name, process in system.processes.items()}

    with Load(lambda: client_at(base_url, *admin_credentials), unique) as load:
        eventually(lambda: len(load.created) >= 10, timeout=60)
        private_rabbitmq.stop_app()
        time.sleep(OUTAGE_SECONDS)
        private_rabbitmq.start_app()
        back, serving_again = time.monotonic(), len(load.answers)
        # the services reconnect; writes succeed again while the load goes on
        eventually(lambda: any(status == 201 for kind, status, _, _ in load.answers[serving_again:]),
                   timeout=60)
        writing_after = time.monotonic() - back
        time.sleep(3)

    print(f"{len(load.answers)} answers, {len(load.created)} created; statuses "
          f"{sorted(Counter(str(status) for _, status, _, _ in load.answers).items())}; slowest "
          f"{max(seconds for _, _, seconds, _ in load.answers):.2f} s; writes again {writing_after:.1f} s "
          "after the broker accepted logins")
    assert system.exited() == [] and system.restarts == {}, _logs(system)
    assert {name: process.pid for name, process in system.processes.items()} == pids
    statuses = {status for _, status, _, _ in load.answers}
    assert statuses <= {200, 201, 503}, sorted(statuses, key=str)
    assert 503 in statuses  # the outage was seen
    unavailable = [answer for answer in load.answers if answer[1] == 503]
    assert all(retry_after for *_, retry_after in unavailable)
    assert max(seconds for _, _, seconds, _ in load.answers) < timeout + 2  # never a hang
    health = eventually(lambda: admin.get("/health/services").status_code == 200, timeout=60)
    assert health
    after = admin.post("/counterparties/", json={"name": f"After the outage {unique}"})
    assert after.status_code == 201, after.text

    # what a client does with a 503: send it again, with its key. A creation the services had
    # made while its reply was lost with the broker (a ghost write) is answered with that
    # counterparty, not made again; one that was not made is made now.
    ghosts = set(load.refused) & set(counted(system, unique))
    resent = {}
    for name in sorted(load.refused):
        for _ in range(10):
            answer = admin.post("/counterparties/", json={"name": name}, headers={"Idempotency-Key": load.keys[name]})
            if answer.status_code not in (409, 503):
                break
            time.sleep(1)
        resent[name] = answer.status_code
    rows = counted(system, unique)
    print(f"{len(load.keys)} creations, {len(load.refused)} refused ({len(ghosts)} of them made: ghost writes); "
          f"sent again with their keys: {sorted(Counter(resent.values()).items())}")
    assert all(status == 201 for status in resent.values()), resent
    assert {name: rows[name] for name in load.keys if rows[name] != 1} == {}  # one each: none lost, none twice


def test_with_the_broker_down_the_gateway_answers_503_at_once(isolated, private_rabbitmq):
    system, _, admin = isolated
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    private_rabbitmq.stop_app()
    try:
        started = time.monotonic()
        response = admin.get("/counterparties/")
        elapsed = time.monotonic() - started
    finally:
        private_rabbitmq.start_app()

    print(f"with the broker down: {response.status_code} in {elapsed:.3f} s")
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    # the first call the request needs names itself: the list's, or the session's when the
    # gateway's cache of it has expired and it asks the staff service
    assert re.match(r"the (counterparties|staff) service is unavailable", response.json()["message"]), response.text
    assert elapsed < timeout  # refused at once, not waited out
    assert system.exited() == []


def counted(system, run):
    """name -> how many counterparties of this test's load have it, in the service's database."""
    engine = create_engine(normalise_url(system.database_urls["counterparties"]))
    try:
        with engine.connect() as connection:
            return Counter(connection.execute(text("SELECT name FROM counterparties WHERE name LIKE :p"),
                                              {"p": f"Outage {run} %"}).scalars())
    finally:
        engine.dispose()


def _logs(system):
    """The end of each service's log, for a failure's message."""
    return "\n".join(f"--- {name}\n" + system.log_path(name).read_text(errors="replace")[-3000:]
                     for name in system.processes)
