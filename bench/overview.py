"""``python -m bench overview``: the unified counterparty view at holding scale, against its floor.

Starts one private copy of the system (``environment.running_system``) and fills its
databases directly with SQL (generated rows, no events), reusing the other benchmarks'
generators so every service's data is about the same counterparties:

- counterparties (bench/counterparties.py): 50,000 counterparties, 200,000 contact persons,
  1,000,000 activities, 500,000 history entries; here also negotiation notes;
- documents (bench/documents.py): up to 2,000,000 documents of those counterparties, as many
  as ``--generate-seconds`` allow (the count made is reported), with their full-text index;
  for each measured counterparty also contracts with annexes, acts and invoices as children
  (so contract trees and completeness have work to do) and their paper copies, and the
  history entries their events leave (so the owners are asked who sees them);
- approvals (bench/approvals.py): 10,000 running approvals of the first 5,000 counterparties;
- notifications for the administrator about the counterparties, and staff employees for
  every employee id the generated rows name (so the names round has names to find).

Then, for ``--samples`` counterparties (after ``--warmup``), in alternating blocks:

- ``gateway``: GET /api/v1/counterparties/{id}/overview as the signed-in administrator
  (the composition of gateway/chancery_gateway/overview.py);
- ``floor``: the same data read by direct SQL in this one process, sequentially, on one
  prepared psycopg connection per database: card, 30 history entries, contact persons, up
  to 100 planned activities, up to 200 documents, approvals with stages and tasks,
  notifications, 5 negotiation notes, paper copies, the completeness inputs of the
  contracts and the employee names (which the gateway keeps per worker: employee_names.py).

Goal: gateway p95 under 50 ms and within 3x of the floor's p95. ``--scale`` shrinks every
volume (``--scale 0.02`` for a quick check). Results go to bench/results/overview.json.
"""
import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import psycopg
from psycopg.rows import namedtuple_row
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_local.infra import StartupError

from . import approvals as approvals_bench
from . import counterparties as counterparties_bench
from . import documents as documents_bench
from .environment import running_system
from .stats import ratio, summarise, verdict

RESULTS = Path(__file__).resolve().parent / "results" / "overview.json"
FULL = {"counterparties": 50_000, "contact_persons": 200_000, "activities": 1_000_000, "history": 500_000,
        "documents": 2_000_000, "approvals": 10_000}
APPROVED_COUNTERPARTIES = 5_000  # the approvals are about the first 5,000 counterparties
CONTRACTS = 5  # contracts of each measured counterparty, each with 2 stages
CHILDREN = ("annex", "completion_act", "invoice", "completion_act", "invoice")  # the first 2-5 of them
P95_TARGET_MS = 50
RATIO_TARGET = 3.0
BLOCK = 10  # requests of one kind before switching to the other


# Generation ------------------------------------------------------------------------------

def _execute(url, statements, analyse=()):
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        for statement, params in statements:
            connection.execute(text(statement), params)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in analyse:
            connection.execute(text(f"VACUUM ANALYZE {table}"))
    engine.dispose()


def _uuid_sql(prefix, n):
    return f"md5('{prefix}-' || ({n}))::uuid"


def fill_staff(url):
    """Employees for the ids the generators use (employee-n responsible, approver-n approvers),
    so the view's names round finds them as it would in a real holding."""
    statement = """
        INSERT INTO employees (id, full_name, email, roles, locale, time_zone, is_active, created_at, updated_at)
        SELECT md5(:prefix || '-' || n)::uuid, initcap(:prefix) || ' ' || n, :prefix || n || '@bench.local',
               ARRAY['manager']::varchar[], 'en', 'Europe/Moscow', true, now(), now()
        FROM generate_series(0, :count - 1) AS n"""
    _execute(url, [(statement, {"prefix": "employee", "count": counterparties_bench.EMPLOYEES}),
                   (statement, {"prefix": "approver", "count": approvals_bench.APPROVERS})], analyse=["employees"])


