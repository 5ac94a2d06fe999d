"""The staff service's RPC contract."""
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates

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


class ClientSchema(Schema):
    """Where a sign-in comes from, as the gateway saw it."""

    class Meta:
        unknown = EXCLUDE

    ip = fields.String(load_default=None, validate=validate.Length(max=64))
    user_agent = fields.String(load_default=None)


class TokenSchema(Schema):
    token = fields.String(required=True, validate=validate.Length(min=10, max=200))


class PasswordChangeSchema(Schema):
    current_password = fields.String(required=True)
    new_password = fields.String(required=True, validate=validate.Length(min=10, max=200))


class PasswordResetSchema(Schema):
    new_password = fields.String(load_default=None, validate=validate.Length(min=10, max=200))


class NewApiTokenSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    employee_id = fields.UUID(required=True, metadata={"description": "whose rights the token uses"})
    scopes = fields.List(fields.String(validate=validate.OneOf(("read", "write"))), required=True,
                         validate=validate.Length(min=1))
    expires_at = fields.AwareDateTime(load_default=None)


class ApiTokenSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    employee_id = fields.UUID()
    scopes = fields.List(fields.String())
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()
    expires_at = fields.AwareDateTime(allow_none=True)
    last_used_at = fields.AwareDateTime(allow_none=True)
    revoked_at = fields.AwareDateTime(allow_none=True)


class OwnSettingsSchema(Schema):
    """What every employee changes on their own card: the language of the UI and e-mails,
    and the time zone their day (agenda, digest, quiet hours) is counted in."""

    locale = fields.String(validate=validate.OneOf(LOCALES))
    time_zone = fields.String(validate=validate.Length(min=1, max=64))

    @validates("time_zone")
    def known_time_zone(self, value, **kwargs):
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(f"Unknown time zone {value!r}: use a name such as Europe/Moscow.") from None


class EmployeeChangesSchema(Schema):
    full_name = fields.String(validate=validate.Length(min=1, max=200))
    email = fields.Email(validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), validate=validate.Length(min=1))
    locale = fields.String(validate=validate.OneOf(LOCALES))
    time_zone = fields.String(validate=validate.Length(max=64))


class LegalEntitySchema(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    short_name = fields.String(allow_none=True, validate=validate.Length(max=150))
    tax_id = fields.String(allow_none=True, validate=validate.Length(max=20))
    registration_number = fields.String(allow_none=True, validate=validate.Length(max=30))
    address = fields.String(allow_none=True)
    created_at = fields.AwareDateTime(dump_only=True)


class DepartmentSchema(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    legal_entity_id = fields.UUID(allow_none=True)
    parent_id = fields.UUID(allow_none=True)
    head_id = fields.UUID(allow_none=True)
    created_at = fields.AwareDateTime(dump_only=True)


class AbsenceSchema(Schema):
    id = fields.UUID(dump_only=True)
    employee_id = fields.UUID(required=True)
    deputy_id = fields.UUID(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    reason = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=200))
    created_by = fields.UUID(dump_only=True)
    cancelled_at = fields.AwareDateTime(dump_only=True)


class RolePermissionSchema(Schema):
    permission = fields.String(required=True)
    roles = fields.List(fields.String(), required=True)


class ImportSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1, max=5_000_000))


class ActingQuerySchema(Schema):
    employee_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(max=500))
    on = fields.Date(load_default=None)


class ApproverSpecSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(
        ("employee", "position", "role", "department_head", "initiator_head", "responsible")))
    employee_id = fields.UUID(load_default=None)
    position = fields.String(load_default=None)
    role = fields.String(load_default=None)
    scope = fields.String(load_default=None, validate=validate.OneOf(("department", "legal_entity", "any")))


class ApproverContextSchema(Schema):
    department_id = fields.UUID(load_default=None, allow_none=True)
    legal_entity_id = fields.UUID(load_default=None, allow_none=True)
    initiator_id = fields.UUID(load_default=None, allow_none=True)
    responsible_id = fields.UUID(load_default=None, allow_none=True)
    on = fields.Date(load_default=None, allow_none=True)


class ResolveApproversSchema(Schema):
    specs = fields.List(fields.Nested(ApproverSpecSchema), required=True, validate=validate.Length(max=100))
    context = fields.Nested(ApproverContextSchema, load_default=dict)


class StandingInQuerySchema(Schema):
    employee_id = fields.UUID(required=True)
    on = fields.Date(load_default=None)


class PositionSchema(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))


# the staff service's audit rows are about these records
AuditQuerySchema = audit_query_schema(("employee", "department", "absence", "api_token", "legal_entity",
                                       "position", "role_permission"))
