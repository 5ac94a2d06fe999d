"""``python -m bench``: measure the RPC path and the gateway against their floors.

Starts a private copy of the system, measures (a) one RPC round trip through the
gateway's RPC path against a bare kombu request/reply and (b) the gateway's requests per
second with one RPC against none, prints a table with verdicts against the targets, and
writes the results to bench/results/latest.json. Exits 0 whatever the verdicts (a
benchmark informs, it does not gate); 1 when something could not run.
"""
import argparse
import json
import logging
import os
import platform
import sys
import time
import warnings
from datetime import datetime, timezone
from pathlib import Path

# nameko imports eventlet, which warns that it is in maintenance mode
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
# health pings close their channels while confirms are still arriving
logging.getLogger("amqp").setLevel(logging.ERROR)

from chancery_local.infra import StartupError  # noqa: E402

from . import load, rpc  # noqa: E402
from .environment import running_system  # noqa: E402
from .stats import ratio, summarise, verdict  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
RPC_RATIO_TARGET = 2.5  # project median <= 2.5 x the bare kombu median
HTTP_RATIO_TARGET = 0.25  # one-RPC requests per second >= 0.25 x the no-RPC ones
RPC_ROWS = {
    "project": 'project: rpc.call("staff", "ping")',
    "nameko": 'the same path to a ping-only nameko service',
    "floor_reliable": "bare kombu + nameko's broker guarantees",
    "floor": "floor: bare kombu request/reply",
}
HTTP_PATHS = {"ping": "/api/v1/health/ping", "rpc": "/api/v1/health/rpc"}


def measure_rpc(amqp_uri, log_dir, calls, warmup):
    with rpc.EchoPair(amqp_uri, reliable=False) as floor, \
            rpc.EchoPair(amqp_uri, reliable=True) as floor_reliable, rpc.NamekoPing(amqp_uri, log_dir):
        samples = rpc.measure({
            "project": rpc.project_caller(amqp_uri),
            "nameko": rpc.project_caller(amqp_uri, service="bench_ping"),
            "floor_reliable": floor_reliable.call, "floor": floor.call}, calls, warmup)
    result = {name: summarise(values) for name, values in samples.items()}
    result["ratio_median"] = ratio(result["project"]["median_ms"], result["floor"]["median_ms"])
    result["ratio_p95"] = ratio(result["project"]["p95_ms"], result["floor"]["p95_ms"])
    result["target"] = f"ratio_median <= {RPC_RATIO_TARGET}"
    result["verdict"] = verdict(result["ratio_median"], at_most=RPC_RATIO_TARGET)
    return result


def administrator_cookie(system, gateway_url):
    """A signed-in administrator's session cookie: /health/rpc is for administrators, and
    both paths carry it so that they differ by the RPC alone."""
    import requests

    email, password = "bench@chancery.local", "bench-administrator-password"
    system.create_administrator(email, password)
    answer = requests.post(f"{gateway_url}/api/v1/auth/login", json={"email": email, "password": password},
                           timeout=30)
    answer.raise_for_status()
    return "; ".join(f"{name}={value}" for name, value in answer.cookies.items())


def measure_http(gateway_url, clients, seconds, max_requests, cookie):
    totals = load.measure(gateway_url, HTTP_PATHS, clients=clients, seconds=seconds,
                          max_requests=max_requests, headers={"Cookie": cookie})
    result = {}
    for name, total in totals.items():
        if not total["ok"]:
            raise RuntimeError(f"no request to {HTTP_PATHS[name]} succeeded ({total['errors']} errors)")
        latency = summarise(total["latencies"])
        result[name] = {"path": HTTP_PATHS[name], "requests_per_s": total["ok"] / total["elapsed_s"],
                        "ok": total["ok"], "errors": total["errors"],
                        "median_ms": latency["median_ms"], "p95_ms": latency["p95_ms"]}
    result["ratio"] = ratio(result["rpc"]["requests_per_s"], result["ping"]["requests_per_s"])
    result["target"] = f"ratio >= {HTTP_RATIO_TARGET}"
    result["verdict"] = verdict(result["ratio"], at_least=HTTP_RATIO_TARGET)
    return result