def fill_negotiation_notes(url, *, counterparties, measured, admin_id):
    """0-3 notes for every counterparty, and 8 more for each measured one (the view shows 5)."""
    notes = f"""
        WITH book AS (SELECT array_agg(id ORDER BY name) AS stages FROM reference_values
                      WHERE kind = 'negotiation_stage')
        INSERT INTO negotiation_notes (id, counterparty_id, stage_id, text, decided, author_id, noted_at)
        SELECT gen_random_uuid(), {{counterparty}}, stages[1 + (n + k) % array_length(stages, 1)],
               'Discussed the terms, round ' || k, 'Send the estimate', '{admin_id}',
               now() - (n % 300 + k) * interval '1 day'
        FROM book, {{rows}}"""
    _execute(url, [
        (notes.format(counterparty=_uuid_sql("counterparty", "n"),
                      rows=f"generate_series(0, {counterparties - 1}) AS n, generate_series(1, 3) AS k "
                           "WHERE k <= n % 4"), {}),
        (notes.format(counterparty=_uuid_sql("counterparty", "n"),
                      rows="unnest(CAST(:measured AS int[])) AS n, generate_series(10, 17) AS k"),
         {"measured": measured}),
    ], analyse=["negotiation_notes"])


def fill_notifications(url, *, counterparties, measured, admin_id):
    """Four notifications per counterparty (one for the administrator) and 35 more for the
    administrator about each measured counterparty (the view shows 30)."""
    rows = f"""
        INSERT INTO notifications (id, recipient_id, kind, title, body, subject_type, counterparty_id, data,
                                   created_at, read_at)
        SELECT gen_random_uuid(), {{recipient}}, 'activity.due', 'Call the counterparty ' || n, '', 'counterparty',
               {_uuid_sql('counterparty', 'n')}, '{{{{}}}}'::jsonb, now() - (m % 500) * interval '1 hour',
               CASE WHEN m % 3 = 0 THEN now() END
        FROM {{rows}}"""
    _execute(url, [
        (rows.format(recipient=f"CASE WHEN m % 4 = 0 THEN '{admin_id}'::uuid ELSE "
                               f"{_uuid_sql('employee', f'm % {counterparties_bench.EMPLOYEES}')} END",
                     rows=f"generate_series(0, {4 * counterparties - 1}) AS m, LATERAL (SELECT m / 4 AS n) AS c"),
         {}),
        (rows.format(recipient=f"'{admin_id}'::uuid",
                     rows="unnest(CAST(:measured AS int[])) AS n, generate_series(1, 35) AS m"),
         {"measured": measured}),
    ], analyse=["notifications"])


