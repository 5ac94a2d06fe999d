"""Employees (owned by the staff service)."""
from flask import abort, g
from flask_smorest import Blueprint

from .. import rpc
from .payload import jsonable
from .schemas import (
    EmployeeQueryArgs, EmployeeSchema, NewEmployeeSchema, PasswordResetResultSchema,
    PasswordResetSchema, page_of,
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
    if "administrator" not in g.actor["roles"]:
        abort(403, description="only administrators add employees")
    return rpc.call("staff", "create_employee", jsonable(data))


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
