"""No lost updates for employees and departments: a change from a stale version is refused
naming who changed what meanwhile (chancery_common.versions)."""
import uuid

import pytest
from nameko.testing.services import worker_factory

from chancery_common.errors import PreconditionFailed
from staff.service import StaffService

FIRST = {"id": str(uuid.uuid4()), "roles": ["administrator"]}
SECOND = {"id": str(uuid.uuid4()), "roles": ["administrator"]}


@pytest.fixture
def service(session):
    return worker_factory(StaffService, db=session)


def test_an_employee_changed_meanwhile_is_not_overwritten(service, unique):
    created = service.create_employee(FIRST, {"full_name": "Olga Smirnova", "email": f"olga.{unique}@test.chancery",
                                              "password": "long enough password"})
    assert created["version"] == 1

    changed = service.update_employee(FIRST, created["id"], {"position": "Lawyer"}, expected_version=1)
    assert (changed["position"], changed["version"]) == ("Lawyer", 2)

    with pytest.raises(PreconditionFailed) as refused:
        service.update_employee(SECOND, created["id"], {"position": "Accountant", "phone": "+7 900"},
                                expected_version=1)
    details = refused.value.details
    assert (details["current_version"], details["changed_by"]) == (2, FIRST["id"])
    assert details["changes"] == {"position": "Lawyer"} and details["changed_at"]
    again = service.update_employee(SECOND, created["id"], {"phone": "+7 900"}, expected_version=2)
    assert (again["version"], again["position"], again["phone"]) == (3, "Lawyer", "+7 900")


def test_a_department_changed_meanwhile_is_not_overwritten(service, unique):
    made = service.save_department(FIRST, {"name": f"Sales {unique}"})
    assert made["version"] == 1
    service.save_department(FIRST, {"name": f"Sales North {unique}"}, made["id"], expected_version=1)

    with pytest.raises(PreconditionFailed) as refused:
        service.save_department(SECOND, {"name": f"Sales South {unique}"}, made["id"], expected_version=1)

    assert refused.value.details["changes"] == {"name": f"Sales North {unique}"}
    [listed] = [d for d in service.list_departments(FIRST) if d["id"] == made["id"]]
    assert (listed["name"], listed["version"]) == (f"Sales North {unique}", 2)