def fill_contract_trees(url, *, measured, admin_id):
    """For each measured counterparty: contracts of 2 stages with 2-5 children each (annexes,
    completion acts, invoices: some complete, most not) and a paper original of each contract,
    every other one handed out to an employee."""
    contract = "md5('contract-' || n || '-' || j)::uuid"
    _execute(url, [
        (f"""INSERT INTO documents (id, type_id, title, status, counterparty_id, document_date, amount, currency,
                                    responsible_id, created_by, created_at, updated_at, extra, number)
             SELECT {contract}, (SELECT id FROM document_types WHERE code = 'contract'),
                    'Supply contract ' || n || '/' || j, 'in_execution', {_uuid_sql('counterparty', 'n')},
                    current_date - j * 30, 1000000 + j, 'RUB', {_uuid_sql('employee', 'j')}, '{admin_id}',
                    now() - j * interval '30 days', now(), '{{"stages": 2}}'::jsonb, 'OVC-' || n || '-' || j
             FROM unnest(CAST(:measured AS int[])) AS n, generate_series(1, {CONTRACTS}) AS j""",
         {"measured": measured}),
        (f"""INSERT INTO documents (id, type_id, title, status, counterparty_id, document_date, responsible_id,
                                    created_by, created_at, updated_at, extra, number, parent_id)
             SELECT gen_random_uuid(), (SELECT id FROM document_types WHERE code = (CAST(:children AS text[]))[k]),
                    (CAST(:children AS text[]))[k] || ' ' || k || ' to contract ' || n || '/' || j, 'draft',
                    {_uuid_sql('counterparty', 'n')}, current_date - j * 30 + k, {_uuid_sql('employee', 'k')},
                    '{admin_id}', now() - j * interval '30 days' + k * interval '1 day', now(), '{{}}'::jsonb,
                    'OVC-' || n || '-' || j || '-' || k, {contract}
             FROM unnest(CAST(:measured AS int[])) AS n, generate_series(1, {CONTRACTS}) AS j,
                  generate_series(1, {len(CHILDREN)}) AS k
             WHERE k <= 2 + (n + j) % {len(CHILDREN) - 1}""",
         {"measured": measured, "children": list(CHILDREN)}),
        (f"""INSERT INTO paper_copies (id, document_id, kind, location, holder_id, status, expected_return_on,
                                       created_by, created_at)
             SELECT md5('copy-' || n || '-' || j)::uuid, {contract}, 'original', 'Archive, cabinet ' || j,
                    CASE WHEN j % 2 = 0 THEN {_uuid_sql('employee', 'j')} END,
                    CASE WHEN j % 2 = 0 THEN 'handed_out' ELSE 'in_place' END,
                    CASE WHEN j % 2 = 0 THEN current_date + j - 3 END, '{admin_id}', now() - interval '10 days'
             FROM unnest(CAST(:measured AS int[])) AS n, generate_series(1, {CONTRACTS}) AS j""",
         {"measured": measured}),
        (f"""INSERT INTO paper_movements (id, paper_copy_id, at, from_holder, to_holder, to_location, reason,
                                          expected_return_on, by)
             SELECT gen_random_uuid(), md5('copy-' || n || '-' || j)::uuid, now() - interval '2 days', NULL,
                    {_uuid_sql('employee', 'j')}, NULL, 'to sign', current_date + j - 3, '{admin_id}'
             FROM unnest(CAST(:measured AS int[])) AS n, generate_series(1, {CONTRACTS}) AS j
             WHERE j % 2 = 0""",
         {"measured": measured}),
    ], analyse=["documents", "paper_copies", "paper_movements"])


def fill_foreign_history(url, *, measured):
    """For each measured counterparty, the history entries its contracts' events leave
    (registered, two status changes, the paper original moved), so the view asks documents
    who sees them (counterparties/relationship_history.py; approvals would be asked in the
    same parallel round)."""
    contract = "md5('contract-' || n || '-' || j)::uuid::text"
    kinds = ["document.registered", "document.status_changed", "document.status_changed", "paper_copy.moved"]
    _execute(url, [(f"""
        INSERT INTO history_entries (id, counterparty_id, occurred_at, kind, actor_id, summary, data, source_event_id)
        SELECT gen_random_uuid(), {_uuid_sql('counterparty', 'n')}, now() - (j * 30 - k) * interval '1 day',
               (CAST(:kinds AS text[]))[k], {_uuid_sql('employee', 'j')}, 'Supply contract ' || n || '/' || j,
               jsonb_build_object('document_id', {contract}),
               gen_random_uuid()
        FROM unnest(CAST(:measured AS int[])) AS n, generate_series(1, {CONTRACTS}) AS j,
             generate_series(1, {len(kinds)}) AS k""", {"measured": measured, "kinds": kinds})],
        analyse=["history_entries"])


