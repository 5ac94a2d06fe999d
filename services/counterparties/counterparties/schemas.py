"""The counterparties service's RPC contract."""
from decimal import Decimal

from chancery_common.audit import AuditEntrySchema  # noqa: F401  (shared)
from chancery_common.tabular import TableSchema
from marshmallow import Schema, fields, post_load, validate, validates_schema, ValidationError

from . import legal

KINDS = ("organisation", "individual")
STATUSES = ("active", "archived")
SORTS = ("name", "-name", "created_at", "-created_at", "updated_at", "-updated_at")
REFERENCE_KINDS = ("activity_type", "region", "group", "category", "advertising_source")
# the books a reference-book RPC takes: the characteristics and the ordered negotiation stages
BOOK_KINDS = (*REFERENCE_KINDS, "negotiation_stage")


class CounterpartySchema(Schema):
    id = fields.UUID(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    # creating one whose tax id another counterparty has takes an explicit yes (logic.exact_duplicate)
    allow_duplicate = fields.Boolean(load_only=True, load_default=False)
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
    merged_into_id = fields.UUID(dump_only=True, allow_none=True)
    merged_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    negotiation_stage = fields.Nested(lambda: StageRefSchema(), dump_only=True, allow_none=True, metadata={
        "description": "the current negotiation stage: that of the latest note of the negotiation log"})
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
    id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "kept across changes; given on creation when omitted"})
    kind = fields.String(required=True, validate=validate.OneOf(IMPORTANT_DATE_KINDS))
    label = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=200))
    date = IsoDate(required=True, metadata={"description": "the year may be meaningful (birth year) or not"})
    remind = fields.Boolean(load_default=None, allow_none=True, metadata={
        "description": "remind the counterparty's responsible employee every year"})
    remind_days_before = fields.Integer(load_default=0, validate=validate.Range(min=0, max=365))
    remind_yearly = fields.Boolean(load_default=None, allow_none=True, metadata={
        "description": "the former name of `remind`, still accepted"})

    @post_load
    def one_remind_flag(self, data, **kwargs):
        remind = data["remind"] if data.get("remind") is not None else bool(data.get("remind_yearly"))
        return {**data, "remind": remind, "remind_yearly": remind}


class ContactPersonSchema(Schema):
    id = fields.UUID(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
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
    updated_at = fields.AwareDateTime(dump_only=True, allow_none=True)


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


class RescheduleSchema(Schema):
    planned_at = fields.AwareDateTime(required=True)
    duration_minutes = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=24 * 60))
    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=1000))


class CancellationSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000))

    @validates_schema
    def blank_reason(self, data, **kwargs):
        if "reason" in data and not data["reason"].strip():
            raise ValidationError("Say why it is cancelled.", "reason")


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
    kind = fields.String(required=True, validate=validate.OneOf(BOOK_KINDS))


class ReferenceValueSchema(Schema):
    id = fields.UUID(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    kind = fields.String(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    is_archived = fields.Boolean(load_default=False)
    code = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[a-z][a-z0-9_]{0,59}$", error="A code is lower-case latin letters, digits and _, up to 60."), metadata={
        "description": "a stable name for programs (events carry it); negotiation stages"})
    position = fields.Integer(allow_none=True, validate=validate.Range(min=0, max=100000), metadata={
        "description": "order in an ordered book (negotiation stages); default: last"})
    counterparty_count = fields.Integer(dump_only=True, metadata={
        "description": "how many counterparties have this value (negotiation stages: how many notes)"})
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


# merging counterparties, the negotiation log ----------------------------------------------

MERGE_SIDES = ("survivor", "merged")


class CounterpartyMergeSchema(Schema):
    merged_id = fields.UUID(required=True, metadata={"description": "the counterparty that disappears into this one"})
    choices = fields.Dict(keys=fields.String(), values=fields.String(validate=validate.OneOf(MERGE_SIDES)),
                          load_default=dict, data_key="fields", metadata={
                             "description": "field -> survivor|merged: whose value stays (default: the survivor's, "
                                            "the merged one's where the survivor has none; notes are joined)"})


class MergeMovedSchema(Schema):
    contact_persons = fields.Integer()
    activities = fields.Integer()
    history_entries = fields.Integer()
    negotiation_notes = fields.Integer()


class CounterpartyMergeResultSchema(Schema):
    counterparty = fields.Nested(CounterpartySchema)
    moved = fields.Nested(MergeMovedSchema)


class StageRefSchema(Schema):
    id = fields.UUID()
    code = fields.String(allow_none=True)
    name = fields.String()
    position = fields.Integer()


CURRENCY = validate.Regexp(r"^[A-Z]{3}$", error="A currency is three capital letters (ISO 4217), e.g. RUB.")
DEAL_AMOUNT = validate.Range(min=Decimal("0.01"), max=Decimal("9999999999999999.99"),
                             error="An expected amount is above zero and below 10^16.")


class NegotiationDealSchema(Schema):
    """The deal a negotiation aims at; a field left out stays as it is, null clears it."""

    expected_amount = fields.Decimal(allow_none=True, as_string=True, places=2, validate=DEAL_AMOUNT, metadata={
        "description": "the deal's expected amount, decimal text (e.g. \"1500000.00\"); with `currency`"})
    currency = fields.String(allow_none=True, validate=CURRENCY, metadata={
        "description": "the expected amount's currency, ISO 4217 (RUB, USD, EUR...)"})
    expected_close_on = fields.Date(allow_none=True, metadata={"description": "when the deal is expected to close"})


