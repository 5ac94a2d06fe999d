"""Fault injection: each test runs a stream of writes through the gateway, injects one kind of
fault, and counts the effects against the accepted requests: none lost, none done twice,
every process alive afterwards, writes accepted again and every event handled within
RECOVERY_SECONDS. The numbers are printed (``FAULT {...}``) and quoted in docs/reliability.md.
"""
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta

import requests
from sqlalchemy import text
from sqlalchemy.orm import Session

from chancery_local import infra
from chancery_local.profile import SERVICES

from tests.conftest import wait_until
from tests.faults.conftest import (KEY_LEASE_PATIENCE, RECOVERY_SECONDS, WriteStream, assert_all_alive,
                                   assert_each_done_once, assert_intact, dead_letter_count, report)

# the writes of the stream tests: what issue 15's load was (creations, registrations, approvals started)
MIXED = ("counterparty", "document", "approval")



def kill_9(system, name):
    process = system.processes[name]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(15)


def refusal_counts(stream):
    """How the stream's requests were refused: status (with or without Retry-After) -> count."""
    return dict(Counter(f"{status}{'' if retry_after or not isinstance(status, int) else ' without Retry-After'}"
                        for status, retry_after in stream.refusals))


def restart(system, name):
    """What a supervisor (or a container's restart policy) does: start it again."""
    system.start_process(name)
    if name == "gateway":
        infra.wait_for_gateway(system.profile.gateway_url, timeout=RECOVERY_SECONDS)


def test_kill_9_of_every_process_during_a_write_stream(fault_system, fault_admin, stream, effects):
    recoveries = {}
    with stream("kill", writers=2, kinds=MIXED) as writes:
        writes.wait_for_accepted(5)
        for name in (*SERVICES, "gateway"):
            time.sleep(0.3)  # a few writes in flight when it dies
            kill_9(fault_system, name)
            time.sleep(1)
            started = time.monotonic()
            restart(fault_system, name)
            writes.wait_for_accepted(3, timeout=RECOVERY_SECONDS)
            recoveries[name] = round(time.monotonic() - started, 1)
            assert fault_system.exited() == [], f"after kill -9 of {name}: {fault_system.exited()} died"
    ghosts = effects(writes).tally()["refused_but_done"]
    # a client's retry: each refused request sent again with its key (one the killed gateway
    # held is answered 409 until the key's lease ends)
    writes.resend_refused(patience=KEY_LEASE_PATIENCE)
    tally = effects(writes).settled()
    report("kill -9 of each process", recovery_seconds=recoveries, refused_but_done_before_the_resend=ghosts,
           refusals=refusal_counts(writes), resent=writes.resent_summary(), **tally)
    # each write carries its own Idempotency-Key: one its service committed but had not
    # acknowledged when killed is delivered again, recognised and not done twice
    assert_intact(tally)
    assert_each_done_once(writes, effects(writes))
    assert_all_alive(fault_system, fault_admin)
    assert max(recoveries.values()) <= RECOVERY_SECONDS


def test_a_write_delivered_again_after_its_service_died_is_not_done_twice(fault_system, stream, effects):
    """The counterparties service killed again and again under four writers: a request it had
    committed but not yet acknowledged is delivered again when it is back (RPC requests are
    acknowledged after the reply). Each request carries an Idempotency-Key; the service must
    answer the second delivery with what the first one made."""
    with stream("again", writers=4) as writes:
        writes.wait_for_accepted(5)
        for _ in range(8):
            time.sleep(0.5)
            kill_9(fault_system, "counterparties")
            restart(fault_system, "counterparties")
            writes.wait_for_accepted(2, timeout=RECOVERY_SECONDS)
    ghosts = effects(writes).tally()["refused_but_done"]
    writes.resend_refused(patience=KEY_LEASE_PATIENCE)
    tally = effects(writes).settled()
    report("kill -9 of the writing service, eight times", refused_but_done_before_the_resend=ghosts,
           resent=writes.resent_summary(), **tally)
    assert_intact(tally)
    assert_each_done_once(writes, effects(writes))


