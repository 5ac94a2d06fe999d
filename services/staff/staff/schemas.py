"""The staff service's RPC contract."""
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from chancery_common.tabular import TableSchema
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates

ROLES = (
    "administrator", "director", "department_head", "manager",
    "lawyer", "secretary", "accountant", "employee",
)
LOCALES = ("en", "ru")


def known_time_zone(value):
    """A time zone's IANA name (the agenda, digests and quiet hours are counted in it)."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"Unknown time zone {value!r}: use a name such as Europe/Moscow.") from None


class EmployeeSchema(Schema):
    id = fields.UUID(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    full_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(required=True, validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), load_default=lambda: ["employee"])
    locale = fields.String(load_default="en", validate=validate.OneOf(LOCALES))
    time_zone = fields.String(load_default="UTC", validate=[validate.Length(max=64), known_time_zone])
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


class CalendarFeedStatusSchema(Schema):
    """An employee's calendar address as it stands; ``secret`` only in the answer that made it."""

    active = fields.Boolean()
    created_at = fields.AwareDateTime(allow_none=True)
    last_used_at = fields.AwareDateTime(allow_none=True)
    secret = fields.String()


class CalendarSecretSchema(Schema):
    secret = fields.String(required=True, validate=validate.Length(min=10, max=200))


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
    time_zone = fields.String(validate=[validate.Length(min=1, max=64), known_time_zone])


class EmployeeChangesSchema(Schema):
    full_name = fields.String(validate=validate.Length(min=1, max=200))
    email = fields.Email(validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    department_id = fields.UUID(allow_none=True)
    roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), validate=validate.Length(min=1))
    locale = fields.String(validate=validate.OneOf(LOCALES))
    time_zone = fields.String(validate=[validate.Length(max=64), known_time_zone])


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
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
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


class ImportSchema(TableSchema):
    dry_run = fields.Boolean(load_default=False, metadata={"description": "report what would happen; change nothing"})


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
                                       "position", "role_permission", "sign_in_provider", "sign_in_policy",
                                       "ldap_directory"))


CLAIM_NAME = validate.Length(min=1, max=100)


class SignInProviderSchema(Schema):
    """The OpenID Connect provider and the mapping of its claims (the secret is write-only)."""

    enabled = fields.Boolean(load_default=False)
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=100))
    issuer = fields.Url(required=True, require_tld=False, schemes={"http", "https"},
                        validate=validate.Length(max=500))
    client_id = fields.String(required=True, validate=validate.Length(min=1, max=300))
    client_secret = fields.String(load_only=True, load_default=None, validate=validate.Length(max=1000))
    has_client_secret = fields.Method("_has_secret", dump_only=True)
    scopes = fields.String(load_default="openid email profile", validate=validate.Length(min=6, max=300))
    allow_create = fields.Boolean(load_default=False)
    email_claim = fields.String(load_default="email", validate=CLAIM_NAME)
    name_claim = fields.String(load_default="name", validate=CLAIM_NAME)
    groups_claim = fields.String(load_default="groups", validate=CLAIM_NAME)
    department_claim = fields.String(load_default="department", validate=CLAIM_NAME)
    position_claim = fields.String(load_default="position", validate=CLAIM_NAME)
    group_roles = fields.Dict(keys=fields.String(validate=validate.Length(min=1, max=200)),
                              values=fields.List(fields.String()), load_default=dict)
    default_roles = fields.List(fields.String(validate=validate.OneOf(ROLES)),
                                load_default=lambda: ["employee"], validate=validate.Length(min=1))
    department_map = fields.Dict(keys=fields.String(validate=validate.Length(min=1, max=200)),
                                 values=fields.String(), load_default=dict)
    updated_at = fields.AwareDateTime(dump_only=True)

    def _has_secret(self, row):
        return bool(row.client_secret)

    @validates("scopes")
    def asks_for_openid(self, value, **kwargs):
        if "openid" not in value.split():
            raise ValidationError("The scopes must include openid.")


class ExternalSignInSchema(Schema):
    """Claims the gateway verified (the ID token's, with the user info's)."""

    issuer = fields.String(required=True, validate=validate.Length(min=1, max=500))
    claims = fields.Dict(required=True)

    @validates("claims")
    def has_subject(self, claims, **kwargs):
        subject = claims.get("sub")
        if not isinstance(subject, str) or not 1 <= len(subject) <= 255:
            raise ValidationError("The claims need the subject (sub), 1 to 255 characters.")


