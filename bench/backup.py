"""``python -m bench backup``: how long backing up and restoring takes, against its floor.

Starts what a backup reads of a private copy of the system (its databases, migrated, on
the machine's PostgreSQL or an embedded one, and its S3 server; no broker, no services: the
backup needs neither), fills its databases
with the overview benchmark's generators (``--scale`` of the holding-scale volumes: 50,000
counterparties with persons, activities and history, up to 2,000,000 documents, 10,000
approvals, notifications, staff) and puts ``--objects`` objects of ``--object-kb`` KB of
random bytes into its bucket (the electronic copies; no file_versions rows are made for
them). Then it measures, each once:

- ``create``: ``chancery_local.backup.create`` (every database dumped at one snapshot with
  its rows counted, then every object copied with its SHA-256, the manifest);
- its floor: ``pg_dump --format=custom`` of the same databases and a plain copy of every
  object to files (the same client and number of copies at once, no checksum, no counts);
- ``restore``: ``chancery_local.backup.restore`` into databases and a bucket of their own
  (the running system is not touched): every file checked against the manifest, each
  database recreated and its rows compared, each object put back and read back;
- its floor: ``pg_restore`` of the same dumps into fresh databases and a plain put of every
  object (as many at once, not read back).

and extrapolates both to a holding (PRODUCT.md: 50,000 counterparties, 500,000 contact
persons, 10 million activities, 2 million documents, 5 million file versions): the
databases' time scaled by how many more rows there are (each database weighed by its rows;
its main tables' holding counts over those made, the others 1 / ``--scale``; fixed costs
scale too, so this overestimates), the objects' time by the holding's objects over the objects
copied (at the same size): 5 million originals and, beside each, at most two objects the
texts service derives (a searchable PDF of a scan, a thumbnail of a PDF or an image),
15 million in all; the derived ones are counted at the originals' size, which errs long (a
thumbnail is far smaller). The jobs service's result files expire within days and are few
beside them. Results go to bench/results/backup.json.
"""
import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chancery_common.database import normalise_url
from chancery_common.migrations import drop_database, ensure_database
from chancery_local import backup, infra
from chancery_local.infra import StartupError
from chancery_local.profile import DATABASES

from chancery_local.profile import BENCHMARK_S3_PORTS

from .environment import bench_profile, check_ports_free
from .overview import FULL, generate_all
from .stats import ratio

RESULTS = Path(__file__).resolve().parent / "results" / "backup.json"
# rows at holding scale (PRODUCT.md, "Scale it is built for") of the tables that make up
# most of a database; the other databases are scaled by 1 / --scale
HOLDING_ROWS = {
    "counterparties": {"counterparties": 50_000, "contact_persons": 500_000, "activities": 10_000_000,
                       "history_entries": 500_000},
    "documents": {"documents": 2_000_000},
}
HOLDING_FILE_VERSIONS = 5_000_000
# what the texts service stores under derived/ beside a version, at most: a searchable PDF
# (scans only) and a thumbnail (PDFs and images)
DERIVED_PER_VERSION = 2
HOLDING_OBJECTS = HOLDING_FILE_VERSIONS * (1 + DERIVED_PER_VERSION)
RESTORED_BUCKET = "chancery-bench-restored"


class Stores:
    """The databases and the object store of a private copy of the system."""

    def __init__(self, profile, database_urls):
        self.profile, self.database_urls = profile, database_urls


@contextlib.contextmanager
def stores(log):
    """Its migrated databases and its S3 server; all removed on exit."""
    check_ports_free(BENCHMARK_S3_PORTS)
    profile = bench_profile(tempfile.mkdtemp(prefix="chancery-bench-"))
    postgres = seaweedfs = None
    try:
        log("PostgreSQL ...")
        if profile.postgres_url:
            server_url = profile.postgres_url
        else:
            postgres = infra.EmbeddedPostgres(profile)
            server_url = postgres.start()
        log("S3 server (SeaweedFS) ...")
        seaweedfs = infra.start_seaweedfs(profile)
        log("Databases and migrations ...")
        yield Stores(profile, infra.migrate_all(profile, server_url))
    finally:
        if seaweedfs is not None:
            seaweedfs.terminate()
            seaweedfs.wait(30)
        for name in DATABASES:
            if profile.postgres_url:
                drop_database(infra.database_url(profile, profile.postgres_url, name))
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(profile.data_dir, ignore_errors=True)


def storage(profile):
    """A client of the system's object store, and its bucket."""
    from minio import Minio

    return (Minio(profile.s3_endpoint, access_key=profile.s3_access_key, secret_key=profile.s3_secret_key,
                  secure=False), profile.s3_bucket)


def make_objects(client, bucket, *, count, size, threads=8):
    """``count`` objects of ``size`` random bytes under documents/ (as the documents service keys them)."""
    if not client.bucket_exists(bucket):
        client.make_bucket(bucket)
    def put(_):
        data = os.urandom(size)
        client.put_object(bucket, f"documents/{uuid.uuid4()}/{uuid.uuid4()}", io.BytesIO(data), size)
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(put, range(count)))


