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
