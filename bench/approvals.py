"""``python -m bench approvals``: approvals at holding scale.

Starts a private copy of the system (``environment.running_system``), fills the approvals
service's database of that copy directly with SQL (generated rows, no events): by default
10,000 running approvals with one active parallel stage each and 50,000 pending tasks
spread over 2,000 approvers (the signed-in administrator among them), and measures:

- ``inbox``: ``GET /api/v1/approvals/tasks`` at the gateway as the administrator (their
  pending tasks soonest due first, with the approvals; includes the staff RPC asking whom
  they stand in for). Goal: p95 under 50 ms.
- ``sweep_idle``: one overdue sweep (``logic.sweep_overdue``, the timer's transaction)
  when nothing is overdue: what every replica runs every 15 s.
- ``sweep_backlog``: ``--overdue`` tasks (default 5,000) pushed past their deadline at
  once, then swept in the timer's batches of 500 until none is left: total seconds and
  tasks per second (each reported task writes its outbox event in the same transaction).

Results go to bench/results/approvals.json.
"""
import argparse
import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

from chancery_common.database import make_engine, make_session_factory, normalise_url
from chancery_local.infra import StartupError

from .environment import running_system
from .stats import summarise

RESULTS = Path(__file__).resolve().parent / "results" / "approvals.json"
APPROVERS = 2_000


def generate(url, *, approvals, tasks_per_stage, admin_id, counterparties=5000):
    """Running approvals, each with an active parallel stage of ``tasks_per_stage`` pending tasks.

    Approval ``a`` is about counterparty ``a % counterparties``, named as bench/counterparties.py
    names them (md5 of 'counterparty-' and the number), so the two databases join."""
    engine = create_engine(normalise_url(url))
    approver = (f"CASE WHEN (a * {tasks_per_stage} + t) % {APPROVERS} = 0 THEN '{admin_id}'::uuid "
                f"ELSE md5('approver-' || ((a * {tasks_per_stage} + t) % {APPROVERS}))::uuid END")
    statements = [
        f"""INSERT INTO approvals (id, document_id, counterparty_id, document_title, document_number, initiator_id,
                status, started_at, snapshot, round, route_version)
            SELECT md5('approval-' || a)::uuid, md5('document-' || a)::uuid,
                   md5('counterparty-' || (a % {counterparties}))::uuid,
                   'Contract ' || a, 'CTR-' || a, md5('approver-' || (a % {APPROVERS}))::uuid, 'in_progress',
                   now() - (a % 240) * interval '1 hour', '{{}}'::jsonb, 1, 1
            FROM generate_series(0, {approvals - 1}) AS a""",
        f"""INSERT INTO stages (id, approval_id, position, name, mode, completion, deadline_unit, deadline_value,
                approvers, conditions, allow_adding, on_return, status, started_at, due_at)
            SELECT md5('stage-' || a)::uuid, md5('approval-' || a)::uuid, 1, 'Review', 'parallel', 'all', 'hours', 72,
                   '[]'::jsonb, '[]'::jsonb, false, 'first_stage', 'active', now() - (a % 240) * interval '1 hour',
                   now() + (a % 240) * interval '1 hour' + interval '1 day'
            FROM generate_series(0, {approvals - 1}) AS a""",
        f"""INSERT INTO tasks (id, stage_id, approval_id, approver_id, position, status, round, assigned_at, due_at)
            SELECT md5('task-' || a || '-' || t)::uuid, md5('stage-' || a)::uuid, md5('approval-' || a)::uuid,
                   {approver}, t, 'pending', 1, now() - (a % 240) * interval '1 hour',
                   now() + (a % 240) * interval '1 hour' + interval '1 day'
            FROM generate_series(0, {approvals - 1}) AS a, generate_series(0, {tasks_per_stage - 1}) AS t""",
        "ANALYZE approvals", "ANALYZE stages", "ANALYZE tasks",
    ]
    began = time.monotonic()
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()
    return time.monotonic() - began


def sign_in(gateway_url, email, password):
    http = requests.Session()
    response = http.post(f"{gateway_url}/api/v1/auth/login", json={"email": email, "password": password}, timeout=30)
    response.raise_for_status()
    return http, response.json()["employee"]["id"]


