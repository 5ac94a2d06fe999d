"""``python -m bench documents``: the registry and registration at holding scale.

Works on a database of its own (created, migrated with the documents service's migrations,
dropped afterwards unless ``--keep``) on the local PostgreSQL:

1. generates documents with SQL in batches (titles from a vocabulary of Russian and English
   words, counterparties with names, types, statuses, dates, amounts) until ``--documents``
   exist or ``--generate-seconds`` have passed, whichever comes first, and reports how many
   it made: the most this machine holds in the time, reported as such;
2. registry search: ``--queries`` calls of the service's own ``list_documents`` (the same
   code the RPC runs: full text in russian + english + simple, visibility, two filters,
   the page and the total) with a random word plus a status and a type filter; p95 target
   under 100 ms;
3. registration throughput: 8 concurrent registrars (threads, each with its own
   connection, as service workers have) registering into one journal; numbers must come
   out gap-free and unique.

Results go to bench/results/documents.json.

``python -m bench documents upload [--size-mb 200]`` starts a private copy of the system and
compares a 200 MB upload through the gateway with a direct minio-client upload to the same
S3 server, sampling the resident memory of the gateway and the documents service meanwhile
(bench/results/documents_upload.json).
"""
import argparse
import json
import os
import random
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, select, text

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory, normalise_url
from chancery_common.migrations import ensure_database, upgrade

from .stats import summarise

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "documents.json"
SEARCH_P95_TARGET_MS = 100
WORDS = [
    "поставка", "бетон", "арматура", "договор", "подряд", "аренда", "склад", "услуги", "монтаж", "проект",
    "смета", "акт", "счёт", "оплата", "кран", "доставка", "щебень", "песок", "кирпич", "кровля", "фасад",
    "отделка", "электрика", "вентиляция", "водопровод", "supply", "concrete", "rebar", "contract", "lease",
    "warehouse", "services", "assembly", "design", "estimate", "invoice", "payment", "crane", "delivery",
    "gravel", "sand", "brick", "roofing", "facade", "finishing", "wiring", "ventilation", "plumbing"
]
STATUSES = ("draft", "on_approval", "approved", "signed", "in_execution", "completed", "archived")


def vocabulary(size=3000, seed=7):
    """Base words and numbered variants of them, so each word is in a small share of titles."""
    rng = random.Random(seed)
    return list(dict.fromkeys(WORDS + [f"{rng.choice(WORDS)}{n}" for n in range(size)]))


