"""``python -m bench intake``: how long a mail takes from arriving in the mailbox to its draft
being visible in the review queue, and what the intake's path costs against the bare IMAP work.

Starts Debian's dovecot over TLS on the loopback (tests/intake/dovecot.py), SeaweedFS and
fresh intake and counterparties databases on the machine's PostgreSQL, and runs the intake
service's own pollers (``IntakeService.poll``) in this process, as a replica runs them:

- **floor**: the least any intake must do per message, with the bare libraries: imaplib's
  ``UID FETCH BODY.PEEK[]`` and ``UID MOVE`` to another folder over the same TLS connection,
  one S3 PUT of the message's bytes (minio) and one committed INSERT of a row naming it
  (psycopg): taking a message once, durably, and moving it away;
- **project**: the intake's poll of the same number of messages: fetch, parse, the files
  stored in S3, the counterparty asked for (the counterparties' real query), the item, its
  files, its `received` row and its events committed, then the message moved;
- **latency**: one message appended at a time while a poller runs every ``--interval``
  seconds (the service's INTAKE_POLL_SECONDS): the time until its draft is in the queue;
- **the queue during a batch**: the review queue's list query timed while a poll takes in
  ``--messages`` messages at once, against the same query idle (a large batch must not block
  the secretaries).

Writes bench/results/intake.json. Needs dovecot-imapd (scripts/test installs it).
"""
import argparse
import email.message
import imaplib
import importlib.util
import json
import os
import platform
import shutil
import ssl
import statistics
import tempfile
import threading
import time
import uuid
import warnings
from datetime import datetime, timezone
from pathlib import Path

from .stats import verdict

warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "intake.json"
# the intake's whole path per message may cost at most this many times the bare IMAP work
RATIO_TARGET = 3.0
POSTGRES_URL = os.environ.get("CHANCERY_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _message(server, number, attachment):
    message = email.message.EmailMessage()
    message["From"], message["To"] = f"Sender {number} <sender{number}@example.test>", server.user
    message["Subject"] = f"Письмо {number}"
    message.set_content(f"Исх. № {number}/7 от 01.12.2026\nИНН 7707083893\n")
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename=f"letter-{number}.pdf")
    return message.as_bytes()


def _connect(server):
    connection = imaplib.IMAP4_SSL("127.0.0.1", server.port,
                                   ssl_context=ssl.create_default_context(cafile=str(server.cert)))
    connection.login(server.user, server.password)
    return connection


def _append(server, messages):
    connection = _connect(server)
    for raw in messages:
        connection.append("INBOX", None, None, raw)
    connection.logout()


