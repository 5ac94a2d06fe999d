"""Employees' names by version: a gateway holding version N gets exactly what was added or
renamed after N (migration 0006's trigger), and the identity tells it the current version."""
import threading
import uuid

import pytest
from sqlalchemy import select, update

from chancery_common.database import make_session_factory
from chancery_common.errors import InvalidInput
from staff import logic
from staff.models import Employee
from staff.service import identity

ADMINISTRATOR = {"id": str(uuid.uuid4()), "roles": ["administrator"]}


@pytest.fixture
def service(entrypoints):
    return entrypoints


def test_names_come_once_added_and_again_once_renamed(service, session, make_employee):
    before = service.employee_names_since(-1)
    olga = str(make_employee(full_name="Olga Smirnova").id)

    added = service.employee_names_since(before["version"])
    assert added == {"version": before["version"] + 1, "names": {olga: "Olga Smirnova"}}
    assert olga in service.employee_names_since(-1)["names"]

    service.update_employee(ADMINISTRATOR, olga, {"phone": "+7 495 000-00-00"})  # not a name
    assert service.employee_names_since(added["version"]) == {"version": added["version"], "names": {}}

    service.update_employee(ADMINISTRATOR, olga, {"full_name": "Olga Ivanova"})
    renamed = service.employee_names_since(added["version"])
    assert renamed == {"version": added["version"] + 1, "names": {olga: "Olga Ivanova"}}


def test_the_identity_names_the_current_version(service, session, make_employee):
    employee = make_employee()
    with session.begin():
        shown = identity(session, employee)
    assert shown["names_version"] == service.employee_names_since(-1)["version"]


def test_versions_follow_commit_order(engine, make_employee):
    """A rename waits for a concurrent one's commit before it is stamped: a reader that saw the
    first one's version asks next for what came after it, which includes the second."""
    ids = [make_employee(full_name=f"Racer {name}").id for name in "AB"]
    first, second = make_session_factory(engine)(), make_session_factory(engine)()
    try:
        first.begin()
        first.execute(update(Employee).where(Employee.id == ids[0]).values(full_name="Racer A2"))
        stamped_first = first.scalar(select(Employee.name_version).where(Employee.id == ids[0]))
        done = threading.Event()

        def rename_second():
            with second.begin():
                second.execute(update(Employee).where(Employee.id == ids[1]).values(full_name="Racer B2"))
            done.set()
        thread = threading.Thread(target=rename_second)
        thread.start()
        assert not done.wait(0.5)  # the second waits for the first
        first.commit()
        thread.join(10)
        assert done.is_set()
        assert logic.names_since(second, version=stamped_first)[1] == {ids[1]: "Racer B2"}
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("version", ["1", None, -2, 1.5, True])
def test_a_bad_version_is_named(service, version):
    with pytest.raises(InvalidInput) as refused:
        service.employee_names_since(version)
    assert "version" in refused.value.details
