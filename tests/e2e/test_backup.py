"""Backup and restore, proven: a populated system is backed up, wiped (every database
dropped, every object removed) and restored; every document's file, every audit chain,
every table's rows, a job's result file and the texts service's derived files are as they
were."""
import hashlib
import subprocess
import sys

import pytest
from minio import Minio
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_common.migrations import drop_database
from chancery_local import backup
from chancery_local.profile import DATABASES, SERVICES

pytestmark = pytest.mark.system

def object_store(profile):
    return Minio(profile.s3_endpoint, access_key=profile.s3_access_key, secret_key=profile.s3_secret_key,
                 secure=False)


def file_versions(url):
    """(object key, SHA-256) of every version of every document's file."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return sorted(connection.execute(text("SELECT object_key, sha256 FROM file_versions")).all())
    finally:
        engine.dispose()


def one_row(url, query, **params):
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(text(query), params).one()
    finally:
        engine.dispose()


def read_object(client, bucket, key):
    response = client.get_object(bucket, key)
    try:
        return response.read()
    finally:
        response.close()
        response.release_conn()


def table_counts(url):
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return backup._table_counts(connection)
    finally:
        engine.dispose()


def database_exists(url):
    from sqlalchemy.engine import make_url

    target = make_url(normalise_url(url))
    engine = create_engine(target.set(database="postgres"))
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                      {"name": target.database}).first() is not None
    finally:
        engine.dispose()


def test_a_wiped_system_is_restored_from_its_backup_exactly(admin, unique, system, tmp_path, text_pdf,
                                                            eventually):
    counterparty = admin.post("/counterparties/", json={"name": f"Backed Up LLC {unique}"}).json()
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Kept {unique}",
                                               "counterparty_id": counterparty["id"], "register": False}).json()
    pdf = text_pdf(f"Kept delivery of gravel {unique}")
    uploaded = admin.post(f"/documents/{document['id']}/files", params={"filename": "kept.pdf"},
                          data=pdf, headers={"Content-Type": "application/octet-stream"})
    assert uploaded.status_code == 201, uploaded.text
    version = uploaded.json()
    # the jobs service's data: an export done, its file in the store
    job, exported = admin.run_job("/counterparties/export", json={"search": f"Backed Up LLC {unique}"})
    assert job["state"] == "done" and exported.status_code == 200, job
    # the texts service's data: the PDF's text read and its thumbnail stored under derived/
    read = eventually(lambda: next((v for f in admin.get(f"/documents/{document['id']}").json()["files"]
                                    for v in f["versions"] if v["id"] == version["id"]
                                    and v["text_state"] in ("done", "failed")), None), timeout=120)
    assert read["text_state"] == "done" and read["has_thumbnail"], read

    urls = system.database_urls
    client, bucket = object_store(system.profile), system.profile.s3_bucket
    versions = file_versions(urls["documents"])
    assert version["sha256"] in {sha256 for _, sha256 in versions}
    (result_key,) = one_row(urls["jobs"], "SELECT result_key FROM jobs WHERE id = :id", id=job["id"])
    derived_keys = [key for key in one_row(urls["texts"], "SELECT rendition_key, thumbnail_key FROM extractions "
                                                          "WHERE version_id = :id", id=version["id"]) if key]
    assert result_key.startswith("jobs/") and derived_keys and all(k.startswith("derived/") for k in derived_keys)
    derived = {key: read_object(client, bucket, key) for key in [result_key, *derived_keys]}
    assert derived[result_key] == exported.content
    manifest = backup.create(tmp_path / "backup", urls, client, bucket)
    assert set(manifest["databases"]) == set(DATABASES)  # every service's and the gateway's key store
    assert {key for key, _ in versions} <= set(manifest["objects"])
    for key, content in derived.items():
        assert manifest["objects"][key]["sha256"] == hashlib.sha256(content).hexdigest(), key
    assert manifest["databases"]["jobs"]["tables"]["jobs"] >= 1
    assert manifest["databases"]["texts"]["tables"]["extractions"] >= 1
    counts = {service: table_counts(url) for service, url in urls.items()}
    assert counts["documents"]["file_versions"] == manifest["databases"]["documents"]["tables"]["file_versions"]

    # wipe: the services stop, their databases and every object go
    for service in SERVICES:
        system.stop_process(service)
    try:
        for url in urls.values():
            drop_database(url)
            assert not database_exists(url)
        for item in list(client.list_objects(bucket, recursive=True)):
            client.remove_object(bucket, item.object_name)
        assert list(client.list_objects(bucket, recursive=True)) == []

        backup.restore(tmp_path / "backup", urls, client, bucket)
        # counted before the services run again (their timers soon add rows: a seal of the
        # reads audited before the backup, for one)
        restored = {service: table_counts(url) for service, url in urls.items()}
    finally:
        for service in SERVICES:
            system.start_process(service)

    # every table has its rows, every audit chain is whole, every file is byte for byte back
    assert restored == {service: entry["tables"] for service, entry in manifest["databases"].items()}
    # the services that keep records people change keep an audit chain (the workers that only
    # derive from them, texts and jobs, and the gateway's key store have none)
    chained = [service for service in SERVICES if "audit_log" in restored[service]]
    assert set(chained) >= {"staff", "counterparties", "documents", "approvals", "notifications", "webhooks"}
    for service in chained:
        url = urls[service]
        verified = subprocess.run([sys.executable, "-m", "chancery_common.audit", "verify", url],
                                  capture_output=True, text=True)
        assert verified.returncode == 0, (service, verified.stdout, verified.stderr)
    assert file_versions(urls["documents"]) == versions
    for key, sha256 in versions:
        response = client.get_object(bucket, key)
        try:
            assert hashlib.sha256(response.read()).hexdigest() == sha256, key
        finally:
            response.close()
            response.release_conn()
    content = admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/content")
    assert content.status_code == 200 and content.content == pdf
    # the job's result and the derived files, byte for byte, in the store and through the gateway
    for key, content in derived.items():
        assert read_object(client, bucket, key) == content, key
    assert admin.get(job["result_url"][len("/api/v1"):]).content == exported.content
    thumbnail = admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/thumbnail")
    assert thumbnail.status_code == 200 and thumbnail.content in derived.values()
    assert admin.get(f"/counterparties/{counterparty['id']}").json()["name"] == f"Backed Up LLC {unique}"


def test_a_backup_whose_files_changed_is_refused_before_anything_is_touched(system, tmp_path):
    client, bucket = object_store(system.profile), system.profile.s3_bucket
    root = tmp_path / "backup"
    backup.create(root, {"staff": system.database_urls["staff"]}, client, bucket)
    dump = root / "databases" / "staff.dump"
    dump.write_bytes(dump.read_bytes() + b"tampered")
    with pytest.raises(backup.BackupError, match="staff differs"):
        backup.restore(root, {"staff": "postgresql://nobody@127.0.0.1:1/never"}, client, bucket)
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.create(root, {}, client, bucket)
