"""Employees and departments from the rows of a spreadsheet, with Russian or English headers."""
import uuid

import pytest

from chancery_common.actor import Actor
from chancery_common.errors import InvalidInput, PermissionDenied
from staff import employee_import, logic, organisation


def rows(columns, *values):
    """A file's rows as the gateway sends them: numbered from 2 (the header is row 1)."""
    return [{"row": number, "values": dict(zip(columns, row, strict=True))} for number, row in enumerate(values, 2)]


@pytest.fixture
def administrator(make_employee):
    employee = make_employee(roles=["administrator"])
    return Actor(id=employee.id, roles=["administrator"], full_name=employee.full_name)


def run(session, actor, **request):
    with session.begin():
        return employee_import.import_employees(session, actor=actor, **{"columns": None, "dry_run": False, **request})


def test_russian_headers_a_dry_run_then_the_import(session, administrator):
    tag = uuid.uuid4().hex[:8]
    columns = ["Ф.И.О.", "Эл. почта", "Подразделение", "Должность", "Телефон", "Роли", "Табельный номер"]
    file_rows = rows(columns,
                     ["Анна Петрова", f"Anna.{tag}@Example.ru", f"Продажи {tag}", "Менеджер", "+7 900", "Менеджер",
                      "17"],
                     ["Олег Сидоров", f"oleg.{tag}@example.ru", f"Юристы {tag}", "", "", "юрист, Сотрудник", "18"])

    preview = run(session, administrator, columns=columns, rows=file_rows, dry_run=True)

    assert (preview["applied"], preview["employees_created"], preview["departments"]) == (
        False, 2, [f"Продажи {tag}", f"Юристы {tag}"])
    assert preview["unknown_columns"] == ["Табельный номер"]
    assert [(row["row"], row["action"], row["email"]) for row in preview["rows"]] == [
        (2, "create", f"anna.{tag}@example.ru"), (3, "create", f"oleg.{tag}@example.ru")]
    with session.begin():
        assert logic.find_by_email(session, email=f"anna.{tag}@example.ru") is None

    done = run(session, administrator, columns=columns, rows=file_rows)
    assert (done["applied"], done["employees_created"], done["departments_created"]) == (True, 2, 2)
    with session.begin():
        oleg = logic.find_by_email(session, email=f"oleg.{tag}@example.ru")
        assert (oleg.full_name, oleg.roles, oleg.position) == ("Олег Сидоров", ["lawyer", "employee"], None)
        departments = {d.id: d.name for d in organisation.list_departments(session)}
        assert departments[oleg.department_id] == f"Юристы {tag}"

    again = run(session, administrator, columns=columns, rows=file_rows, dry_run=True)
    assert (again["employees_created"], again["employees_updated"], again["departments"]) == (0, 2, [])


def test_rows_in_error_are_named_and_nothing_is_written(session, administrator):
    tag = uuid.uuid4().hex[:8]
    columns = ["full_name", "email", "roles"]
    file_rows = rows(columns, ["Good Person", f"good.{tag}@x.ru", "manager"], ["", f"nameless.{tag}@x.ru", ""],
                     ["Third", f"third.{tag}@x.ru", "emperor"], ["Twice", f"GOOD.{tag}@x.ru", ""])

    preview = run(session, administrator, rows=file_rows, dry_run=True)
    assert [row["action"] for row in preview["rows"]] == ["create", "error", "error", "error"]
    assert preview["failed"] == 3
    with pytest.raises(InvalidInput) as refused:
        run(session, administrator, rows=file_rows)
    errors = refused.value.details["rows"]
    assert set(errors) == {"3", "4", "5"}
    assert errors["4"] == ["unknown roles: emperor"] and "appears twice" in errors["5"][0]
    with session.begin():
        assert logic.find_by_email(session, email=f"good.{tag}@x.ru") is None


def test_a_missing_required_column_is_named(session, administrator):
    with pytest.raises(InvalidInput) as refused:
        run(session, administrator, columns=["ФИО", "Отдел"], rows=rows(["ФИО", "Отдел"], ["Анна", "Продажи"]))
    assert refused.value.details == {"file": ["Missing columns: email."]}


def test_only_administrators_import(session, make_employee):
    employee = make_employee()
    clerk = Actor(id=employee.id, roles=["employee"], full_name=employee.full_name)
    with pytest.raises(PermissionDenied):
        run(session, clerk, rows=rows(["full_name", "email"], ["A", "a@x.ru"]), dry_run=True)
