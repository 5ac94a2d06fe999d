"""Programs and parsing run off the event loop: while OCRmyPDF or a long parse runs, the
service's other green threads (the broker's heartbeats, RPC, event handlers) keep running."""
import time

import eventlet
import pytest

from texts import tools


def ticks_during(work):
    """How many times a green thread woke every 50 ms while ``work`` ran in another."""
    count, done = [0], [False]

    def ticker():
        while not done[0]:
            count[0] += 1
            eventlet.sleep(0.05)

    eventlet.spawn(ticker)
    worker = eventlet.spawn(work)
    worker.wait()
    done[0] = True
    return count[0]


def test_a_program_runs_without_stopping_the_event_loop():
    started = time.monotonic()
    assert ticks_during(lambda: tools.run(["sleep", "1"], timeout=10)) >= 10
    assert time.monotonic() - started >= 1


def test_cpu_bound_parsing_runs_in_a_thread_of_its_own():
    def busy():
        end = time.monotonic() + 1
        while time.monotonic() < end:
            pass
    assert ticks_during(lambda: tools.in_thread(busy)) >= 10
    # the same work on the loop itself would have stopped the ticker
    assert ticks_during(busy) <= 2


def test_a_program_past_its_time_is_killed_and_a_failing_one_says_why():
    started = time.monotonic()
    with pytest.raises(tools.ToolFailed) as timed_out:
        tools.run(["sleep", "30"], timeout=0.5)
    assert timed_out.value.code is None and time.monotonic() - started < 5
    with pytest.raises(tools.ToolFailed) as failed:
        tools.run(["sh", "-c", "echo the reason >&2; exit 3"], timeout=5)
    assert failed.value.code == 3 and str(failed.value) == "sh exited with 3: the reason"


def test_a_program_past_its_time_is_killed_with_the_processes_it_started(tmp_path):
    pidfile = tmp_path / "child"
    with pytest.raises(tools.ToolFailed):
        tools.run(["sh", "-c", f"sleep 30 & echo $! > {pidfile}; wait"], timeout=0.5)
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid):
    """Whether the process runs (a zombie left to init counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
