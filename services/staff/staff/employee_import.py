"""Employees and their departments from the rows of a spreadsheet.

The gateway reads the CSV or XLSX file (chancery_common.tabular) and sends its header and
rows. Columns: full name and e-mail (required), department, position, phone and roles,
under their field names or the usual Russian and English headers (ФИО, Эл. почта,
Подразделение, Должность, Телефон, Роли...); other columns are reported as ignored. Roles
are codes or their names (Юрист, lawyer), several separated by ``;`` or ``,``.

Every row is checked first; with any error nothing is written (InvalidInput naming each
row). An employee whose e-mail exists is updated; a department that does not exist is
created. A dry run checks and plans the same way and writes nothing: its report says what
the import would do, row by row.
"""
from sqlalchemy import func, select

from chancery_common.tabular import Columns, header_key

from . import logic, organisation
from .exceptions import InvalidInput
from .models import Employee
from .schemas import ROLES

COLUMNS = Columns({
    "full_name": ("ФИО", "Ф.И.О.", "Сотрудник", "Полное имя", "Имя", "full name", "name", "employee"),
    "email": ("E-mail", "Эл. почта", "Электронная почта", "Почта", "e-mail address", "mail"),
    "department": ("Подразделение", "Отдел", "Департамент", "Служба", "division"),
    "position": ("Должность", "job title", "title"),
    "phone": ("Телефон", "Тел.", "telephone", "phone number"),
    "roles": ("Роли", "Роль", "role"),
}, required=("full_name", "email"))
# the names a file may give a role besides its code
ROLE_NAMES = {
    "administrator": ("Администратор",), "director": ("Директор",),
    "department_head": ("Руководитель подразделения", "Руководитель отдела", "Руководитель", "Department head"),
    "manager": ("Менеджер",), "lawyer": ("Юрист",), "secretary": ("Секретарь",),
    "accountant": ("Бухгалтер",), "employee": ("Сотрудник",),
}
ROLE_WORDS = {header_key(word): code for code in ROLES for word in (code, *ROLE_NAMES.get(code, ()))}


def import_employees(session, *, rows, columns, dry_run, actor):
    """Import (or, ``dry_run``, plan) ``rows`` of a file whose header is ``columns``; the report."""
    organisation.require_admin(actor)
    if columns is None:
        columns = list(dict.fromkeys(header for row in rows for header in row["values"]))
    COLUMNS.require(columns)
    plan = _plan(session, rows)
    bad = {str(row["row"]): row["errors"] for row in plan["rows"] if row["errors"]}
    if bad and not dry_run:
        raise InvalidInput(f"Invalid input: {len(bad)} rows have errors (rows {', '.join(list(bad)[:20])}); "
                           "nothing was imported", {"rows": bad})
    report = {"dry_run": dry_run, "applied": not dry_run, "total_rows": len(rows), "failed": len(bad),
              "unknown_columns": COLUMNS.unknown(columns), "departments": plan["departments"],
              "employees_created": sum(row["action"] == "create" for row in plan["rows"]),
              "employees_updated": sum(row["action"] == "update" for row in plan["rows"]),
              "departments_created": len(plan["departments"]),
              "rows": [{key: value for key, value in row.items() if key != "fields"} for row in plan["rows"]]}
    if not dry_run:
        _apply(session, plan, actor)
    return report


def _plan(session, rows):
    """Every row checked, with what it would do; and the departments that would be created."""
    existing = {d.name.lower() for d in organisation.list_departments(session)}
    found = [COLUMNS.values(row["values"]) for row in rows]
    emails = {values.get("email", "").lower() for values in found} - {""}
    employed = set(session.scalars(select(func.lower(Employee.email)).where(func.lower(Employee.email).in_(emails))))
    new_departments, planned, seen = {}, [], set()
    for row, values in zip(rows, found, strict=True):
        problems = []
        email = values.get("email", "").lower()
        name = values.get("full_name", "")
        roles, unknown_roles = _roles(values.get("roles", ""))
        if not name:
            problems.append("full_name is empty")
        if "@" not in email:
            problems.append(f"e-mail {email!r} is not valid")
        elif email in seen:
            problems.append(f"e-mail {email} appears twice")
        if unknown_roles:
            problems.append(f"unknown roles: {', '.join(unknown_roles)}")
        seen.add(email)
        department = values.get("department")
        action = "error"
        if not problems:
            action = "update" if email in employed else "create"
            if department and department.lower() not in existing:
                new_departments.setdefault(department.lower(), department)
        planned.append({"row": row["row"], "action": action, "full_name": name, "email": email,
                        "department": department, "errors": problems,
                        "fields": {"full_name": name, "email": email, "roles": roles, "department": department,
                                   "position": values.get("position"), "phone": values.get("phone")}})
    return {"rows": planned, "departments": list(new_departments.values())}


def _roles(text):
    """(role codes, the words that name no role) of a roles cell; none given: employee."""
    words = [word.strip() for word in text.replace(",", ";").split(";") if word.strip()]
    roles = list(dict.fromkeys(ROLE_WORDS[header_key(word)] for word in words if header_key(word) in ROLE_WORDS))
    unknown = [word for word in words if header_key(word) not in ROLE_WORDS]
    return roles or ["employee"], unknown


def _apply(session, plan, actor):
    departments = {d.name.lower(): d for d in organisation.list_departments(session)}
    for row in plan["rows"]:
        fields = row["fields"]
        department = None
        if fields["department"]:
            department = departments.get(fields["department"].lower())
            if department is None:
                department = organisation.save_department(session, data={"name": fields["department"]}, actor=actor)
                departments[fields["department"].lower()] = department
        changes = {"full_name": fields["full_name"], "roles": fields["roles"], "position": fields["position"],
                   "phone": fields["phone"], "department_id": department.id if department else None}
        existing = logic.find_by_email(session, email=fields["email"])
        if existing is None:
            logic.create_employee(session, data={**changes, "email": fields["email"]}, actor_id=actor.id)
        else:
            logic.update_employee(session, employee_id=existing.id, changes=changes, actor_id=actor.id)