def generate(engine, *, target, seconds, batch, log, counterparties=None):
    """Insert documents in batches until ``target`` exist or ``seconds`` passed; returns the count.

    The documents belong to counterparties picked at random among ``counterparties`` (``(id,
    name)`` pairs, e.g. those of a counterparties database, so other services' data joins
    them), or by default among 5,000 made-up ones.
    """
    words = vocabulary()
    with engine.begin() as connection:
        types = connection.execute(text("SELECT id FROM document_types ORDER BY code")).scalars().all()
        if counterparties is None:
            connection.execute(text(
                "INSERT INTO counterparty_names (counterparty_id, name) "
                "SELECT gen_random_uuid(), 'ООО ' || w || ' ' || n "
                "FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS t(w, n)"
            ), {"words": words[:5000]})
        else:
            connection.execute(text(
                "INSERT INTO counterparty_names (counterparty_id, name) "
                "SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]))"
            ), {"ids": [str(cid) for cid, _ in counterparties], "names": [name for _, name in counterparties]})
        # the GIN index is rebuilt once after loading, as a bulk load would do
        connection.execute(text("DROP INDEX IF EXISTS ix_documents_search_type_status"))
    made, began = 0, time.monotonic()
    creator = uuid.uuid4()
    while made < target and time.monotonic() - began < seconds:
        size = min(batch, target - made)
        with engine.begin() as connection:
            connection.execute(text("""
                WITH cp AS (SELECT counterparty_id, row_number() OVER () AS n FROM counterparty_names),
                rows AS (
                  -- a counterparty by a random number joined to the numbered list (an array of
                  -- them all per row would be copied for every row: slow with 50,000)
                  SELECT g, 1 + floor(random() * (SELECT count(*) FROM cp))::int AS pick,
                         (CAST(:words AS text[]))[1 + floor(random() * :nwords)::int] || ' ' ||
                         (CAST(:words AS text[]))[1 + floor(random() * :nwords)::int] || ' ' ||
                         (CAST(:words AS text[]))[1 + floor(random() * :nwords)::int] || ' ' ||
                         (CAST(:words AS text[]))[1 + floor(random() * :nwords)::int] AS title
                  FROM generate_series(1, :size) AS g)
                INSERT INTO documents (id, type_id, title, status, counterparty_id, document_date, amount, currency,
                                       responsible_id, created_by, created_at, updated_at, extra, number)
                SELECT gen_random_uuid(), (CAST(:types AS uuid[]))[1 + (g % :ntypes)], title,
                       (CAST(:statuses AS text[]))[1 + floor(random() * :nstatuses)::int],
                       cp.counterparty_id,
                       DATE '2020-01-01' + floor(random() * 2500)::int, round((random() * 10000000)::numeric, 2),
                       'RUB', :creator, :creator, now() - random() * interval '2000 days', now(), '{}'::jsonb,
                       'GEN-' || :offset + g
                FROM rows JOIN cp ON cp.n = rows.pick
            """), {"words": words, "nwords": len(words), "size": size, "types": types, "ntypes": len(types),
                   "statuses": list(STATUSES), "nstatuses": len(STATUSES), "creator": creator, "offset": made})
        made += size
        log(f"{made} documents ({time.monotonic() - began:.0f} s)")
    generated_s = time.monotonic() - began
    log("computing the full-text vectors and building the GIN index ...")
    began = time.monotonic()
    with engine.begin() as connection:
        connection.execute(text("""
            UPDATE documents AS d SET search_vector =
                setweight(to_tsvector('simple', coalesce(d.number, '')), 'A')
                || setweight(to_tsvector('russian', d.title || ' ' || coalesce(c.name, '')), 'B')
                || setweight(to_tsvector('english', d.title || ' ' || coalesce(c.name, '')), 'B')
            FROM documents AS src LEFT JOIN counterparty_names AS c ON c.counterparty_id = src.counterparty_id
            WHERE d.id = src.id"""))
        connection.execute(text("CREATE INDEX ix_documents_search_type_status ON documents "
                                "USING gin (search_vector, type_id, status)"))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # as autovacuum would after such a load: the vectors' UPDATE left a dead version of every row
        connection.execute(text("VACUUM ANALYZE documents"))
    return made, generated_s, time.monotonic() - began, types, words