def generate_all(system, *, volumes, measured, admin_id, generate_seconds, batch, log):
    """Every service's data; returns {what: seconds} and the number of documents made."""
    urls, took = system.database_urls, {}
    began = time.monotonic()
    log(f"counterparties: {volumes['counterparties']} with persons, activities and history ...")
    counterparties_bench.reference_values(urls["counterparties"])
    counterparties_bench.generate(urls["counterparties"], first=0, last=volumes["counterparties"],
                                  persons=volumes["contact_persons"], activities=volumes["activities"],
                                  history=volumes["history"], admin_id=admin_id)
    fill_negotiation_notes(urls["counterparties"], counterparties=volumes["counterparties"], measured=measured,
                           admin_id=admin_id)
    took["counterparties_s"], began = round(time.monotonic() - began, 1), time.monotonic()
    log("staff employees, notifications and approvals ...")
    fill_staff(urls["staff"])
    fill_notifications(urls["notifications"], counterparties=volumes["counterparties"], measured=measured,
                       admin_id=admin_id)
    approvals_bench.generate(urls["approvals"], approvals=volumes["approvals"], tasks_per_stage=5,
                             admin_id=admin_id,
                             counterparties=approved_counterparties(volumes))
    took["staff_notifications_approvals_s"], began = round(time.monotonic() - began, 1), time.monotonic()
    names = _counterparty_names(urls["counterparties"])
    engine = create_engine(normalise_url(urls["documents"]))
    try:
        made, _, indexed_s, _, _ = documents_bench.generate(
            engine, target=volumes["documents"], seconds=generate_seconds, batch=batch, log=log,
            counterparties=names)
    finally:
        engine.dispose()
    fill_contract_trees(urls["documents"], measured=measured, admin_id=admin_id)
    fill_foreign_history(urls["counterparties"], measured=measured)
    took["documents_s"], took["documents_index_s"] = round(time.monotonic() - began, 1), round(indexed_s, 1)
    return took, made


def approved_counterparties(volumes):
    """How many counterparties (the first ones) the approvals are about: 5,000 at full scale
    (two approvals each), fewer when scaled down so each still has one."""
    return min(APPROVED_COUNTERPARTIES, volumes["counterparties"], volumes["approvals"])


def _counterparty_names(url):
    engine = create_engine(normalise_url(url))
    with engine.connect() as connection:
        names = [(row[0], row[1]) for row in connection.execute(text("SELECT id, name FROM counterparties"))]
    engine.dispose()
    return names


# The floor: the same data by direct SQL, sequentially, in this process -------------------

