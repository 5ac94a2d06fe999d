"""``python -m bench counterparties``: the CRM directory at holding scale, through the gateway.

Starts a private copy of the system (``environment.running_system``), fills the
counterparties service's database of that copy directly with SQL (generated rows, no
events) in two steps, and after each step measures at the gateway, as a signed-in
administrator (who sees every counterparty: the largest result sets):

- ``search``: the directory searched by a word of the name plus two characteristics
  (region and group), first page with its total;
- ``agenda``: today's agenda of one employee (the day's and the overdue planned activities);
  the staff grows with the holding (one employee per 25 counterparties), so the employee's
  own workload is the same at both steps and the growth is the data's, not the result's;
- ``card``: a counterparty's card and the first page of its relationship history (two
  requests, timed together).

Step one is 10% of the data, step two the whole: by default 50,000 counterparties,
200,000 contact persons, 1,000,000 activities and 500,000 history entries (``--scale``
shrinks all of them). The growth ratio (p95 at 100% / p95 at 10%) shows whether a
request slows down with the data. Results go to bench/results/counterparties.json.
"""
import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_local.infra import StartupError

from .environment import running_system
from .stats import summarise

RESULTS = Path(__file__).resolve().parent / "results" / "counterparties.json"
FULL = {"counterparties": 50_000, "contact_persons": 200_000, "activities": 1_000_000, "history": 500_000}
EMPLOYEES = 2_000  # at full scale; the staff grows with the holding (see COUNTERPARTIES_PER_EMPLOYEE)
# each employee is responsible for 25 consecutive counterparties (and their activities), so
# 10% of the holding is 10% of its staff with the same workload each, not the same staff
# with a tenth of the work; the signed-in administrator is employee 0
COUNTERPARTIES_PER_EMPLOYEE = FULL["counterparties"] // EMPLOYEES
REGIONS, GROUPS = 80, 12
WORDS = ("Alfa", "Vega", "Orion", "Sever", "Ural", "Volga", "Baikal", "Neva", "Altai", "Taiga", "Polar", "Steppe",
         "Kama", "Don", "Oka", "Amur", "Lena", "Yenisei", "Ob", "Irtysh", "Sayan", "Pamir", "Kuban", "Terek")
FORMS = ("LLC", "JSC", "Group", "Trading", "Holding", "Logistics", "Engineering", "Foods", "Steel", "Energy")
SEARCH_WORD = "Baikal"  # in about 1 name in 12; with 10 of 80 regions and 4 of 12 groups: 1 in 290