def measure_search(Session, *, types, words, queries, log):
    from documents import logic
    actor = Actor(id=uuid.uuid4(), roles=["director"], permissions=[])
    rng = random.Random(11)
    samples, hits = [], []
    for index in range(queries + 20):
        query = {"search": rng.choice(words), "status": [rng.choice(STATUSES)], "type_id": [rng.choice(types)],
                 "limit": 50, "offset": 0}
        with Session() as session:
            began = time.perf_counter()
            items, total = logic.list_documents(session, actor=actor, **query)
            elapsed = time.perf_counter() - began
        if index >= 20:  # the first ones warm the caches
            samples.append(elapsed)
            hits.append(total)
    result = summarise(samples)
    result["median_total"] = sorted(hits)[len(hits) // 2]
    result["target"] = f"p95 < {SEARCH_P95_TARGET_MS} ms"
    result["verdict"] = "met" if result["p95_ms"] < SEARCH_P95_TARGET_MS else "not met"
    log(f"search p95 {result['p95_ms']:.1f} ms (median {result['median_ms']:.1f} ms)")
    return result


def measure_registration(Session, *, registrars, per_registrar, log):
    from documents import logic, models
    actor = Actor(id=uuid.uuid4(), roles=["secretary"], permissions=["register_documents"])
    with Session() as session, session.begin():
        prefix = f"B{uuid.uuid4().hex[:5].upper()}"
        journal = models.Journal(code=prefix, name=f"Bench {prefix}", prefix=prefix)
        doc_type = models.DocumentType(code=f"bench_{prefix.lower()}", name=f"Bench {prefix}", kind="internal",
                                       journal=journal)
        session.add(doc_type)
        session.flush()
        type_id, journal_id = doc_type.id, journal.id
    start, failures, latencies = threading.Barrier(registrars), [], []

    def register():
        with Session() as own:
            start.wait()
            for _ in range(per_registrar):
                began = time.perf_counter()
                try:
                    with own.begin():
                        logic.create_document(own, actor=actor, data={"type_id": type_id, "title": "Bench letter"})
                except Exception as exc:  # counted below
                    failures.append(repr(exc))
                latencies.append(time.perf_counter() - began)

    threads = [threading.Thread(target=register) for _ in range(registrars)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    with Session() as session:
        sequences = session.scalars(select(models.Registration.sequence).where(
            models.Registration.journal_id == journal_id).order_by(models.Registration.sequence)).all()
    count = registrars * per_registrar
    result = {"registrars": registrars, "registrations": len(sequences), "failures": failures[:5],
              "per_second": len(sequences) / elapsed, "elapsed_s": elapsed, **summarise(latencies),
              "gap_free_and_unique": sequences == list(range(1, count + 1))}
    log(f"{result['per_second']:.0f} registrations/s by {registrars} registrars; gap-free and unique: "
        f"{result['gap_free_and_unique']}")
    return result


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["upload"]:  # 200 MB through the gateway against a direct upload
        return upload_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench documents", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432"),
                        help="the PostgreSQL server (a database of its own is created on it)")
    parser.add_argument("--documents", type=int, default=2_000_000)
    parser.add_argument("--generate-seconds", type=float, default=180)
    parser.add_argument("--batch", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--registrars", type=int, default=8)
    parser.add_argument("--per-registrar", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args(argv)

    def log(message):
        print(f"  {message}", flush=True)

    name = f"bench_documents_{uuid.uuid4().hex[:8]}"
    url = f"{args.url.rstrip('/')}/{name}"
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args)}
    print(f"Creating and migrating {name} ...", flush=True)
    ensure_database(url)
    upgrade(str(ROOT / "services" / "documents"), url)
    engine = make_engine(url, pool_size=args.registrars + 2)
    try:
        print("Generating documents ...", flush=True)
        made, generated_s, indexed_s, types, words = generate(
            engine, target=args.documents, seconds=args.generate_seconds, batch=args.batch, log=log)
        report["documents"] = {"generated": made, "asked": args.documents, "generate_s": round(generated_s, 1),
                               "index_s": round(indexed_s, 1),
                               "note": "the most this machine made in the time" if made < args.documents else ""}
        Session = make_session_factory(engine)
        print("Measuring registry search (text + status + type) ...", flush=True)
        report["search"] = measure_search(Session, types=types, words=words, queries=args.queries, log=log)
        print("Measuring concurrent registration ...", flush=True)
        report["registration"] = measure_registration(Session, registrars=args.registrars,
                                                      per_registrar=args.per_registrar, log=log)
    finally:
        engine.dispose()
        if not args.keep:
            admin = create_engine(normalise_url(f"{args.url.rstrip('/')}/postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    s, r, d = report["search"], report["registration"], report["documents"]
    print(f"\n{d['generated']} documents ({d['note'] or 'as asked'}); {report['machine']['cpus']} CPUs")
    print(f"  registry search p95 {s['p95_ms']:.1f} ms, median {s['median_ms']:.1f} ms "
          f"(target p95 < {SEARCH_P95_TARGET_MS} ms: {s['verdict']})")
    print(f"  registration {r['per_second']:.0f}/s with {r['registrars']} registrars, p95 {r['p95_ms']:.1f} ms; "
          f"gap-free and unique: {r['gap_free_and_unique']}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


# The 200 MB upload through the gateway against a direct upload to the same S3 server ----------

UPLOAD_RATIO_TARGET = 0.70
RSS_GROWTH_TARGET_MB = 64


def tree_rss_mb(pid):
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1024


class RssSampler(threading.Thread):
    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.peak, self.stopped = pids, dict.fromkeys(pids, 0.0), threading.Event()
        self.start_rss = {name: tree_rss_mb(pid) for name, pid in pids.items()}

    def run(self):
        while not self.stopped.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], tree_rss_mb(pid))
            self.stopped.wait(0.05)

    def growth(self):
        return {name: round(self.peak[name] - self.start_rss[name], 1) for name in self.pids}


def write_payload(path, size_mb):
    with open(path, "wb") as out:
        for _ in range(size_mb):
            out.write(os.urandom(1024 * 1024))


def write_multipart(path, source, filename):
    """A multipart/form-data body on disk (so the client streams it too); returns its boundary."""
    boundary = uuid.uuid4().hex
    with open(path, "wb") as out, open(source, "rb") as data:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                  "Content-Type: application/octet-stream\r\n\r\n".encode())
        while chunk := data.read(1024 * 1024):
            out.write(chunk)
        out.write(f"\r\n--{boundary}--\r\n".encode())
    return boundary


