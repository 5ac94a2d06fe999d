"""Employees, departments, positions, legal entities, absences, role permissions, calendar feeds."""

from marshmallow import Schema, fields, validate

from .common import Date, Deleted, ID, PageArgs, SyncFields, Version


class EmployeeSchema(Schema):
    id = ID()
    version = Version()
    full_name = fields.String()
    email = fields.String()
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()
    is_active = fields.Boolean()
    created_at = fields.String()
    updated_at = fields.String(dump_only=True)
    deleted = Deleted()


class NewEmployeeSchema(Schema):
    full_name = fields.String(required=True)
    email = fields.Email(required=True)
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()
    password = fields.String(load_only=True, validate=validate.Length(min=10, max=200))


class EmployeeChangesSchema(Schema):
    full_name = fields.String()
    email = fields.Email()
    phone = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    department_id = ID(allow_none=True)
    roles = fields.List(fields.String())
    locale = fields.String()
    time_zone = fields.String()


class LegalEntitySchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(required=True)
    short_name = fields.String(allow_none=True)
    tax_id = fields.String(allow_none=True)
    registration_number = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    created_at = fields.String(dump_only=True)


class PositionSchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(required=True)


class DepartmentSchema(Schema):
    id = ID(dump_only=True)
    version = Version()
    name = fields.String(required=True)
    legal_entity_id = ID(allow_none=True)
    parent_id = ID(allow_none=True)
    head_id = ID(allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True, allow_none=True)


class DepartmentChangesSchema(DepartmentSchema):
    name = fields.String()


class AbsenceSchema(Schema):
    id = ID(dump_only=True)
    employee_id = ID(required=True)
    deputy_id = ID(required=True)
    starts_on = Date(required=True)
    ends_on = Date(required=True)
    reason = fields.String(allow_none=True)
    created_by = ID(dump_only=True)
    cancelled_at = fields.String(dump_only=True, allow_none=True)


class AbsenceQueryArgs(Schema):
    employee_id = ID()


class RolePermissionSchema(Schema):
    permission = fields.String(required=True, metadata={"description": (
        "register_documents, edit_reference_books, configure_document_types, configure_routes, "
        "manage_staff, view_audit, replay_events")})
    roles = fields.List(fields.String(), required=True)


class EmployeeQueryArgs(PageArgs, SyncFields):
    search = fields.String()


class CalendarFeedSchema(Schema):
    """The caller's private calendar address (docs/ui.md, "Calendar subscription")."""

    active = fields.Boolean(metadata={"description": "whether there is an address"})
    created_at = fields.String(allow_none=True, metadata={"description": "when the current address was made"})
    last_used_at = fields.String(allow_none=True, metadata={
        "description": "when a calendar program last read it (to within 5 minutes)"})
    url = fields.String(metadata={
        "description": "only in the answer that makes it: the https address to subscribe to"})
    webcal_url = fields.String(metadata={"description": "only in the answer that makes it: the same as webcal://"})