def generate(url, *, first, last, persons, activities, history, admin_id):
    """Counterparties numbered [first, last) with their share of persons, activities and history."""
    engine = create_engine(normalise_url(url))
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    forms = "ARRAY[" + ",".join(f"'{f}'" for f in FORMS) + "]"
    employee = (f"CASE WHEN ({{n}}) / {COUNTERPARTIES_PER_EMPLOYEE} = 0 THEN '{admin_id}'::uuid "
                f"ELSE md5('employee-' || (({{n}}) / {COUNTERPARTIES_PER_EMPLOYEE}))::uuid END")
    counterparty = "md5('counterparty-' || ({n}))::uuid"
    statements = [
        f"""INSERT INTO counterparties (id, kind, name, short_name, country, tax_id, phone, email, main_contact,
                notes, responsible_employee_id, region_id, group_id, status, created_by, created_at, updated_at)
            SELECT {counterparty.format(n='n')}, 'organisation',
                   ({words})[1 + n % {len(WORDS)}] || ' ' || ({words})[1 + (n / {len(WORDS)}) % {len(WORDS)}]
                       || ' ' || ({forms})[1 + n % {len(FORMS)}] || ' ' || n,
                   NULL, 'RU', lpad(n::text, 10, '7'), '+7 495 ' || lpad((n % 10000000)::text, 7, '0'),
                   'office' || n || '@example.ru', 'Contact ' || n, 'Generated for the benchmark',
                   {employee.format(n='n')},
                   (SELECT id FROM reference_values WHERE kind = 'region' ORDER BY name
                        OFFSET n % {REGIONS} LIMIT 1),
                   (SELECT id FROM reference_values WHERE kind = 'group' ORDER BY name
                        OFFSET (n / 7) % {GROUPS} LIMIT 1),
                   'active', '{admin_id}', now() - (n % 1000) * interval '1 day', now()
            FROM generate_series({first}, {last - 1}) AS n""",
        f"""INSERT INTO contact_persons (id, counterparty_id, full_name, position, phones, emails, messengers,
                important_dates, consent_to_mailings, created_by, created_at, updated_at)
            SELECT gen_random_uuid(), {counterparty.format(n=f'{first} + m % {last - first}')},
                   'Person ' || m || ' ' || ({words})[1 + m % {len(WORDS)}], 'Manager',
                   jsonb_build_array('+7 900 ' || lpad(m::text, 7, '0')), jsonb_build_array('p' || m || '@example.ru'),
                   '[]'::jsonb, '[]'::jsonb, false, '{admin_id}', now(), now()
            FROM generate_series({first * 10}, {first * 10} + {persons} - 1) AS m""",
        f"""INSERT INTO activities (id, counterparty_id, kind, subject, planned_at, responsible_id, scheduled_by,
                status, created_at)
            SELECT gen_random_uuid(), {counterparty.format(n='c')},
                   (ARRAY['call','meeting','email','fax','letter','task'])[1 + j % 6], 'Activity ' || j,
                   date_trunc('hour', now()) - interval '365 days' + h * interval '1 hour',
                   {employee.format(n='c')}, '{admin_id}',
                   CASE WHEN h < 365 * 24 AND s % 5 <> 0 THEN 'done' ELSE 'planned' END, now()
            FROM (SELECT j, {first} + (j * 104729) % {last - first} AS c,
                         -- hashed, not stepped: the hour and the status do not follow the counterparty
                         (hashtext(j::text) & 2147483647) % (730 * 24) AS h,
                         (hashtext(j::text || 's') & 2147483647) AS s
                  FROM generate_series(1::bigint, {activities}) AS j) AS numbered""",
        f"""INSERT INTO history_entries (id, counterparty_id, occurred_at, kind, actor_id, summary, data)
            SELECT gen_random_uuid(), {counterparty.format(n=f'{first} + h % {last - first}')},
                   now() - (h % 5000) * interval '1 hour', 'counterparty.updated', '{admin_id}',
                   'Changed: phone', jsonb_build_object('changes', jsonb_build_object('phone', h))
            FROM generate_series(1, {history}) AS h""",
    ]
    began = time.monotonic()
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # as autovacuum would after such a load: statistics, the visibility map, and the GIN
        # indexes' pending lists merged (a search would otherwise scan them row by row)
        for table in ("counterparties", "contact_persons", "activities", "history_entries"):
            connection.execute(text(f"VACUUM ANALYZE {table}"))
    engine.dispose()
    return time.monotonic() - began


def reference_values(url):
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        for kind, count in (("region", REGIONS), ("group", GROUPS)):
            connection.execute(text(
                "INSERT INTO reference_values (id, kind, name, is_archived, position, created_at) "
                f"SELECT gen_random_uuid(), '{kind}', '{kind} ' || lpad(n::text, 3, '0'), false, 0, now() "
                f"FROM generate_series(1, {count}) AS n"))
        values = {kind: [str(row[0]) for row in connection.execute(text(
            f"SELECT id FROM reference_values WHERE kind = '{kind}' ORDER BY name"))] for kind in ("region", "group")}
    engine.dispose()
    return values


def sign_in(gateway_url, email, password):
    http = requests.Session()
    response = http.post(f"{gateway_url}/api/v1/auth/login", json={"email": email, "password": password}, timeout=30)
    response.raise_for_status()
    return http, response.json()["employee"]["id"]


