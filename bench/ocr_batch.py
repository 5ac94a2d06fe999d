"""``python -m bench ocr batch``: does a large batch of scans hold up registration or the UI?

Starts a private copy of the system (bench/environment.py; the texts service with
``TEXTS_CONCURRENCY`` files at once and ``OCR_JOBS`` Tesseracts per file, compose's settings by
default) and, through the gateway as a signed-in administrator, measures two things people do
while scans are being read:

- **registration**: ``POST /api/v1/documents/`` of an internal memo registered in its journal
  (the documents service takes the next number);
- **the registry's page**: ``GET /documents`` (the web UI's list, rendered by the gateway).

Each is sampled idle, then during a batch of ``--scans`` scanned pages uploaded at once (each
an image-only PDF the texts service must recognise; sampled while it is still at work, which
the run checks), then idle again after the batch is read. Prints the medians and 95th
percentiles, the ratios during / idle (the mean of both idle runs) and how long the batch took
(pages per minute on the running system); writes bench/results/ocr_batch.json. The ratio is
informative: OCR runs in its own service with bounded concurrency, so on a machine with CPUs
to spare it should stay near 1; on a shared 2-core machine it says how much the recognition's
CPU takes from everything else.
"""
import argparse
import json
import os
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from . import scans
from .stats import ratio, summarise

RESULTS = Path(__file__).resolve().parent / "results" / "ocr_batch.json"
RATIO_TARGET = 2.0  # registration's median during a batch at most twice its idle median (informative)


def backlog(engine):
    """Files the texts service has not finished: waiting and being read."""
    from sqlalchemy import text
    with engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM extractions WHERE state IN ('pending', 'running')")
                                  ).scalar_one()


def sample(http, gateway_url, headers, memo, count):
    """``count`` registrations and registry pages by turns: their seconds."""
    registrations, pages = [], []
    for number in range(count):
        began = time.perf_counter()
        response = http.post(f"{gateway_url}/api/v1/documents/", headers=headers, timeout=120,
                             json={"type_id": memo, "title": f"Bench memo {number}", "register": True})
        registrations.append(time.perf_counter() - began)
        if response.status_code != 201 or not response.json().get("number"):
            raise RuntimeError(f"registration failed: {response.status_code} {response.text[:300]}")
        began = time.perf_counter()
        response = http.get(f"{gateway_url}/documents", timeout=120)
        pages.append(time.perf_counter() - began)
        if response.status_code != 200:
            raise RuntimeError(f"the registry page failed: {response.status_code}")
    return registrations, pages


