"""A private copy of the whole system for one benchmark run, removed afterwards.

Its own data folder (a temporary one), RabbitMQ vhost, database names and ports, so a
benchmark never touches a running development system or a test run.
"""
import contextlib
import shutil
import tempfile
from pathlib import Path

from chancery_common.migrations import drop_database
from chancery_local import infra
from chancery_local.profile import BENCHMARK_S3_PORTS, DATABASES, Profile
from chancery_local.system import System

MACHINE_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def machine_postgres():
    """The machine's PostgreSQL when it answers, else None (the embedded one is used)."""
    from sqlalchemy import create_engine, text

    from chancery_common.database import normalise_url

    engine = create_engine(normalise_url(MACHINE_POSTGRES_URL), connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return MACHINE_POSTGRES_URL
    except Exception:
        return None
    finally:
        engine.dispose()


def bench_profile(data_dir, **overrides):
    """The benchmark's profile; ``overrides`` win (``postgres_url=None``: an embedded PostgreSQL
    of its own, e.g. with more connections than the machine's)."""
    settings = {"vhost": "chancery_bench", "database_prefix": "chancery_bench_", "s3_ports": BENCHMARK_S3_PORTS,
                "s3_bucket": "chancery-bench", "secret_key": "chancery-bench-secret", **overrides}
    if "postgres_url" not in settings:
        settings["postgres_url"] = machine_postgres()
    if "gateway_port" not in settings:
        settings["gateway_port"] = infra.free_port()
    return Profile(data_dir=Path(data_dir), **settings)


def check_ports_free(ports):
    """Refuse to start when an S3 port or its gRPC port is taken, naming the port."""
    for port in ports.values():
        for candidate in (port, port + 10000):
            if not candidate < 65536:
                raise infra.StartupError(f"port {candidate} is out of range")
            if infra.port_open("127.0.0.1", candidate):
                raise infra.StartupError(f"port {candidate} is taken (an earlier benchmark still running?)")


@contextlib.contextmanager
def running_system(log=print, **overrides):
    """Start the system on the benchmark profile; stop it and remove its data on exit.

    When it does not start, its data folder is kept for the logs.
    """
    check_ports_free(BENCHMARK_S3_PORTS)
    profile = bench_profile(tempfile.mkdtemp(prefix="chancery-bench-"), **overrides)
    infra.ensure_rabbitmq(profile)
    remove_leftovers(profile)  # of an interrupted run: queues, rows
    system = System(profile, log=log)
    try:
        system.start()
    except infra.StartupError as exc:
        remove_leftovers(profile)
        raise infra.StartupError(f"{exc} (logs in {profile.log_dir})") from None
    try:
        yield system
    finally:
        system.stop()
        remove_leftovers(profile)
        shutil.rmtree(profile.data_dir, ignore_errors=True)


def remove_leftovers(profile):
    infra.delete_vhost(profile)
    if profile.postgres_url:  # an embedded server goes with the data folder
        for name in DATABASES:
            drop_database(infra.database_url(profile, profile.postgres_url, name))