class NegotiationSchema(NegotiationDealSchema):
    """A counterparty's negotiation: where it stands since when, and the deal it aims at."""

    current_stage = fields.Nested(lambda: StageRefSchema(), dump_only=True, allow_none=True)
    stage_since = fields.AwareDateTime(dump_only=True, allow_none=True, metadata={
        "description": "when the counterparty entered its current stage (the note that moved it there)"})
    updated_by = fields.UUID(dump_only=True, allow_none=True, metadata={"description": "who last set the deal"})
    updated_at = fields.AwareDateTime(dump_only=True, allow_none=True)


class NegotiationNoteSchema(NegotiationDealSchema):
    id = fields.UUID(dump_only=True)
    counterparty_id = fields.UUID(dump_only=True)
    stage_id = fields.UUID(required=True, metadata={"description": "a value of the negotiation_stage reference book"})
    stage = fields.Nested(StageRefSchema, dump_only=True)
    text = fields.String(required=True, validate=validate.Length(min=1, max=20000))
    decided = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=10000))
    client_priorities = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=10000))
    author_id = fields.UUID(dump_only=True)
    noted_at = fields.AwareDateTime(dump_only=True)

    @validates_schema
    def blank_text(self, data, **kwargs):
        if "text" in data and not data["text"].strip():
            raise ValidationError("Text must not be blank.", "text")


class NegotiationNotesSchema(Schema):
    items = fields.List(fields.Nested(NegotiationNoteSchema))
    total = fields.Integer()
    current_stage = fields.Nested(StageRefSchema, allow_none=True)
    negotiation = fields.Nested(NegotiationSchema, metadata={
        "description": "the stage's start and the expected deal (amount, currency, close date)"})


# import and export ----------------------------------------------------------------------------

IMPORT_MODES = ("skip", "update", "create")


class ImportRequestSchema(TableSchema):
    mode = fields.String(load_default="skip", validate=validate.OneOf(IMPORT_MODES), metadata={
        "description": "what a row that duplicates an existing counterparty does: skip it, update the match, "
                       "or create a new one anyway"})
    dry_run = fields.Boolean(load_default=False, metadata={"description": "report what would happen; change nothing"})
    allow_partial = fields.Boolean(load_default=False, metadata={
        "description": "import the good rows even when others have errors (default: all or nothing)"})


class ImportRowResultSchema(Schema):
    row = fields.Integer()
    action = fields.String(metadata={"description": "create, update, skip, same_as_row or error"})
    same_as_row = fields.Integer(metadata={
        "description": "for same_as_row: the row that names this counterparty first"})
    counterparty_id = fields.String(allow_none=True)
    contact_person_added = fields.Boolean()
    duplicates = fields.List(fields.Dict())
    hidden_matches = fields.Integer()
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


class ImportReportSchema(Schema):
    dry_run = fields.Boolean()
    applied = fields.Boolean(metadata={"description": "whether the changes were saved"})
    mode = fields.String()
    total_rows = fields.Integer()
    created = fields.Integer()
    updated = fields.Integer()
    skipped = fields.Integer()
    failed = fields.Integer()
    contact_persons_added = fields.Integer()
    unknown_columns = fields.List(fields.String(), metadata={"description": "headers that name no field: ignored"})
    rows = fields.List(fields.Nested(ImportRowResultSchema))


class ExportQuerySchema(CounterpartyQuerySchema):
    """The directory's filters and sort, paged by keyset: ``after`` is the ``next_after`` of
    the page before (none for the first page)."""

    class Meta:
        exclude = ("offset",)

    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=2000))
    after = fields.List(fields.String(), load_default=None, validate=validate.Length(equal=2))


class ExportPageSchema(Schema):
    columns = fields.List(fields.String())
    rows = fields.List(fields.List(fields.Raw()))
    total = fields.Integer(allow_none=True, metadata={
        "description": "counterparties matching the filters (on the first page only)"})
    next_after = fields.List(fields.String(), allow_none=True, metadata={
        "description": "the cursor of the next page; null after the last"})


# the calendar ----------------------------------------------------------------------------------

class CalendarQuerySchema(Schema):
    planned_from = fields.AwareDateTime(required=True)
    planned_to = fields.AwareDateTime(required=True, metadata={"description": "exclusive; at most 62 days on"})
    employee_id = fields.UUID(load_default=None, allow_none=True, metadata={"description": "default: the caller"})
    team = fields.Boolean(load_default=False, metadata={"description": "every employee of the caller's departments"})
    status = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(ACTIVITY_STATUSES))


class CalendarActivitySchema(ActivitySchema):
    on_behalf_of = fields.UUID(dump_only=True, allow_none=True)


class FeedActivitySchema(Schema):
    """An activity of an employee's calendar feed, with its version."""

    activity = fields.Nested(ActivitySchema)
    sequence = fields.Integer()
    last_modified = fields.AwareDateTime()
    counterparty_name = fields.String(allow_none=True)


class AgendaQuerySchema(Schema):
    day_from = fields.AwareDateTime(required=True, metadata={"description": "the day's first moment"})
    day_to = fields.AwareDateTime(required=True, metadata={"description": "the next day's first moment"})
    overdue_before = fields.AwareDateTime(required=True, metadata={
        "description": "planned activities before this are overdue"})
    employee_id = fields.UUID(load_default=None, allow_none=True, metadata={"description": "default: the caller"})




class CalendarSchema(Schema):
    employee_ids = fields.List(fields.UUID())
    items = fields.List(fields.Nested(CalendarActivitySchema))
    total = fields.Integer()
    truncated = fields.Boolean()
