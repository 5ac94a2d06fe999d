"""Employees (owned by the staff service)."""
from flask import g, jsonify, request
from flask_smorest import abort

from .blueprint import Blueprint

from .. import employee_names, preconditions, rpc
from ..compose import imports
from .jobs import accepted
from .openapi import VERSIONED
from ..payload import form_flag, jsonable

from .paging import listing, sync_request
from .schemas.auth import PasswordResetResultSchema, PasswordResetSchema
from .schemas.common import page_of
from .schemas.jobs import JobSchema
from .schemas.staff import EmployeeChangesSchema, EmployeeQueryArgs, EmployeeSchema, NewEmployeeSchema

blp = Blueprint("employees", __name__, url_prefix="/api/v1/employees",
                description="The organisation's employees.")


@blp.route("/")
@blp.arguments(EmployeeQueryArgs, location="query")
@blp.response(200, page_of(EmployeeSchema, "EmployeePage", sync=True))
@listing
def list_employees(args):
    """Active employees, by name; `search` matches name and e-mail.

    Or sync (`updated_since`, then `after`): every employee by change, a deactivated one as a tombstone."""
    sync = sync_request(args)
    if sync:
        return rpc.call("staff", "sync_employees", sync)
    return rpc.call("staff", "list_employees", jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(NewEmployeeSchema)
@blp.response(201, EmployeeSchema)
def create_employee(data):
    """Add an employee (administrators only)."""
    answer = rpc.call("staff", "create_employee", g.actor, jsonable(data))
    employee_names.changed()
    return answer


@blp.route("/<uuid:employee_id>")
@blp.response(200, EmployeeSchema)
@blp.doc(**VERSIONED)
def get_employee(employee_id):
    return preconditions.tagged(rpc.call("staff", "get_employee", str(employee_id)))


@blp.route("/<uuid:employee_id>/deactivate", methods=["POST"])
@blp.response(200, EmployeeSchema)
def deactivate(employee_id):
    """Dismiss an employee (administrators): sign-in stops, sessions end, API tokens are revoked."""
    return rpc.call("staff", "deactivate_employee", g.actor, str(employee_id))


@blp.route("/<uuid:employee_id>/two-factor/reset", methods=["POST"])
@blp.response(200, description="two-factor is off for the employee")
def reset_two_factor(employee_id):
    """Remove an employee's two-factor sign-in and recovery codes (administrators), for one
    who lost both; they set it up again (at once, where the policy requires it)."""
    rpc.call("staff", "reset_two_factor", g.actor, str(employee_id))
    return jsonify({"enabled": False})


@blp.route("/<uuid:employee_id>/password-reset", methods=["POST"])
@blp.arguments(PasswordResetSchema)
@blp.response(200, PasswordResetResultSchema)
def reset_password(data, employee_id):
    """Set a new password (administrators); without one, a generated password is returned once."""
    return rpc.call("staff", "reset_password", g.actor, str(employee_id), data)


@blp.route("/<uuid:employee_id>", methods=["PATCH"])
@blp.arguments(EmployeeChangesSchema)
@blp.response(200, EmployeeSchema)
@blp.doc(**VERSIONED)
def update_employee(data, employee_id):
    """Change an employee's card: department, position, roles... (administrators)."""
    answer = rpc.call("staff", "update_employee", g.actor, str(employee_id), jsonable(data),
                      expected_version=preconditions.expected_version())
    employee_names.changed()
    return preconditions.tagged(answer)


@blp.route("/import", methods=["POST"])
@blp.response(202, JobSchema)
@blp.doc(requestBody={"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "CSV (; , or tab separated; UTF-8 with or "
                                                                      "without BOM, or Windows-1251: detected) or "
                                                                      "XLSX; the first row names the columns"},
        "dry_run": {"type": "boolean", "default": False, "description": "report only, change nothing"}}}}}})
def import_employees():
    """Start an import job (administrators): employees and departments from a CSV or XLSX file:
    columns full_name and email (required), department, position, phone, roles (codes or names,
    several separated by ';' or ','), or their Russian headers (ФИО, Эл. почта, Подразделение,
    Должность, Телефон, Роли). A file that cannot be read is a 422 at once naming it under
    `errors.json.file`. The job imports all rows or none: rows in error fail it, its report naming
    each row's problems under `row_errors` (a missing required column under `errors.file`). The
    done job's `report` has dry_run, applied, total_rows, failed, employees_created,
    employees_updated, departments_created, departments (the names created), unknown_columns
    (headers ignored), `file` (how the file was read: format, encoding, separator) and per row
    its row, action (create, update or error), full_name, email, department and errors.
    `dry_run` reports what would happen, row by row, and changes nothing."""
    if "administrator" not in g.actor["roles"]:
        abort(403, message="only administrators import employees")
    content, filename = imports.uploaded(request.files.get("file"))
    return accepted(imports.start_employees_import(content, filename, dry_run=form_flag("dry_run")))
