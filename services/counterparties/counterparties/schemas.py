"""The counterparties service's RPC contract."""
from marshmallow import Schema, fields, validate, validates_schema, ValidationError

KINDS = ("organisation", "individual")
STATUSES = ("active", "archived")


class CounterpartySchema(Schema):
    id = fields.UUID(dump_only=True)
    kind = fields.String(load_default="organisation", validate=validate.OneOf(KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    short_name = fields.String(allow_none=True, validate=validate.Length(max=150))
    tax_id = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[0-9A-Za-z-]{4,20}$", error="Tax id must be 4-20 letters or digits."))
    registration_number = fields.String(allow_none=True, validate=validate.Length(max=30))
    legal_address = fields.String(allow_none=True, validate=validate.Length(max=2000))
    postal_address = fields.String(allow_none=True, validate=validate.Length(max=2000))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    fax = fields.String(allow_none=True, validate=validate.Length(max=50))
    email = fields.Email(allow_none=True)
    website = fields.String(allow_none=True, validate=validate.Length(max=300))
    main_contact = fields.String(allow_none=True, validate=validate.Length(max=200))
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))
    responsible_employee_id = fields.UUID(allow_none=True)
    status = fields.String(dump_only=True)
    created_by = fields.UUID(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "name" in data and not data["name"].strip():
            raise ValidationError("Name must not be blank.", "name")


class CounterpartyQuerySchema(Schema):
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    ids = fields.List(fields.UUID(), load_default=None)
    responsible_employee_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    sort = fields.String(load_default="name", validate=validate.OneOf(("name", "-name", "created_at", "-created_at")))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class HistoryEntrySchema(Schema):
    id = fields.UUID()
    counterparty_id = fields.UUID()
    occurred_at = fields.AwareDateTime()
    kind = fields.String()
    actor_id = fields.UUID(allow_none=True)
    summary = fields.String()
    data = fields.Dict()


class PageSchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


ACTIVITY_KINDS = ("call", "meeting", "email", "fax", "letter", "task")
ACTIVITY_STATUSES = ("planned", "done", "cancelled", "missed")


class ContactPersonSchema(Schema):
    id = fields.UUID(dump_only=True)
    counterparty_id = fields.UUID(dump_only=True)
    full_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    phones = fields.List(fields.String(validate=validate.Length(min=1, max=50)), load_default=list)
    emails = fields.List(fields.Email(), load_default=list)
    birthday = fields.Date(allow_none=True)
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))
    consent_to_mailings = fields.Boolean(load_default=False)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "full_name" in data and not data["full_name"].strip():
            raise ValidationError("Name must not be blank.", "full_name")


class ActivitySchema(Schema):
    id = fields.UUID(dump_only=True)
    counterparty_id = fields.UUID(required=True)
    contact_person_id = fields.UUID(allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(ACTIVITY_KINDS))
    subject = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = fields.String(allow_none=True, validate=validate.Length(max=20000))
    phone_or_place = fields.String(allow_none=True, validate=validate.Length(max=300))
    planned_at = fields.AwareDateTime(required=True)
    duration_minutes = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=24 * 60))
    responsible_id = fields.UUID(allow_none=True, metadata={"description": "default: the caller"})
    scheduled_by = fields.UUID(dump_only=True)
    status = fields.String(dump_only=True)
    result = fields.String(dump_only=True)
    next_step = fields.String(dump_only=True)
    completed_at = fields.AwareDateTime(dump_only=True)
    follow_up_of = fields.UUID(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)


class FollowUpSchema(Schema):
    kind = fields.String(load_default=None, validate=validate.OneOf(ACTIVITY_KINDS))
    subject = fields.String(required=True, validate=validate.Length(min=1, max=300))
    description = fields.String(allow_none=True, load_default=None)
    planned_at = fields.AwareDateTime(required=True)


class CompletionSchema(Schema):
    status = fields.String(load_default="done", validate=validate.OneOf(("done", "cancelled", "missed")))
    result = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    next_step = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=5000))
    follow_up = fields.Nested(FollowUpSchema, allow_none=True, load_default=None)


class ActivityQuerySchema(Schema):
    counterparty_id = fields.UUID(load_default=None)
    responsible_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(ACTIVITY_STATUSES))
    planned_from = fields.AwareDateTime(load_default=None)
    planned_to = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))