def print_report(report):
    p, r, h, m = report["parameters"], report["rpc"], report["http"], report["machine"]
    print(f"\n{m['cpus']} CPUs, load average {m['load_average_at_start']} before the run "
          f"and {m['load_average_at_end']} after it")
    title = f"RPC round trip, {p['rpc_calls']} sequential calls each"
    print(f"\n{title:<48}{'median ms':>10}{'p95 ms':>10}")
    for name, label in RPC_ROWS.items():
        print(f"  {label:<46}{r[name]['median_ms']:>10.3f}{r[name]['p95_ms']:>10.3f}")
    print(f"  {'ratio project / floor':<46}{r['ratio_median']:>10.2f}{r['ratio_p95']:>10.2f}"
          f"   target: median <= {RPC_RATIO_TARGET}  {r['verdict']}")
    title = f"Gateway, {p['http_clients']} clients, {p['http_seconds']:g} s per path"
    print(f"\n{title:<48}{'req/s':>10}{'median ms':>10}{'p95 ms':>10}{'errors':>8}")
    for name in HTTP_PATHS:
        row = h[name]
        print(f"  GET {row['path']:<42}{row['requests_per_s']:>10.0f}{row['median_ms']:>10.2f}"
              f"{row['p95_ms']:>10.2f}{row['errors']:>8}")
    print(f"  {'ratio rpc / ping':<46}{h['ratio']:>10.2f}"
          f"   target: >= {HTTP_RATIO_TARGET}  {h['verdict']}\n")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["counterparties"]:  # the CRM directory at holding scale (bench/counterparties.py)
        from . import counterparties
        return counterparties.main(argv[1:])
    if argv[:1] == ["reminders"]:  # 1,000,000 scheduled reminders, 10,000 due at once (bench/reminders.py)
        from . import reminders
        return reminders.main(argv[1:])
    if argv[:1] == ["export"]:  # exports as background jobs at holding scale (bench/export.py)
        from . import export
        return export.main(argv[1:])
    if argv[:1] == ["documents"]:  # the registry's search and concurrent registration at scale (bench/documents.py)
        from . import documents
        return documents.main(argv[1:])
    if argv[:1] == ["approvals"]:  # running approvals at holding scale: inbox and overdue sweep (bench/approvals.py)
        from . import approvals
        return approvals.main(argv[1:])
    if argv[:1] == ["overview"]:  # the unified counterparty view at holding scale against its floor (bench/overview.py)
        from . import overview
        return overview.main(argv[1:])
    if argv[:1] == ["profile"]:  # where a profiled workload run's samples went (bench/profile.py)
        from . import profile
        return profile.main(argv[1:])
    if argv[:1] == ["workload"]:  # many clients at once: the view, the staff mix, thinking staff (bench/workload.py)
        from . import workload
        return workload.main(argv[1:])
    if argv[:1] == ["intake"]:  # a mail's way to a draft in the review queue (bench/intake.py)
        from . import intake
        return intake.main(argv[1:])
    if argv[:1] == ["ocr"]:  # scanned pages recognised per minute against the tesseract CLI (bench/ocr.py)
        from . import ocr
        return ocr.main(argv[1:])
    if argv[:1] == ["backup"]:  # backup and restore against pg_dump and a plain copy (bench/backup.py)
        from . import backup
        return backup.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=2000, help="RPC calls measured per path")
    parser.add_argument("--warmup", type=int, default=200, help="RPC calls before measuring")
    parser.add_argument("--clients", type=int, default=16, help="concurrent HTTP clients")
    parser.add_argument("--seconds", type=float, default=10, help="HTTP load time per path")
    parser.add_argument("--max-requests", type=int, default=100_000,
                        help="HTTP requests per path at most")
    args = parser.parse_args(argv)

    report = {
        "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(),
                    "load_average_at_start": round(os.getloadavg()[0], 2)},
        "parameters": {"rpc_calls": args.calls, "rpc_warmup": args.warmup,
                       "http_clients": args.clients, "http_seconds": args.seconds,
                       "http_max_requests": args.max_requests},
    }
    began = time.monotonic()
    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=lambda message: print(f"  {message}", flush=True)) as system:
            print("Measuring RPC round trips ...", flush=True)
            report["rpc"] = measure_rpc(system.profile.amqp_uri, system.profile.log_dir, args.calls,
                                        args.warmup)
            print("Measuring gateway throughput ...", flush=True)
            cookie = administrator_cookie(system, system.profile.gateway_url)
            report["http"] = measure_http(system.profile.gateway_url, args.clients, args.seconds,
                                          args.max_requests, cookie)
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    report["duration_s"] = round(time.monotonic() - began, 1)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print_report(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Results in {RESULTS} ({report['duration_s']:g} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
