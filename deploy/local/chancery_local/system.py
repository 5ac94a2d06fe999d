"""The whole system as local processes: start in order, check health, stop in reverse."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chancery_common.healthcheck import ping

from . import infra
from .profile import REPO, SERVICES


class System:
    def __init__(self, profile, log=print):
        self.profile = profile
        self.log = log
        self.processes = {}  # name -> Popen, in start order
        self.commands = {}  # name -> (command, cwd), to start one again
        self.postgres = None
        self.database_urls = {}

    # environment -------------------------------------------------------------------------

    def service_env(self):
        p = self.profile
        env = {
            **os.environ,
            "AMQP_URI": p.amqp_uri,
            "S3_ENDPOINT": p.s3_endpoint,
            "S3_ACCESS_KEY": p.s3_access_key,
            "S3_SECRET_KEY": p.s3_secret_key,
            "S3_BUCKET": p.s3_bucket,
            "S3_SECURE": "false",
            "MAX_UPLOAD_BYTES": str(p.max_upload_bytes),
            "PSYCOPG_WAIT_FUNC": "wait_select",
            "PYTHONUNBUFFERED": "1",
            "CHANCERY_SECRET_KEY": p.secret_key,
            "CHANCERY_BIND": f"{p.gateway_host}:{p.gateway_port}",
            "CHANCERY_WORKERS": str(p.gateway_workers),
            "PUBLIC_URL": p.gateway_url,
            **p.extra_env,
        }
        for service, url in self.database_urls.items():
            env[f"{service.upper()}_DATABASE_URL"] = url
        return env

    # start ---------------------------------------------------------------------------------

    def start(self):
        p = self.profile
        p.data_dir.mkdir(parents=True, exist_ok=True)
        p.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.log("RabbitMQ ...")
            infra.ensure_rabbitmq(p)
            self.log("PostgreSQL ...")
            if p.postgres_url:
                server_url = p.postgres_url
            else:
                self.postgres = infra.EmbeddedPostgres(p)
                server_url = self.postgres.start()
            if p.start_s3:
                self.log("S3 server (SeaweedFS) ...")
                self.processes["seaweedfs"] = infra.start_seaweedfs(p)
            self.log("Databases and migrations ...")
            self.database_urls = infra.migrate_all(p, server_url)
            self.log("Services ...")
            env = self.service_env()
            for service in SERVICES:
                self._spawn(service, [
                    sys.executable, "-m", "nameko", "run",
                    "--config", str(REPO / "services" / service / "config.yaml"),
                    f"{service}.service",
                ], env, cwd=REPO / "services" / service)
            self._wait_for_services(SERVICES)
            self.log("Gateway ...")
            self._spawn("gateway", [
                sys.executable, "-m", "gunicorn", "-c", str(REPO / "gateway" / "gunicorn.conf.py"),
                "chancery_gateway.wsgi:app",
            ], env, cwd=REPO / "gateway")
            infra.wait_for_gateway(p.gateway_url)
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, name, command, env, cwd):
        self.commands[name] = (command, cwd)
        log = open(self.profile.log_dir / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop_process(self, name, timeout=15):
        """Stop one process (to see how the rest copes without it)."""
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_process(self, name):
        """Start a stopped service again and wait until it answers (a running one is left be)."""
        running = self.processes.get(name)
        if running is not None and running.poll() is None:
            return
        command, cwd = self.commands[name]
        self._spawn(name, command, self.service_env(), cwd)
        if name in SERVICES:
            self._wait_for_services([name])

    def _wait_for_services(self, services, timeout=60):
        pending = set(services)
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for service in sorted(pending):
                process = self.processes[service]
                if process.poll() is not None:
                    raise infra.StartupError(
                        f"service {service} exited with code {process.returncode}; "
                        f"see {self.profile.log_dir / (service + '.log')}")
                try:
                    if ping(service, self.profile.amqp_uri, timeout=2):
                        pending.discard(service)
                except Exception:
                    pass
            time.sleep(0.2)
        if pending:
            raise infra.StartupError(f"services did not answer in {timeout} s: {', '.join(sorted(pending))}")

    def create_administrator(self, email=None, password=None):
        """The first administrator, created once; returns (email, generated password or None)."""
        from staff.bootstrap import ensure_administrator

        return ensure_administrator(self.database_urls["staff"], email, password)

    # stop ----------------------------------------------------------------------------------

    def stop(self, timeout=15):
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + timeout
        for process in reversed(list(self.processes.values())):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        if self.postgres is not None:
            self.postgres.stop()
            self.postgres = None

    def alive(self):
        """Names of processes that have exited unexpectedly."""
        return [name for name, process in self.processes.items() if process.poll() is not None]

    def log_path(self, name):
        return Path(self.profile.log_dir) / f"{name}.log"
