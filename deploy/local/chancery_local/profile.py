"""Where a local run keeps its data and which ports and names it uses.

The default profile is the one ``make run`` starts; tests use their own profile so a
test run never touches the data, ports, databases or vhost of a running system.
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

from chancery_common import topology

REPO = Path(__file__).resolve().parents[3]
SERVICES = topology.SERVICES
# each service's database, and the gateway's own (its Idempotency-Key store)
DATABASES = SERVICES + ("gateway",)


def project_dir(name):
    """The folder holding ``migrations/`` of a service or of the gateway."""
    return REPO / "gateway" if name == "gateway" else REPO / "services" / name


@dataclass
class Profile:
    data_dir: Path
    amqp_host: str = "127.0.0.1:5672"
    amqp_user: str = "guest"
    amqp_password: str = "guest"
    vhost: str = "/"
    postgres_url: str | None = None  # None: the embedded PostgreSQL in data_dir
    # of the embedded PostgreSQL: two processes of everything, each with its pools, and the
    # fault suite's two systems side by side need more than PostgreSQL's default of 100
    postgres_max_connections: int = 400
    # of the embedded PostgreSQL: the shared buffers in MB (postgres_memory(); PostgreSQL's own
    # default of 128 MB holds a tenth of a holding's registry, docs/operations.md)
    postgres_shared_buffers_mb: int = field(default_factory=lambda: postgres_memory()[0])
    postgres_effective_cache_mb: int = field(default_factory=lambda: postgres_memory()[1])
    database_prefix: str = "chancery_"
    s3_ports: dict = field(default_factory=lambda: dict(S3_PORTS))
    s3_access_key: str = "chancery"
    s3_secret_key: str = "chancery-dev-secret"
    s3_bucket: str = "chancery-documents"
    start_s3: bool = True  # False: an S3 server is already running on s3_ports["s3"]
    gateway_host: str = "127.0.0.1"
    gateway_port: int = 8000
    gateway_workers: int = 2  # gunicorn workers of each gateway process
    replicas: int = 1  # processes of each service and of the gateway (CHANCERY_REPLICAS)
    secret_key: str = "chancery-local-development-key"
    max_upload_bytes: int = 50 * 1024 * 1024
    extra_env: dict = field(default_factory=dict)

    @property
    def amqp_uri(self):
        vhost = "" if self.vhost == "/" else self.vhost
        return f"pyamqp://{self.amqp_user}:{self.amqp_password}@{self.amqp_host}/{vhost}"

    @property
    def s3_endpoint(self):
        return f"127.0.0.1:{self.s3_ports['s3']}"

    @property
    def gateway_url(self):
        return f"http://{self.gateway_host}:{self.gateway_port}"

    @property
    def log_dir(self):
        return self.data_dir / "logs"


MIN_SHARED_BUFFERS_MB, MAX_SHARED_BUFFERS_MB = 128, 4096
# SeaweedFS's ports of `make run`, and of the benchmarks (apart from make run's, so a benchmark
# runs beside it), each with its gRPC port +10000 (chancery_local.infra.free_port hands none out)
S3_PORTS = {"s3": 8333, "master": 9333, "volume": 8080, "filer": 8888}
BENCHMARK_S3_PORTS = {"s3": 11333, "master": 12333, "volume": 11080, "filer": 11888}


def machine_memory_mb():
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)


def postgres_memory(memory_mb=None, environ=os.environ):
    """(shared buffers, effective cache size) in MB for the embedded PostgreSQL: a quarter of the
    machine's memory kept as PostgreSQL's own buffers (128 MB to 4 GB), half of it assumed
    cached for the planner; CHANCERY_POSTGRES_SHARED_BUFFERS_MB sets the buffers."""
    memory_mb = machine_memory_mb() if memory_mb is None else memory_mb
    value = environ.get("CHANCERY_POSTGRES_SHARED_BUFFERS_MB", "").strip()
    if value:
        if not value.isdigit() or not MIN_SHARED_BUFFERS_MB <= int(value) <= memory_mb // 2:
            raise ValueError(f"CHANCERY_POSTGRES_SHARED_BUFFERS_MB must be a whole number of MB from "
                             f"{MIN_SHARED_BUFFERS_MB} to half the machine's memory ({memory_mb // 2}), not {value!r}")
        shared = int(value)
    else:
        shared = max(MIN_SHARED_BUFFERS_MB, min(MAX_SHARED_BUFFERS_MB, memory_mb // 4))
    return shared, max(shared, memory_mb // 2)


def replicas_from_environment():
    """CHANCERY_REPLICAS: how many processes of each service and of the gateway (default 1)."""
    value = os.environ.get("CHANCERY_REPLICAS", "").strip() or "1"
    if not value.isdigit() or not 1 <= int(value) <= 9:
        raise ValueError(f"CHANCERY_REPLICAS must be a whole number from 1 to 9, not {value!r}")
    return int(value)


def default_profile():
    """The profile of ``make run``; the environment may override its parts."""
    return Profile(
        data_dir=Path(os.environ.get("CHANCERY_DATA_DIR", REPO / ".data")).resolve(),
        postgres_url=os.environ.get("CHANCERY_POSTGRES_URL") or None,
        gateway_port=int(os.environ.get("CHANCERY_PORT", "8000")),
        gateway_host=os.environ.get("CHANCERY_HOST", "127.0.0.1"),
        amqp_host=os.environ.get("CHANCERY_AMQP_HOST", "127.0.0.1:5672"),
        replicas=replicas_from_environment(),
        # a local run may post webhooks to a receiver on this machine over plain http
        extra_env={"ALLOW_INSECURE_WEBHOOKS": os.environ.get("ALLOW_INSECURE_WEBHOOKS", "true"),
                   "WEBHOOK_ALLOWED_NETWORKS": os.environ.get("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.1/32,::1/128")},
    )
