"""The staff service's entrypoints: validate input, call logic, dump output."""

from chancery_common.actor import load_actor
from chancery_common.database import Database
from chancery_common.errors import InvalidInput, load, parse_uuid
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import rpc

from . import logic, organisation, schemas, sessions
from .models import audit_log, outbox

employee_schema = schemas.EmployeeSchema()
token_schema = schemas.ApiTokenSchema()
department_schema = schemas.DepartmentSchema()
legal_entity_schema = schemas.LegalEntitySchema()
absence_schema = schemas.AbsenceSchema()


def identity(session, employee, **extra):
    """What the gateway needs to act for a signed-in employee: who they are, what their
    roles let them do, which departments' records they see, and for whom they deputise."""
    return {"employee": employee_schema.dump(employee),
            "permissions": organisation.permissions_of(session, employee=employee),
            "visible_department_ids": organisation.visible_department_ids(session, employee=employee),
            "acting_for": organisation.acting_for(session, employee=employee),
            # gateways keep employees' names; this tells them whether theirs are current
            "names_version": logic.names_version(session),
            **extra}


class StaffService:
    name = "staff"

    db = Database()
    relay = OutboxRelay(outbox)

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def authenticate(self, credentials):
        data = load(schemas.CredentialsSchema(), credentials)
        with self.db.begin():
            employee = logic.authenticate(self.db, **data)
        return employee_schema.dump(employee)

    @rpc
    def get_employee(self, employee_id):
        employee = logic.get_employee(self.db, employee_id=parse_uuid(employee_id, "employee_id"))
        return employee_schema.dump(employee)

    @rpc
    def list_employees(self, query=None):
        params = load(schemas.EmployeeQuerySchema(), query or {})
        items, total = logic.list_employees(self.db, **params)
        return {"items": employee_schema.dump(items, many=True), "total": total}

    @rpc
    def employee_names(self, ids):
        """{id: full name} of the employees named (dismissed ones too); unknown ids are absent.
        What a view needs to show people, in one query of two columns."""
        if not isinstance(ids, list) or len(ids) > 1000:
            raise InvalidInput("Invalid input: ids", {"ids": ["A list of at most 1000 employee ids is expected."]})
        wanted = [parse_uuid(employee_id, "ids") for employee_id in ids]
        return {str(employee_id): name for employee_id, name in logic.employee_names(self.db, ids=wanted).items()}

    @rpc
    def employee_names_since(self, version):
        """{version, names}: the current version of the employees' names and {id: full name} of
        every employee added or renamed after ``version`` (-1: every employee). A gateway keeps
        the names and asks for what changed when a newer version is announced to it."""
        if not isinstance(version, int) or isinstance(version, bool) or version < -1:
            raise InvalidInput("Invalid input: version",
                               {"version": ["A names version (an integer, -1 for every name) is expected."]})
        current, names = logic.names_since(self.db, version=version)
        return {"version": current, "names": {str(employee_id): name for employee_id, name in names.items()}}

    @rpc
    def create_employee(self, actor, employee):
        actor = load_actor(actor)
        organisation.require_admin(actor)
        data = load(schemas.NewEmployeeSchema(), employee)
        with self.db.begin():
            created = logic.create_employee(self.db, data=data, actor_id=actor.id)
        return employee_schema.dump(created)

    @rpc
    def ensure_administrator(self, email, password=None):
        with self.db.begin():
            employee, generated = logic.ensure_administrator(self.db, email=email, password=password)
        return {"employee": employee_schema.dump(employee), "generated_password": generated}

    # Signing in ------------------------------------------------------------------------

    @rpc
    def sign_in(self, credentials, client=None):
        """Open a session; returns its token (for the cookie) and the employee."""
        data = load(schemas.CredentialsSchema(), credentials)
        where = load(schemas.ClientSchema(), client or {})
        try:
            with self.db.begin():
                token, opened, employee = sessions.sign_in(self.db, **data, **where)
        except sessions.Unauthenticated:
            # the failed attempt is recorded even though the sign-in is refused
            with self.db.begin():
                sessions.record_failure(self.db, email=data["email"], ip=where["ip"])
            raise
        return identity(self.db, employee, session_token=token, expires_at=opened.expires_at.isoformat())

    @rpc
    def resolve_session(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            found, employee = sessions.resolve_session(self.db, token=data["token"])
        return identity(self.db, employee, expires_at=found.expires_at.isoformat())

    @rpc
    def end_session(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            sessions.end_session(self.db, token=data["token"])
        return True

    @rpc
    def resolve_api_token(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            record, employee = sessions.resolve_api_token(self.db, token=data["token"])
        return identity(self.db, employee, scopes=list(record.scopes), token_id=str(record.id))

    @rpc
    def change_password(self, actor, change):
        actor = load_actor(actor)
        data = load(schemas.PasswordChangeSchema(), change)
        with self.db.begin():
            sessions.change_password(self.db, actor=actor, **data)
        return True

    @rpc
    def update_own_settings(self, actor, changes):
        """The signed-in employee changes their own language and time zone."""
        actor = load_actor(actor)
        data = load(schemas.OwnSettingsSchema(), changes)
        with self.db.begin():
            employee = logic.update_employee(self.db, employee_id=actor.id, changes=data, actor_id=actor.id)
        return employee_schema.dump(employee)

    @rpc
    def reset_password(self, actor, employee_id, reset=None):
        actor = load_actor(actor)
        data = load(schemas.PasswordResetSchema(), reset or {})
        with self.db.begin():
            employee, generated = sessions.reset_password(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), actor=actor, **data)
        return {"employee": employee_schema.dump(employee), "generated_password": generated}

    @rpc
    def deactivate_employee(self, actor, employee_id):
        actor = load_actor(actor)
        with self.db.begin():
            employee = sessions.deactivate_employee(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), actor=actor)
        return employee_schema.dump(employee)

    @rpc
    def create_api_token(self, actor, request):
        actor = load_actor(actor)
        data = load(schemas.NewApiTokenSchema(), request)
        with self.db.begin():
            token, record = sessions.create_api_token(self.db, actor=actor, **data)
        return {**token_schema.dump(record), "token": token}

    @rpc
    def list_api_tokens(self, actor):
        actor = load_actor(actor)
        return token_schema.dump(sessions.list_api_tokens(self.db, actor=actor), many=True)

    @rpc
    def revoke_api_token(self, actor, token_id):
        actor = load_actor(actor)
        with self.db.begin():
            record = sessions.revoke_api_token(self.db, token_id=parse_uuid(token_id, "token_id"),
                                               actor=actor)
        return token_schema.dump(record)

    # The organisation --------------------------------------------------------------------

    @rpc
    def update_employee(self, actor, employee_id, changes):
        actor = load_actor(actor)
        organisation.require_admin(actor)
        data = load(schemas.EmployeeChangesSchema(), changes)
        with self.db.begin():
            employee = logic.update_employee(
                self.db, employee_id=parse_uuid(employee_id, "employee_id"), changes=data,
                actor_id=actor.id)
        return employee_schema.dump(employee)

    @rpc
    def list_legal_entities(self, actor):
        load_actor(actor)
        return legal_entity_schema.dump(organisation.list_legal_entities(self.db), many=True)

    @rpc
    def create_legal_entity(self, actor, entity):
        actor = load_actor(actor)
        data = load(schemas.LegalEntitySchema(), entity)
        with self.db.begin():
            created = organisation.create_legal_entity(self.db, data=data, actor=actor)
        return legal_entity_schema.dump(created)

    @rpc
    def list_positions(self, actor):
        load_actor(actor)
        return schemas.PositionSchema(many=True).dump(organisation.list_positions(self.db))

    @rpc
    def create_position(self, actor, position):
        actor = load_actor(actor)
        data = load(schemas.PositionSchema(), position)
        with self.db.begin():
            created = organisation.create_position(self.db, name=data["name"], actor=actor)
        return schemas.PositionSchema().dump(created)

    @rpc
    def list_departments(self, actor):
        load_actor(actor)
        return department_schema.dump(organisation.list_departments(self.db), many=True)

    @rpc
    def save_department(self, actor, department, department_id=None):
        actor = load_actor(actor)
        data = load(schemas.DepartmentSchema(partial=department_id is not None), department)
        with self.db.begin():
            saved = organisation.save_department(
                self.db, data=data, actor=actor,
                department_id=parse_uuid(department_id, "department_id") if department_id else None)
        return department_schema.dump(saved)

    @rpc
    def add_absence(self, actor, absence):
        actor = load_actor(actor)
        data = load(schemas.AbsenceSchema(), absence)
        with self.db.begin():
            created = organisation.add_absence(self.db, data=data, actor=actor)
        return absence_schema.dump(created)

    @rpc
    def cancel_absence(self, actor, absence_id):
        actor = load_actor(actor)
        with self.db.begin():
            absence = organisation.cancel_absence(
                self.db, absence_id=parse_uuid(absence_id, "absence_id"), actor=actor)
        return absence_schema.dump(absence)

    @rpc
    def list_absences(self, actor, employee_id=None):
        load_actor(actor)
        employee = parse_uuid(employee_id, "employee_id") if employee_id else None
        return absence_schema.dump(organisation.list_absences(self.db, employee_id=employee), many=True)

    @rpc
    def acting_employees(self, query):
        """For other services: who acts for each employee on a day (deputies, heads)."""
        data = load(schemas.ActingQuerySchema(), query)
        return organisation.acting_employees(self.db, employee_ids=data["employee_ids"], on=data["on"])

    @rpc
    def resolve_approvers(self, query):
        """For the approvals service: approver specs to today's acting people."""
        data = load(schemas.ResolveApproversSchema(), query)
        return organisation.resolve_approvers(self.db, specs=data["specs"], context=data["context"])

    @rpc
    def standing_in_for(self, query):
        """For the approvals service: whom an employee stands in for on a day."""
        data = load(schemas.StandingInQuerySchema(), query)
        return organisation.standing_in_for(self.db, employee_id=data["employee_id"], on=data["on"])

    @rpc
    def role_settings(self, actor):
        load_actor(actor)
        return organisation.role_settings(self.db)

    @rpc
    def set_role_permission(self, actor, setting):
        actor = load_actor(actor)
        data = load(schemas.RolePermissionSchema(), setting)
        with self.db.begin():
            return organisation.set_role_permission(self.db, actor=actor, **data)

    @rpc
    def import_employees(self, actor, upload):
        actor = load_actor(actor)
        data = load(schemas.ImportSchema(), upload)
        with self.db.begin():
            return organisation.import_employees(self.db, text=data["text"], actor=actor)

    # Audit and access ----------------------------------------------------------------------

    @rpc
    def audit_entries(self, actor, query=None):
        """The staff service's audit rows (employees, departments, tokens...): view_audit only."""
        params = load(schemas.AuditQuerySchema(), query or {})
        # nothing here is readable per record without view_audit: no checks
        items, total = audit_log.readable(self.db, actor=load_actor(actor), checks={}, **params)
        return {"items": schemas.AuditEntrySchema(many=True).dump(items), "total": total}

    @rpc
    def verify_audit(self, actor):
        return audit_log.verified(self.db, actor=load_actor(actor))

    @rpc
    def identity_of(self, actor, employee_id):
        """Another employee's identity as the gateway builds it, for "why can they see this"."""
        organisation.require_admin(load_actor(actor))
        employee = logic.get_employee(self.db, employee_id=parse_uuid(employee_id, "employee_id"))
        return identity(self.db, employee)
