"""The workload benchmark's own parts: CPU per request with the load generator beside the
system's total (not in it), the CPU sampler asking which processes make a group only now
and then while reading their CPU at every reading, the lean HTTP client reading whole answers over one
keep-alive connection with its session's cookie, against a real local server, and the
sampler of PostgreSQL's running statements, against the test PostgreSQL."""
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import requests

from bench.workload import (
    LATE, LOAD_GENERATOR, MACHINE, SWITCHES, UNIT_US, CpuSampler, GatewayCalls, LeanHttp, StatementSampler,
    Answered, print_report, run_level, server_processes, summarise_level, verdicts)


def test_the_load_generator_is_reported_beside_the_total_not_in_it():
    by_kind = {"view": [(0.02, 200)] * 10 + [(0.01, 503)]}
    cpu = summarise_level(by_kind, {"gateway": 0.05, "documents": 0.15, LOAD_GENERATOR: 0.04, MACHINE: 0.3,
                                    LATE: 0.25, UNIT_US: 900.0, SWITCHES: 5000}, seconds=1)
    assert cpu["rps"] == 10 and cpu["shed"] == 1 and cpu["errors"] == 0
    assert cpu["cpu_ms_per_request"]["total"] == 20.0  # (0.05 + 0.15) s over 10 answered
    assert cpu["cpu_ms_per_request"][LOAD_GENERATOR] == 4.0
    assert cpu["cpu_ms_per_request"][MACHINE] == 30.0
    assert cpu[LATE] == 0.25 and LATE not in cpu["cpu_ms_per_request"]
    assert cpu[UNIT_US] == 900.0 and UNIT_US not in cpu["cpu_ms_per_request"]
    assert cpu[SWITCHES] == 500 and SWITCHES not in cpu["cpu_ms_per_request"]  # 5,000 over 10 answered


def test_a_fixed_unit_of_work_is_timed_while_the_level_runs():
    sampler = CpuSampler({"self": lambda: [psutil.Process()]}, interval=0.05)
    sampler.ask_members()
    with sampler:
        time.sleep(0.5)
    unit_us = sampler.seconds()[UNIT_US]
    assert 10 < unit_us < 100_000  # some microseconds of a core: a loop of 20,000 steps
    assert sampler.seconds()[SWITCHES] > 0  # the machine switched at least the sampler's threads


def test_a_level_measures_once_every_client_was_answered_and_counts_the_answers_within_it():
    # each client's first request takes 1 s, the rest 0.2 s; measured from the first answers
    # (after 1 s, not after the 0.1-s warmup) for 1 s: about five answers a client, none of the
    # slow first ones (measured from the warmup, counting the requests sent and answered within,
    # gave none)
    def kind_of(client, rng):
        def send():
            time.sleep(0.2 if client["sent"] else 1.0)
            client["sent"] += 1
            return Answered
        return "quick", send
    by_kind, _ = run_level([{"sent": 0} for _ in range(4)], kind_of=kind_of, seconds=1.0, warmup=0.1, groups={})
    latencies = [elapsed for elapsed, _ in by_kind["quick"]]
    assert len(latencies) >= 14, latencies  # 20 unless the machine is very busy
    assert max(latencies) < 0.6, latencies


def _level(rps, cpu_total):
    return {"rps": rps, "p95_ms": 100.0, "shed": 0, "errors": 0, "kinds": {},
            "cpu_ms_per_request": {"total": cpu_total}}


def test_the_view_calls_carrying_nothing_give_the_least_cpu_ratio_the_design_allows(capsys):
    row = {"view": _level(30, 60.0), "floor": _level(90, 15.0), "hops": _level(120, 12.0), "mixed": _level(80, 20.0)}
    report = {"closed_loop": {32: row}, "machine": {"cpus": 2, "load_average_at_start": 1, "load_average_at_end": 2},
              "volumes": {"counterparties": 10}, "generated": {"documents": 10}, "parameters": {"seconds": 10}}
    report["verdicts"] = verdicts(report)
    assert report["cpu_ratio_at_32"] == 4.0 and report["hops_ratio_at_32"] == 0.8
    print_report(report)
    printed = capsys.readouterr().out
    assert "(hops)" in printed and "0.80" in printed and "  hops   " in printed


@contextlib.contextmanager
def child(code):
    """A Python process running ``code`` while the block runs, killed after it."""
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def test_the_cpu_sampler_reads_each_process_often_and_asks_for_the_members_seldom():
    asked = []
    with child("import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\n"
               "time.sleep(30)") as busy:
        def members():
            asked.append(time.monotonic())
            return [psutil.Process(busy.pid)]

        sampler = CpuSampler({"busy": members}, interval=0.05, members_every=0.5)
        sampler.ask_members()
        with sampler:
            time.sleep(1.5)
        found = sampler.seconds()
        used, machine = found["busy"], found[MACHINE]
    # the child's burst is counted (it started before the first reading, so all of it but the
    # interpreter's start: at least 0.4 s) and no more than it used
    assert 0.4 <= used <= 1.0, used
    assert machine >= used - 0.05  # the machine was busy at least while the child was
    assert 0 <= found[LATE] < 0.5  # the reader, started beforehand, read at once
    # asked before the level and every 0.5 s of it, not at each of its 30 readings
    assert 2 <= len(asked) <= 6, len(asked)


