"""Reads the CPU time of the processes the workload benchmark's ``CpuSampler`` names, in a
process of its own.

Read from a thread of the benchmark's own process, the readings waited for that process's
interpreter lock, which the floor's 32 threads (psycopg reading rows) kept: the first reading
of a 10-s level ended 10.3 s late, and the floor's CPU was counted over a fraction of its
level (docs/benchmarks.md, "The floor's CPU was undercounted"). Here nothing else runs.

Lines on stdin, each JSON: ``{"pids": {group: [pid, ...]}}`` adds processes (each read at
once: its CPU counts from then), ``{"stop": true}`` reads every process a last time and
prints ``{"seconds": {group: CPU seconds}, "machine": the cores' busy seconds, "began":
time.monotonic() of the first reading, "unit_us": the median CPU microseconds of a fixed unit of
work, "switches": the machine's context switches meanwhile}`` and ends. Between them every
process is read every ``interval`` seconds (argv[1], 0.5), so one that ends meanwhile counts
to its last reading.

The unit of work (a fixed Python loop, timed by this thread's own CPU clock, after each reading)
tells how fast a core is while the level runs, whatever the groups do: on a shared host a core
can give less work per CPU second when the host is busy (its clock lowered, its caches shared),
and every group's CPU per request then rises together. Comparing it between levels tells such a
slower machine from more work per request.
"""
import json
import statistics
import sys
import threading
import time
from collections import defaultdict

import psutil


def machine_busy():
    """Seconds the machine's cores have been busy since boot (all but idle and waiting on I/O;
    guests' time is already in user time)."""
    times = psutil.cpu_times()
    spent = sum(times) - times.idle - getattr(times, "iowait", 0.0)
    return spent - getattr(times, "guest", 0.0) - getattr(times, "guest_nice", 0.0)


UNIT = 20_000  # loop steps of the unit of work: about a millisecond of a core


def unit_of_work():
    """The CPU seconds this thread spends on a fixed loop."""
    began, total = time.thread_time(), 0
    for step in range(UNIT):
        total += step * step
    return time.thread_time() - began


class Reader:
    def __init__(self):
        self.units = []
        self.members, self.first, self.last = {}, {}, {}
        self.lock = threading.Lock()
        self.began = self.machine_first = self.switches_first = None

    def add(self, pids):
        with self.lock:
            for group, numbers in pids.items():
                for pid in numbers:
                    if (group, pid) not in self.members:
                        try:
                            self.members[(group, pid)] = psutil.Process(pid)
                        except psutil.NoSuchProcess:
                            pass
        starting = self.began is None
        if starting:
            self.machine_first, self.switches_first = machine_busy(), psutil.cpu_stats().ctx_switches
        self.read()
        if starting:
            self.began = time.monotonic()

    def read(self):
        with self.lock:
            for key, process in self.members.items():
                try:
                    times = process.cpu_times()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                used = times.user + times.system
                self.first.setdefault(key, used)
                self.last[key] = used

    def result(self):
        self.read()
        used = defaultdict(float)
        for key, last in self.last.items():
            used[key[0]] += last - self.first[key]
        machine = machine_busy() - self.machine_first if self.machine_first is not None else 0.0
        unit_us = round(1e6 * statistics.median(self.units), 1) if self.units else None
        switches = (psutil.cpu_stats().ctx_switches - self.switches_first
                    if self.switches_first is not None else None)
        return {"seconds": dict(used), "machine": machine, "began": self.began, "unit_us": unit_us,
                "switches": switches}


def main():
    interval = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    reader, stopping = Reader(), threading.Event()

    def every_interval():
        while not stopping.wait(interval):
            if reader.began is not None:
                reader.read()
                reader.units.append(unit_of_work())

    threading.Thread(target=every_interval, daemon=True).start()
    for line in sys.stdin:
        message = json.loads(line)
        if "pids" in message:
            reader.add(message["pids"])
        elif message.get("stop"):
            stopping.set()
            print(json.dumps(reader.result()), flush=True)
            return


if __name__ == "__main__":
    main()
