"""The staff service's entrypoints: input checked with the schema, output dumped without secrets."""
import uuid

import pytest
from nameko.testing.services import worker_factory

from chancery_common.errors import InvalidInput, PermissionDenied
from staff.service import StaffService

ADMINISTRATOR = {"id": str(uuid.uuid4()), "roles": ["administrator"]}


@pytest.fixture
def service(session):
    return worker_factory(StaffService, db=session)


def test_create_employee_answers_without_password_or_hash(service, unique):
    created = service.create_employee(ADMINISTRATOR, {
        "full_name": "Olga Smirnova", "email": f"olga.{unique}@test.chancery",
        "password": "long enough password"})

    assert created["email"] == f"olga.{unique}@test.chancery"
    assert created["roles"] == ["employee"]
    assert "password" not in created and "password_hash" not in created


def test_create_employee_names_the_invalid_fields(service):
    with pytest.raises(InvalidInput) as refused:
        service.create_employee(ADMINISTRATOR, {"email": "not-an-email", "password": "short", "roles": ["king"]})

    assert refused.value.message == "Invalid input: email, full_name, password, roles.0"


def test_only_an_administrator_creates_employees(service, unique):
    manager = {"id": str(uuid.uuid4()), "roles": ["manager"]}

    with pytest.raises(PermissionDenied):
        service.create_employee(manager, {"full_name": "Someone", "email": f"someone.{unique}@test.chancery"})


def test_authenticate_answers_the_employee(service, make_employee):
    employee = make_employee(password="correct horse battery")

    answer = service.authenticate({"email": employee.email, "password": "correct horse battery"})

    assert answer["id"] == str(employee.id)