def restored_urls(urls):
    """A database of its own for each restore: ``<name>_restored`` beside each database."""
    return {service: make_url(normalise_url(url)).set(database=f"{make_url(url).database}_restored")
            .render_as_string(hide_password=False) for service, url in urls.items()}


def floor_create(urls, client, bucket, root):
    """pg_dump of each database, then a plain copy of each object; returns (db seconds, object seconds)."""
    began = time.monotonic()
    (root / "databases").mkdir(parents=True)
    for service, url in urls.items():
        tool = backup.pg_tool("pg_dump", backup._server_major(url))
        subprocess.run([tool, "--format=custom", "--no-owner", f"--file={root / 'databases' / service}.dump",
                        f"--dbname={backup._libpq_url(url)}"], check=True, capture_output=True)
    databases_s = time.monotonic() - began
    began = time.monotonic()

    def copy(key):
        path = root / "objects" / key
        path.parent.mkdir(parents=True, exist_ok=True)
        client.fget_object(bucket, key, str(path))
    with ThreadPoolExecutor(backup.JOBS) as pool:
        list(pool.map(copy, (item.object_name for item in client.list_objects(bucket, recursive=True))))
    return databases_s, time.monotonic() - began


def floor_restore(urls, client, bucket, root, manifest):
    """pg_restore of each dump into a fresh database, then a plain put of each object."""
    began = time.monotonic()
    for service, url in urls.items():
        drop_database(url)
        ensure_database(url)
        tool = backup.pg_tool("pg_restore", backup._server_major(url))
        subprocess.run([tool, "--no-owner", "--exit-on-error", "--single-transaction",
                        f"--dbname={backup._libpq_url(url)}", str(root / "databases" / f"{service}.dump")],
                       check=True, capture_output=True)
    databases_s = time.monotonic() - began
    began = time.monotonic()
    if not client.bucket_exists(bucket):
        client.make_bucket(bucket)
    with ThreadPoolExecutor(backup.JOBS) as pool:
        list(pool.map(lambda key: client.fput_object(bucket, key, str(root / "objects" / key)), manifest["objects"]))
    return databases_s, time.monotonic() - began


def empty_bucket(client, bucket):
    if client.bucket_exists(bucket):
        for item in client.list_objects(bucket, recursive=True):
            client.remove_object(bucket, item.object_name)
        client.remove_bucket(bucket)


def holding_factors(manifest, scale):
    """{service: how many times its rows grow at holding scale}."""
    factors = {}
    for service, entry in manifest["databases"].items():
        wanted = HOLDING_ROWS.get(service)
        if wanted:
            made = sum(entry["tables"].get(table, 0) for table in wanted)
            factors[service] = sum(wanted.values()) / max(made, 1)
        else:
            factors[service] = 1 / scale
    return factors