FLOOR_QUERIES = {
    "counterparties": {
        "card": "SELECT * FROM counterparties WHERE id = %(c)s AND merged_into_id IS NULL",
        "stage": """SELECT r.* FROM (SELECT DISTINCT ON (counterparty_id) stage_id FROM negotiation_notes
                    WHERE counterparty_id = %(c)s ORDER BY counterparty_id, noted_at DESC, id DESC) AS latest
                    JOIN reference_values AS r ON r.id = latest.stage_id""",
        "history_total": "SELECT count(*) FROM history_entries WHERE counterparty_id = %(c)s",
        "history": """SELECT * FROM history_entries WHERE counterparty_id = %(c)s
                      ORDER BY occurred_at DESC, id LIMIT 30""",
        "contact_persons": """SELECT * FROM contact_persons WHERE counterparty_id = %(c)s
                              ORDER BY lower(full_name), id""",
        "activities_total": "SELECT count(*) FROM activities WHERE counterparty_id = %(c)s AND status = 'planned'",
        "activities": """SELECT * FROM activities WHERE counterparty_id = %(c)s AND status = 'planned'
                         ORDER BY planned_at, id LIMIT 100""",
        "notes_total": "SELECT count(*) FROM negotiation_notes WHERE counterparty_id = %(c)s",
        "notes": """SELECT n.*, r.name AS stage_name FROM negotiation_notes AS n
                    JOIN reference_values AS r ON r.id = n.stage_id
                    WHERE n.counterparty_id = %(c)s ORDER BY n.noted_at DESC, n.id LIMIT 5""",
    },
    "documents": {
        "documents_total": "SELECT count(*) FROM documents WHERE counterparty_id = %(c)s",
        "documents": """SELECT d.*, t.code AS type_code, t.name AS type_name, t.kind AS type_kind,
                               t.fields AS type_fields
                        FROM documents AS d JOIN document_types AS t ON t.id = d.type_id
                        WHERE d.counterparty_id = %(c)s ORDER BY d.created_at DESC, d.id LIMIT 200""",
        "file_counts": """SELECT document_id, count(*) FROM document_files WHERE document_id = ANY(%(ids)s)
                          GROUP BY document_id""",
        "copies_total": """SELECT count(*) FROM paper_copies WHERE document_id IN
                           (SELECT id FROM documents WHERE counterparty_id = %(c)s)""",
        "copies": """SELECT p.*, d.title, d.number FROM paper_copies AS p JOIN documents AS d ON d.id = p.document_id
                     WHERE d.counterparty_id = %(c)s
                     ORDER BY p.expected_return_on ASC NULLS LAST, p.created_at, p.id LIMIT 100""",
        "movements": "SELECT * FROM paper_movements WHERE paper_copy_id = ANY(%(ids)s) ORDER BY at",
        "children": """SELECT parent_id, type_id, count(*) FROM documents WHERE parent_id = ANY(%(ids)s)
                       GROUP BY parent_id, type_id""",
        "types": "SELECT id, name, required_documents, stages_field FROM document_types",
    },
    "approvals": {
        "approvals_total": "SELECT count(*) FROM approvals WHERE counterparty_id = %(c)s",
        "approvals": """SELECT * FROM approvals WHERE counterparty_id = %(c)s
                        ORDER BY started_at DESC, id LIMIT 50""",
        "stages": "SELECT * FROM stages WHERE approval_id = ANY(%(ids)s) ORDER BY position",
        "tasks": "SELECT * FROM tasks WHERE stage_id = ANY(%(ids)s) ORDER BY position",
    },
    "notifications": {
        "notifications_total": """SELECT count(*) FROM notifications
                                  WHERE recipient_id = %(me)s AND counterparty_id = %(c)s""",
        "notifications": """SELECT * FROM notifications WHERE recipient_id = %(me)s AND counterparty_id = %(c)s
                            ORDER BY created_at DESC, id LIMIT 30""",
    },
    "staff": {
        "employees": "SELECT id, full_name FROM employees WHERE id = ANY(%(ids)s)",
    },
}


