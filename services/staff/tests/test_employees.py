"""Employees and their credentials, on the staff service's real database."""
import pytest
from argon2 import PasswordHasher

from chancery_common.errors import Conflict, Unauthenticated
from staff import events, logic

PASSWORD = "correct horse battery"


def test_a_created_employee_is_announced(make_employee, outbox_events):
    employee = make_employee(full_name="Anna Ivanova", roles=["lawyer"])

    announced = [p for p in outbox_events(events.EMPLOYEE_CREATED) if p["employee_id"] == str(employee.id)]
    assert announced == [{"employee_id": str(employee.id), "full_name": "Anna Ivanova",
                          "email": employee.email, "department_id": None, "roles": ["lawyer"],
                          "position": None, "time_zone": "UTC", "locale": "en"}]


def test_the_password_is_stored_as_an_argon2_hash_only(make_employee):
    employee = make_employee(password=PASSWORD)

    assert employee.password_hash.startswith("$argon2id$")
    assert PASSWORD not in employee.password_hash
    assert PasswordHasher().verify(employee.password_hash, PASSWORD)


def test_an_employee_without_a_password_cannot_sign_in(make_employee, session):
    employee = make_employee(password=None)

    assert employee.password_hash is None
    with pytest.raises(Unauthenticated), session.begin():
        logic.authenticate(session, email=employee.email, password="")


def test_an_e_mail_in_use_in_another_case_is_a_conflict(make_employee, unique):
    make_employee(email=f"Anna.{unique}@Test.Chancery")

    with pytest.raises(Conflict) as refused:
        make_employee(email=f"  anna.{unique}@test.chancery ")
    assert refused.value.details == {"email": ["already in use"]}


def test_a_refused_employee_leaves_nothing_behind(make_employee, session, unique):
    make_employee(email=f"taken.{unique}@test.chancery")
    with pytest.raises(Conflict):
        make_employee(email=f"TAKEN.{unique}@test.chancery", full_name="Second")

    with session.begin():
        found, total = logic.list_employees(session, search=f"taken.{unique}")
    assert [e.full_name for e in found] == ["Ivan Petrov"]


def test_signing_in_with_the_right_password_returns_the_employee(make_employee, session):
    employee = make_employee(password=PASSWORD)

    with session.begin():
        signed_in = logic.authenticate(session, email=employee.email.upper(), password=PASSWORD)
    assert signed_in.id == employee.id


@pytest.mark.parametrize("case", ["wrong password", "unknown e-mail", "inactive"])
def test_every_failed_sign_in_gets_the_same_answer(make_employee, session, case):
    employee = make_employee(password=PASSWORD)
    email, password = employee.email, PASSWORD
    if case == "wrong password":
        password = "not the password"
    elif case == "unknown e-mail":
        email = "nobody@test.chancery"
    else:
        with session.begin():
            session.merge(employee).is_active = False

    with pytest.raises(Unauthenticated) as refused, session.begin():
        logic.authenticate(session, email=email, password=password)
    assert refused.value.message == "wrong e-mail or password"


def test_list_finds_employees_by_name_or_e_mail(make_employee, session, unique):
    anna = make_employee(full_name=f"Anna {unique}")
    boris = make_employee(full_name="Boris", email=f"boris.{unique}@test.chancery")
    make_employee(full_name="Someone Else")

    with session.begin():
        found, total = logic.list_employees(session, search=unique)
    assert [e.id for e in found] == [anna.id, boris.id]
    assert total == 2
