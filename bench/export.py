"""``python -m bench export``: exports as background jobs at holding scale.

Starts a private copy of the system, generates 50,000 counterparties (SQL in the
counterparties database, as ``bench counterparties`` does) and 200,000 documents of those
counterparties (SQL in the documents database, as ``bench documents`` does), then through
the gateway runs an export job of each (the counterparties as CSV and as XLSX, the
documents as XLSX), polling the job as the page does. For each it reports the time from the
job's creation to its end, the rows per second, and the jobs worker's resident memory:
sampled every 20 ms during the job, its peak is shown as a ratio against the same
process's idle resident memory measured just before (the floor). Flat memory means that
ratio stays near 1 and does not grow with the number of rows (the 200,000-row export against
the 50,000-row one). Each file is checked to hold every row. Results go to
bench/results/export.json.
"""
import argparse
import io
import json
import os
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import requests
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_local.infra import StartupError

from . import documents as documents_bench
from .environment import running_system

RESULTS = Path(__file__).resolve().parent / "results" / "export.json"
PEAK_RATIO_TARGET = 1.5  # the worker's peak resident memory during an export <= 1.5 x its idle memory
GROWTH_TARGET = 1.15  # the 200,000-row export's peak <= 1.15 x the 50,000-row one's


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


class MemorySampler:
    """The peak of a process's resident memory while the ``with`` block runs."""

    def __init__(self, pid, interval=0.02):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()

    def _run(self):
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, rss_kb(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self):
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()
        self.peak_kb = max(self.peak_kb, rss_kb(self.pid))
        return False


def generate_counterparties(url, count, admin_id):
    """``count`` counterparties with names, tax ids, phones and dates; returns (id, name) pairs."""
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("""
            INSERT INTO counterparties (id, kind, name, short_name, country, tax_id, phone, email, main_contact,
                                        notes, responsible_employee_id, status, created_by, created_at, updated_at)
            SELECT md5('export-bench-' || n)::uuid, 'organisation', 'ООО Экспорт ' || n, 'Экспорт ' || n, 'RU',
                   lpad(n::text, 10, '7'), '+7 495 ' || lpad(n::text, 7, '0'), 'office' || n || '@example.ru',
                   'Contact ' || n, 'Generated for the export benchmark', CAST(:admin AS uuid), 'active',
                   CAST(:admin AS uuid), now() - (n % 1000) * interval '1 day', now()
            FROM generate_series(1, :count) AS n"""), {"count": count, "admin": admin_id})
        pairs = connection.execute(text("SELECT id, name FROM counterparties")).all()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE counterparties"))  # as autovacuum would after such a load
    engine.dispose()
    return pairs


def run_export(http, api, pid, path, body, label):
    """Start one export job, wait for it while sampling the worker; its numbers and its file."""
    idle_kb = rss_kb(pid)
    with MemorySampler(pid) as memory:
        began = time.monotonic()
        started = http.post(f"{api}{path}", json=body, timeout=60)
        started.raise_for_status()
        job_id = started.json()["id"]
        while True:
            job = http.get(f"{api}/jobs/{job_id}", timeout=60).json()
            if job["state"] in ("done", "failed", "cancelled"):
                break
            time.sleep(0.25)
        wall_s = time.monotonic() - began
    if job["state"] != "done":
        raise RuntimeError(f"the {label} job ended {job['state']}: {job.get('error')}")
    seconds = (datetime.fromisoformat(job["finished_at"]) - datetime.fromisoformat(job["created_at"])).total_seconds()
    file = http.get(f"{api}/jobs/{job_id}/result", timeout=300)
    file.raise_for_status()
    rows = job["report"]["rows"]
    result = {"rows": rows, "job_seconds": round(seconds, 2), "wall_seconds": round(wall_s, 2),
              "rows_per_s": round(rows / seconds), "file_bytes": len(file.content),
              "worker_idle_rss_mb": round(idle_kb / 1024, 1), "worker_peak_rss_mb": round(memory.peak_kb / 1024, 1),
              "peak_over_idle": round(memory.peak_kb / idle_kb, 3)}
    print(f"  {label:<28}{rows:>9}{seconds:>9.1f} s{result['rows_per_s']:>9}/s"
          f"{result['worker_idle_rss_mb']:>9.1f}{result['worker_peak_rss_mb']:>9.1f}{result['peak_over_idle']:>8.2f}",
          flush=True)
    return result, file.content


