"""Signing in: sessions, second factors, passwords, sign-in policy and API tokens."""

from marshmallow import Schema, fields, validate

from .common import AwareDateTime, ID
from .staff import EmployeeSchema


class LoginSchema(Schema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=254), metadata={
        "description": "the e-mail, or (with the LDAP directory enabled) the directory's user name"})
    password = fields.String(required=True, validate=validate.Length(min=1, max=200))


class SessionSchema(Schema):
    employee = fields.Nested(EmployeeSchema)
    permissions = fields.List(fields.String(), metadata={"description": "what the roles allow"})
    visible_department_ids = fields.List(ID(), metadata={
        "description": "departments whose records the employee sees"})
    csrf_token = fields.String()
    second_factor_required = fields.Boolean(metadata={
        "description": "true (and nothing else) when the password was right and two-factor is on: "
                       "send the code to POST /api/v1/auth/login/code with the same cookies"})
    two_factor_enrolment_required = fields.Boolean(metadata={
        "description": "the sign-in policy requires two-factor of these roles and it is not set up: "
                       "every other endpoint answers 403 until POST /api/v1/auth/two-factor/enrolment/confirm"})


class CodeSchema(Schema):
    code = fields.String(required=True, validate=validate.Length(min=6, max=20), metadata={
        "description": "the six digits of the authenticator app, or a recovery code"})


class TwoFactorStatusSchema(Schema):
    enabled = fields.Boolean()
    required = fields.Boolean(metadata={"description": "the sign-in policy requires it of your roles"})
    recovery_codes_left = fields.Integer()
    enabled_at = AwareDateTime(allow_none=True)


class TwoFactorEnrolmentSchema(Schema):
    secret = fields.String(metadata={"description": "base32, for typing into the app by hand"})
    otpauth_uri = fields.String(metadata={"description": "what the QR code holds"})
    qr_code_url = fields.String(metadata={"description": "the QR code as SVG"})


class RecoveryCodesSchema(Schema):
    recovery_codes = fields.List(fields.String(), metadata={
        "description": "ten one-time codes, shown only now (only their hashes are kept)"})


class SignInPolicySchema(Schema):
    require_two_factor_for_admins = fields.Boolean(metadata={
        "description": "employees whose roles have manage_staff (administrators too) must use two-factor"})
    password_sign_in = fields.Boolean(metadata={
        "description": "false: only the break-glass administrator may sign in with a password; everyone "
                       "else through the holding's provider (needs an enabled provider)"})
    break_glass_employee_id = ID(allow_none=True, metadata={
        "description": "an active administrator with a password, still let in with it while passwords are off"})


class PasswordChangeSchema(Schema):
    current_password = fields.String(required=True)
    new_password = fields.String(required=True, validate=validate.Length(min=10, max=200))


class PasswordResetSchema(Schema):
    new_password = fields.String(validate=validate.Length(min=10, max=200),
                                 metadata={"description": "default: a generated one, returned once"})


class PasswordResetResultSchema(Schema):
    employee = fields.Nested(EmployeeSchema)
    generated_password = fields.String(allow_none=True)


class NewApiTokenSchema(Schema):
    name = fields.String(required=True)
    employee_id = ID(required=True, metadata={"description": "whose rights the token uses"})
    scopes = fields.List(fields.String(validate=validate.OneOf(("read", "write"))), required=True)
    expires_at = AwareDateTime(allow_none=True)


class ApiTokenSchema(Schema):
    id = ID()
    name = fields.String()
    employee_id = ID()
    scopes = fields.List(fields.String())
    created_by = ID()
    created_at = fields.String()
    expires_at = fields.String(allow_none=True)
    last_used_at = fields.String(allow_none=True)
    revoked_at = fields.String(allow_none=True)
    token = fields.String(metadata={"description": "only in the answer that creates it"})
