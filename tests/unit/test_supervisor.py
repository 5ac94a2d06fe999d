"""The local runner's supervisor: a process that exits is started again after a pause that
doubles with each quick failure, with a line in the runner's output and the process's log;
one stopped on purpose stays stopped."""
import re
import sys
import time

import pytest

from chancery_local import system as system_module
from chancery_local.profile import Profile
from chancery_local.system import System


@pytest.fixture
def supervised(tmp_path, monkeypatch):
    monkeypatch.setattr(system_module, "FIRST_BACKOFF", 0.1)
    monkeypatch.setattr(system_module, "MAX_BACKOFF", 0.4)
    lines = []
    running = System(Profile(data_dir=tmp_path), log=lines.append)
    running.profile.log_dir.mkdir(parents=True)
    yield running, lines
    running.stop(timeout=5)


def wait_until(probe, timeout=20):
    deadline = time.monotonic() + timeout
    while not probe():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.05)


def test_a_process_that_keeps_failing_is_started_again_with_growing_pauses(supervised):
    system, lines = supervised
    system._spawn("flaky", [sys.executable, "-c", "import sys; sys.exit(3)"], {}, cwd=None)
    system.supervise(interval=0.02)

    wait_until(lambda: system.restarts.get("flaky", 0) >= 4)

    pauses = [float(p) for p in re.findall(r"flaky exited with code 3 after \d+ s; starting it again in ([\d.]+) s",
                                           "\n".join(lines))]
    assert pauses[:4] == [0.1, 0.2, 0.4, 0.4]  # doubling, up to the ceiling
    log = system.log_path("flaky").read_text()
    assert "[chancery supervisor] flaky exited with code 3" in log and "flaky started again (pid" in log


def test_a_process_that_ran_long_enough_is_started_again_after_the_first_pause(supervised, monkeypatch):
    monkeypatch.setattr(system_module, "STABLE_SECONDS", 0.5)
    system, lines = supervised
    system._spawn("steady", [sys.executable, "-c", "import time; time.sleep(0.8)"], {}, cwd=None)
    system.supervise(interval=0.02)

    wait_until(lambda: system.restarts.get("steady", 0) >= 2)

    assert re.findall(r"starting it again in ([\d.]+) s", "\n".join(lines))[:2] == ["0.1", "0.1"]


def test_a_process_stopped_on_purpose_stays_stopped_and_the_others_keep_running(supervised):
    system, lines = supervised
    system._spawn("kept", [sys.executable, "-c", "import time; time.sleep(60)"], {}, cwd=None)
    system._spawn("stopped", [sys.executable, "-c", "import time; time.sleep(60)"], {}, cwd=None)
    system.supervise(interval=0.02)

    system.stop_process("stopped")
    time.sleep(0.5)

    assert system.exited() == ["stopped"] and system.restarts == {} and lines == []
    system.start_process("stopped")
    assert system.exited() == []