def measure_floor(server, count, storage, database_url):
    import io

    import psycopg
    connection = _connect(server)
    connection.create('"Floor"')
    connection.select('"INBOX"')
    uids = connection.uid("SEARCH", None, "ALL")[1][0].split()[:count]
    database = psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://"))
    database.execute("CREATE TABLE floor_taken (uid bigint PRIMARY KEY, object_key text NOT NULL)")
    database.commit()
    started = time.perf_counter()
    for uid in uids:
        raw = next(part[1] for part in connection.uid("FETCH", uid.decode(), "(BODY.PEEK[])")[1]
                   if isinstance(part, tuple))
        key = f"intake/floor/{uid.decode()}"
        storage.client.put_object(storage.bucket, key, io.BytesIO(raw), len(raw), content_type="message/rfc822")
        database.execute("INSERT INTO floor_taken VALUES (%s, %s)", (int(uid), key))
        database.commit()
        connection.uid("MOVE", uid.decode(), '"Floor"')
    seconds = time.perf_counter() - started
    database.close()
    connection.logout()
    return seconds, len(uids)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench intake", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100, help="messages in the floor's and the project's batch")
    parser.add_argument("--samples", type=int, default=10, help="single messages timed for the latency")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls (INTAKE_POLL_SECONDS)")
    args = parser.parse_args(argv)

    from sqlalchemy import func, select
    from sqlalchemy.engine import make_url

    from chancery_common.actor import Actor
    from chancery_common.database import make_engine, make_session_factory
    from chancery_common.migrations import drop_database, ensure_database, upgrade
    from chancery_local import infra
    from chancery_local.profile import Profile
    from counterparties import sender_match
    from intake import logic, rules
    from intake.models import Item
    from intake.service import IntakeService
    from intake.storage import Storage

    from . import scans

    dovecot = _load("bench_dovecot", ROOT / "tests" / "intake" / "dovecot.py")
    scratch = Path(tempfile.mkdtemp(prefix="chancery-bench-intake-"))
    os.chmod(scratch, 0o755)
    profile = Profile(data_dir=scratch / "data", s3_ports=infra.free_s3_ports())
    suffix = uuid.uuid4().hex[:8]
    urls = {name: make_url(POSTGRES_URL).set(database=f"chancery_bench_{name}_{suffix}")
            .render_as_string(hide_password=False) for name in ("intake", "counterparties")}
    seaweed = server = None
    engines = []
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                          "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args)}
    try:
        for name, url in urls.items():
            ensure_database(url)
            upgrade(ROOT / "services" / name, url)
        seaweed = infra.start_seaweedfs(profile)
        storage = Storage.from_config({"S3_ENDPOINT": profile.s3_endpoint, "S3_ACCESS_KEY": profile.s3_access_key,
                                       "S3_SECRET_KEY": profile.s3_secret_key, "S3_BUCKET": profile.s3_bucket})
        storage.ensure_bucket()
        (scratch / "dovecot").mkdir()
        server = dovecot.Dovecot(scratch / "dovecot")
        engines = [make_engine(urls["intake"], pool_size=4), make_engine(urls["counterparties"], pool_size=2)]
        sessions = make_session_factory(engines[0])
        counterparty_sessions = make_session_factory(engines[1])

        class Counterparties:
            def match_sender(self, query):
                session = counterparty_sessions()
                try:
                    found = sender_match.match(session, **sender_match.SenderQuerySchema().load(query))
                    return None if found is None else sender_match.SenderMatchSchema().dump(found)
                finally:
                    session.close()

        def replica():
            service = IntakeService()
            service.db, service.storage, service.counterparties = sessions(), storage, Counterparties()
            service.config = {"INTAKE_LEASE_SECONDS": 300}
            return service

        admin = Actor(id=uuid.uuid4(), roles=["administrator"], permissions=["register_documents"])
        with sessions() as session, session.begin():
            rules.create_source(session, actor=admin, data={
                "name": "bench", "kind": "imap", "password": server.password,
                "settings": server.settings(max_messages=max(args.messages, 1))})
        attachment = scans.save([scans.page(["Письмо о поставке", "ИНН 7707083893"], seed=1)], "pdf")
        report["parameters"]["attachment_bytes"] = len(attachment)

        def drafts():
            with sessions() as session:
                return session.scalar(select(func.count()).select_from(Item))

        print(f"Floor: fetch, store, record and move {args.messages} messages with the bare libraries ...",
              flush=True)
        _append(server, [_message(server, n, attachment) for n in range(args.messages)])
        floor_seconds, floor_count = measure_floor(server, args.messages, storage, urls["intake"])

        print(f"Project: the intake's poll of {args.messages} messages ...", flush=True)
        _append(server, [_message(server, n, attachment) for n in range(args.messages)])
        service = replica()
        started = time.perf_counter()
        service.poll()
        project_seconds = time.perf_counter() - started
        project_count = drafts()

        print(f"Latency: {args.samples} single messages, a poll every {args.interval} s ...", flush=True)
        stop = threading.Event()

        def poller():
            poller_service = replica()
            while not stop.is_set():
                poller_service.poll()
                stop.wait(args.interval)

        thread = threading.Thread(target=poller, daemon=True)
        thread.start()
        latencies = []
        for n in range(args.samples):
            before = drafts()
            _append(server, [_message(server, 10_000 + n, attachment)])
            arrived = time.perf_counter()
            while drafts() == before:
                time.sleep(0.02)
            latencies.append(time.perf_counter() - arrived)
            time.sleep(args.interval * (n % 3) / 3)  # arrivals at different moments of the poll cycle
        stop.set()
        thread.join(30)

        print(f"The queue's list query idle, and during a poll of {args.messages} messages ...", flush=True)
        reviewer = Actor(id=uuid.uuid4(), roles=["secretary"], permissions=["register_documents"])

        def list_query_ms():
            with sessions() as session:
                started = time.perf_counter()
                logic.list_items(session, actor=reviewer, status=["new"], limit=50)
                return (time.perf_counter() - started) * 1000

        idle = [list_query_ms() for _ in range(30)]
        _append(server, [_message(server, 20_000 + n, attachment) for n in range(args.messages)])
        busy, batch = [], threading.Thread(target=lambda: replica().poll())
        batch.start()
        while batch.is_alive():
            busy.append(list_query_ms())
            time.sleep(0.05)
        batch.join()
    finally:
        for engine in engines:
            engine.dispose()
        if server is not None:
            server.stop()
        if seaweed is not None:
            seaweed.terminate()
            seaweed.wait(15)
        for url in urls.values():
            drop_database(url)
        shutil.rmtree(scratch, ignore_errors=True)

    per_floor = floor_seconds / max(floor_count, 1) * 1000
    per_project = project_seconds / max(project_count, 1) * 1000
    latencies.sort()
    report["results"] = {
        "floor": {"messages": floor_count, "seconds": round(floor_seconds, 2), "ms_per_message": round(per_floor, 1)},
        "project": {"messages": project_count, "seconds": round(project_seconds, 2),
                    "ms_per_message": round(per_project, 1)},
        "latency_seconds": {"median": round(statistics.median(latencies), 2),
                            "max": round(latencies[-1], 2), "poll_interval": args.interval},
        "queue_list_ms": {"idle_median": round(statistics.median(idle), 1),
                          "during_batch_median": round(statistics.median(busy), 1) if busy else None,
                          "during_batch_max": round(max(busy), 1) if busy else None, "samples_during_batch": len(busy)},
    }
    report["ratio"] = round(per_project / per_floor, 2)
    report["verdict"] = verdict(report["ratio"], at_most=RATIO_TARGET)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    r = report["results"]
    print(f"\n  floor: fetch, PUT, INSERT, move      {r['floor']['ms_per_message']:>8.1f} ms a message")
    print(f"  project: the intake's poll          {r['project']['ms_per_message']:>8.1f} ms a message "
          f"({r['project']['messages']} drafts)")
    print(f"  ratio project / floor               {report['ratio']:>8.2f}   target: <= {RATIO_TARGET}  "
          f"{report['verdict']}")
    print(f"  mail arrived -> draft in the queue  median {r['latency_seconds']['median']} s, "
          f"max {r['latency_seconds']['max']} s (a poll every {args.interval} s)")
    print(f"  the queue's list query              idle {r['queue_list_ms']['idle_median']} ms, during the batch "
          f"{r['queue_list_ms']['during_batch_median']} ms (max {r['queue_list_ms']['during_batch_max']} ms)\n")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
