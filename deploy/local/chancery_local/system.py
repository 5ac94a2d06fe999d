"""The whole system as local processes: start in order, check health, stop in reverse.

Once started, ``supervise()`` keeps it running the way compose's ``restart: unless-stopped``
does: a process that exits (a crash, a kill -9, an exit after an error) is started again
after a pause that doubles with each quick failure (1 s up to ``MAX_BACKOFF``; back to 1 s
once a process has run ``STABLE_SECONDS``), with a line in the runner's output and in the
process's own log; the rest keeps running. A process stopped on purpose (``stop_process``,
``stop``) is left stopped. The machine's RabbitMQ and the embedded PostgreSQL are not
children of the runner and are not supervised.

Replicas (``profile.replicas``, CHANCERY_REPLICAS): each service runs as that many processes,
named ``staff-1``, ``staff-2`` ... (just ``staff`` with one), each with its own log and its
own health and metrics port, all consuming the service's shared queues; the gateway runs as
that many gunicorn processes ``gateway-1`` ... sharing the public port (SO_REUSEPORT: the
kernel spreads connections over them) and each listening on a port of its own as well.
``stop_process``/``start_process`` take an instance's name or a service's (all its instances).
"""
import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import infra
from .profile import REPO, SERVICES

FIRST_BACKOFF = 1.0  # seconds before the first restart of a process that exited
MAX_BACKOFF = 30.0
STABLE_SECONDS = 30.0  # a process that ran this long before exiting is restarted after FIRST_BACKOFF


