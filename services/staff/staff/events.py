"""Events the staff service publishes (exchange ``staff.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

EMPLOYEE_CREATED = "employee.created"
EMPLOYEE_UPDATED = "employee.updated"
DEPARTMENT_SAVED = "department.saved"
ABSENCE_RECORDED = "absence.recorded"


class EmployeeCreatedV1(Schema):
    """An employee was added to the organisation."""

    employee_id = fields.UUID(required=True)
    full_name = fields.String(required=True)
    email = fields.String(required=True)
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(), required=True)
    position = fields.String(allow_none=True)
    time_zone = fields.String()
    locale = fields.String()


class EmployeeUpdatedV1(Schema):
    """An employee's card changed (department, roles, dismissal...); `changes` maps each
    field to its old and new value; the current name, e-mail, position, time zone, locale,
    department, roles and activity follow, so a subscriber keeps a whole copy."""

    employee_id = fields.UUID(required=True)
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(), required=True)
    is_active = fields.Boolean(required=True)
    changes = fields.Dict(required=True)
    full_name = fields.String()
    email = fields.String()
    position = fields.String(allow_none=True)
    time_zone = fields.String()
    locale = fields.String()


class DepartmentSavedV1(Schema):
    """A department was created or changed."""

    department_id = fields.UUID(required=True)
    name = fields.String(required=True)
    parent_id = fields.UUID(allow_none=True)
    head_id = fields.UUID(allow_none=True)
    legal_entity_id = fields.UUID(allow_none=True)


class AbsenceRecordedV1(Schema):
    """An employee will be away; the deputy acts for them from `starts_on` to `ends_on`."""

    absence_id = fields.UUID(required=True)
    employee_id = fields.UUID(required=True)
    deputy_id = fields.UUID(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)


catalog = EventCatalog(outbox, {
    (EMPLOYEE_CREATED, 1): EmployeeCreatedV1,
    (EMPLOYEE_UPDATED, 1): EmployeeUpdatedV1,
    (DEPARTMENT_SAVED, 1): DepartmentSavedV1,
    (ABSENCE_RECORDED, 1): AbsenceRecordedV1,
})
