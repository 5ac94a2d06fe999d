"""The staff service's RPC contract."""
from marshmallow import Schema, fields, validate, EXCLUDE

ROLES = (
    "administrator", "director", "department_head", "manager",
    "lawyer", "secretary", "accountant", "employee",
)
LOCALES = ("en", "ru")


class EmployeeSchema(Schema):
    id = fields.UUID(dump_only=True)
    full_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(required=True, validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), load_default=lambda: ["employee"])
    locale = fields.String(load_default="en", validate=validate.OneOf(LOCALES))
    time_zone = fields.String(load_default="UTC", validate=validate.Length(max=64))
    is_active = fields.Boolean(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)


class NewEmployeeSchema(EmployeeSchema):
    password = fields.String(load_only=True, load_default=None,
                             validate=validate.Length(min=10, max=200))


class CredentialsSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    email = fields.String(required=True, validate=validate.Length(min=1, max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


class EmployeeQuerySchema(Schema):
    search = fields.String(load_default=None)
    ids = fields.List(fields.UUID(), load_default=None)
    active_only = fields.Boolean(load_default=True)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))
