"""A RabbitMQ restart under a stream of writes and reads: no service dies, every answer during
the outage is a quick 503 with Retry-After (never 502, never a hang), and the system serves
again once the broker is back. The broker is this test run's own node (``private_rabbitmq``),
so stopping it touches nothing else on the machine."""
import threading
import time
from collections import Counter

import pytest
import requests

pytestmark = pytest.mark.system

WRITERS = 6
OUTAGE_SECONDS = 6


@pytest.fixture(scope="module")
def isolated(system_on_private_broker, admin_credentials, client_at):
    base_url = system_on_private_broker.profile.gateway_url
    return system_on_private_broker, base_url, client_at(base_url, *admin_credentials)


class Load:
    """Writers creating counterparties and reading the documents registry and their inbox, each
    answer kept as (operation, status, seconds taken, Retry-After)."""

    def __init__(self, login, run):
        self.login, self.run = login, run
        self.answers = []
        self.created = []
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
                    response = api.post("/counterparties/", json={"name": name}, timeout=30)
                    if response.status_code == 201:
                        self.created.append(response.json()["id"])
                elif kind == 1:
                    response = api.get("/documents/?limit=5", timeout=30)
                else:
                    response = api.get("/notifications/", timeout=30)
            except requests.RequestException as exc:  # the gateway itself must keep answering
                self.answers.append((kind, repr(exc), time.monotonic() - started, None))
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
    assert "counterparties" in response.json()["message"]
    assert elapsed < timeout  # refused at once, not waited out
    assert system.exited() == []


def _logs(system):
    """The end of each service's log, for a failure's message."""
    return "\n".join(f"--- {name}\n" + system.log_path(name).read_text(errors="replace")[-3000:]
                     for name in system.processes)
