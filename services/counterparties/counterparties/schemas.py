"""The counterparties service's RPC contract."""
from chancery_common.audit import AuditEntrySchema  # noqa: F401  (shared)
from marshmallow import Schema, fields, validate, validates_schema, ValidationError

from . import legal

KINDS = ("organisation", "individual")
STATUSES = ("active", "archived")
SORTS = ("name", "-name", "created_at", "-created_at", "updated_at", "-updated_at")
REFERENCE_KINDS = ("activity_type", "region", "group", "category", "advertising_source")


class CounterpartySchema(Schema):
    id = fields.UUID(dump_only=True)
    kind = fields.String(load_default="organisation", validate=validate.OneOf(KINDS))
    name = fields.String(required=True, validate=validate.Length(min=1, max=300))
    short_name = fields.String(allow_none=True, validate=validate.Length(max=150))
    country = fields.String(load_default="RU", validate=validate.Regexp(
        r"^[A-Z]{2}$", error="Country must be a two-letter ISO 3166 code, e.g. RU."),
        metadata={"description": "legal details are checked by this country's rules (RU: INN, OGRN, KPP)"})
    tax_id = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[0-9A-Za-z-]{4,20}$", error="Tax id must be 4-20 letters or digits."))
    registration_number = fields.String(allow_none=True, validate=validate.Length(max=30))
    kpp = fields.String(allow_none=True, validate=validate.Length(max=9))
    legal_address = fields.String(allow_none=True, validate=validate.Length(max=2000))
    postal_address = fields.String(allow_none=True, validate=validate.Length(max=2000))
    phone = fields.String(allow_none=True, validate=validate.Length(max=50))
    fax = fields.String(allow_none=True, validate=validate.Length(max=50))
    email = fields.Email(allow_none=True)
    website = fields.String(allow_none=True, validate=validate.Length(max=300))
    main_contact = fields.String(allow_none=True, validate=validate.Length(max=200))
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))
    responsible_employee_id = fields.UUID(allow_none=True)
    additional_responsible_ids = fields.List(fields.UUID(), metadata={
        "description": "additional responsible employees; they and their departments see it too"})
    activity_type_id = fields.UUID(allow_none=True)
    region_id = fields.UUID(allow_none=True)
    group_id = fields.UUID(allow_none=True)
    category_id = fields.UUID(allow_none=True)
    advertising_source_id = fields.UUID(allow_none=True)
    status = fields.String(dump_only=True)
    created_by = fields.UUID(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def russian_legal_details(self, data, **kwargs):
        """By Russian rules when the country is RU (on a partial change, when it is not named)."""
        if data.get("country", "RU") != "RU":
            return
        kind = data.get("kind") if not self.partial or "kind" in data else None
        problems = {
            "tax_id": data.get("tax_id") and legal.inn_problem(data["tax_id"], kind),
            "registration_number": data.get("registration_number")
            and legal.ogrn_problem(data["registration_number"], kind),
            "kpp": data.get("kpp") and legal.kpp_problem(data["kpp"]),
        }
        problems = {name: [problem] for name, problem in problems.items() if problem}
        if problems:
            raise ValidationError(problems)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "name" in data and not data["name"].strip():
            raise ValidationError("Name must not be blank.", "name")


class CounterpartyQuerySchema(Schema):
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    ids = fields.List(fields.UUID(), load_default=None)
    responsible_employee_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    sort = fields.String(load_default="name", validate=validate.OneOf(SORTS))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))
    # characteristics: any of the listed values of each book matches
    activity_type_id = fields.List(fields.UUID(), load_default=None)
    region_id = fields.List(fields.UUID(), load_default=None)
    group_id = fields.List(fields.UUID(), load_default=None)
    category_id = fields.List(fields.UUID(), load_default=None)
    advertising_source_id = fields.List(fields.UUID(), load_default=None)


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