class System:
    def __init__(self, profile, log=print):
        self.profile = profile
        self.log = log
        self.processes = {}  # name -> Popen, in start order
        self.commands = {}  # name -> (command, cwd, env or None for the services' own), to start one again
        self.postgres = None
        self.database_urls = {}
        self.restarts = {}  # name -> how many times the supervisor started it again
        self._stopped = set()  # stopped on purpose: not restarted
        self._started_at = {}  # name -> time.monotonic() of its last start
        self._lock = threading.RLock()
        self._supervisor = None
        self._halt = threading.Event()
        self.http_ports = {}  # service instance -> its /metrics, /livez, /readyz port (CHANCERY_HTTP_PORT)
        self.gateway_urls = {}  # gateway instance -> its own URL (the public one when there is one instance)
        self.instances = {name: instance_names(name, profile.replicas) for name in (*SERVICES, "gateway")}

    def service_of(self, instance):
        """The service (or "gateway") an instance belongs to."""
        return next(name for name, names in self.instances.items() if instance in names)

    def _named(self, name):
        """The instances meant by a service's name (all of them) or an instance's."""
        return self.instances.get(name) or [name]

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
                command, s3_env = infra.seaweedfs_command(p)
                self.commands["seaweedfs"] = (command, None, s3_env)
                self._started_at["seaweedfs"] = time.monotonic()
            self.log("Databases and migrations ...")
            self.database_urls = infra.migrate_all(p, server_url)
            self.log("Services ...")
            env = self.service_env()
            services = [instance for service in SERVICES for instance in self.instances[service]]
            self.http_ports = {instance: infra.free_port() for instance in services}
            gateways = self.instances["gateway"]
            self.gateway_urls = ({"gateway": p.gateway_url} if gateways == ["gateway"] else
                                 {name: f"http://127.0.0.1:{infra.free_port()}" for name in gateways})
            infra.record_run(p, self.http_ports, self.database_urls, self.gateway_urls, self.service_of)
            for instance in services:
                service = self.service_of(instance)
                self._spawn(instance, [
                    sys.executable, "-m", "nameko", "run",
                    "--config", str(REPO / "services" / service / "config.yaml"),
                    f"{service}.service",
                ], env, cwd=REPO / "services" / service)
            self._wait_for_services(services)
            self.log("Gateway ...")
            for instance in gateways:
                self._spawn(instance, [
                    sys.executable, "-m", "gunicorn", "-c", str(REPO / "gateway" / "gunicorn.conf.py"),
                    "chancery_gateway.wsgi:app",
                ], env, cwd=REPO / "gateway")
            self._wait_for_gateways(gateways)
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, name, command, env, cwd, own_env=None):
        with self._lock:
            self.commands[name] = (command, cwd, own_env)
            env = own_env or env
            if name in self.http_ports:
                env = {**env, "CHANCERY_HTTP_PORT": str(self.http_ports[name])}
            if name in self.instances["gateway"]:
                # its workers' metrics files (gunicorn.conf.py empties the folder on start)
                env = {**env, "PROMETHEUS_MULTIPROC_DIR": str(self.profile.data_dir / f"{name}-metrics")}
                if self.profile.replicas > 1:  # the public port, shared with the other gateway processes, and its own
                    own = self.gateway_urls[name].removeprefix("http://")
                    env = {**env, "CHANCERY_BIND": f"{env['CHANCERY_BIND']},{own}", "CHANCERY_REUSE_PORT": "true"}
            with open(self.profile.log_dir / f"{name}.log", "ab") as log:  # the child keeps its copy
                self.processes[name] = subprocess.Popen(
                    command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True)
            self._started_at[name] = time.monotonic()

    def stop_process(self, name, timeout=15):
        """Stop one process, or every instance of a service (to see how the rest copes
        without it); the supervisor leaves it stopped."""
        for instance in self._named(name):
            with self._lock:
                self._stopped.add(instance)
                process = self.processes[instance]
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()

    def kill_process(self, name):
        """``kill -9`` of one process, or of every instance of a service (a crash); like
        ``stop_process`` the supervisor leaves it stopped."""
        for instance in self._named(name):
            with self._lock:
                self._stopped.add(instance)
                process = self.processes[instance]
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_process(self, name):
        """Start a stopped process (or every instance of a service) again and wait until it
        is ready (a running one is left be)."""
        started = []
        for instance in self._named(name):
            with self._lock:
                self._stopped.discard(instance)
                running = self.processes.get(instance)
                if running is not None and running.poll() is None:
                    continue
                command, cwd, own_env = self.commands[instance]
                self._spawn(instance, command, self.service_env(), cwd, own_env)
                started.append(instance)
        self._wait_for_services([instance for instance in started if instance in self.http_ports])

    # supervise -----------------------------------------------------------------------------

    def supervise(self, interval=0.5):
        """Restart, in a thread of its own, any process that exits (see the module's text)."""
        if self._supervisor is None:
            self._halt.clear()
            self._supervisor = threading.Thread(target=self._supervise, args=(interval,),
                                                name="chancery-supervisor", daemon=True)
            self._supervisor.start()
        return self

    def _supervise(self, interval):
        backoff = {}  # name -> the pause before its next restart
        due = {}  # name -> when it is to be started again
        while not self._halt.wait(interval):
            now = time.monotonic()
            with self._lock:
                for name, process in list(self.processes.items()):
                    if name in self._stopped or process.poll() is None:
                        continue
                    if name not in due:
                        ran = now - self._started_at.get(name, now)
                        pause = FIRST_BACKOFF if ran >= STABLE_SECONDS else backoff.get(name, FIRST_BACKOFF)
                        backoff[name] = min(pause * 2, MAX_BACKOFF)
                        due[name] = now + pause
                        self._note(name, f"{name} exited with code {process.returncode} after {ran:.0f} s; "
                                         f"starting it again in {pause:g} s")
                    elif now >= due[name]:
                        del due[name]
                        command, cwd, own_env = self.commands[name]
                        try:
                            self._spawn(name, command, self.service_env(), cwd, own_env)
                        except OSError as exc:
                            self._note(name, f"{name} could not be started again: {exc}")
                            continue
                        self.restarts[name] = self.restarts.get(name, 0) + 1
                        self._note(name, f"{name} started again (pid {self.processes[name].pid}, "
                                         f"restart {self.restarts[name]})")

    def _note(self, name, message):
        """A supervisor line in the runner's output and in the process's own log."""
        stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        self.log(f"{stamp} {message}")
        with open(self.log_path(name), "a") as log:
            log.write(f"{stamp} [chancery supervisor] {message}\n")

    def ready(self, instance):
        """The instance's own /readyz answers 200 (its consumers attached, its database, broker
        and object store answering it)."""
        # its checks may take a few seconds on a busy machine (each has PROBE_TIMEOUT)
        return infra.probe(self.http_ports[instance], "/readyz", timeout=10)[0] == 200

    def _wait_for_services(self, instances, timeout=None):
        pending = set(instances)
        timeout = timeout or max(60, 15 * len(pending))  # processes start side by side, sharing the CPUs
        deadline = time.monotonic() + timeout
        while pending and time.monotonic() < deadline:
            for instance in sorted(pending):
                process = self.processes[instance]
                if process.poll() is not None:
                    raise infra.StartupError(
                        f"service {instance} exited with code {process.returncode}; see {self.log_path(instance)}")
                if self.ready(instance):
                    pending.discard(instance)
            time.sleep(0.2)
        if pending:
            raise infra.StartupError(f"services not ready in {timeout} s: {', '.join(sorted(pending))}")

    def _wait_for_gateways(self, instances):
        for instance in instances:
            infra.wait_for_gateway(self.gateway_urls[instance])
        infra.wait_for_gateway(self.profile.gateway_url)

    def create_administrator(self, email=None, password=None):
        """The first administrator, created once; returns (email, generated password or None)."""
        from staff.bootstrap import ensure_administrator

        return ensure_administrator(self.database_urls["staff"], email, password)

    # stop ----------------------------------------------------------------------------------

    def stop(self, timeout=15):
        self._halt.set()
        if self._supervisor is not None:
            self._supervisor.join()
            self._supervisor = None
        with self._lock:
            self._stopped.update(self.processes)
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

    def exited(self):
        """Names of the processes not running now (stopped on purpose or not)."""
        with self._lock:
            return [name for name, process in self.processes.items() if process.poll() is not None]

    def log_path(self, name):
        return Path(self.profile.log_dir) / f"{name}.log"


def instance_names(name, replicas):
    """``staff`` alone, or ``staff-1`` ... ``staff-N`` for N replicas."""
    return [name] if replicas == 1 else [f"{name}-{number}" for number in range(1, replicas + 1)]
