"""Who sees what and why, and the audit log."""

from marshmallow import Schema, fields, validate

from .common import AwareDateTime, ID, Next, PageArgs
from .common import UnavailablePartSchema


RECORD_TYPES = ("counterparty", "contact_person", "activity", "document", "approval", "notification",
                "employee", "department", "absence", "api_token", "legal_entity", "role_permission",
                "position", "reference_value", "saved_filter", "sign_in_provider", "sign_in_policy",
                "ldap_directory")


class ExplainArgs(Schema):
    employee_id = ID(required=True)
    record_type = fields.String(required=True, validate=validate.OneOf(RECORD_TYPES[:6]))
    record_id = ID(required=True)


class ExplanationSchema(Schema):
    employee_id = ID()
    record_type = fields.String()
    record_id = ID()
    visible = fields.Boolean()
    reasons = fields.List(fields.String())


class AuditArgs(PageArgs):
    record_type = fields.String(validate=validate.OneOf(RECORD_TYPES))
    record_id = ID()
    actor_id = ID()
    action = fields.String()
    since = AwareDateTime()
    until = AwareDateTime()


class AuditEntrySchema(Schema):
    id = fields.Integer()
    service = fields.String()
    occurred_at = fields.String()
    actor_id = ID(allow_none=True)
    on_behalf_of = ID(allow_none=True)
    action = fields.String()
    record_type = fields.String()
    record_id = ID()
    changes = fields.Dict()
    hash = fields.String(allow_none=True, metadata={
        "description": "the row's link in the hash chain; null for a read of personal data, which the "
                       "chain covers in batches by a `sealed` row (docs/permissions.md, \"Audit\")"})


class AuditPageSchema(Schema):
    items = fields.List(fields.Nested(AuditEntrySchema))
    total = fields.Integer()
    unavailable = fields.List(fields.Nested(UnavailablePartSchema))
    next = Next()
