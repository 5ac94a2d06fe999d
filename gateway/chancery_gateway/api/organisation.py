"""The organisation (owned by the staff service): our legal entities, positions,
departments, absences with deputies, and which roles may do what."""
from flask import g
from flask_smorest import Blueprint

from .. import rpc
from .payload import jsonable
from .schemas import (
    AbsenceQueryArgs, AbsenceSchema, DepartmentChangesSchema, DepartmentSchema, LegalEntitySchema,
    PositionSchema, RolePermissionSchema,
)

blp = Blueprint("organisation", __name__, url_prefix="/api/v1",
                description="Legal entities, departments, absences and deputies, role settings.")


@blp.route("/legal-entities/")
@blp.response(200, LegalEntitySchema(many=True))
def list_legal_entities():
    return rpc.call("staff", "list_legal_entities", g.actor)


@blp.route("/legal-entities/", methods=["POST"])
@blp.arguments(LegalEntitySchema)
@blp.response(201, LegalEntitySchema)
def create_legal_entity(data):
    """Add one of our companies (administrators)."""
    return rpc.call("staff", "create_legal_entity", g.actor, jsonable(data))


@blp.route("/positions/")
@blp.response(200, PositionSchema(many=True))
def list_positions():
    """The job titles employees' positions are chosen from."""
    return rpc.call("staff", "list_positions", g.actor)


@blp.route("/positions/", methods=["POST"])
@blp.arguments(PositionSchema)
@blp.response(201, PositionSchema)
def create_position(data):
    return rpc.call("staff", "create_position", g.actor, data)


@blp.route("/departments/")
@blp.response(200, DepartmentSchema(many=True))
def list_departments():
    return rpc.call("staff", "list_departments", g.actor)


@blp.route("/departments/", methods=["POST"])
@blp.arguments(DepartmentSchema)
@blp.response(201, DepartmentSchema)
def create_department(data):
    """Add a department, with its head, parent department and legal entity (administrators)."""
    return rpc.call("staff", "save_department", g.actor, jsonable(data))


@blp.route("/departments/<uuid:department_id>", methods=["PATCH"])
@blp.arguments(DepartmentChangesSchema)
@blp.response(200, DepartmentSchema)
def update_department(data, department_id):
    return rpc.call("staff", "save_department", g.actor, jsonable(data), str(department_id))


@blp.route("/absences/")
@blp.arguments(AbsenceQueryArgs, location="query")
@blp.response(200, AbsenceSchema(many=True))
def list_absences(args):
    """Absences (not cancelled); with `employee_id`, those of the employee or where they deputise."""
    employee_id = args.get("employee_id")
    return rpc.call("staff", "list_absences", g.actor, str(employee_id) if employee_id else None)


@blp.route("/absences/", methods=["POST"])
@blp.arguments(AbsenceSchema)
@blp.response(201, AbsenceSchema)
def add_absence(data):
    """Record an absence and the deputy who acts meanwhile (one's own, or anyone's by administrators)."""
    return rpc.call("staff", "add_absence", g.actor, jsonable(data))


@blp.route("/absences/<uuid:absence_id>/cancel", methods=["POST"])
@blp.response(200, AbsenceSchema)
def cancel_absence(absence_id):
    return rpc.call("staff", "cancel_absence", g.actor, str(absence_id))


@blp.route("/settings/role-permissions")
@blp.response(200)
def role_settings():
    """Which roles may register documents, edit reference books, configure types and routes..."""
    return rpc.call("staff", "role_settings", g.actor)


@blp.route("/settings/role-permissions", methods=["PUT"])
@blp.arguments(RolePermissionSchema)
@blp.response(200)
def set_role_permission(data):
    """Set the roles of one permission (administrators keep every permission)."""
    return rpc.call("staff", "set_role_permission", g.actor, data)