class Floor:
    """One autocommit psycopg connection per database, every statement prepared on the server;
    rows as named tuples, so the floor reads columns by name as the services do."""

    def __init__(self, urls, admin_id):
        self.me = admin_id
        self.connections = {name: psycopg.connect(urls[name], autocommit=True, prepare_threshold=0,
                                                  row_factory=namedtuple_row)
                            for name in FLOOR_QUERIES}

    def close(self):
        for connection in self.connections.values():
            connection.close()

    def rows(self, database, query, **params):
        with self.connections[database].cursor() as cursor:
            cursor.execute(FLOOR_QUERIES[database][query], params)
            return cursor.fetchall()

    def read(self, counterparty_id):
        """The view's data for one counterparty, as plain rows; raises when it does not exist."""
        c, view = counterparty_id, {}
        view["counterparty"] = self.rows("counterparties", "card", c=c)
        if not view["counterparty"]:
            raise RuntimeError(f"floor: counterparty {c} not found")
        view["stage"] = self.rows("counterparties", "stage", c=c)
        view["history"] = (self.rows("counterparties", "history_total", c=c)[0][0],
                           self.rows("counterparties", "history", c=c))
        view["contact_persons"] = self.rows("counterparties", "contact_persons", c=c)
        view["activities"] = (self.rows("counterparties", "activities_total", c=c)[0][0],
                              self.rows("counterparties", "activities", c=c))
        view["negotiation"] = (self.rows("counterparties", "notes_total", c=c)[0][0],
                               self.rows("counterparties", "notes", c=c))
        documents = self.rows("documents", "documents", c=c)
        view["documents"] = (self.rows("documents", "documents_total", c=c)[0][0], documents,
                             self.rows("documents", "file_counts", ids=[d.id for d in documents]))
        copies = self.rows("documents", "copies", c=c)
        view["paper_copies"] = (self.rows("documents", "copies_total", c=c)[0][0], copies,
                                self.rows("documents", "movements", ids=[p.id for p in copies]))
        contracts = [d.id for d in documents if d.type_kind == "contract"][:30]
        view["completeness"] = (contracts, self.rows("documents", "children", ids=contracts),
                                self.rows("documents", "types")) if contracts else ([],)
        approvals = self.rows("approvals", "approvals", c=c)
        stages = self.rows("approvals", "stages", ids=[a.id for a in approvals])
        tasks = self.rows("approvals", "tasks", ids=[s.id for s in stages])
        view["approvals"] = (self.rows("approvals", "approvals_total", c=c)[0][0], approvals, stages, tasks)
        view["notifications"] = (self.rows("notifications", "notifications_total", me=self.me, c=c)[0][0],
                                 self.rows("notifications", "notifications", me=self.me, c=c))
        ids = {view["counterparty"][0].responsible_employee_id}
        ids.update(a.initiator_id for a in approvals)
        ids.update(t.approver_id for t in tasks)
        ids.update(d.responsible_id for d in documents)
        ids.update(a.responsible_id for a in view["activities"][1])
        ids.update(p.holder_id for p in copies)
        ids.update(n.author_id for n in view["negotiation"][1])
        ids.update(h.actor_id for h in view["history"][1])
        ids.discard(None)
        view["employees"] = self.rows("staff", "employees", ids=sorted(ids)) if ids else []
        return view


def same_data(view, floor_view):
    """The gateway's view and the floor's read agree on what they hold, part by part."""
    counts = {
        "history": (view["history"]["total"], floor_view["history"][0]),
        "contact_persons": (len(view["contact_persons"]), len(floor_view["contact_persons"])),
        "activities": (view["activities"]["total"], floor_view["activities"][0]),
        "documents": (view["documents"]["total"], floor_view["documents"][0]),
        "documents shown": (len(view["documents"]["items"]), len(floor_view["documents"][1])),
        "paper_copies": (view["paper_copies"]["total"], floor_view["paper_copies"][0]),
        "approvals": (view["approvals"]["total"], floor_view["approvals"][0]),
        "notifications": (view["notifications"]["total"], floor_view["notifications"][0]),
        "negotiation": (view["negotiation"]["total"], floor_view["negotiation"][0]),
        "completeness": (len(view["completeness"]), len(floor_view["completeness"][0])),
        "employees": (len(view["employees"]), len(floor_view["employees"])),
    }
    differing = {part: pair for part, pair in counts.items() if pair[0] != pair[1]}
    if view["unavailable"]:
        differing["unavailable"] = view["unavailable"]
    return counts, differing


# Measurement -----------------------------------------------------------------------------