class IsoDate(fields.Date):
    """A date: parsed from input; a stored ISO string (in JSON columns) is sent as it is."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value if isinstance(value, str) else super()._serialize(value, attr, obj, **kwargs)


class MessengerSchema(Schema):
    kind = fields.String(required=True, validate=validate.Length(min=1, max=40), metadata={
        "description": "telegram, whatsapp, signal, skype..."})
    handle = fields.String(required=True, validate=validate.Length(min=1, max=200))


IMPORTANT_DATE_KINDS = ("birthday", "anniversary", "other")


class ImportantDateSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(IMPORTANT_DATE_KINDS))
    label = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=200))
    date = IsoDate(required=True)
    remind_yearly = fields.Boolean(load_default=False)


class ContactPersonSchema(Schema):
    id = fields.UUID(dump_only=True)
    counterparty_id = fields.UUID(dump_only=True)
    full_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    position = fields.String(allow_none=True, validate=validate.Length(max=200))
    phones = fields.List(fields.String(validate=validate.Length(min=1, max=50)), load_default=list)
    emails = fields.List(fields.Email(), load_default=list)
    messengers = fields.List(fields.Nested(MessengerSchema), load_default=list)
    important_dates = fields.List(fields.Nested(ImportantDateSchema), load_default=list)
    birthday = fields.Date(allow_none=True)
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))
    consent_to_mailings = fields.Boolean(dump_only=True, metadata={
        "description": "changed only by record_consent, which keeps when and how"})
    consent_given_at = fields.AwareDateTime(dump_only=True)
    consent_method = fields.String(dump_only=True)
    consent_withdrawn_at = fields.AwareDateTime(dump_only=True)
    anonymised_at = fields.AwareDateTime(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "full_name" in data and not data["full_name"].strip():
            raise ValidationError("Name must not be blank.", "full_name")


class ConsentSchema(Schema):
    given = fields.Boolean(required=True, metadata={"description": "false: consent withdrawn"})
    method = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=100), metadata={
        "description": "how it was given or withdrawn, e.g. signed form, e-mail, verbal"})

    @validates_schema
    def method_of_consent(self, data, **kwargs):
        if data.get("given") and not (data.get("method") or "").strip():
            raise ValidationError("Say how the consent was given.", "method")


class ErasureSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=1000))

    @validates_schema
    def blank_reason(self, data, **kwargs):
        if "reason" in data and not data["reason"].strip():
            raise ValidationError("Reason must not be blank.", "reason")


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


class CounterpartyRefSchema(Schema):
    id = fields.UUID()
    name = fields.String()


class DuplicatesSchema(Schema):
    items = fields.List(fields.Nested(CounterpartySchema))
    hidden_matches = fields.Integer(metadata={
        "description": "look-alikes the caller may not see: counted, never shown"})


RECORD_TYPES = ("counterparty", "contact_person", "activity")


class RecordRefSchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(RECORD_TYPES))
    record_id = fields.UUID(required=True)


class AccessSchema(Schema):
    visible = fields.Boolean()
    reasons = fields.List(fields.String())


class AuditQuerySchema(Schema):
    record_type = fields.String(load_default=None, validate=validate.OneOf(RECORD_TYPES))
    record_id = fields.UUID(load_default=None)
    actor_id = fields.UUID(load_default=None)
    action = fields.String(load_default=None, validate=validate.Length(max=40))
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))

    @validates_schema
    def record_needs_its_type(self, data, **kwargs):
        if data.get("record_id") and not data.get("record_type"):
            raise ValidationError("Name the type of the record.", "record_type")


class AuditVerdictSchema(Schema):
    intact = fields.Boolean()
    first_bad_id = fields.Integer(allow_none=True)


class ContactPersonExportSchema(Schema):
    exported_at = fields.AwareDateTime()
    contact_person = fields.Nested(ContactPersonSchema)
    counterparty = fields.Nested(CounterpartyRefSchema)
    activities = fields.List(fields.Nested(ActivitySchema))
    history = fields.List(fields.Nested(HistoryEntrySchema))
    audit = fields.List(fields.Nested(AuditEntrySchema))


class ActivityQuerySchema(Schema):
    counterparty_id = fields.UUID(load_default=None)
    responsible_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(ACTIVITY_STATUSES))
    planned_from = fields.AwareDateTime(load_default=None)
    planned_to = fields.AwareDateTime(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


# reference books and saved filters -----------------------------------------------------------

class ReferenceKindSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(REFERENCE_KINDS))


class ReferenceValueSchema(Schema):
    id = fields.UUID(dump_only=True)
    kind = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    is_archived = fields.Boolean(load_default=False)
    counterparty_count = fields.Integer(dump_only=True, metadata={
        "description": "how many counterparties have this value"})
    created_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "name" in data and not data["name"].strip():
            raise ValidationError("Name must not be blank.", "name")


class ReferenceListSchema(Schema):
    include_archived = fields.Boolean(load_default=True)


class MergeSchema(Schema):
    into_id = fields.UUID(required=True)


class SavedQuerySchema(CounterpartyQuerySchema):
    """A directory query as kept in a saved filter: the filters and sorting, not the page."""

    class Meta:
        exclude = ("limit", "offset", "ids")


class SavedFilterSchema(Schema):
    id = fields.UUID(dump_only=True)
    owner_id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    query = fields.Nested(SavedQuerySchema, required=True, metadata={
        "description": "the list_counterparties query it keeps (no paging)"})
    created_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_name(self, data, **kwargs):
        if "name" in data and not data["name"].strip():
            raise ValidationError("Name must not be blank.", "name")


class HandoverSchema(Schema):
    counterparty_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(min=1, max=1000))
    from_employee_id = fields.UUID(required=True)
    to_employee_id = fields.UUID(required=True)
    include_open_activities = fields.Boolean(load_default=True, metadata={
        "description": "the planned activities of those counterparties whose responsible is `from` move too"})
    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))

    @validates_schema
    def someone_else(self, data, **kwargs):
        if data.get("from_employee_id") and data.get("from_employee_id") == data.get("to_employee_id"):
            raise ValidationError("Hand over to another employee.", "to_employee_id")


class HandoverResultSchema(Schema):
    counterparty_ids = fields.List(fields.UUID())
    from_employee_id = fields.UUID()
    to_employee_id = fields.UUID()
    activities_moved = fields.Integer()


class MoveSchema(Schema):
    counterparty_id = fields.UUID(required=True, metadata={"description": "where the person works now"})