def measure(http, gateway_url, *, samples, warmup, values, counterparty_count):
    rng = random.Random(7)
    api = f"{gateway_url}/api/v1"

    def search():
        return [http.get(f"{api}/counterparties/", timeout=60, params={
            "search": SEARCH_WORD, "region_id": rng.sample(values["region"], 10),
            "group_id": rng.sample(values["group"], 4), "limit": 50})]

    def agenda():
        return [http.get(f"{api}/activities/agenda", params={"tz": "Europe/Moscow"}, timeout=60)]

    def card():
        counterparty_id = _uuid_of(rng.randrange(counterparty_count))
        return [http.get(f"{api}/counterparties/{counterparty_id}", timeout=60),
                http.get(f"{api}/counterparties/{counterparty_id}/history", params={"limit": 50}, timeout=60)]

    results = {}
    for name, request in (("search", search), ("agenda", agenda), ("card", card)):
        timings = []
        for index in range(warmup + samples):
            began = time.perf_counter()
            responses = request()
            elapsed = time.perf_counter() - began
            for response in responses:
                if response.status_code != 200:
                    raise RuntimeError(f"{name}: {response.status_code} {response.text[:300]}")
            if index >= warmup:
                timings.append(elapsed)
        results[name] = summarise(timings)
        body = responses[-1].json()  # the search's page, the agenda, the card's history page
        results[name]["last_result_size"] = body.get("total", sum(len(v) for v in body.get("today", {}).values())
                                                     + len(body.get("overdue", [])))
    return results


def _uuid_of(n):
    import hashlib
    import uuid
    return str(uuid.UUID(hashlib.md5(f"counterparty-{n}".encode()).hexdigest()))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench counterparties", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the holding-scale volumes")
    parser.add_argument("--samples", type=int, default=100, help="measured requests per kind and step")
    parser.add_argument("--warmup", type=int, default=10, help="requests before measuring")
    args = parser.parse_args(argv)
    full = {name: max(10, int(count * args.scale)) for name, count in FULL.items()}
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "volumes": full, "samples": args.samples, "steps": {}}
    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=lambda message: print(f"  {message}", flush=True)) as system:
            email, password = "bench-admin@chancery.local", "bench-admin-password-1"
            system.create_administrator(email, password)
            http, admin_id = sign_in(system.profile.gateway_url, email, password)
            url = system.database_urls["counterparties"]
            values = reference_values(url)
            done = 0
            for step, share in (("10%", 0.1), ("100%", 1.0)):
                last = int(full["counterparties"] * share)
                portion = (last - done) / full["counterparties"]
                print(f"Generating counterparties {done}..{last - 1} and their share ...", flush=True)
                seconds = generate(url, first=done, last=last, admin_id=admin_id,
                                   persons=int(full["contact_persons"] * portion),
                                   activities=int(full["activities"] * portion),
                                   history=int(full["history"] * portion))
                done = last
                print(f"  generated in {seconds:.0f} s; measuring ...", flush=True)
                report["steps"][step] = {"generated_s": round(seconds, 1), "counterparties": last,
                                         "results": measure(http, system.profile.gateway_url, samples=args.samples,
                                                            warmup=args.warmup, values=values,
                                                            counterparty_count=last)}
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    small, large = report["steps"]["10%"]["results"], report["steps"]["100%"]["results"]
    report["growth_p95"] = {name: round(large[name]["p95_ms"] / small[name]["p95_ms"], 2) for name in large}
    print(f"\n{report['machine']['cpus']} CPUs, load average {report['machine']['load_average_at_start']} before "
          f"and {report['machine']['load_average_at_end']} after")
    print(f"\n{'request':<10}{'p50 10%':>10}{'p95 10%':>10}{'p50 100%':>10}{'p95 100%':>10}{'growth':>8}")
    for name in large:
        print(f"{name:<10}{small[name]['median_ms']:>10.1f}{small[name]['p95_ms']:>10.1f}"
              f"{large[name]['median_ms']:>10.1f}{large[name]['p95_ms']:>10.1f}{report['growth_p95'][name]:>8.2f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nResults in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