def measure_inbox(http, gateway_url, *, samples, warmup):
    timings, body = [], None
    for index in range(warmup + samples):
        began = time.perf_counter()
        response = http.get(f"{gateway_url}/api/v1/approvals/tasks", params={"limit": 50}, timeout=60)
        elapsed = time.perf_counter() - began
        if response.status_code != 200:
            raise RuntimeError(f"inbox: {response.status_code} {response.text[:300]}")
        body = response.json()
        if index >= warmup:
            timings.append(elapsed)
    return {**summarise(timings), "tasks_in_inbox": body["total"]}


def measure_sweeps(url, *, overdue, idle_samples):
    from approvals import logic  # the service's own code, on the same database

    engine = make_engine(normalise_url(url), pool_size=2)
    factory = make_session_factory(engine)
    idle = []
    for _ in range(idle_samples):
        with factory() as session, session.begin():
            began = time.perf_counter()
            reported = logic.sweep_overdue(session)
            idle.append(time.perf_counter() - began)
        if reported:
            raise RuntimeError("the idle sweep found overdue tasks: the generated deadlines are wrong")
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE tasks SET due_at = now() - interval '1 minute' WHERE id IN "
            f"(SELECT id FROM tasks WHERE status = 'pending' ORDER BY id LIMIT {overdue})"))
    began, batches, swept = time.perf_counter(), [], 0
    while True:
        with factory() as session, session.begin():
            batch_began = time.perf_counter()
            reported = logic.sweep_overdue(session, limit=500)
        batches.append(time.perf_counter() - batch_began)
        swept += reported
        if not reported:
            break
    total = time.perf_counter() - began
    with engine.connect() as connection:
        left = connection.execute(text(
            "SELECT count(*) FROM tasks WHERE status = 'pending' AND due_at < now() AND overdue_notified_at IS NULL"
        )).scalar()
    engine.dispose()
    return {"idle": summarise(idle),
            "backlog": {"overdue_tasks": overdue, "reported_by_this_sweeper": swept, "left_unreported": left,
                        "seconds": round(total, 3), "tasks_per_s": round(overdue / total, 1) if total else None,
                        "batch": summarise(batches)}}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench approvals", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--approvals", type=int, default=10_000, help="running approvals")
    parser.add_argument("--tasks-per-stage", type=int, default=5, help="pending tasks of each active stage")
    parser.add_argument("--overdue", type=int, default=5_000, help="tasks pushed past their deadline at once")
    parser.add_argument("--samples", type=int, default=200, help="measured inbox requests")
    parser.add_argument("--warmup", type=int, default=20, help="inbox requests before measuring")
    args = parser.parse_args(argv)
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "volumes": {"approvals": args.approvals, "active_tasks": args.approvals * args.tasks_per_stage,
                          "approvers": APPROVERS}}
    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=lambda message: print(f"  {message}", flush=True)) as system:
            email, password = "bench-admin@chancery.local", "bench-admin-password-1"
            system.create_administrator(email, password)
            http, admin_id = sign_in(system.profile.gateway_url, email, password)
            url = system.database_urls["approvals"]
            print(f"Generating {args.approvals} approvals ...", flush=True)
            report["generated_s"] = round(generate(url, approvals=args.approvals,
                                                   tasks_per_stage=args.tasks_per_stage, admin_id=admin_id), 1)
            print("Measuring the inbox ...", flush=True)
            report["inbox"] = measure_inbox(http, system.profile.gateway_url, samples=args.samples,
                                            warmup=args.warmup)
            print("Measuring the overdue sweep ...", flush=True)
            report["sweep"] = measure_sweeps(url, overdue=args.overdue, idle_samples=50)
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    inbox, sweep = report["inbox"], report["sweep"]
    print(f"\ninbox (GET /api/v1/approvals/tasks, {inbox['tasks_in_inbox']} pending): median "
          f"{inbox['median_ms']:.1f} ms, p95 {inbox['p95_ms']:.1f} ms (goal: p95 < 50 ms)")
    print(f"idle sweep: median {sweep['idle']['median_ms']:.2f} ms, p95 {sweep['idle']['p95_ms']:.2f} ms")
    backlog = sweep["backlog"]
    print(f"backlog of {backlog['overdue_tasks']} overdue tasks swept in {backlog['seconds']} s "
          f"({backlog['tasks_per_s']} tasks/s; batch p95 {backlog['batch']['p95_ms']:.0f} ms; "
          f"{backlog['left_unreported']} left)\n")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Results in {RESULTS}")
    return 0
