"""The staff service's entrypoints: validate input, call logic, dump output."""
from nameko.rpc import rpc

from chancery_common.actor import load_actor
from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.outbox import OutboxRelay

from . import logic, schemas, sessions
from .models import outbox

employee_schema = schemas.EmployeeSchema()
token_schema = schemas.ApiTokenSchema()


def identity(employee, **extra):
    """What the gateway needs to act for a signed-in employee."""
    return {"employee": employee_schema.dump(employee), **extra}


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
    def create_employee(self, employee):
        data = load(schemas.NewEmployeeSchema(), employee)
        with self.db.begin():
            created = logic.create_employee(self.db, data=data)
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
        return identity(employee, session_token=token, expires_at=opened.expires_at.isoformat())

    @rpc
    def resolve_session(self, token):
        data = load(schemas.TokenSchema(), {"token": token})
        with self.db.begin():
            found, employee = sessions.resolve_session(self.db, token=data["token"])
        return identity(employee, expires_at=found.expires_at.isoformat())

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
        return identity(employee, scopes=list(record.scopes), token_id=str(record.id))

    @rpc
    def change_password(self, actor, change):
        actor = load_actor(actor)
        data = load(schemas.PasswordChangeSchema(), change)
        with self.db.begin():
            sessions.change_password(self.db, actor=actor, **data)
        return True

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
