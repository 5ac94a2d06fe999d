"""``python -m bench workload``: a holding's working day, many clients at once.

Starts one private copy of the system on its own embedded PostgreSQL (connections enough for
every floor thread), fills it with the holding-scale data of ``python -m bench overview``
(50,000 counterparties, 200,000 contact persons, 1,000,000 activities, up to 2,000,000
documents, 10,000 approvals; ``--scale`` shrinks it), then measures, closed loop (each client
sends its next request when the last is answered) at every ``--clients`` level:

- ``view``: GET /api/v1/counterparties/{id}/overview, the unified view;
- ``floor``: the view's data by direct SQL (bench/overview.py's ``Floor``), each thread with
  connections of its own: what the view would cost with no services at all;
- ``hops``: the view's four parallel calls carrying nothing (each service's ``ping``, by the
  gateway's RPC client in this process): what the design spends on a view before any data;
- ``mixed``: the staff workload: agenda 30 %, directory search 20 %, registry search 20 %,
  counterparty card 20 %, approvals inbox 10 %.

Each client is a session of its own (signed in once). For each level and kind it reports
requests per second, p50 and p95, errors, requests refused at once with 503 (shed), and the
CPU each request cost, by process: the gateway, each service, PostgreSQL, RabbitMQ (sampled
by a process of its own while the level runs; PostgreSQL is the benchmark's own server and its
backends, RabbitMQ every process of that name on the machine, so run it on a quiet machine),
the gateway's RPC calls per request, the machine's context switches and how fast a core was.
A level is measured once every client has had an answer, and counts the answers given within
its measured seconds.
``--statements`` also samples PostgreSQL's running statements during each level and prints
the busiest; ``--profile DIR`` records py-spy samples of the gateway and the services.

Then ``thinking``: ``--staff`` simulated staff (200: the scale of ../shared/PRODUCT.md), each
waiting ``--think`` seconds (5, jittered) between requests of the mixed workload and the view,
for ``--thinking-seconds``: p95 by request type and errors.

Goals (docs/benchmarks.md, issue 24): at 32 clients the view >= 90 req/s and mixed >= 200
req/s; CPU per view <= 1.5 x the floor's CPU per read; with 200 thinking staff every type's
p95 < 150 ms with no errors; from 32 to 128 clients throughput within 10 % of its peak, what
cannot be served answered at once with 503 and Retry-After. Results go to
bench/results/workload.json; bench/locustfile.py runs the same mix against any deployment.
"""
import argparse
import contextlib
import http.client
import json
import math
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psutil
import psycopg
import requests
from prometheus_client import CollectorRegistry
from prometheus_client.multiprocess import MultiProcessCollector

from chancery_local.infra import StartupError

from . import counterparties as counterparties_bench
from . import documents as documents_bench
from .environment import running_system
from .overview import FULL, Floor, approved_counterparties, generate_all
from .stats import ratio, summarise, verdict

RESULTS = Path(__file__).resolve().parent / "results" / "workload.json"
LEVELS = (1, 8, 32, 64, 128)
MIX = (("agenda", 30), ("directory_search", 20), ("registry_search", 20), ("card", 20), ("approvals_inbox", 10))
THINKING_MIX = MIX + (("view", 20),)
GOALS = {"view_rps_at_32": 90, "mixed_rps_at_32": 200, "cpu_ratio": 1.5, "thinking_p95_ms": 150,
         "plateau": 0.10}
LOAD_GENERATOR = "load_generator"  # this process sending the requests: CPU reported, not in the total
# every core's busy time while the level ran, whoever used it (psutil.cpu_times): reported beside
# the groups, not in the total; what the groups leave of it was used by nothing they list
MACHINE = "machine"
# how long after the level's start the sampler's first reading was made (s): the CPU counted
# misses about that much of the level, so a long delay makes the level's CPU low
LATE = "sampler_late_s"
KINDS = ("view", "floor", "hops", "mixed")
# the median CPU microseconds of a fixed unit of Python work during the level (bench/cpu_reader.py):
# how fast a core was, whatever the system did; higher means a slower machine, not more work
UNIT_US = "unit_of_work_us"
# the machine's context switches per answered request during the level (every process's)
SWITCHES = "context_switches"
# what the CPU reader reports beside the groups' CPU seconds, not CPU of the system
READINGS = (LATE, UNIT_US, SWITCHES)
# the most a level waits, after its warmup, for every client's first answer before measuring
FIRST_ANSWERS_SECONDS = 120
MEASURED_COUNTERPARTIES = 200  # the view and the card ask about these (random, with data around them)


# What a client asks ------------------------------------------------------------------------