def database_bytes(urls):
    """Each database's size on disk."""
    sizes = {}
    for service, url in urls.items():
        engine = create_engine(normalise_url(url))
        try:
            with engine.connect() as connection:
                sizes[service] = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        finally:
            engine.dispose()
    return sizes


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench backup", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.05, help="fraction of the holding-scale database volumes")
    parser.add_argument("--generate-seconds", type=float, default=120,
                        help="time for generating documents at most (the count made is reported)")
    parser.add_argument("--batch", type=int, default=50_000, help="documents generated per statement")
    parser.add_argument("--objects", type=int, default=2000, help="objects put into the bucket")
    parser.add_argument("--object-kb", type=int, default=256, help="size of each object in KB")
    args = parser.parse_args(argv)
    volumes = {name: max(10, int(count * args.scale)) for name, count in FULL.items()}
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args), "volumes": volumes}

    def log(message):
        print(f"  {message}", flush=True)

    work = Path(tempfile.mkdtemp(prefix="chancery-bench-backup-"))
    print("Starting the databases and the object store of a private copy of Chancery ...", flush=True)
    try:
        with stores(log) as system:
            admin_id = str(uuid.uuid4())  # the generated rows' author
            print("Generating the holding's data ...", flush=True)
            took, made = generate_all(system, volumes=volumes, measured=list(range(min(50, volumes["counterparties"]))),
                                      admin_id=admin_id, generate_seconds=args.generate_seconds, batch=args.batch,
                                      log=log)
            urls = dict(system.database_urls)
            client, bucket = storage(system.profile)
            log(f"{args.objects} objects of {args.object_kb} KB ...")
            make_objects(client, bucket, count=args.objects, size=args.object_kb * 1024)
            report["generated"] = {**took, "documents": made,
                                   "database_bytes": database_bytes(urls),
                                   "objects": args.objects, "object_bytes": args.objects * args.object_kb * 1024}
            restored = restored_urls(urls)
            try:
                report.update(measure(urls, restored, client, bucket, work, log))
            finally:
                for url in restored.values():
                    drop_database(url)
                empty_bucket(client, RESTORED_BUCKET)
    except StartupError as exc:
        print(f"The benchmark could not start: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["holding"] = extrapolate(report, args.scale)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print_report(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"Results in {RESULTS}")
    return 0


def measure(urls, restored, client, bucket, work, log):
    """Create and restore, each after its floor; {phase: seconds...}."""
    result = {}
    log("floor of create: pg_dump and a plain copy of the objects ...")
    floor_db, floor_objects = floor_create(urls, client, bucket, work / "floor")
    log("create: python -m chancery_local.backup create ...")
    began = time.monotonic()
    manifest = backup.create(work / "backup", urls, client, bucket)
    create_s = time.monotonic() - began
    # the objects' part of create alone, to split it from the databases' (the same function)
    began = time.monotonic()
    backup.backup_objects(client, bucket, work / "objects-again")
    create_objects_s = time.monotonic() - began
    result["create"] = {"total_s": round(create_s, 1), "objects_s": round(create_objects_s, 1),
                        "databases_s": round(max(create_s - create_objects_s, 0), 1),
                        "floor_databases_s": round(floor_db, 1), "floor_objects_s": round(floor_objects, 1),
                        "floor_total_s": round(floor_db + floor_objects, 1),
                        "ratio": round(ratio(create_s, floor_db + floor_objects), 2),
                        "rows": sum(sum(e["tables"].values()) for e in manifest["databases"].values()),
                        "dump_bytes": sum((work / "backup" / e["file"]).stat().st_size
                                          for e in manifest["databases"].values())}
    result["manifest_tables"] = {service: entry["tables"] for service, entry in manifest["databases"].items()}
    log("floor of restore: pg_restore and a plain put of the objects ...")
    floor_db, floor_objects = floor_restore(restored, client, RESTORED_BUCKET, work / "floor", manifest)
    empty_bucket(client, RESTORED_BUCKET)
    log("restore: python -m chancery_local.backup restore ...")
    began = time.monotonic()
    backup.restore(work / "backup", restored, client, RESTORED_BUCKET)
    restore_s = time.monotonic() - began
    empty_bucket(client, RESTORED_BUCKET)
    began = time.monotonic()
    backup.restore_objects(client, RESTORED_BUCKET, work / "backup", manifest["objects"])
    restore_objects_s = time.monotonic() - began
    result["restore"] = {"total_s": round(restore_s, 1), "objects_s": round(restore_objects_s, 1),
                         "databases_s": round(max(restore_s - restore_objects_s, 0), 1),
                         "floor_databases_s": round(floor_db, 1), "floor_objects_s": round(floor_objects, 1),
                         "floor_total_s": round(floor_db + floor_objects, 1),
                         "ratio": round(ratio(restore_s, floor_db + floor_objects), 2)}
    return result


def extrapolate(report, scale):
    """Hours at holding scale: the databases' time times their growth in rows (each weighed by
    its rows), plus the objects' time times the holding's objects (originals and derived) over
    the objects copied."""
    manifest = {"databases": {service: {"tables": tables} for service, tables in report["manifest_tables"].items()}}
    factors = holding_factors(manifest, scale)
    rows = {service: sum(tables.values()) for service, tables in report["manifest_tables"].items()}
    objects_factor = HOLDING_OBJECTS / report["generated"]["objects"]
    holding = {"database_growth": {service: round(factor, 1) for service, factor in factors.items()},
               "objects_at_holding": {"originals": HOLDING_FILE_VERSIONS,
                                      "derived": HOLDING_FILE_VERSIONS * DERIVED_PER_VERSION},
               "objects_factor": objects_factor,
               "object_bytes_at_holding": HOLDING_OBJECTS * report["parameters"]["object_kb"] * 1024}
    for phase in ("create", "restore"):
        measured = report[phase]
        weight = sum(rows[s] * factors[s] for s in rows) / sum(rows.values())
        databases_h = measured["databases_s"] * weight / 3600
        objects_h = measured["objects_s"] * objects_factor / 3600
        floor_h = (measured["floor_databases_s"] * weight + measured["floor_objects_s"] * objects_factor) / 3600
        holding[phase] = {"databases_h": round(databases_h, 2), "objects_h": round(objects_h, 1),
                          "total_h": round(databases_h + objects_h, 1), "floor_total_h": round(floor_h, 1)}
    return holding


def print_report(report):
    generated = report["generated"]
    print(f"\nData: {report['create']['rows']} rows in {len(generated['database_bytes'])} databases "
          f"({sum(generated['database_bytes'].values()) / 2**20:.0f} MB on disk, dumps "
          f"{report['create']['dump_bytes'] / 2**20:.0f} MB), {generated['objects']} objects "
          f"({generated['object_bytes'] / 2**20:.0f} MB); {generated['documents']} documents")
    print(f"{'':<10}{'databases s':>13}{'objects s':>11}{'total s':>9}{'floor s':>9}{'ratio':>7}")
    for phase in ("create", "restore"):
        row = report[phase]
        print(f"{phase:<10}{row['databases_s']:>13}{row['objects_s']:>11}{row['total_s']:>9}"
              f"{row['floor_total_s']:>9}{row['ratio']:>7}")
    holding = report["holding"]
    for phase in ("create", "restore"):
        row = holding[phase]
        print(f"at holding scale, {phase}: databases {row['databases_h']} h + objects {row['objects_h']} h "
              f"= {row['total_h']} h (floor {row['floor_total_h']} h)")