def test_three_broker_restarts_under_load(fault_system, fault_admin, stream, effects):
    recoveries = []
    with stream("broker", writers=4, kinds=MIXED) as writes:
        writes.wait_for_accepted(5)
        for _ in range(3):
            fault_system.broker.restart()
            started = time.monotonic()
            writes.wait_for_accepted(3, timeout=RECOVERY_SECONDS)
            recoveries.append(round(time.monotonic() - started, 1))
            assert fault_system.exited() == [], f"after a broker restart: {fault_system.exited()} died"
    # a reply lost with the broker leaves a ghost write: refused, yet made
    ghosts = effects(writes).tally()["refused_but_done"]
    writes.resend_refused(patience=KEY_LEASE_PATIENCE)
    tally = effects(writes).settled()
    report("three broker restarts", recovery_seconds=recoveries, refused_but_done_before_the_resend=ghosts,
           refusals=refusal_counts(writes), resent=writes.resent_summary(), **tally)
    assert_intact(tally)
    # sent again with its key, a ghost write is answered with the record it made, not a second one
    assert_each_done_once(writes, effects(writes))
    assert_all_alive(fault_system, fault_admin)


def test_a_postgresql_restart_under_load(fault_system, fault_admin, stream, effects):
    with stream("postgres", writers=4, kinds=MIXED) as writes:
        writes.wait_for_accepted(5)
        fault_system.postgres.restart()
        started = time.monotonic()
        writes.wait_for_accepted(3, timeout=RECOVERY_SECONDS)
        recovery = round(time.monotonic() - started, 1)
        time.sleep(1)
    ghosts = effects(writes).tally()["refused_but_done"]
    refusals = refusal_counts(writes)
    writes.resend_refused(patience=KEY_LEASE_PATIENCE)
    tally = effects(writes).settled()
    report("PostgreSQL restart", recovery_seconds=recovery, refused_but_done_before_the_resend=ghosts,
           refusals=refusals, resent=writes.resent_summary(), **tally)
    assert_intact(tally)
    # a database that restarts is an outage: each refusal a 503 with Retry-After, never a 502 or a 500
    assert writes.refusals, "the restart refused nothing: it was not seen"
    assert all(status == 503 and retry_after for status, retry_after in writes.refusals), refusals
    assert_each_done_once(writes, effects(writes))
    assert_all_alive(fault_system, fault_admin)


def test_a_crash_between_commit_and_publish(fault_system, fault_admin, databases, unique, effects):
    """The counterparties service commits creations whose events it cannot publish (the
    broker refuses its exchange: a topic permission), and is killed with them in its outbox.
    Started again with the broker fixed, it publishes each once, and each is handled once."""
    broker = fault_system.broker
    broker.ctl("set_topic_permissions", "-p", "/", "guest", "counterparties.events", "^$", ".*")
    # RabbitMQ remembers a channel's topic authorisations: a relay channel that already
    # published counterparty.created would still be let through. Start the service afresh.
    kill_9(fault_system, "counterparties")
    restart(fault_system, "counterparties")
    writes = WriteStream(fault_system.profile.gateway_url, f"Fault outbox {unique}")
    try:
        for n in range(10):
            name = f"{writes.prefix} 0-{n}"
            writes.sent[name] = ("counterparty", "/counterparties/", {"name": name}, None)
            response = writes.client.post("/counterparties/", json={"name": name})
            assert response.status_code == 201, response.text
            writes.accepted[name] = response.json()["id"]
        ids = list(writes.accepted.values())

        def unpublished():
            with databases["counterparties"].connect() as connection:
                return connection.execute(text(
                    "SELECT count(*) FROM outbox WHERE published_at IS NULL AND event_type = 'counterparty.created' "
                    "AND payload->>'counterparty_id' = ANY(:ids)"), {"ids": ids}).scalar()
        time.sleep(2)  # time enough for the relay to have tried
        assert unpublished() == len(ids)  # committed, not published
        kill_9(fault_system, "counterparties")
    finally:
        broker.ctl("clear_topic_permissions", "-p", "/", "guest", "counterparties.events")
    started = time.monotonic()
    restart(fault_system, "counterparties")
    tally = effects(writes).settled()
    recovery = round(time.monotonic() - started, 1)
    report("crash between commit and publish", recovery_seconds=recovery, held_in_outbox=len(ids), **tally)
    assert unpublished() == 0
    assert_intact(tally)
    assert recovery <= RECOVERY_SECONDS
    assert_all_alive(fault_system, fault_admin)