class SignInRefusalSchema(Schema):
    """A sign-in the gateway refused (bad state, token or the provider's own refusal)."""

    code = fields.String(required=True, validate=validate.Length(min=1, max=60))
    issuer = fields.String(load_default=None, validate=validate.Length(max=500))
    subject = fields.String(load_default=None, validate=validate.Length(max=255))


class CodeSchema(Schema):
    """A code from the authenticator app (six digits) or a recovery code."""

    code = fields.String(required=True, validate=validate.Length(min=6, max=20))


class SecondFactorSchema(CodeSchema):
    challenge = fields.String(required=True, validate=validate.Length(min=10, max=200))


class SignInPolicySchema(Schema):
    """Changes to the sign-in policy (fields left out stay as they are)."""

    require_two_factor_for_admins = fields.Boolean()
    password_sign_in = fields.Boolean()
    break_glass_employee_id = fields.UUID(allow_none=True)


ATTRIBUTE = validate.Length(max=100)
DN = validate.Length(max=500)
FILTER = validate.Length(min=3, max=1000)


class LdapDirectorySchema(Schema):
    """The LDAP directory or Active Directory and the mapping of its entries (the bind
    password is write-only); fields left out keep their stored or default values."""

    enabled = fields.Boolean()
    url = fields.String(validate=validate.Length(min=8, max=500),
                        metadata={"description": "ldaps://host:636, or ldap://host:389 with StartTLS"})
    start_tls = fields.Boolean()
    allow_plain = fields.Boolean(metadata={"description": "allow ldap:// without StartTLS (passwords unencrypted)"})
    ca_certificate = fields.String(allow_none=True, validate=validate.Length(max=20000),
                                   metadata={"description": "PEM of the CA that signed the server's certificate"})
    bind_dn = fields.String(validate=DN, metadata={"description": "the account the sync and the user search bind as"})
    bind_password = fields.String(load_only=True, validate=validate.Length(max=1000))
    has_bind_password = fields.Method("_has_password", dump_only=True)
    user_base = fields.String(validate=validate.Length(min=3, max=500))
    login_filter = fields.String(validate=FILTER, metadata={"description": "{login} stands for the typed login"})
    sync_filter = fields.String(validate=FILTER)
    id_attribute = fields.String(validate=validate.Length(min=1, max=100))
    login_attribute = fields.String(validate=ATTRIBUTE)
    email_attribute = fields.String(validate=validate.Length(min=1, max=100))
    name_attribute = fields.String(validate=ATTRIBUTE)
    department_attribute = fields.String(validate=ATTRIBUTE,
                                         metadata={"description": "empty: the entry's nearest OU names the department"})
    position_attribute = fields.String(validate=ATTRIBUTE)
    phone_attribute = fields.String(validate=ATTRIBUTE)
    group_base = fields.String(validate=DN)
    group_filter = fields.String(validate=FILTER)
    member_attribute = fields.String(validate=validate.Length(min=1, max=100))
    group_roles = fields.Dict(keys=fields.String(validate=validate.Length(min=1, max=500)),
                              values=fields.List(fields.String()))
    default_roles = fields.List(fields.String(validate=validate.OneOf(ROLES)), validate=validate.Length(min=1))
    department_map = fields.Dict(keys=fields.String(validate=validate.Length(min=1, max=200)), values=fields.String())
    allow_create = fields.Boolean(metadata={"description": "add employees for directory people Chancery does not "
                                                           "know (at sign-in and by the sync)"})
    sync_interval_minutes = fields.Integer(validate=validate.Range(min=0, max=7 * 24 * 60),
                                           metadata={"description": "0: only when run by hand"})
    max_dismissals = fields.Integer(validate=validate.Range(min=0, max=100000),
                                    metadata={"description": "a sync dismissing more is held, nothing written"})
    next_sync_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    def _has_password(self, row):
        return bool(row.bind_password)


class LdapSyncRequestSchema(Schema):
    dry_run = fields.Boolean(load_default=False)


class LdapSyncRunSchema(Schema):
    id = fields.UUID()
    started_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)
    trigger = fields.String()
    started_by = fields.UUID(allow_none=True)
    status = fields.String()
    counts = fields.Dict()
    changes = fields.List(fields.Dict())
    error = fields.String(allow_none=True)