class LeanHttp:
    """One client's keep-alive connection to the gateway, with its signed-in session's cookies:
    ``get(url, params, timeout)`` answers with ``status_code`` and the whole body read. It does
    what a browser's request does and no more. The load generator shares the two cores with
    the system; ``requests`` cost it 0.9-1.8 ms of CPU per request where this costs 0.1-0.6
    (measured alone against a plain server, 100 KB and 8 KB answers); 32 threads of it cost
    0.4 ms a request against a plain server in another process, 128 threads 0.5 ms."""

    def __init__(self, session, gateway_url):
        parts = urlsplit(gateway_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.cookie = "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)
        self.connection = None

    def get(self, url, params=None, timeout=120):
        target = urlsplit(url)
        path = target.path + (f"?{urlencode(params, doseq=True)}" if params else "")
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            self.connection.request("GET", path, headers={"Cookie": self.cookie, "Accept": "application/json"})
            response = self.connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise
        if response.will_close:
            self.connection.close()
            self.connection = None
        return response


class Requests:
    """One client's requests of each kind, over one signed-in session."""

    def __init__(self, gateway_url, session, rng, *, counterparty_ids, counterparty_count, words):
        self.api, self.http, self.rng = f"{gateway_url}/api/v1", session, rng
        self.ids, self.count, self.words = counterparty_ids, counterparty_count, words

    def view(self):
        return self.http.get(f"{self.api}/counterparties/{self.rng.choice(self.ids)}/overview", timeout=120)

    def agenda(self):
        return self.http.get(f"{self.api}/activities/agenda", params={"tz": "Europe/Moscow"}, timeout=120)

    def directory_search(self):
        return self.http.get(f"{self.api}/counterparties/", timeout=120,
                             params={"search": counterparties_bench.SEARCH_WORD, "limit": 50})

    def registry_search(self):
        return self.http.get(f"{self.api}/documents/", timeout=120,
                             params={"search": self.rng.choice(self.words), "limit": 50})

    def card(self):
        counterparty_id = counterparties_bench._uuid_of(self.rng.randrange(self.count))
        return self.http.get(f"{self.api}/counterparties/{counterparty_id}", timeout=120)

    def approvals_inbox(self):
        return self.http.get(f"{self.api}/approvals/tasks", params={"limit": 50}, timeout=120)


def pick(mix, rng):
    names, weights = zip(*mix, strict=True)
    return rng.choices(names, weights)[0]


# CPU by process ----------------------------------------------------------------------------

class CpuSampler:
    """CPU seconds used by groups of processes while it runs, read by a process of its own
    (bench/cpu_reader.py: from a thread of this process, the readings waited for the
    interpreter lock the floor's threads kept, and the floor's CPU was counted over a fraction
    of its level). Each process's CPU time is read every ``interval`` seconds, so a process
    that starts or ends meanwhile counts from its first to its last reading.

    Which processes make each group is asked here, before the level (``ask_members``) and
    again every ``members_every`` seconds: the asking reads every process of the machine, and
    asked at each reading it was most of the load generator's CPU, taken from the system it
    measures (2026-12-07: 88 % of the generator's samples, about 12 % of the machine during the
    view at 32 clients). A process that starts between two askings counts from the next one;
    the pools' connections and the servers' workers start before the measured part."""

    def __init__(self, groups, interval=0.5, members_every=5.0):
        self.groups, self.interval, self.members_every = groups, interval, members_every
        self.reader = self.members = self.result = None
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.sending, self.stopped = threading.Lock(), False

    def ask_members(self):
        """Which processes make each group, and the reader started: before the level's load."""
        self.members = {group: [process.pid for process in processes()] for group, processes in self.groups.items()}
        if self.reader is None:
            self.reader = subprocess.Popen([sys.executable, str(Path(__file__).with_name("cpu_reader.py")),
                                            str(self.interval)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                           text=True)
        return self.members

    def _send(self, message):
        with self.sending:
            if self.stopped:  # the members asked while the level ended: the reader has stopped
                return
            self.stopped = "stop" in message
            self.reader.stdin.write(json.dumps(message) + "\n")
            self.reader.stdin.flush()

    def _run(self):
        while not self.stopping.wait(self.members_every):
            self._send({"pids": self.ask_members()})

    def __enter__(self):
        self.began = time.monotonic()
        self._send({"pids": self.members if self.members is not None else self.ask_members()})
        self.thread.start()
        return self

    def __exit__(self, *exc):
        # the last reading at once: asking the members may be under way, and slow while the load
        # still runs (the clients finish their requests after the level), and its CPU is not the level's
        self.stopping.set()
        self._send({"stop": True})
        self.result = json.loads(self.reader.stdout.readline())
        self.thread.join()
        self.reader.wait(timeout=30)

    def seconds(self):
        """{group: CPU seconds}, ``MACHINE``: every core's busy seconds meanwhile, and ``LATE``:
        how long after the level's start the first reading was made."""
        return {**self.result["seconds"], MACHINE: self.result["machine"],
                LATE: max(0.0, self.result["began"] - self.began), UNIT_US: self.result.get("unit_us"),
                SWITCHES: self.result.get("switches")}


class GatewayCalls:
    """The RPC calls the gateway made while a level ran, by service and method, and its identity
    cache's lookups by outcome (``chancery_rpc_calls``, the caller's side;
    ``chancery_identity_cache``), read before and after from the metrics files its workers write
    (``PROMETHEUS_MULTIPROC_DIR``; asking ``/metrics`` under 128 clients waited seconds behind
    their requests for a thread): how many of each an answered request cost, so a call made more
    often at one level than another shows, and why (the staff service's ``resolve_session`` when
    the identity cache misses, say)."""

    def __init__(self, metrics_dirs):
        self.dirs = [str(folder) for folder in metrics_dirs]
        self.before = self.after = None

    def read(self):
        counts = defaultdict(float)
        for folder in self.dirs:
            registry = CollectorRegistry()
            MultiProcessCollector(registry, path=folder)
            for family in registry.collect():
                for sample in family.samples:
                    if sample.name == "chancery_rpc_calls_total" and sample.labels.get("side") == "caller":
                        counts[f"{sample.labels['service']}.{sample.labels['method']}"] += sample.value
                    elif sample.name == "chancery_identity_cache_total":
                        counts[f"identity cache {sample.labels['outcome']}"] += sample.value
        return counts

    def __enter__(self):
        self.before = self.read()
        return self

    def __exit__(self, *exc):
        self.after = self.read()

    def per_request(self, answered):
        """{service.method: calls per answered request}, the calls made at least once a hundred requests."""
        made = {name: count - self.before.get(name, 0.0) for name, count in self.after.items()}
        return {name: round(count / answered, 2) for name, count in sorted(made.items())
                if answered and count / answered >= 0.01}


class StatementSampler:
    """What PostgreSQL is busy with while a level runs (``--statements``): ``pg_stat_activity``
    read every ``interval`` seconds, and each statement running (a database and the statement's
    first characters) counted once per reading it was seen in. Its share of the readings is how
    many sessions ran it on average: a statement at 0.75 kept one session busy three quarters of
    the time. This is how the directory search's count was found (docs/benchmarks.md)."""

    QUERY = ("SELECT datname, query FROM pg_stat_activity WHERE state = 'active' "
             "AND pid <> pg_backend_pid() AND datname IS NOT NULL")

    def __init__(self, database_url, *, prefix="", interval=0.05, width=90):
        self.url, self.prefix, self.interval, self.width = database_url, prefix, interval, width
        self.readings, self.seen = 0, defaultdict(int)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def count(self, rows):
        """One reading: ``rows`` of (database, statement)."""
        self.readings += 1
        for database, statement in {(d.removeprefix(self.prefix), " ".join(q.split())[:self.width])
                                    for d, q in rows}:
            self.seen[(database, statement)] += 1

    def busiest(self, top=8):
        """[{database, statement, sessions}] of the ``top`` statements by average sessions running them."""
        ranked = sorted(self.seen.items(), key=lambda item: -item[1])[:top]
        return [{"database": database, "statement": statement, "sessions": round(n / self.readings, 2)}
                for (database, statement), n in ranked if self.readings]

    def _run(self):
        with psycopg.connect(self.url, autocommit=True) as connection:
            while not self.stopping.wait(self.interval):
                self.count(connection.execute(self.QUERY).fetchall())

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()


def process_groups(system):
    """{group: callable listing its processes now}: the gateway and each service (every replica,
    with their children: gunicorn's workers), PostgreSQL and RabbitMQ (every such process)."""
    def tree(instances):
        def processes():
            found = []
            for instance in instances:
                popen = system.processes.get(instance)
                if popen is None or popen.poll() is not None:
                    continue
                try:
                    root = psutil.Process(popen.pid)
                    found += [root, *root.children(recursive=True)]
                except psutil.NoSuchProcess:
                    pass
            return found
        return processes

    def named(*names):
        return lambda: [p for p in psutil.process_iter(["name"]) if p.info["name"] in names]

    groups = {service: tree(instances) for service, instances in system.instances.items()}
    groups["postgresql"] = server_processes(system.profile.data_dir / "postgres" / "postmaster.pid",
                                            otherwise=named("postgres"))
    groups["rabbitmq"] = named("beam.smp")
    return groups


def server_processes(pid_file, *, otherwise):
    """A callable listing the PostgreSQL server whose ``postmaster.pid`` is ``pid_file`` and its
    backends (the benchmark's embedded server), or ``otherwise()`` when there is none: every
    process named postgres on the machine would count the machine's own cluster and whatever
    else it runs in whichever level is being measured."""
    def processes():
        try:
            root = psutil.Process(int(pid_file.read_text().split()[0]))
            return [root, *root.children(recursive=True)]
        except (OSError, ValueError, IndexError, psutil.NoSuchProcess):
            return otherwise()
    return processes


# Running a level ---------------------------------------------------------------------------

def run_level(clients, *, kind_of, seconds, warmup, groups, think=None, statements=None, calls=None):
    """``len(clients)`` threads, each sending ``kind_of(client)``'s requests until the level ends
    (after ``think()`` seconds each when given); returns per kind the latencies, statuses, and
    the CPU seconds by process group over the measured part.

    The measured part begins after ``warmup`` seconds and once every client has had an answer
    (at most ``FIRST_ANSWERS_SECONDS`` more), so it sees the queues as they stay, not filling; a
    request counts when its answer came within the measured seconds, whenever it was sent, as the
    CPU counts what was done in them. (Until 2026-12-08 the measured part began after the warmup
    alone and a request counted only when sent and answered within it: where answers took
    seconds, the first of them answered requests sent before, uncounted, and the throughput read
    low, the CPU per request high: at 128 clients, views taking 6-9 s in a 10-s level read at
    half their rate; docs/benchmarks.md.)"""
    started, stop = threading.Barrier(len(clients) + 1), threading.Event()
    records = [[] for _ in clients]  # (kind, began, ended, status)
    sampler = CpuSampler(groups)
    sampler.ask_members()  # before the load: under it, asking is slow

    def loop(index, client):
        rng = random.Random(index)
        started.wait()
        if think is not None and stop.wait(rng.uniform(0, think())):  # staff do not all start at once
            return
        while not stop.is_set():
            kind, send = kind_of(client, rng)
            began = time.monotonic()
            try:
                sent = send()
                status = getattr(sent, "status_code", None) or sent.status
            except (requests.RequestException, OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
            records[index].append((kind, began, time.monotonic(), status))
            if think is not None and stop.wait(think(rng)):
                return

    threads = [threading.Thread(target=loop, args=(i, c), daemon=True) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    started.wait()
    time.sleep(warmup)
    waiting_until = time.monotonic() + FIRST_ANSWERS_SECONDS
    while not all(records) and time.monotonic() < waiting_until:
        time.sleep(0.05)
    with sampler as cpu, (statements or contextlib.nullcontext()), (calls or contextlib.nullcontext()):
        measured_from = time.monotonic()
        time.sleep(seconds)
        measured_until = time.monotonic()
    stop.set()
    for thread in threads:
        thread.join(timeout=180)
    by_kind = defaultdict(list)
    for client_records in records:
        for kind, began, ended, status in client_records:
            if measured_from <= ended <= measured_until:
                by_kind[kind].append((ended - began, status))
    return by_kind, cpu.seconds()


def floor_level(floors, counterparty_ids, *, seconds, warmup, groups, statements=None):
    """The view's data by direct SQL, one thread per ``Floor`` (connections of its own). The
    floor's client is this process: its CPU (the driver reading the rows, the threads) counts
    as ``floor_client``, as the gateway's and services' CPU counts for the view."""
    groups = {**groups, "floor_client": lambda: [psutil.Process()]}

    def kind_of(floor, rng):
        def send():
            floor.read(rng.choice(counterparty_ids))
            return Answered
        return "floor", send
    return run_level(floors, kind_of=kind_of, seconds=seconds, warmup=warmup, groups=groups, statements=statements)


class Answered:
    status_code = 200


# the view's calls, one per service (gateway/chancery_gateway/compose/overview.py)
HOPS = ("counterparties", "documents", "approvals", "notifications")


def hops_level(count, amqp_uri, *, seconds, warmup, groups, fan_out_threads=32):
    """The view's four parallel calls with nothing in them: the gateway's own RPC client in this
    process asks each service of the view for ``ping`` at once (``rpc.fan_out``, a pool as large
    as the two gateway workers' together). What that costs (this process as ``hops_client``,
    the services, RabbitMQ) is the least the design spends on one view before any data: no HTTP,
    no session, no statement, no part to dump."""
    from chancery_gateway import rpc

    rpc.configure(amqp_uri, timeout=10.0, fan_out_threads=fan_out_threads)
    groups = {**groups, "hops_client": lambda: [psutil.Process()]}
    calls = {service: (service, "ping") for service in HOPS}

    def kind_of(_, rng):
        def send():
            answers = rpc.fan_out(calls)
            failed = [service for service, answer in answers.items() if answer != "pong"]
            if failed:
                raise OSError(f"no pong from {', '.join(failed)}")
            return Answered
        return "hops", send
    return run_level([None] * count, kind_of=kind_of, seconds=seconds, warmup=warmup, groups=groups)


def summarise_level(by_kind, cpu_seconds, seconds):
    """Per kind: req/s of the answered (2xx), p50/p95 of them, errors, shed (503); CPU ms per
    answered request by group, over every kind of the level together."""
    kinds, answered_total = {}, 0
    for kind, samples in by_kind.items():
        ok = [elapsed for elapsed, status in samples if isinstance(status, int) and status < 300]
        shed = sum(1 for _, status in samples if status == 503)
        errors = len(samples) - len(ok) - shed
        answered_total += len(ok)
        kinds[kind] = {"requests": len(samples), "answered": len(ok), "shed": shed, "errors": errors,
                       "rps": round(len(ok) / seconds, 1), **(summarise(ok) if ok else {})}
        if errors:
            kinds[kind]["error_statuses"] = sorted({str(s) for _, s in samples
                                                    if not (isinstance(s, int) and s < 300) and s != 503})
    late, unit_us, switches = cpu_seconds.get(LATE), cpu_seconds.get(UNIT_US), cpu_seconds.get(SWITCHES)
    cpu_seconds = {group: used for group, used in cpu_seconds.items() if group not in READINGS}
    cpu = {group: round(1000 * used / answered_total, 2) if answered_total else None
           for group, used in sorted(cpu_seconds.items())}
    system = sum(used for group, used in cpu_seconds.items() if group not in (LOAD_GENERATOR, MACHINE))
    cpu["total"] = round(1000 * system / answered_total, 2) if answered_total else None
    everything = [elapsed for samples in by_kind.values() for elapsed, status in samples
                  if isinstance(status, int) and status < 300]
    return {"rps": round(answered_total / seconds, 1),
            "p95_ms": summarise(everything)["p95_ms"] if everything else None,
            "shed": sum(k["shed"] for k in kinds.values()), "errors": sum(k["errors"] for k in kinds.values()),
            "kinds": kinds, "cpu_ms_per_request": cpu,
            **({LATE: round(late, 2)} if late is not None else {}),
            **({UNIT_US: unit_us} if unit_us is not None else {}),
            **({SWITCHES: round(switches / answered_total)} if switches is not None and answered_total else {})}


# The run -------------------------------------------------------------------------------------

def signed_in_sessions(gateway_url, email, password, count):
    """``count`` signed-in sessions, each a connection of its own (``LeanHttp``)."""
    sessions = []
    for _ in range(count):
        session, _ = counterparties_bench.sign_in(gateway_url, email, password)
        sessions.append(LeanHttp(session, gateway_url))
    return sessions


class Profiler:
    """``py-spy record`` of every process of the gateway and the services while a level runs
    (``--profile DIR``): one folded-stack file per process, ``DIR/<level>-<kind>-<group>-<pid>.txt``,
    and the functions taking most of each group's samples printed (``python -m bench profile DIR``
    reads them again)."""

    def __init__(self, directory, groups):
        self.directory, self.groups = Path(directory), groups
        self.directory.mkdir(parents=True, exist_ok=True)
        beside = Path(sys.executable).parent / "py-spy"
        self.py_spy = str(beside) if beside.exists() else shutil.which("py-spy")
        if not self.py_spy:
            raise SystemExit("--profile needs py-spy (.venv/bin/python -m pip install py-spy)")

    def record(self, label, seconds):
        """Start recording ``seconds`` of every process; returns the recorders to wait for."""
        recorders = []
        for group, processes in self.groups.items():
            if group in ("postgresql", "rabbitmq", "floor_client", "intake", "jobs", "texts", "webhooks"):
                continue
            for process in processes():
                output = self.directory / f"{label}-{group}-{process.pid}.txt"
                recorders.append(subprocess.Popen(
                    [self.py_spy, "record", "--pid", str(process.pid), "--rate", "100", "--format", "raw", "--gil",
                     "--duration", str(max(1, int(seconds))), "--nonblocking", "--output", str(output)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        return recorders


def closed_loop(system, *, sessions, floors, ids, words, volumes, levels, seconds, warmup, log, profile=None,
                statements=False):
    gateway_url, groups = system.profile.gateway_url, process_groups(system)
    profiler = Profiler(profile, groups) if profile else None
    report = {}
    for level in levels:
        clients = [Requests(gateway_url, s, None, counterparty_ids=ids, counterparty_count=volumes["counterparties"],
                            words=words) for s in sessions[:level]]

        row = {}
        for name in KINDS:
            log(f"{level} clients: {name} ...")
            recorders = []
            if profiler and name in ("view", "mixed"):
                timer = threading.Timer(warmup, lambda into=recorders, label=f"{level}-{name}": into.extend(
                    profiler.record(label, seconds)))
                timer.start()
            calls = (GatewayCalls(system.profile.data_dir / f"{instance}-metrics"
                                  for instance in system.instances["gateway"])
                     if name in ("view", "mixed") else None)  # the gateway's own requests
            sampler = (StatementSampler(system.database_urls["staff"], prefix=system.profile.database_prefix)
                       if statements else None)
            if name == "floor":
                by_kind, cpu = floor_level(floors[:level], ids, seconds=seconds, warmup=warmup, groups=groups,
                                           statements=sampler)
            elif name == "hops":
                by_kind, cpu = hops_level(level, system.profile.amqp_uri, seconds=seconds, warmup=warmup,
                                          groups=groups)
            else:
                by_kind, cpu = run_level(clients, kind_of=only_view if name == "view" else staff_mix,
                                         seconds=seconds, warmup=warmup, groups=with_load_generator(groups),
                                         statements=sampler, calls=calls)
            for recorder in recorders:
                recorder.wait(timeout=60)
            row[name] = summarise_level(by_kind, cpu, seconds)
            if calls:
                row[name]["gateway_calls_per_request"] = calls.per_request(
                    sum(k["answered"] for k in row[name]["kinds"].values()))
            if sampler:
                row[name]["busiest_statements"] = sampler.busiest()
        report[level] = row
        log(f"{level} clients: view {row['view']['rps']} req/s p95 {row['view']['p95_ms']} ms, "
            f"floor {row['floor']['rps']} req/s, hops {row['hops']['rps']}/s, "
            f"mixed {row['mixed']['rps']} req/s p95 {row['mixed']['p95_ms']} ms")
    return report


def with_load_generator(groups):
    """``groups`` and this process, the HTTP clients, as ``load_generator``: reported beside the
    system's CPU, not in its total (a deployment's clients run on machines of their own; here
    they share the two cores, so their CPU bounds what the system is seen to answer)."""
    return {**groups, LOAD_GENERATOR: lambda: [psutil.Process()]}


def only_view(client, rng):
    client.rng = rng
    return "view", client.view


def staff_mix(client, rng, mix=MIX):
    client.rng = rng
    kind = pick(mix, rng)
    return kind, getattr(client, kind)


def thinking(system, *, sessions, ids, words, volumes, seconds, think, log):
    gateway_url = system.profile.gateway_url
    clients = [Requests(gateway_url, s, None, counterparty_ids=ids, counterparty_count=volumes["counterparties"],
                        words=words) for s in sessions]

    def kind_of(client, rng):
        return staff_mix(client, rng, THINKING_MIX)

    def think_time(rng=random):
        return rng.uniform(0.5 * think, 1.5 * think)

    log(f"{len(sessions)} staff thinking {think} s between requests, {seconds} s ...")
    by_kind, cpu = run_level(clients, kind_of=kind_of, seconds=seconds, warmup=think,
                             groups=with_load_generator(process_groups(system)), think=think_time)
    return summarise_level(by_kind, cpu, seconds)


def verdicts(report):
    levels, goals, found = report["closed_loop"], GOALS, {}
    at32 = levels.get(32)
    if at32:
        found["view_rps_at_32"] = verdict(at32["view"]["rps"], at_least=goals["view_rps_at_32"])
        found["mixed_rps_at_32"] = verdict(at32["mixed"]["rps"], at_least=goals["mixed_rps_at_32"])
        view_cpu, floor_cpu = (at32["view"]["cpu_ms_per_request"]["total"],
                               at32["floor"]["cpu_ms_per_request"]["total"])
        if view_cpu and floor_cpu:
            report["cpu_ratio_at_32"] = round(ratio(view_cpu, floor_cpu), 2)
            found["cpu_ratio"] = verdict(report["cpu_ratio_at_32"], at_most=goals["cpu_ratio"])
            hops_cpu = (at32.get("hops") or {}).get("cpu_ms_per_request", {}).get("total")
            if hops_cpu:  # the least the view's ratio can be, its four calls carrying nothing
                report["hops_ratio_at_32"] = round(ratio(hops_cpu, floor_cpu), 2)
    for kind in ("view", "mixed"):
        peak = max(row[kind]["rps"] for row in levels.values())
        high = [row[kind]["rps"] for level, row in levels.items() if level >= 32]
        if len(high) > 1 and peak:
            report[f"{kind}_plateau_low"] = round(min(high) / peak, 3)
            found[f"{kind}_plateau"] = verdict(report[f"{kind}_plateau_low"], at_least=1 - goals["plateau"])
        errors = sum(row[kind]["errors"] for row in levels.values())
        found[f"{kind}_errors"] = verdict(errors, at_most=0)
    if "thinking" in report:
        kinds = report["thinking"]["kinds"]
        found["thinking_p95"] = verdict(max(row.get("p95_ms") or math.inf for row in kinds.values()),
                                        at_most=goals["thinking_p95_ms"])
        found["thinking_errors"] = verdict(report["thinking"]["errors"], at_most=0)
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench workload", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the holding-scale volumes")
    parser.add_argument("--generate-seconds", type=float, default=240,
                        help="time for generating documents at most (the count made is reported)")
    parser.add_argument("--clients", default=",".join(map(str, LEVELS)), help="closed-loop client counts")
    parser.add_argument("--seconds", type=float, default=20, help="measured seconds of each level and kind")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of each level and kind before measuring")
    parser.add_argument("--staff", type=int, default=200, help="simulated staff of the thinking mode (0: skip)")
    parser.add_argument("--think", type=float, default=5.0, help="their mean seconds between requests")
    parser.add_argument("--thinking-seconds", type=float, default=60, help="measured seconds of the thinking mode")
    parser.add_argument("--profile", metavar="DIR",
                        help="record py-spy samples of the gateway and every service during each level into DIR")
    parser.add_argument("--statements", action="store_true",
                        help="sample PostgreSQL's running statements during each level (pg_stat_activity) and "
                             "print the busiest")
    args = parser.parse_args(argv)
    try:
        levels = sorted({int(n) for n in args.clients.split(",") if n.strip()})
    except ValueError:
        parser.error(f"--clients must be whole numbers separated by commas, not {args.clients!r}")
    if not levels or levels[0] < 1:
        parser.error("--clients must name at least one level of 1 client or more")
    volumes = {name: max(10, int(count * args.scale)) for name, count in FULL.items()}
    pool = approved_counterparties(volumes)
    measured = random.Random(7).sample(range(pool), min(MEASURED_COUNTERPARTIES, pool))
    sessions_needed = max(max(levels), args.staff)
    report = {"started_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)},
              "parameters": vars(args), "volumes": volumes}

    def log(message):
        print(f"  {message}", flush=True)

    # every floor thread opens one connection per database (5), beside the services' pools
    connections = 5 * max(levels) + 300
    print("Starting a private copy of Chancery for the benchmark ...", flush=True)
    try:
        with running_system(log=log, postgres_url=None, postgres_max_connections=connections) as system:
            email, password = "bench-admin@chancery.local", "bench-admin-password-1"
            system.create_administrator(email, password)
            _, admin_id = counterparties_bench.sign_in(system.profile.gateway_url, email, password)
            print("Generating the holding's data ...", flush=True)
            took, made = generate_all(system, volumes=volumes, measured=measured, admin_id=admin_id,
                                      generate_seconds=args.generate_seconds, batch=50_000, log=log)
            report["generated"] = {**took, "documents": made}
            log(f"signing in {sessions_needed} sessions ...")
            sessions = signed_in_sessions(system.profile.gateway_url, email, password, sessions_needed)
            ids = [counterparties_bench._uuid_of(n) for n in measured]
            words = documents_bench.vocabulary()[:500]
            floors = [Floor(system.database_urls, admin_id) for _ in range(max(levels))]
            try:
                print("Closed loop ...", flush=True)
                report["closed_loop"] = closed_loop(system, sessions=sessions, floors=floors, ids=ids, words=words,
                                                    volumes=volumes, levels=levels, seconds=args.seconds,
                                                    warmup=args.warmup, log=log, profile=args.profile,
                                                    statements=args.statements)
            finally:
                for floor in floors:
                    floor.close()
            if args.staff:
                report["thinking"] = thinking(system, sessions=sessions[:args.staff], ids=ids, words=words,
                                              volumes=volumes, seconds=args.thinking_seconds, think=args.think,
                                              log=log)
    except StartupError as exc:
        print(f"The benchmark could not start the system: {exc}", file=sys.stderr)
        return 1
    report["goals"] = GOALS
    report["verdicts"] = verdicts(report)
    report["machine"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    print_report(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"Results in {RESULTS}")
    return 0


def print_report(report):
    m = report["machine"]
    print(f"\n{m['cpus']} CPUs, load average {m['load_average_at_start']} before and {m['load_average_at_end']} "
          f"after; {report['volumes']['counterparties']} counterparties, {report['generated']['documents']} documents")
    print(f"\n{'clients':>7} | {'view r/s':>8} {'p95 ms':>7} {'shed':>5} {'err':>4} | {'floor r/s':>9} {'p95 ms':>7} | "
          f"{'mixed r/s':>9} {'p95 ms':>7} {'shed':>5} {'err':>4} | {'CPU ms/view':>11} {'/floor':>6}")
    for level, row in report["closed_loop"].items():
        v, f, x = row["view"], row["floor"], row["mixed"]
        print(f"{level:>7} | {v['rps']:>8} {v['p95_ms'] or 0:>7.0f} {v['shed']:>5} {v['errors']:>4} | "
              f"{f['rps']:>9} {f['p95_ms'] or 0:>7.0f} | {x['rps']:>9} {x['p95_ms'] or 0:>7.0f} {x['shed']:>5} "
              f"{x['errors']:>4} | {v['cpu_ms_per_request']['total'] or 0:>11.1f} "
              f"{f['cpu_ms_per_request']['total'] or 0:>6.1f}")
    print(f"\n{'clients':>7} | the view's calls carrying nothing (hops): r/s  p95 ms  CPU ms  /floor | "
          f"a unit of work, CPU us: view  floor  hops  mixed")
    for level, row in report["closed_loop"].items():
        h, f = row["hops"], row["floor"]
        hops_cpu, floor_cpu = h["cpu_ms_per_request"]["total"], f["cpu_ms_per_request"]["total"]
        units = "  ".join(f"{row[kind].get(UNIT_US) or 0:>5.0f}" for kind in KINDS)
        print(f"{level:>7} | {h['rps']:>45} {h['p95_ms'] or 0:>7.0f} {hops_cpu or 0:>7.1f} "
              f"{ratio(hops_cpu, floor_cpu) if hops_cpu and floor_cpu else 0:>7.2f} | {units:>46}")
    print(f"\n{'clients':>7} | the machine's context switches per answered request: "
          + "  ".join(f"{kind:>6}" for kind in KINDS))
    for level, row in report["closed_loop"].items():
        print(f"{level:>7} | {'':>52} " + "  ".join(f"{row[kind].get(SWITCHES) or 0:>6}" for kind in KINDS))
    print("\nThe gateway's calls per answered request:")
    for level, row in report["closed_loop"].items():
        for kind in ("view", "mixed"):
            calls = row[kind].get("gateway_calls_per_request")
            if calls:
                print(f"{level:>7} {kind:<6} " + ", ".join(f"{name} {count}" for name, count in calls.items()))
    level = 32 if 32 in report["closed_loop"] else max(report["closed_loop"])
    print(f"\nCPU ms per answered request by process at {level} clients:")
    for kind in KINDS:
        cpu = report["closed_loop"][level][kind]["cpu_ms_per_request"]
        print(f"  {kind:<6} " + ", ".join(f"{group} {ms}" for group, ms in cpu.items()
                                          if ms and group not in ("total", LOAD_GENERATOR, MACHINE))
              + f"; total {cpu['total']}" + (f" (and the load generator {cpu[LOAD_GENERATOR]})"
                                             if cpu.get(LOAD_GENERATOR) else "")
              + (f"; the machine's cores busy {cpu[MACHINE]}" if cpu.get(MACHINE) else ""))
        late = report["closed_loop"][level][kind].get(LATE) or 0
        if late > 0.1 * report["parameters"]["seconds"]:
            print(f"         (CPU undercounted: the sampler's first reading took {late} s of the level)")
    for kind in KINDS:
        busiest = report["closed_loop"][level][kind].get("busiest_statements")
        if busiest:
            print(f"\nPostgreSQL's busiest statements during {kind} at {level} clients (sessions running it, average):")
            for found in busiest:
                print(f"  {found['sessions']:>5.2f}  {found['database']:<15} {found['statement']}")
    if "thinking" in report:
        print(f"\n{report['parameters']['staff']} thinking staff: p95 by request type")
        for kind, row in sorted(report["thinking"]["kinds"].items()):
            print(f"  {kind:<18} {row.get('p95_ms') or 0:>7.0f} ms  ({row['answered']} answered, "
                  f"{row['errors']} errors, {row['shed']} shed)")
    print("\nverdicts:")
    for goal, found in report["verdicts"].items():
        print(f"  {goal:<20} {found}")


if __name__ == "__main__":
    sys.exit(main())