def measure(args, log):
    import requests
    from sqlalchemy import create_engine

    from chancery_common.database import normalise_url

    from .environment import running_system
    os.environ["TEXTS_CONCURRENCY"] = str(args.concurrency)
    os.environ["OCR_JOBS"] = str(args.ocr_jobs)
    log(f"drawing {args.scans} scanned pages ...")
    pdfs = [scans.save([scans.contract_page(200 + n, seed=n)], "pdf") for n in range(args.scans)]
    with running_system(log=log) as system:
        gateway_url = system.profile.gateway_url
        email, password = "bench-ocr@chancery.local", "bench-ocr-password-1"
        system.create_administrator(email, password)
        http = requests.Session()
        login = http.post(f"{gateway_url}/api/v1/auth/login", json={"email": email, "password": password}, timeout=30)
        login.raise_for_status()
        headers = {"X-CSRF-Token": login.json()["csrf_token"]}
        types = http.get(f"{gateway_url}/api/v1/document-types/", timeout=30).json()["items"]
        memo = next(t["id"] for t in types if t["code"] == "memo")
        engine = create_engine(normalise_url(system.database_urls["texts"]), pool_size=1)
        try:
            sample(http, gateway_url, headers, memo, 3)  # warm-up: connections, caches, templates
            log(f"idle: {args.samples} registrations and registry pages ...")
            idle_before = sample(http, gateway_url, headers, memo, args.samples)

            log(f"uploading {args.scans} scans at once ...")

            def upload(number):
                document = http.post(f"{gateway_url}/api/v1/documents/", headers=headers, timeout=120, json={
                    "type_id": memo, "title": f"Bench scan {number}", "register": False}).json()
                response = http.post(f"{gateway_url}/api/v1/documents/{document['id']}/files", headers=headers,
                                     files={"file": (f"scan-{number}.pdf", pdfs[number])}, timeout=300)
                if response.status_code != 201:
                    raise RuntimeError(f"upload failed: {response.status_code} {response.text[:300]}")
            began = time.perf_counter()
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(upload, range(args.scans)))
            upload_s = time.perf_counter() - began
            batch_started = time.monotonic()
            while backlog(engine) == 0 and time.monotonic() - batch_started < 60:
                time.sleep(0.2)  # the file events on their way to the texts service
            at_start = backlog(engine)
            log(f"during the batch ({at_start} files waiting or being read): {args.samples} of each ...")
            during = sample(http, gateway_url, headers, memo, args.samples)
            at_end = backlog(engine)
            log(f"{at_end} files still waiting or being read; waiting for the batch to be read ...")
            while backlog(engine) and time.monotonic() - batch_started < args.timeout:
                time.sleep(1)
            left = backlog(engine)
            batch_s = time.monotonic() - batch_started
            log(f"idle again: {args.samples} of each ...")
            idle_after = sample(http, gateway_url, headers, memo, args.samples)
        finally:
            engine.dispose()
    rows = {}
    for index, name in enumerate(("registration", "registry_page")):
        idle = summarise(idle_before[index] + idle_after[index])
        busy = summarise(during[index])
        rows[name] = {"idle": idle, "during_batch": busy,
                      "ratio_median": round(ratio(busy["median_ms"], idle["median_ms"]), 2),
                      "ratio_p95": round(ratio(busy["p95_ms"], idle["p95_ms"]), 2)}
    return {"results": rows,
            "batch": {"scans": args.scans, "upload_s": round(upload_s, 2), "backlog_at_start": at_start,
                      "backlog_at_end_of_sampling": at_end, "left_unread": left, "seconds": round(batch_s, 1),
                      "pages_per_minute": round(args.scans * 60 / batch_s, 1) if not left else None},
            "sampled_during_the_batch": at_end > 0,
            "target": f"registration ratio_median <= {RATIO_TARGET}",
            "verdict": "PASS" if rows["registration"]["ratio_median"] <= RATIO_TARGET and at_end > 0 else "FAIL"}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench ocr batch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scans", type=int, default=30, help="one-page scans uploaded at once")
    parser.add_argument("--samples", type=int, default=20, help="registrations (and registry pages) per run")
    parser.add_argument("--concurrency", type=int, default=1, help="TEXTS_CONCURRENCY of the texts service")
    parser.add_argument("--ocr-jobs", type=int, default=2, help="OCR_JOBS of the texts service")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds to wait for the batch to be read")
    args = parser.parse_args(argv)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    load_at_start = round(os.getloadavg()[0], 2)
    report = measure(args, log=lambda message: print(f"  {message}", flush=True))
    report = {"started_at": started, "run": uuid.uuid4().hex[:8],
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": load_at_start,
                          "load_average_at_end": round(os.getloadavg()[0], 2)},
              "parameters": vars(args), **report}
    print(f"\n  {'':<16}{'idle median':>13}{'batch median':>14}{'ratio':>7}{'idle p95':>10}{'batch p95':>11}"
          f"{'ratio':>7}")
    for name, row in report["results"].items():
        print(f"  {name:<16}{row['idle']['median_ms']:>11.1f}ms{row['during_batch']['median_ms']:>12.1f}ms"
              f"{row['ratio_median']:>7.2f}{row['idle']['p95_ms']:>8.1f}ms{row['during_batch']['p95_ms']:>9.1f}ms"
              f"{row['ratio_p95']:>7.2f}")
    batch = report["batch"]
    print(f"\n  batch: {batch['scans']} scans uploaded in {batch['upload_s']} s, read in {batch['seconds']} s "
          f"({batch['pages_per_minute']} pages a minute); {batch['backlog_at_end_of_sampling']} still unread when "
          f"the sampling ended\n  {report['target']}: {report['verdict']}\n")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
