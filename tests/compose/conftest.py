"""The system docker-compose.yml runs (scripts/compose-test starts it and says where):
CHANCERY_COMPOSE_URL is its gateway, CHANCERY_COMPOSE_COMMAND the compose command line
for it (project, files, settings), CHANCERY_COMPOSE_ADMIN the first administrator's
``email:password``."""
import json
import os
import shlex
import signal
import subprocess
import time

import pytest
import requests

from tests.conftest import Client


class Compose:
    """The project's containers, driven as an operator would."""

    def __init__(self, command):
        self.command = shlex.split(command)

    def __call__(self, *args, check=True, capture=False, timeout=600):
        pipe = subprocess.PIPE if capture else None
        done = subprocess.run([*self.command, *args], check=False, timeout=timeout, text=True, stdout=pipe, stderr=pipe)
        if check and done.returncode:
            raise AssertionError(f"{' '.join(args)} exited {done.returncode}: {done.stderr or ''}")
        return done.stdout

    def config(self):
        return json.loads(self("config", "--format", "json", capture=True))

    def containers(self, service=None):
        """[{"Service", "Name", "State", "Health", ...}] of the running and stopped containers."""
        out = self("ps", "-a", "--format", "json", *([service] if service else []), capture=True)
        out = out.strip()
        if not out:
            return []
        return json.loads(out) if out.startswith("[") else [json.loads(line) for line in out.splitlines()]

    def inspect(self, name):
        return json.loads(subprocess.run(["docker", "inspect", name], check=True, capture_output=True,
                                         text=True).stdout)[0]

    def exec_in(self, container, *command):
        """What the command run in one container (of several replicas) printed."""
        return subprocess.run(["docker", "exec", container, *command], check=True, capture_output=True,
                              text=True, timeout=60).stdout

    def long_running(self):
        """{service: replicas} of the services that keep running (not the one-shot steps)."""
        services = self.config()["services"]
        return {name: int((spec.get("deploy") or {}).get("replicas") or 1) for name, spec in services.items()
                if spec.get("restart") != "no"}

    def wait_healthy(self, timeout=600):
        """Every replica of every long-running service is running and (if it has a check) healthy."""
        wanted = self.long_running()
        deadline = time.monotonic() + timeout
        while True:
            by_service = {}
            for container in self.containers():
                by_service.setdefault(container["Service"], []).append(container)
            missing = {}
            for service, replicas in wanted.items():
                good = [c for c in by_service.get(service, [])
                        if c["State"] == "running" and c.get("Health") in ("", "healthy")]
                if len(good) < replicas:
                    missing[service] = [f"{c['Name']}: {c['State']} {c.get('Health', '')}"
                                        for c in by_service.get(service, [])]
            if not missing:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"not healthy within {timeout} s: {missing}")
            time.sleep(3)

    def crash(self, container):
        """SIGKILL to the container's first process from outside, as the kernel's OOM killer
        would: the container dies unasked, and its restart policy brings it back."""
        os.kill(self.inspect(container)["State"]["Pid"], signal.SIGKILL)


@pytest.fixture(scope="session")
def compose():
    command = os.environ.get("CHANCERY_COMPOSE_COMMAND")
    if not command:
        pytest.fail("run by scripts/compose-test (make test-compose), which starts the system")
    return Compose(command)


@pytest.fixture(scope="session")
def base_url():
    return os.environ["CHANCERY_COMPOSE_URL"]


@pytest.fixture(scope="session")
def admin_credentials():
    return tuple(os.environ["CHANCERY_COMPOSE_ADMIN"].split(":", 1))


class PlainHttpSession(requests.Session):
    """Sends the gateway's Secure cookies back over plain HTTP: it is reached on 127.0.0.1
    here, with no TLS proxy in front, and runs in production mode as a holding's does."""

    def request(self, *args, **kwargs):
        response = super().request(*args, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


class ComposeClient(Client):
    def __init__(self, base_url):
        super().__init__(base_url)
        self.http = PlainHttpSession()


@pytest.fixture(scope="session")
def client(base_url):
    def make(email=None, password=None):
        made = ComposeClient(base_url)
        return made.login(email, password) if email else made
    return make


@pytest.fixture
def admin(client, admin_credentials):
    """Signed in afresh by each test: a restart between tests may end sessions."""
    return client(*admin_credentials)


@pytest.fixture(scope="session")
def gateway_answers(client, admin_credentials):
    """``gateway_answers(timeout)``: waits until the administrator can sign in and the gateway
    reaches every service; returns the administrator's client."""
    def wait(timeout=300):
        deadline = time.monotonic() + timeout
        while True:
            try:
                admin = client(*admin_credentials)
                answer = admin.get("/health/services")
                if answer.status_code == 200:
                    return admin
            except (AssertionError, requests.RequestException) as error:  # not yet
                answer = error
            if time.monotonic() > deadline:
                raise AssertionError(f"the gateway did not reach every service within {timeout} s: {answer}")
            time.sleep(2)
    return wait
