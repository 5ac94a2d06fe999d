"""Events the staff service publishes (exchange ``staff.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

EMPLOYEE_CREATED = "employee.created"


class EmployeeCreatedV1(Schema):
    """An employee was added to the organisation."""

    employee_id = fields.UUID(required=True)
    full_name = fields.String(required=True)
    email = fields.String(required=True)
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(), required=True)


catalog = EventCatalog(outbox, {
    (EMPLOYEE_CREATED, 1): EmployeeCreatedV1,
})
