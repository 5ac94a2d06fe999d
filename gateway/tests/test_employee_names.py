"""The worker's directory of names: asked for once per names version the identities announce,
for what changed since the version it holds."""
import threading
import time

import pytest
from flask import g

from chancery_gateway import employee_names, rpc

ANNA, OLEG = "a1", "b2"


@pytest.fixture
def staff(bus):
    """Staff's names by version: ``staff.rename(id, name)`` makes a new version."""
    class Staff:
        version, names, stamped = 2, {ANNA: "Anna Ivanova", OLEG: "Oleg Petrov"}, {ANNA: 1, OLEG: 2}

        def since(self, version):
            return {"version": self.version,
                    "names": {i: n for i, n in self.names.items() if self.stamped[i] > version}}

        def rename(self, employee_id, name):
            self.version += 1
            self.names[employee_id], self.stamped[employee_id] = name, self.version
    found = Staff()
    bus.answers[("staff", "employee_names_since")] = found.since
    return found


def asked(bus):
    return [args for service, method, args in bus.calls if method == "employee_names_since"]


def names_for(app, announced, ids):
    with app.test_request_context():
        g.identity = {"names_version": announced}
        return employee_names.names(ids)


def test_names_are_asked_for_once_per_version(app, bus, staff):
    assert names_for(app, 2, [ANNA, OLEG, "unknown"]) == {ANNA: "Anna Ivanova", OLEG: "Oleg Petrov"}
    assert names_for(app, 2, [ANNA]) == {ANNA: "Anna Ivanova"}
    assert asked(bus) == [(-1,)]

    staff.rename(OLEG, "Oleg Sidorov")
    assert names_for(app, 2, [OLEG]) == {OLEG: "Oleg Petrov"}  # not announced yet
    assert names_for(app, 3, [OLEG]) == {OLEG: "Oleg Sidorov"}
    assert names_for(app, 2, [OLEG]) == {OLEG: "Oleg Sidorov"}  # an identity cached earlier
    assert asked(bus) == [(-1,), (2,)]


def test_without_an_announced_version_staff_is_asked_each_time(app, bus, staff):
    assert employee_names.names([ANNA]) == {ANNA: "Anna Ivanova"}  # outside a request
    assert employee_names.names([ANNA]) == {ANNA: "Anna Ivanova"}
    assert asked(bus) == [(-1,), (2,)]
    assert employee_names.names([]) == {} and len(asked(bus)) == 2


def test_threads_waiting_for_the_same_version_ask_once(app, bus, staff):
    slow = staff.since
    bus.answers[("staff", "employee_names_since")] = lambda version: time.sleep(0.2) or slow(version)
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(names_for(app, 2, [ANNA]))) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [{ANNA: "Anna Ivanova"}] * 5
    assert asked(bus) == [(-1,)]


def test_staff_down_when_names_are_needed_is_told(app, bus):
    bus.answers[("staff", "employee_names_since")] = rpc.ServiceUnavailable.of("staff", "no instance is running")
    with pytest.raises(rpc.ServiceUnavailable):
        names_for(app, 5, [ANNA])


def test_a_change_made_through_this_worker_shows_at_once(app, bus, staff):
    assert names_for(app, 2, [OLEG]) == {OLEG: "Oleg Petrov"}
    staff.rename(OLEG, "Oleg Sidorov")

    employee_names.changed()  # as the employee pages do after staff answered

    assert names_for(app, 2, [OLEG]) == {OLEG: "Oleg Sidorov"}
    assert names_for(app, 2, [OLEG]) == {OLEG: "Oleg Sidorov"}
    assert asked(bus) == [(-1,), (2,)]
