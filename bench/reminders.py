"""``python -m bench reminders``: the reminder engine at scale, on the real service.

Makes a database of its own for the notifications service and a RabbitMQ vhost of its own,
fills the database with ``--total`` scheduled reminders (default 1,000,000) by SQL, of which
``--due`` (default 10,000) fall due at the same moment (the start of a minute a little ahead),
the rest spread over the coming year; then starts ``--replicas`` (default 2) processes of the
notifications service (``nameko run``, timers every second) and measures:

- ``fire``: from the due moment until the last of the due reminders has fired (each one a
  notification in an inbox, with ``reminder.fired`` and ``notification.sent`` in the outbox,
  claimed with FOR UPDATE SKIP LOCKED by the replicas); with the p95 of (fired - due) per
  reminder, and a check that none fired twice or was missed. Goal: all within 60 s.
- ``event_to_inbox``: while they fire, ``--events`` ``approval.task_assigned`` events are
  published to the bus at ``--rate`` per second; the latency from publishing to the
  notification's creation in the inbox. Goal: p95 under 1 s.

E-mail is off (no SMTP host): the inbox path is measured. Everything is dropped afterwards.
Results go to bench/results/reminders.json.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kombu import Connection, Exchange, Producer
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_common.envelope import Event
from chancery_common.migrations import drop_database, ensure_database, upgrade
from chancery_local import infra
from chancery_local.profile import REPO, Profile

from .stats import summarise

RESULTS = Path(__file__).resolve().parent / "results" / "reminders.json"
SERVER_URL = os.environ.get("CHANCERY_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
FIRE_GOAL_S = 60
LATENCY_GOAL_MS = 1000


def database_url(name):
    from sqlalchemy.engine import make_url
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def fill(engine, *, total, due, due_at, recipients=2000):
    """``total`` pending reminders: ``due`` of them at ``due_at``, the rest over the next year."""
    with engine.begin() as connection:
        connection.execute(text(f"""
            INSERT INTO reminders (id, kind, source, occurrence, recipient_id, due_at, subject_type, subject_id,
                                   title, body, payload, state, created_at)
            SELECT md5('reminder-' || n)::uuid, 'manual', 'bench:' || n, 'x',
                   md5('employee-' || (n % {recipients}))::uuid,
                   CASE WHEN n < :due THEN CAST(:due_at AS timestamptz)
                        ELSE CAST(:due_at AS timestamptz) + interval '1 day' + (n % 525600) * interval '1 minute' END,
                   'document', md5('document-' || (n % 100000))::uuid, 'Reminder ' || n, '', '{{}}'::jsonb,
                   'pending', now()
            FROM generate_series(0, {total - 1}) AS n"""), {"due": due, "due_at": due_at})
        connection.execute(text("ANALYZE reminders"))


def start_replicas(count, env, log_dir):
    processes = []
    for index in range(count):
        log = open(log_dir / f"notifications-{index}.log", "ab")
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "nameko", "run", "--config",
             str(REPO / "services" / "notifications" / "config.yaml"), "notifications.service"],
            env=env, cwd=REPO / "services" / "notifications", stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True))
    return processes


def stop(processes):
    import signal
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def task_assigned():
    return Event(type="approval.task_assigned", producer="approvals", payload={
        "approval_id": str(uuid.uuid4()), "document_id": str(uuid.uuid4()), "counterparty_id": None,
        "document_title": "Bench contract", "document_number": None, "document_type_id": None,
        "initiator_id": str(uuid.uuid4()), "route_version": 1, "stage_id": str(uuid.uuid4()),
        "stage_name": "Review", "task_id": str(uuid.uuid4()), "approver_id": str(uuid.uuid4()),
        "on_behalf_of": None, "due_at": None})


class Publisher:
    def __init__(self, amqp_uri):
        self.connection = Connection(amqp_uri, transport_options={"confirm_publish": True})
        self.exchange = Exchange("approvals.events", type="topic", durable=True, auto_delete=False)
        self.exchange.declare(channel=self.connection.default_channel)
        self.producer = Producer(self.connection.default_channel, exchange=self.exchange)

    def publish(self, event):
        self.producer.publish(event.to_message(), routing_key=event.type, serializer="json", delivery_mode=2,
                              message_id=str(event.id), type=event.type)
        return time.time()

    def close(self):
        self.connection.release()


def notified_at(engine, event_ids):
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT source_event_id, created_at FROM notifications WHERE source_event_id = ANY(:ids)"),
            {"ids": list(event_ids)}).all()
    return {row[0]: row[1].timestamp() for row in rows}


def wait_until_consuming(engine, publisher, timeout=90):
    """Publish a probe every 2 s until one reaches an inbox: the replicas' queues exist."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = task_assigned()
        publisher.publish(probe)
        for _ in range(20):
            if notified_at(engine, [probe.id]):
                return
            time.sleep(0.1)
    raise RuntimeError("the notifications service did not start consuming events")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench reminders", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--total", type=int, default=1_000_000, help="scheduled reminders in all")
    parser.add_argument("--due", type=int, default=10_000, help="of which due at the same moment")
    parser.add_argument("--replicas", type=int, default=2, help="notifications service processes")
    parser.add_argument("--events", type=int, default=600, help="events published while they fire")
    parser.add_argument("--rate", type=float, default=20, help="events per second")
    args = parser.parse_args(argv)

    run = uuid.uuid4().hex[:6]
    data_dir = Path(tempfile.mkdtemp(prefix="chancery-bench-reminders-"))
    profile = Profile(data_dir=data_dir, vhost=f"chancery_bench_reminders_{run}")
    profile.log_dir.mkdir(parents=True, exist_ok=True)
    url = database_url(f"chancery_bench_reminders_{run}")
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args)}
    processes = []
    try:
        infra.ensure_rabbitmq(Profile(data_dir=data_dir))
        infra.ensure_vhost(profile)
        ensure_database(url)
        upgrade(REPO / "services" / "notifications", url)
        engine = create_engine(normalise_url(url), pool_size=2)
        # the due moment: the start of a minute far enough ahead for filling and start-up
        filling_s = 30 + args.total / 15_000
        due_at = (datetime.now(timezone.utc) + timedelta(seconds=filling_s + 60)).replace(second=0, microsecond=0)
        due_at += timedelta(minutes=1)
        print(f"Filling {args.total:,} reminders ({args.due:,} due at {due_at:%H:%M:%S} UTC) ...", flush=True)
        began = time.monotonic()
        fill(engine, total=args.total, due=args.due, due_at=due_at)
        report["fill_s"] = round(time.monotonic() - began, 1)
        if datetime.now(timezone.utc) > due_at - timedelta(seconds=20):
            raise RuntimeError("filling took longer than planned; run again with fewer reminders")

        env = {**os.environ, "AMQP_URI": profile.amqp_uri, "NOTIFICATIONS_DATABASE_URL": url,
               "NOTIFICATIONS_TICK_SECONDS": "1", "DIGEST_ENABLED": "false", "SMTP_HOST": "",
               "PSYCOPG_WAIT_FUNC": "wait_select", "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "WARNING"}
        print(f"Starting {args.replicas} notifications replicas ...", flush=True)
        processes = start_replicas(args.replicas, env, profile.log_dir)
        publisher = Publisher(profile.amqp_uri)
        wait_until_consuming(engine, publisher)

        # publish events at the rate, from a little before the due moment through the firing
        start_at = due_at.timestamp() - 2
        while time.time() < start_at:
            time.sleep(0.05)
        print("Firing, and publishing events meanwhile ...", flush=True)
        published = {}
        for index in range(args.events):
            target = start_at + index / args.rate
            pause = target - time.time()
            if pause > 0:
                time.sleep(pause)
            event = task_assigned()
            published[event.id] = publisher.publish(event)
        publisher.close()

        deadline = time.monotonic() + 600
        with engine.connect() as connection:
            while time.monotonic() < deadline:
                left = connection.execute(text(
                    "SELECT count(*) FROM reminders WHERE state = 'pending' AND due_at <= :due"),
                    {"due": due_at}).scalar()
                connection.commit()
                if left == 0:
                    break
                time.sleep(0.5)
            fired = connection.execute(text("""
                SELECT count(*), max(fired_at), percentile_cont(0.95) WITHIN GROUP (
                    ORDER BY extract(epoch FROM fired_at - due_at)), count(DISTINCT notification_id)
                FROM reminders WHERE due_at = :due AND state = 'fired'"""), {"due": due_at}).one()
            duplicates = connection.execute(text("""
                SELECT count(*) - count(DISTINCT source_event_id) FROM notifications
                WHERE kind = 'reminder.manual'""")).scalar()
            early = connection.execute(text(
                "SELECT count(*) FROM reminders WHERE due_at > :due AND state <> 'pending'"), {"due": due_at}).scalar()
        created = {}
        wait_until = time.monotonic() + 60
        while len(created) < len(published) and time.monotonic() < wait_until:
            created = notified_at(engine, published)
            time.sleep(0.5)
        latencies = [created[i] - published[i] for i in published if i in created]  # seconds
        all_fired_s = (fired[1] - due_at).total_seconds() if fired[1] else None
        report["fire"] = {"due": args.due, "fired": fired[0], "notifications": fired[3],
                          "duplicate_notifications": duplicates, "fired_before_due": early,
                          "all_fired_after_s": round(all_fired_s, 2) if all_fired_s is not None else None,
                          "p95_fire_delay_s": round(fired[2], 2) if fired[2] is not None else None,
                          "goal": f"all within {FIRE_GOAL_S} s",
                          "verdict": "met" if fired[0] == args.due and all_fired_s is not None
                          and all_fired_s <= FIRE_GOAL_S and duplicates == 0 else "missed"}
        summary = summarise(latencies) if latencies else {}
        report["event_to_inbox"] = {"published": len(published), "arrived": len(latencies), **summary,
                                    "goal": f"p95 under {LATENCY_GOAL_MS} ms",
                                    "verdict": "met" if summary and summary["p95_ms"] < LATENCY_GOAL_MS
                                    and len(latencies) == len(published) else "missed"}
        engine.dispose()
    finally:
        stop(processes)
        try:
            infra.delete_vhost(profile)
        except Exception:  # noqa: BLE001 - clean-up is best effort
            pass
        drop_database(url)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    f, e = report["fire"], report["event_to_inbox"]
    print(f"\n{args.total:,} scheduled, {args.due:,} due at once, {args.replicas} replicas")
    print(f"  fired {f['fired']:,} of {f['due']:,}; the last {f['all_fired_after_s']} s after the due moment; "
          f"p95 delay {f['p95_fire_delay_s']} s; duplicates {f['duplicate_notifications']}   "
          f"goal: {f['goal']}  {f['verdict']}")
    if e.get("p95_ms") is not None:
        print(f"  event to inbox under that load: {e['arrived']}/{e['published']} events, median "
              f"{e['median_ms']:.0f} ms, p95 {e['p95_ms']:.0f} ms   goal: {e['goal']}  {e['verdict']}\n")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"Results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