def test_the_last_reading_comes_when_the_level_ends_though_the_members_are_being_asked():
    asked = []
    with child("while True: pass") as spinning:
        def members():  # asking is slow under load: the second time it takes 2 s
            asked.append(time.monotonic())
            if len(asked) > 1:
                time.sleep(2.0)
            return [psutil.Process(spinning.pid)]

        sampler = CpuSampler({"spinning": members}, interval=0.05, members_every=0.2)
        sampler.ask_members()
        with sampler:
            time.sleep(0.6)
        used = sampler.seconds()["spinning"]
    assert len(asked) >= 2  # the level ended while the members were being asked
    assert used < 1.1, used  # about the level's 0.6 s of a core, not the 2 s more of the asking


def test_the_cpu_is_read_on_time_while_this_process_is_kept_busy():
    """The floor's case: threads of this process keep its interpreter lock while the level runs."""
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            sum(range(1000))

    me = psutil.Process()
    sampler = CpuSampler({"me": lambda: [me]}, interval=0.05, members_every=60)
    sampler.ask_members()
    spinners = [threading.Thread(target=spin, daemon=True) for _ in range(16)]
    for thread in spinners:
        thread.start()
    try:
        began = time.process_time()
        with sampler:
            time.sleep(1.0)
        spent = time.process_time() - began
    finally:
        stop.set()
        for thread in spinners:
            thread.join()
    found = sampler.seconds()
    assert found[LATE] < 0.3, found
    assert found["me"] >= 0.7 * spent - 0.1, (found, spent)


def test_the_database_server_is_its_postmaster_and_backends_or_else_every_such_process(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        pid_file = tmp_path / "postmaster.pid"
        pid_file.write_text(f"{psutil.Process().pid}\n/data\n")
        listed = server_processes(pid_file, otherwise=lambda: ["elsewhere"])
        assert {p.pid for p in listed()} >= {psutil.Process().pid, child.pid}
        pid_file.unlink()  # no server of its own: what ``otherwise`` lists
        assert listed() == ["elsewhere"]
    finally:
        child.kill()
        child.wait()


class Recording(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def do_GET(self):
        Recording.seen.append((self.path, self.headers.get("Cookie"), self.client_address[1]))
        body = b"{" + b"x" * 50_000 + b"}"
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_the_lean_client_sends_the_cookie_and_query_over_one_connection():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        session = requests.Session()
        session.cookies.set("chancery_session", "signed.value")
        lean = LeanHttp(session, base)
        first = lean.get(f"{base}/ok/list", params={"search": "бетон", "id": ["a", "b"]})
        second = lean.get(f"{base}/missing")
        assert (first.status, second.status) == (200, 404)
        (path, cookie, port), (_, _, port_again) = Recording.seen[-2:]
        assert path == "/ok/list?search=%D0%B1%D0%B5%D1%82%D0%BE%D0%BD&id=a&id=b"
        assert cookie == "chancery_session=signed.value" and port == port_again  # kept alive
    finally:
        server.shutdown()


def count_in_a_worker(folder, increments):
    """A process writing the gateway's metrics as its gunicorn workers do (multiprocess files)."""
    code = ("import sys, json\n"
            "from chancery_common import metrics\n"
            "for name, labels, by in json.loads(sys.argv[1]):\n"
            "    getattr(metrics, name).labels(*labels).inc(by)\n")
    subprocess.run([sys.executable, "-c", code, json.dumps(increments)], check=True,
                   env={**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder)})


def test_the_gateway_calls_made_while_the_level_ran_are_counted_per_request(tmp_path):
    count_in_a_worker(tmp_path, [("RPC_CALLS", ["caller", "staff", "resolve_session", "ok"], 7)])  # before
    counted = GatewayCalls([tmp_path])
    with counted:
        count_in_a_worker(tmp_path, [
            ("RPC_CALLS", ["caller", "documents", "overview_part", "ok"], 10),
            ("RPC_CALLS", ["caller", "staff", "resolve_session", "ok"], 4),
            ("RPC_CALLS", ["caller", "staff", "resolve_session", "error"], 1),
            ("RPC_CALLS", ["callee", "staff", "resolve_session", "ok"], 50),  # the service's own side
            ("IDENTITY_CACHE", ["hit"], 5), ("IDENTITY_CACHE", ["stale_news"], 5)])
    assert counted.per_request(10) == {"documents.overview_part": 1.0, "identity cache hit": 0.5,
                                       "identity cache stale_news": 0.5, "staff.resolve_session": 0.5}


def test_a_statement_counts_once_per_reading_as_the_average_sessions_running_it():
    sampler = StatementSampler("postgresql://unused", prefix="chancery_bench_", width=20)
    sampler.count([("chancery_bench_documents", "SELECT count(*)\n  FROM documents WHERE x"),
                   ("chancery_bench_documents", "SELECT count(*) FROM documents WHERE y"),
                   ("chancery_bench_staff", "COMMIT")])
    sampler.count([("chancery_bench_staff", "COMMIT")])
    sampler.count([])
    sampler.count([])
    assert sampler.busiest() == [
        {"database": "staff", "statement": "COMMIT", "sessions": 0.5},
        {"database": "documents", "statement": "SELECT count(*) FROM", "sessions": 0.25},
    ]


def test_the_sampler_sees_a_statement_running_on_the_server(postgres_server_url):
    import psycopg

    with psycopg.connect(postgres_server_url, autocommit=True) as busy:
        running = threading.Thread(target=lambda: busy.execute("SELECT pg_sleep(1.0) AS bench_sampler_probe"))
        with StatementSampler(postgres_server_url, interval=0.05) as sampler:
            running.start()
            running.join()
    [probe] = [found for found in sampler.busiest(top=50) if "bench_sampler_probe" in found["statement"]]
    assert probe["statement"] == "SELECT pg_sleep(1.0) AS bench_sampler_probe"
    assert 0.5 <= probe["sessions"] <= 1.0