def measure_upload(size_mb, log):
    import tempfile

    import requests
    from minio import Minio

    from chancery_local.infra import StartupError

    from .environment import running_system
    limit = (size_mb + 16) * 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="chancery-upload-") as folder, \
            running_system(log=log, max_upload_bytes=limit) as system:
        profile = system.profile
        payload, body = Path(folder) / "payload.bin", Path(folder) / "body.multipart"
        write_payload(payload, size_mb)
        boundary = write_multipart(body, payload, "big.bin")
        email, password = "bench-upload@chancery.local", "bench-upload-password-1"
        system.create_administrator(email, password)
        http = requests.Session()
        login = http.post(f"{profile.gateway_url}/api/v1/auth/login", json={"email": email, "password": password},
                          timeout=30)
        login.raise_for_status()
        headers = {"X-CSRF-Token": login.json()["csrf_token"]}
        types = http.get(f"{profile.gateway_url}/api/v1/document-types/", timeout=30).json()["items"]
        memo = next(t["id"] for t in types if t["code"] == "memo")
        document = http.post(f"{profile.gateway_url}/api/v1/documents/", headers=headers, timeout=30,
                             json={"type_id": memo, "title": "Upload bench", "register": False}).json()
        client = Minio(profile.s3_endpoint, access_key=profile.s3_access_key, secret_key=profile.s3_secret_key,
                       secure=False, region="us-east-1")
        log(f"direct upload of {size_mb} MB with the minio client ...")
        began = time.monotonic()
        client.fput_object(profile.s3_bucket, f"bench/direct-{uuid.uuid4().hex}", str(payload))
        direct_s = time.monotonic() - began
        pids = {"gateway": system.processes["gateway"].pid, "documents": system.processes["documents"].pid}
        sampler = RssSampler(pids)
        sampler.start()
        url = f"{profile.gateway_url}/api/v1/documents/{document['id']}/files"
        log(f"upload of {size_mb} MB through the gateway as the request body ...")
        began = time.monotonic()
        with open(payload, "rb") as stream:
            response = http.post(url, data=stream, timeout=600, params={"filename": "big.bin"},
                                 headers={**headers, "Content-Length": str(payload.stat().st_size),
                                          "Content-Type": "application/octet-stream"})
        gateway_s = time.monotonic() - began
        sampler.stopped.set()
        sampler.join()
        if response.status_code != 201:
            raise StartupError(f"the upload through the gateway failed: {response.status_code} {response.text[:300]}")
        growth = sampler.growth()
        log(f"upload of {size_mb} MB through the gateway as a multipart form (the browser's way) ...")
        began = time.monotonic()
        with open(body, "rb") as stream:
            response = http.post(url, data=stream, timeout=600,
                                 headers={**headers, "Content-Length": str(body.stat().st_size),
                                          "Content-Type": f"multipart/form-data; boundary={boundary}"})
        form_s = time.monotonic() - began
        if response.status_code != 201:
            raise StartupError(f"the form upload through the gateway failed: {response.status_code} "
                               f"{response.text[:300]}")
    ratio = direct_s / gateway_s
    return {"size_mb": size_mb, "direct_s": round(direct_s, 2), "gateway_s": round(gateway_s, 2),
            "direct_mb_s": round(size_mb / direct_s, 1), "gateway_mb_s": round(size_mb / gateway_s, 1),
            "form_s": round(form_s, 2), "form_ratio": round(direct_s / form_s, 2),
            "throughput_ratio": round(ratio, 2), "ratio_target": f">= {UPLOAD_RATIO_TARGET}",
            "ratio_verdict": "met" if ratio >= UPLOAD_RATIO_TARGET else "not met",
            "rss_growth_mb": growth, "rss_target": f"< {RSS_GROWTH_TARGET_MB} MB each",
            "rss_verdict": "met" if all(v < RSS_GROWTH_TARGET_MB for v in growth.values()) else "not met"}


def upload_main(argv):
    parser = argparse.ArgumentParser(prog="python -m bench documents upload")
    parser.add_argument("--size-mb", type=int, default=200)
    args = parser.parse_args(argv)
    result = measure_upload(args.size_mb, log=lambda message: print(f"  {message}", flush=True))
    print(json.dumps(result, indent=2))
    path = RESULTS.with_name("documents_upload.json")
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                "load_average": round(os.getloadavg()[0], 2), **result}, indent=2) + "\n")
    return 0
