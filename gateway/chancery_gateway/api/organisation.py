"""The organisation (owned by the staff service): our legal entities, positions,
departments, absences with deputies, and which roles may do what."""
from flask import abort, g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing, sync_request
from .schemas.auth import SignInPolicySchema
from .schemas.common import page_of, SyncArgs
from .schemas.ldap import LdapDirectorySchema, LdapSyncRequestSchema, LdapSyncSchema
from .schemas.staff import (
    AbsenceQueryArgs, AbsenceSchema, DepartmentChangesSchema, DepartmentSchema, LegalEntitySchema, PositionSchema,
    RolePermissionSchema
)

blp = Blueprint("organisation", __name__, url_prefix="/api/v1",
                description="Legal entities, departments, absences and deputies, role settings, "
                            "sign-in settings (the sign-in policy, the LDAP directory and its sync).")


@blp.route("/legal-entities/")
@blp.response(200, page_of(LegalEntitySchema, "LegalEntityList"))
@listing
def list_legal_entities():
    return rpc.call("staff", "list_legal_entities", g.actor)


@blp.route("/legal-entities/", methods=["POST"])
@blp.arguments(LegalEntitySchema)
@blp.response(201, LegalEntitySchema)
def create_legal_entity(data):
    """Add one of our companies (administrators)."""
    return rpc.call("staff", "create_legal_entity", g.actor, jsonable(data))


@blp.route("/positions/")
@blp.response(200, page_of(PositionSchema, "PositionList"))
@listing
def list_positions():
    """The job titles employees' positions are chosen from."""
    return rpc.call("staff", "list_positions", g.actor)


@blp.route("/positions/", methods=["POST"])
@blp.arguments(PositionSchema)
@blp.response(201, PositionSchema)
def create_position(data):
    return rpc.call("staff", "create_position", g.actor, data)


@blp.route("/departments/")
@blp.arguments(SyncArgs, location="query")
@blp.response(200, page_of(DepartmentSchema, "DepartmentList", sync=True))
@listing
def list_departments(args):
    """Every department (by name); or sync (`updated_since`, then `after`): by change, `limit` a page."""
    sync = sync_request(args)
    if sync:
        return rpc.call("staff", "sync_departments", g.actor, sync)
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
@blp.doc(**VERSIONED)
def update_department(data, department_id):
    """Change a department (administrators); its version is in the list of departments."""
    return preconditions.tagged(rpc.call("staff", "save_department", g.actor, jsonable(data), str(department_id),
                                         expected_version=preconditions.expected_version()))


@blp.route("/absences/")
@blp.arguments(AbsenceQueryArgs, location="query")
@blp.response(200, page_of(AbsenceSchema, "AbsenceList"))
@listing
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


@blp.route("/settings/sign-in-policy")
@blp.response(200, SignInPolicySchema)
def sign_in_policy():
    """How employees must sign in: two-factor for administrative roles, passwords on or off."""
    return rpc.call("staff", "sign_in_policy", g.actor)


@blp.route("/settings/sign-in-policy", methods=["PUT"])
@blp.arguments(SignInPolicySchema)
@blp.response(200, SignInPolicySchema)
def set_sign_in_policy(data):
    """Change the sign-in policy (administrators; fields left out stay). Two-factor for every
    employee whose roles have `manage_staff`: those not enrolled can only enrol until they do.
    Passwords off: only the named break-glass administrator may still use one; the others
    sign in through the holding's provider, which must be enabled."""
    return rpc.call("staff", "set_sign_in_policy", g.actor, jsonable(data))


@blp.route("/settings/ldap-directory")
@blp.response(200, LdapDirectorySchema)
def ldap_directory():
    """The LDAP directory or Active Directory and its mapping (administrators; 404 when not set)."""
    found = rpc.call("staff", "ldap_directory_settings", g.actor)
    if found is None:
        abort(404, description="no LDAP directory is set")
    return found


@blp.route("/settings/ldap-directory", methods=["PUT"])
@blp.arguments(LdapDirectorySchema)
@blp.response(200, LdapDirectorySchema)
def set_ldap_directory(data):
    """Set the LDAP directory (administrators; fields left out keep their values). Unsafe or
    unusable settings are refused naming the field: ldap:// without StartTLS unless
    `allow_plain`, a login filter without `{login}`, a filter or DN that does not parse, an
    unknown role or department."""
    return rpc.call("staff", "save_ldap_directory", g.actor, jsonable(data))


@blp.route("/settings/ldap-directory/sync", methods=["POST"])
@blp.arguments(LdapSyncRequestSchema)
@blp.response(200, LdapSyncSchema)
def run_ldap_sync(data):
    """Sync employees and departments with the directory now (administrators). With
    `dry_run` nothing is written and the answer lists what a sync would change. A sync is
    held (nothing written) when the directory answers nobody or it would dismiss more than
    `max_dismissals` employees; 409 while another sync runs."""
    return rpc.call("staff", "run_ldap_sync", g.actor, data, timeout=rpc.DIRECTORY_SYNC_TIMEOUT)


@blp.route("/settings/ldap-directory/syncs")
@blp.response(200, page_of(LdapSyncSchema, "LdapSyncList"))
@listing
def ldap_sync_runs():
    """The latest syncs that wrote or were stopped (administrators), newest first."""
    return rpc.call("staff", "ldap_sync_runs", g.actor)