def measure(http, gateway_url, floor, *, counterparty_ids, warmup):
    """Alternate blocks of gateway requests and floor reads over the same counterparties."""
    api = f"{gateway_url}/api/v1/counterparties"
    timings = {"gateway": [], "floor": []}
    sizes = {"documents": [], "contracts": [], "approvals_in_progress": [], "employees": []}

    def gateway(cid):
        began = time.perf_counter()
        response = http.get(f"{api}/{cid}/overview", timeout=60)
        elapsed = time.perf_counter() - began
        if response.status_code != 200:
            raise RuntimeError(f"overview of {cid}: {response.status_code} {response.text[:300]}")
        view = response.json()
        if view["unavailable"]:
            raise RuntimeError(f"overview of {cid} left parts out: {view['unavailable']}")
        return elapsed, view

    def direct(cid):
        began = time.perf_counter()
        floor_view = floor.read(cid)
        return time.perf_counter() - began, floor_view

    checked = None
    for start in range(0, len(counterparty_ids), BLOCK):
        block = counterparty_ids[start:start + BLOCK]
        for kind, run in (("gateway", gateway), ("floor", direct)):
            for offset, cid in enumerate(block):
                elapsed, result = run(cid)
                if start + offset >= warmup:
                    timings[kind].append(elapsed)
                if kind == "gateway" and start + offset >= warmup:
                    sizes["documents"].append(len(result["documents"]["items"]))
                    sizes["contracts"].append(len(result["contract_trees"]))
                    sizes["approvals_in_progress"].append(len(result["approvals_in_progress"]))
                    sizes["employees"].append(len(result["employees"]))
                if kind == "gateway" and checked is None:
                    checked = (cid, result)
    counts, differing = same_data(checked[1], floor.read(checked[0]))
    if differing:
        raise RuntimeError(f"the floor does not read what the view shows for {checked[0]}: {differing}")
    return ({kind: summarise(values) for kind, values in timings.items()},
            {name: round(sum(values) / len(values), 1) for name, values in sizes.items()},
            {"counterparty_id": str(checked[0]), "counts": counts})