class UploadStream:
    """Uploads files to one document from a thread, one after another; keeps what was accepted."""

    def __init__(self, client, document_id, size=1024 * 1024):
        self.client, self.document_id, self.size = client, document_id, size
        self.accepted, self.refused = {}, []  # version id -> sha256
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        n = 0
        while not self._stop.is_set():
            n += 1
            body = b"%PDF-1.4\n" + hashlib.sha256(str(n).encode()).digest() * (self.size // 32)
            try:
                response = self.client.post(f"/documents/{self.document_id}/files", params={"filename": f"f{n}.pdf"},
                                            data=body, headers={"Content-Type": "application/octet-stream"}, timeout=20)
            except requests.RequestException as exc:
                self.refused.append(type(exc).__name__)
                continue
            if response.status_code == 201:
                self.accepted[response.json()["id"]] = hashlib.sha256(body).hexdigest()
            else:
                self.refused.append(response.status_code)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(60)


def test_kill_documents_mid_upload_then_the_orphan_sweep(fault_system, fault_admin, databases, unique):
    from documents import files
    from documents.storage import Storage

    profile = fault_system.profile
    memo = next(t for t in fault_admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = fault_admin.post("/documents/", json={"type_id": memo["id"], "title": f"Uploads {unique}",
                                                     "register": False})
    assert document.status_code == 201, document.text
    document_id = document.json()["id"]
    storage = Storage.from_config({"S3_ENDPOINT": profile.s3_endpoint, "S3_ACCESS_KEY": profile.s3_access_key,
                                   "S3_SECRET_KEY": profile.s3_secret_key, "S3_BUCKET": profile.s3_bucket})

    with UploadStream(fault_admin, document_id, size=4 * 1024 * 1024) as uploads:
        wait_until(lambda: len(uploads.accepted) >= 2, timeout=RECOVERY_SECONDS)
        for _ in range(2):
            time.sleep(0.3)  # an upload in flight: its bytes on their way to S3
            kill_9(fault_system, "documents")
            # down for longer than an upload waits for its attach: it fails, its bytes stay behind
            time.sleep(float(profile.extra_env["UPLOAD_TIMEOUT"]) + 1)
            started = time.monotonic()
            restart(fault_system, "documents")
            before = len(uploads.accepted)
            wait_until(lambda before=before: len(uploads.accepted) > before, timeout=RECOVERY_SECONDS)
            recovery = round(time.monotonic() - started, 1)
            assert fault_system.exited() == []

    def stored():
        with databases["documents"].connect() as connection:
            rows = connection.execute(text(
                "SELECT v.id::text, v.object_key, v.sha256 FROM file_versions v "
                "JOIN document_files f ON f.id = v.file_id WHERE f.document_id = :d"), {"d": document_id}).all()
        return {row[0]: (row[1], row[2]) for row in rows}

    versions = stored()
    objects_before = {key for key, _ in storage.keys(f"documents/{document_id}/")}
    with Session(databases["documents"]) as session:
        removed = files.sweep_orphans(session, storage=storage, older_than=timedelta(0))
    objects_after = {key for key, _ in storage.keys(f"documents/{document_id}/")}
    report("kill -9 of documents mid-upload, then the orphan sweep", accepted=len(uploads.accepted),
           refused=len(uploads.refused), refused_but_done=len(set(versions) - set(uploads.accepted)),
           versions=len(versions), orphans_removed=removed, recovery_seconds=recovery)

    assert uploads.accepted, "no upload was accepted"
    assert removed >= 1, "no upload was cut off: the sweep had nothing to do"
    # every accepted upload is one version, with its bytes; no version without them
    assert set(uploads.accepted) <= set(versions)
    assert all(versions[vid][1] == sha for vid, sha in uploads.accepted.items())
    assert {key for key, _ in versions.values()} == objects_after
    assert removed == len(objects_before - objects_after)
    checked = subprocess.run(
        [sys.executable, "-m", "documents.integrity"], capture_output=True, text=True, timeout=120,
        env={**os.environ, "DOCUMENTS_DATABASE_URL": fault_system.database_urls["documents"],
             "S3_ENDPOINT": profile.s3_endpoint, "S3_ACCESS_KEY": profile.s3_access_key,
             "S3_SECRET_KEY": profile.s3_secret_key, "S3_BUCKET": profile.s3_bucket, "S3_SECURE": "false"})
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert_all_alive(fault_system, fault_admin)


def test_nothing_was_dead_lettered_by_the_faults(fault_system):
    """Passing faults are waited out, not mistaken for poison (runs last in the module)."""
    assert dead_letter_count(fault_system)["events"] == 0
