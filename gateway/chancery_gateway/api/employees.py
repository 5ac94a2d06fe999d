"""Employees (owned by the staff service)."""
from flask import g, request
from flask_smorest import Blueprint

from .. import directory, rpc
from .payload import jsonable
from chancery_common.errors import InvalidInput

from .schemas import (
    EmployeeChangesSchema, EmployeeQueryArgs, EmployeeSchema, ImportResultSchema, NewEmployeeSchema,
    PasswordResetResultSchema, PasswordResetSchema, page_of,
)

blp = Blueprint("employees", __name__, url_prefix="/api/v1/employees",
                description="The organisation's employees.")


@blp.route("/")
@blp.arguments(EmployeeQueryArgs, location="query")
@blp.response(200, page_of(EmployeeSchema, "EmployeePage"))
def list_employees(args):
    """Active employees, by name; `search` matches name and e-mail."""
    return rpc.call("staff", "list_employees", jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(NewEmployeeSchema)
@blp.response(201, EmployeeSchema)
def create_employee(data):
    """Add an employee (administrators only)."""
    answer = rpc.call("staff", "create_employee", g.actor, jsonable(data))
    directory.changed()
    return answer


@blp.route("/<uuid:employee_id>")
@blp.response(200, EmployeeSchema)
def get_employee(employee_id):
    return rpc.call("staff", "get_employee", str(employee_id))


@blp.route("/<uuid:employee_id>/deactivate", methods=["POST"])
@blp.response(200, EmployeeSchema)
def deactivate(employee_id):
    """Dismiss an employee (administrators): sign-in stops, sessions end, API tokens are revoked."""
    return rpc.call("staff", "deactivate_employee", g.actor, str(employee_id))


@blp.route("/<uuid:employee_id>/password-reset", methods=["POST"])
@blp.arguments(PasswordResetSchema)
@blp.response(200, PasswordResetResultSchema)
def reset_password(data, employee_id):
    """Set a new password (administrators); without one, a generated password is returned once."""
    return rpc.call("staff", "reset_password", g.actor, str(employee_id), data)


@blp.route("/<uuid:employee_id>", methods=["PATCH"])
@blp.arguments(EmployeeChangesSchema)
@blp.response(200, EmployeeSchema)
def update_employee(data, employee_id):
    """Change an employee's card: department, position, roles... (administrators)."""
    answer = rpc.call("staff", "update_employee", g.actor, str(employee_id), jsonable(data))
    directory.changed()
    return answer


@blp.route("/import", methods=["POST"])
@blp.response(200, ImportResultSchema)
@blp.doc(requestBody={"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}}}})
def import_employees():
    """Employees and departments from a CSV file (columns full_name, email, department,
    position, phone, roles separated by ';'); all rows or none."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InvalidInput("Invalid input: file", {"file": ["Choose a CSV file."]})
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("Invalid input: file", {"file": ["The file is not UTF-8 text."]}) from None
    answer = rpc.call("staff", "import_employees", g.actor, {"text": text})
    directory.changed()
    return answer