def count_rows(content, kind):
    if kind == "csv":
        return content.decode("utf-8-sig").count("\r\n") - 1
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return sum(1 for _ in sheet.iter_rows(values_only=True)) - 1


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counterparties", type=int, default=50_000)
    parser.add_argument("--documents", type=int, default=200_000)
    args = parser.parse_args(argv)
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "volumes": {"counterparties": args.counterparties, "documents": args.documents}, "exports": {}}
    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=lambda message: print(f"  {message}", flush=True)) as system:
            email, password = "bench-admin@chancery.local", "bench-admin-password-1"
            system.create_administrator(email, password)
            http = requests.Session()
            api = f"{system.profile.gateway_url}/api/v1"
            signed_in = http.post(f"{api}/auth/login", json={"email": email, "password": password}, timeout=30)
            signed_in.raise_for_status()
            http.headers["X-CSRF-Token"] = signed_in.json()["csrf_token"]
            admin_id = signed_in.json()["employee"]["id"]
            print(f"Generating {args.counterparties} counterparties ...", flush=True)
            pairs = generate_counterparties(system.database_urls["counterparties"], args.counterparties, admin_id)
            print(f"Generating {args.documents} documents ...", flush=True)
            engine = create_engine(normalise_url(system.database_urls["documents"]))
            documents_bench.generate(engine, target=args.documents, seconds=3600, batch=20_000,
                                     log=lambda message: None, counterparties=pairs)
            engine.dispose()
            pid = system.processes["jobs"].pid
            print(f"\n  {'export':<28}{'rows':>9}{'time':>11}{'rows/s':>10}{'idle MB':>9}{'peak MB':>9}"
                  f"{'ratio':>8}", flush=True)
            for label, path, body, kind, expected in (
                    ("counterparties, CSV", "/counterparties/export", {"format": "csv"}, "csv", args.counterparties),
                    ("counterparties, XLSX", "/counterparties/export", {"format": "xlsx"}, "xlsx",
                     args.counterparties),
                    ("documents, XLSX", "/documents/export", {"format": "xlsx"}, "xlsx", args.documents)):
                result, content = run_export(http, api, pid, path, body, label)
                result["rows_in_file"] = count_rows(content, kind)
                if result["rows_in_file"] != expected:
                    raise RuntimeError(f"{label}: {result['rows_in_file']} rows in the file, {expected} expected")
                report["exports"][label] = result
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    exports = report["exports"]
    worst = max(e["peak_over_idle"] for e in exports.values())
    growth = round(exports["documents, XLSX"]["worker_peak_rss_mb"] /
                   exports["counterparties, XLSX"]["worker_peak_rss_mb"], 3)
    report["peak_over_idle_worst"] = worst
    report["peak_growth_documents_over_counterparties"] = growth
    report["targets"] = {"peak_over_idle": f"<= {PEAK_RATIO_TARGET}",
                         "peak_growth": f"<= {GROWTH_TARGET} (4 x the rows)"}
    report["verdicts"] = {"peak_over_idle": "met" if worst <= PEAK_RATIO_TARGET else "not met",
                          "peak_growth": "met" if growth <= GROWTH_TARGET else "not met"}
    print(f"\n  worst peak / idle {worst:.2f} (target <= {PEAK_RATIO_TARGET}): {report['verdicts']['peak_over_idle']}")
    print(f"  peak of 200,000 documents / peak of 50,000 counterparties {growth:.2f} "
          f"(target <= {GROWTH_TARGET}): {report['verdicts']['peak_growth']}")
    print(f"  {report['machine']['cpus']} CPUs, load average {report['machine']['load_average_at_start']} before "
          f"and {report['machine']['load_average_at_end']} after")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nResults in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