def time_parts(system, email, password, counterparty_ids):
    """Each call of the view alone, sequentially, from this process (the gateway's own RPC client):
    where the view's time goes. Medians in ms."""
    from chancery_gateway.compose import overview as gateway_overview
    from chancery_gateway import rpc as gateway_rpc
    gateway_rpc.configure(system.profile.amqp_uri, 30)
    signed = gateway_rpc.call("staff", "sign_in", {"email": email, "password": password}, {})
    employee = signed["employee"]
    actor = {"id": employee["id"], "roles": employee["roles"], "department_id": employee["department_id"],
             "full_name": employee["full_name"], "permissions": signed["permissions"],
             "visible_department_ids": signed["visible_department_ids"], "acting_for": signed.get("acting_for", [])}
    names_version = signed["names_version"]
    calls = {
        "staff.ping": lambda cid: ("staff", "ping"),
        # what a gateway worker asks when its names are current: nothing changed since
        "staff.employee_names_since": lambda cid: ("staff", "employee_names_since", names_version),
        "counterparties.overview_part": lambda cid: ("counterparties", "overview_part", actor, cid),
        "documents.overview_part": lambda cid: ("documents", "overview_part", actor, cid),
        "approvals.overview_part": lambda cid: ("approvals", "overview_part", actor, cid),
        "notifications.list_notifications": lambda cid: ("notifications", "list_notifications", actor,
                                                         {"counterparty_id": cid, "limit": 30, "with_unread": False}),
    }
    timings = {name: [] for name in (*calls, "compose in one process")}
    for cid in counterparty_ids:
        for name, spec in calls.items():
            began = time.perf_counter()
            gateway_rpc.call(*spec(cid))
            timings[name].append(time.perf_counter() - began)
        began = time.perf_counter()
        gateway_overview.compose(actor, cid)  # names from the directory: asked since its version
        timings["compose in one process"].append(time.perf_counter() - began)
    return {name: round(summarise(values)["median_ms"], 1) for name, values in timings.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench overview", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the holding-scale volumes")
    parser.add_argument("--generate-seconds", type=float, default=240,
                        help="time for generating documents at most (the count made is reported)")
    parser.add_argument("--batch", type=int, default=50_000, help="documents generated per statement")
    parser.add_argument("--samples", type=int, default=100, help="measured requests of each kind")
    parser.add_argument("--warmup", type=int, default=10, help="requests of each kind before measuring")
    parser.add_argument("--seed", type=int, default=7, help="of the measured counterparties' choice")
    parser.add_argument("--parts", action="store_true", help="then time each call of the view alone")
    args = parser.parse_args(argv)
    volumes = {name: max(10, int(count * args.scale)) for name, count in FULL.items()}
    # counterparties with running approvals, contract trees, paper copies, notes and notifications
    pool = approved_counterparties(volumes)
    if args.samples + args.warmup > pool:
        parser.error(f"--samples + --warmup must not exceed the {pool} counterparties with approvals")
    measured = random.Random(args.seed).sample(range(pool), args.samples + args.warmup)
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args), "volumes": volumes}

    def log(message):
        print(f"  {message}", flush=True)

    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=log) as system:
            email, password = "bench-admin@chancery.local", "bench-admin-password-1"
            system.create_administrator(email, password)
            http, admin_id = counterparties_bench.sign_in(system.profile.gateway_url, email, password)
            print("Generating the holding's data ...", flush=True)
            took, made = generate_all(system, volumes=volumes, measured=measured, admin_id=admin_id,
                                      generate_seconds=args.generate_seconds, batch=args.batch, log=log)
            report["generated"] = {**took, "documents": made, "documents_asked": volumes["documents"],
                                   "note": "the most this machine made in the time"
                                   if made < volumes["documents"] else ""}
            print("Measuring the overview at the gateway and its floor ...", flush=True)
            floor = Floor(system.database_urls, admin_id)
            try:
                ids = [counterparties_bench._uuid_of(n) for n in measured]
                results, sizes, check = measure(http, system.profile.gateway_url, floor, counterparty_ids=ids,
                                                warmup=args.warmup)
            finally:
                floor.close()
            if args.parts:
                report["parts_median_ms"] = time_parts(system, email, password, ids[:30])
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    gateway, floor_result = results["gateway"], results["floor"]
    report.update(results)
    report["view_sizes_mean"] = sizes
    report["same_data_check"] = check
    report["ratio_p95"] = round(ratio(gateway["p95_ms"], floor_result["p95_ms"]), 2)
    report["ratio_median"] = round(ratio(gateway["median_ms"], floor_result["median_ms"]), 2)
    report["targets"] = {"p95": f"gateway p95 < {P95_TARGET_MS} ms", "ratio": f"ratio_p95 <= {RATIO_TARGET}"}
    report["verdicts"] = {"p95": verdict(gateway["p95_ms"], at_most=P95_TARGET_MS),
                          "ratio": verdict(report["ratio_p95"], at_most=RATIO_TARGET)}
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print_report(report)
    for name, median in report.get("parts_median_ms", {}).items():
        print(f"  {name:<45} {median:>8} ms (median, alone)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"Results in {RESULTS}")
    return 0


def print_report(report):
    m, g, f, v = report["machine"], report["gateway"], report["floor"], report["verdicts"]
    made = report["generated"]
    print(f"\n{m['cpus']} CPUs, load average {m['load_average_at_start']} before and {m['load_average_at_end']} after")
    print(f"{report['volumes']['counterparties']} counterparties, {report['volumes']['activities']} activities, "
          f"{made['documents']} documents ({made['note'] or 'as asked'}), {report['volumes']['approvals']} approvals")
    sizes = report["view_sizes_mean"]
    print(f"a view holds on average {sizes['documents']} documents, {sizes['contracts']} contract trees, "
          f"{sizes['approvals_in_progress']} running approvals, {sizes['employees']} employee names")
    print(f"\n{'overview of one counterparty':<44}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"  {'gateway: GET .../overview':<42}{g['median_ms']:>10.1f}{g['p95_ms']:>10.1f}"
          f"   target: p95 < {P95_TARGET_MS} ms  {v['p95']}")
    print(f"  {'floor: direct SQL, one process':<42}{f['median_ms']:>10.1f}{f['p95_ms']:>10.1f}")
    print(f"  {'ratio gateway / floor':<42}{report['ratio_median']:>10.2f}{report['ratio_p95']:>10.2f}"
          f"   target: p95 ratio <= {RATIO_TARGET}  {v['ratio']}\n")


if __name__ == "__main__":
    sys.exit(main())
