"""The staff service's entrypoints: validate input, call logic, dump output."""
from nameko.rpc import rpc

from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.outbox import OutboxRelay

from . import logic, schemas
from .models import outbox

employee_schema = schemas.EmployeeSchema()


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

