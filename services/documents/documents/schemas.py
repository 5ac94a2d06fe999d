"""The documents service's RPC contract."""
from decimal import Decimal

from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, fields, pre_load, validate, validates_schema, ValidationError

from .file_types import DEFAULT_KINDS as DEFAULT_FILE_KINDS

STATUSES = ("draft", "on_approval", "approved", "rejected", "signed", "in_execution",
            "completed", "terminated", "archived")



def shown_fields(doc_type, values):
    """The fields a card shows: the type's live ones, then any retired or unknown one holding a value."""
    values = values or {}
    shown = [{**f, "value": values.get(f["code"])} for f in doc_type.fields or []
             if not f.get("retired") or f["code"] in values]
    known = {f["code"] for f in doc_type.fields or []}
    shown += [{"code": code, "label": code, "kind": "text", "required": False, "retired": True, "value": value}
              for code, value in values.items() if code not in known]
    return shown


class JournalSchema(Schema):
    id = fields.UUID()
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    prefix = fields.String()
    number_pattern = fields.String()
    sequence_width = fields.Integer()
    is_active = fields.Boolean()
    per_parent = fields.Boolean(dump_only=True)


JOURNAL_CODE = validate.Regexp(r"^[A-Za-z0-9_-]{1,20}$", error="1-20 letters, digits, - or _.")


class NewJournalSchema(Schema):
    code = fields.String(required=True, validate=JOURNAL_CODE)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(load_default="user", validate=validate.OneOf(
        ("incoming", "outgoing", "internal", "contracts", "user")))
    prefix = fields.String(load_default="", validate=validate.Length(max=20))
    number_pattern = fields.String(load_default="{prefix}-{year}-{seq}", validate=validate.Length(min=1, max=100),
                                   metadata={"description": "tokens: {prefix} {year} {yy} {department} "
                                                            "{seq} or {seq:04d}; {parent_number} with {child_seq} "
                                                            "numbers within the parent (45/2026-A3)"})
    sequence_width = fields.Integer(load_default=6, validate=validate.Range(min=1, max=12))
    is_active = fields.Boolean(load_default=True)


class JournalChangesSchema(NewJournalSchema):
    class Meta:
        partial = True

    code = fields.String(validate=JOURNAL_CODE)
    name = fields.String(validate=validate.Length(min=1, max=200))
    kind = fields.String(validate=validate.OneOf(("incoming", "outgoing", "internal", "contracts", "user")))
    prefix = fields.String(validate=validate.Length(max=20))
    number_pattern = fields.String(validate=validate.Length(min=1, max=100))
    sequence_width = fields.Integer(validate=validate.Range(min=1, max=12))
    is_active = fields.Boolean()


FIELD_KINDS = ("text", "number", "money", "date", "reference", "employee", "counterparty")


class FieldDefinitionSchema(Schema):
    """One extra field of a type's card."""

    code = fields.String(required=True, validate=validate.Length(min=1, max=40))
    label = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(required=True, validate=validate.OneOf(FIELD_KINDS))
    required = fields.Boolean(load_default=False)
    reference_book = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=60))
    retired = fields.Boolean(load_default=False, metadata={
        "description": "no longer offered; documents that have a value still show it"})


class RequiredDocumentSchema(Schema):
    type_id = fields.UUID(required=True)
    per = fields.String(load_default="document", validate=validate.OneOf(("document", "stage")), metadata={
        "description": "document: once per document; stage: once per stage (the type's stages field)"})
    count = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100))


class DocumentTypeSchema(Schema):
    id = fields.UUID()
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    journal_id = fields.UUID(allow_none=True)
    journal = fields.Nested(JournalSchema, allow_none=True)
    visible_to_roles = fields.List(fields.String(), metadata={
        "description": "employees with any of these roles see every document of the type"})
    field_definitions = fields.List(fields.Nested(FieldDefinitionSchema), data_key="fields", attribute="fields")
    allowed_child_type_ids = fields.List(fields.UUID(), allow_none=True, metadata={
        "description": "types a child document may have; null: any"})
    default_responsible_ids = fields.List(fields.UUID())
    department_id = fields.UUID(allow_none=True)
    department_code = fields.String(allow_none=True)
    required_documents = fields.List(fields.Nested(RequiredDocumentSchema))
    stages_field = fields.String(allow_none=True)
    accepted_file_kinds = fields.List(fields.String(), metadata={
        "description": "the kinds of file its documents take: pdf, images, office, text, email, archives"})
    is_active = fields.Boolean()


TYPE_CODE = validate.Regexp(r"^[a-z][a-z0-9_]{0,39}$", error="Lower-case letters, digits and _.")
KIND = validate.Regexp(r"^[a-z][a-z0-9_]{0,39}$", error="Lower-case letters, digits and _ (a new kind is allowed).")


class NewDocumentTypeSchema(Schema):
    code = fields.String(required=True, validate=TYPE_CODE)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(required=True, validate=KIND)
    journal_id = fields.UUID(load_default=None, allow_none=True)
    visible_to_roles = fields.List(fields.String(validate=validate.Length(min=1, max=40)), load_default=list)
    field_definitions = fields.List(fields.Nested(FieldDefinitionSchema), load_default=list, data_key="fields",
                                    attribute="fields")
    allowed_child_type_ids = fields.List(fields.UUID(), load_default=None, allow_none=True)
    default_responsible_ids = fields.List(fields.UUID(), load_default=list)
    department_id = fields.UUID(load_default=None, allow_none=True)
    department_code = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=20))
    required_documents = fields.List(fields.Nested(RequiredDocumentSchema), load_default=list)
    stages_field = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=40))
    accepted_file_kinds = fields.List(fields.String(validate=validate.Length(min=1, max=20)),
                                      load_default=lambda: list(DEFAULT_FILE_KINDS))
    is_active = fields.Boolean(load_default=True)


class DocumentTypeChangesSchema(Schema):
    code = fields.String(validate=TYPE_CODE)
    name = fields.String(validate=validate.Length(min=1, max=200))
    kind = fields.String(validate=KIND)
    journal_id = fields.UUID(allow_none=True)
    visible_to_roles = fields.List(fields.String(validate=validate.Length(min=1, max=40)))
    field_definitions = fields.List(fields.Nested(FieldDefinitionSchema), data_key="fields", attribute="fields")
    allowed_child_type_ids = fields.List(fields.UUID(), allow_none=True)
    default_responsible_ids = fields.List(fields.UUID())
    department_id = fields.UUID(allow_none=True)
    department_code = fields.String(allow_none=True, validate=validate.Length(max=20))
    required_documents = fields.List(fields.Nested(RequiredDocumentSchema))
    stages_field = fields.String(allow_none=True, validate=validate.Length(max=40))
    accepted_file_kinds = fields.List(fields.String(validate=validate.Length(min=1, max=20)))
    is_active = fields.Boolean()


class TypesQuerySchema(Schema):
    include_inactive = fields.Boolean(load_default=False)


class FileVersionSchema(Schema):
    id = fields.UUID()
    version = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    content_type = fields.String()
    uploaded_by = fields.UUID()
    uploaded_at = fields.AwareDateTime()
    text_state = fields.String(allow_none=True, metadata={
        "description": "reading its text: pending, done or failed (null: stored before texts were read)"})
    text_reason = fields.String(allow_none=True, metadata={
        "description": "why its text could not be read; with text_state done, what could not be made "
                       "(an office file's preview: \"no preview: ...\")"})
    text_method = fields.String(allow_none=True, metadata={
        "description": "how its text was read: ocr, text_layer, office, email, plain"})
    has_searchable_pdf = fields.Function(lambda v: bool(v.rendition_key))
    has_thumbnail = fields.Function(lambda v: bool(v.thumbnail_key))


class DocumentFileSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    created_at = fields.AwareDateTime()
    versions = fields.List(fields.Nested(FileVersionSchema))


class StatusChangeSchema(Schema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String()
    changed_by = fields.UUID(allow_none=True)
    reason = fields.String(allow_none=True)
    changed_at = fields.AwareDateTime()


class DocumentSchema(Schema):
    id = fields.UUID(dump_only=True)
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    type_id = fields.UUID(required=True)
    type = fields.Nested(DocumentTypeSchema, dump_only=True)
    number = fields.String(dump_only=True)
    registered_at = fields.AwareDateTime(dump_only=True)
    registrar_id = fields.UUID(dump_only=True)
    document_date = fields.Date(allow_none=True)
    signing_date = fields.Date(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    legal_entity_id = fields.UUID(allow_none=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    amount = fields.Decimal(allow_none=True, as_string=True, places=2,
                            validate=validate.Range(min=0, max=10**16))
    currency = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[A-Z]{3}$", error="Currency must be a three-letter ISO 4217 code."))
    valid_from = fields.Date(allow_none=True)
    valid_to = fields.Date(allow_none=True)
    responsible_id = fields.UUID(allow_none=True)
    parent_id = fields.UUID(allow_none=True)
    department_id = fields.UUID(allow_none=True)
    extra = fields.Dict(keys=fields.String(), load_default=dict, metadata={
        "description": "values of the type's extra fields by code"})
    extra_fields = fields.Method("shown_fields", dump_only=True, metadata={
        "description": "the fields the card shows, with labels, kinds and values (retired ones that "
                       "hold a value included)"})
    status = fields.String(dump_only=True)
    created_by = fields.UUID(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)
    files = fields.List(fields.Nested(DocumentFileSchema), dump_only=True)
    status_changes = fields.List(fields.Nested(StatusChangeSchema), dump_only=True)

    def shown_fields(self, document):
        return shown_fields(document.type, document.extra)

    @validates_schema
    def consistent(self, data, **kwargs):
        if data.get("amount") is not None and not data.get("currency"):
            raise ValidationError("An amount needs a currency.", "currency")
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            raise ValidationError("Validity must not end before it starts.", "valid_to")
        if "title" in data and not data["title"].strip():
            raise ValidationError("Title must not be blank.", "title")


class NewDocumentSchema(DocumentSchema):
    register = fields.Boolean(load_default=True, load_only=True)
    reserved_number = fields.String(load_only=True, validate=validate.Length(min=1, max=60), metadata={
        "description": "register with this number reserved before in the type's journal"})


class DocumentChangesSchema(Schema):
    """Some fields of a card; how they fit the rest of the card is checked against the whole."""

    document_date = fields.Date(allow_none=True)
    signing_date = fields.Date(allow_none=True)
    counterparty_id = fields.UUID(allow_none=True)
    legal_entity_id = fields.UUID(allow_none=True)
    title = fields.String(validate=validate.Length(min=1, max=500))
    amount = fields.Decimal(allow_none=True, as_string=True, places=2,
                            validate=validate.Range(min=0, max=10**16))
    currency = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[A-Z]{3}$", error="Currency must be a three-letter ISO 4217 code."))
    valid_from = fields.Date(allow_none=True)
    valid_to = fields.Date(allow_none=True)
    responsible_id = fields.UUID(allow_none=True)
    extra = fields.Dict(keys=fields.String(), metadata={
        "description": "extra fields to change by code (null clears one)"})

    @validates_schema
    def title_not_blank(self, data, **kwargs):
        if "title" in data and not data["title"].strip():
            raise ValidationError("Title must not be blank.", "title")


class DocumentSummarySchema(DocumentSchema):
    class Meta:
        exclude = ("files", "status_changes")

    file_count = fields.Method("count_files", dump_only=True)

    def count_files(self, document):
        return document.file_count if document.file_count is not None else len(document.files)


class NewLinkSchema(Schema):
    document_id = fields.UUID(required=True, metadata={"description": "the related document"})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class LinkSchema(Schema):
    from_id = fields.UUID()
    to_id = fields.UUID()
    note = fields.String(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()


class TreeNodeSchema(Schema):
    document = fields.Nested(lambda: DocumentSummarySchema())
    children = fields.List(fields.Nested(lambda: TreeNodeSchema()))


class RelatedDocumentSchema(Schema):
    document = fields.Nested(lambda: DocumentSummarySchema())
    note = fields.String(allow_none=True)
    direction = fields.String(metadata={"description": "outgoing: linked from this document; incoming: to it"})
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()


class DocumentTreeSchema(Schema):
    document = fields.Nested(lambda: DocumentSummarySchema())
    parents = fields.List(fields.Nested(lambda: DocumentSummarySchema()), metadata={
        "description": "from the root down to the direct parent"})
    children = fields.List(fields.Nested(TreeNodeSchema))
    related = fields.List(fields.Nested(RelatedDocumentSchema))


class RegistrationSchema(Schema):
    """A number a journal gave out: reserved, registered to a document, or cancelled."""

    id = fields.UUID()
    journal_id = fields.UUID()
    year = fields.Integer()
    sequence = fields.Integer()
    number = fields.String()
    status = fields.String()
    document_id = fields.UUID(allow_none=True)
    registered_at = fields.AwareDateTime()
    registrar_id = fields.UUID()
    note = fields.String(allow_none=True)
    cancelled_at = fields.AwareDateTime(allow_none=True)
    cancelled_by = fields.UUID(allow_none=True)
    cancel_reason = fields.String(allow_none=True)


YEAR = validate.Range(min=1900, max=2999)


class ReservationRequestSchema(Schema):
    year = fields.Integer(load_default=None, allow_none=True, validate=YEAR)
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class RegistrationRequestSchema(Schema):
    reserved_number = fields.String(load_default=None, allow_none=True, validate=validate.Length(min=1, max=60))


class CancelRegistrationSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))

    @validates_schema
    def reason_not_blank(self, data, **kwargs):
        if not data.get("reason", "x").strip():
            raise ValidationError("A reason must not be blank.", "reason")


class NumbersQuerySchema(Schema):
    year = fields.Integer(load_default=None, allow_none=True, validate=YEAR)


class PaperMovementSchema(Schema):
    id = fields.UUID()
    at = fields.AwareDateTime()
    from_holder = fields.UUID(allow_none=True)
    to_holder = fields.UUID(allow_none=True)
    to_location = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    expected_return_on = fields.Date(allow_none=True)
    by = fields.UUID()


class PaperCopySchema(Schema):
    id = fields.UUID()
    document_id = fields.UUID()
    document_title = fields.String(attribute="document.title")
    document_number = fields.String(attribute="document.number", allow_none=True)
    kind = fields.String()
    location = fields.String()
    holder_id = fields.UUID(allow_none=True)
    status = fields.String()
    expected_return_on = fields.Date(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()
    movements = fields.List(fields.Nested(PaperMovementSchema))


PLACE = validate.Length(min=1, max=300)


class NewPaperCopySchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("original", "copy")))
    location = fields.String(required=True, validate=PLACE, metadata={
        "description": "where it is kept: archive, room, cabinet, folder"})

    @validates_schema
    def location_not_blank(self, data, **kwargs):
        if "location" in data and not data["location"].strip():
            raise ValidationError("A location must not be blank.", "location")


class PaperMovementRequestSchema(Schema):
    """Either hand the copy to an employee (``to_holder``) or return it (``to_location``)."""

    to_holder = fields.UUID(load_default=None, allow_none=True)
    to_location = fields.String(load_default=None, allow_none=True, validate=PLACE)
    reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))
    expected_return_on = fields.Date(load_default=None, allow_none=True)

    @validates_schema
    def one_destination(self, data, **kwargs):
        if (data.get("to_holder") is None) == (not (data.get("to_location") or "").strip()):
            raise ValidationError("Give either an employee to hand the copy to or a location to return it to.",
                                  "to_holder")
        if data.get("to_holder") is None and data.get("expected_return_on") is not None:
            raise ValidationError("Only a copy handed out is expected back.", "expected_return_on")


class LostPaperCopySchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))

    @validates_schema
    def reason_not_blank(self, data, **kwargs):
        if not data.get("reason", "x").strip():
            raise ValidationError("A reason must not be blank.", "reason")


class PaperCopyQuerySchema(Schema):
    out = fields.Boolean(load_default=False, metadata={"description": "only copies handed out"})
    lost = fields.Boolean(load_default=False, metadata={"description": "only copies marked lost"})
    counterparty_id = fields.UUID(load_default=None, metadata={
        "description": "only copies of this counterparty's documents (its originals held by us or sent)"})
    overdue = fields.Boolean(load_default=False, metadata={
        "description": "only copies handed out past their expected return"})
    holder_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class RegistryFilterSchema(Schema):
    """The registry's filters (all optional; each narrows the list)."""

    counterparty_id = fields.UUID(load_default=None)
    status = fields.List(fields.String(validate=validate.OneOf(STATUSES)), load_default=None)
    search = fields.String(load_default=None, validate=validate.Length(max=200), metadata={
        "description": "words in the number, subject, counterparty name or the text of the files"})
    type_id = fields.List(fields.UUID(), load_default=None)
    journal_id = fields.UUID(load_default=None)
    responsible_id = fields.UUID(load_default=None)
    legal_entity_id = fields.UUID(load_default=None)
    department_id = fields.UUID(load_default=None)
    parent_id = fields.UUID(load_default=None)
    date_from = fields.Date(load_default=None)
    date_to = fields.Date(load_default=None)
    signed_from = fields.Date(load_default=None)
    signed_to = fields.Date(load_default=None)
    valid_until_from = fields.Date(load_default=None)
    valid_until_to = fields.Date(load_default=None)
    amount_min = fields.Decimal(load_default=None, as_string=True)
    amount_max = fields.Decimal(load_default=None, as_string=True)
    currency = fields.String(load_default=None, validate=validate.Length(equal=3))
    extra = fields.Dict(keys=fields.String(), load_default=None, metadata={
        "description": "extra field values that must match exactly, by code"})

    @pre_load
    def one_or_many(self, data, **kwargs):
        data = dict(data)
        for name in ("status", "type_id"):
            if isinstance(data.get(name), str):
                data[name] = [data[name]]
        return data


class DocumentQuerySchema(RegistryFilterSchema):
    ids = fields.List(fields.UUID(), load_default=None)
    highlight = fields.Boolean(load_default=False, metadata={
        "description": "with search: each item also carries where the words matched, as [text, matched] "
                       "parts: highlighted_title, and snippet (from the files' text, or null)"})
    first_file = fields.Boolean(load_default=False, metadata={
        "description": "each item also carries first_file: its first file's current version (version_id, "
                       "filename, content_type, has_thumbnail), as the registry shows it; null without files"})
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class DocumentExportQuerySchema(RegistryFilterSchema):
    """The registry's filters, paged by keyset for an export: ``after`` is the ``next_after``
    of the page before (none for the first page)."""

    limit = fields.Integer(load_default=500, validate=validate.Range(min=1, max=2000))
    after = fields.List(fields.String(), load_default=None, validate=validate.Length(equal=2))


class SavedDocumentFilterSchema(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    query = fields.Dict(required=True)
    created_at = fields.AwareDateTime(dump_only=True)


class CompletenessItemSchema(Schema):
    type_id = fields.UUID()
    type_name = fields.String()
    per = fields.String()
    required = fields.Integer()
    present = fields.Integer()
    missing = fields.Integer()


class CompletenessSchema(Schema):
    document_id = fields.UUID()
    stages = fields.Integer()
    complete = fields.Boolean()
    items = fields.List(fields.Nested(CompletenessItemSchema))


class StatusChangeRequestSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    reason = fields.String(load_default=None, validate=validate.Length(max=2000))


class AttachSchema(Schema):
    upload_id = fields.UUID(required=True)
    filename = fields.String(required=True, validate=validate.Length(min=1, max=255))
    file_id = fields.UUID(load_default=None, metadata={"description": "add a new version to this file"})
    # what the uploader computed while sending the bytes: with all three the stored object is
    # checked against its ETag instead of being read back; without them it is re-read
    size = fields.Integer(load_default=None, validate=validate.Range(min=0))
    sha256 = fields.String(load_default=None, validate=validate.Regexp(r"^[0-9a-fA-F]{64}$"))
    md5 = fields.String(load_default=None, validate=validate.Regexp(r"^[0-9a-fA-F]{32}$"))

    @validates_schema
    def _claim_is_whole(self, data, **kwargs):
        given = [name for name in ("size", "sha256", "md5") if data.get(name) is not None]
        if given and len(given) != 3:
            raise ValidationError("Give size, sha256 and md5 together, or none of them.",
                                  [name for name in ("size", "sha256", "md5") if name not in given][0])


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("document", "registration", "contact_person", "document_type", "journal")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("document",)))
    record_id = fields.UUID(required=True)




# Contract execution: milestones, payments, the settlement.

CURRENCY = validate.Regexp(r"^[A-Z]{3}$", error="A currency is three capital letters (ISO 4217), e.g. RUB.")
MONEY = validate.Range(min=Decimal("0.01"), max=Decimal("9999999999999999.99"),
                       error="An amount is above zero and below 10^16.")


def _not_blank(data, name):
    if name in data and data[name] is not None and not data[name].strip():
        raise ValidationError("Must not be blank.", name)


class ExecutionPaperSchema(Schema):
    id = fields.UUID()
    number = fields.String(allow_none=True)
    title = fields.String()
    status = fields.String()
    amount = fields.Decimal(as_string=True, allow_none=True)
    currency = fields.String(allow_none=True)
    signing_date = fields.Date(allow_none=True)


class ExecutionActSchema(ExecutionPaperSchema):
    milestone_id = fields.UUID(allow_none=True)


class MilestoneSchema(Schema):
    id = fields.UUID()
    version = fields.Integer(dump_only=True, metadata={"description": "one more with every change (the ETag)"})
    position = fields.Integer()
    title = fields.String()
    due_on = fields.Date()
    amount = fields.Decimal(as_string=True, allow_none=True)
    currency = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    act_id = fields.UUID(allow_none=True)
    act = fields.Nested(ExecutionPaperSchema, allow_none=True)
    completed_on = fields.Date(allow_none=True)
    status = fields.String()
    days_overdue = fields.Integer()
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()


class PaymentSchema(Schema):
    id = fields.UUID()
    kind = fields.String()
    on = fields.Date()
    amount = fields.Decimal(as_string=True)
    currency = fields.String()
    invoice_id = fields.UUID(allow_none=True)
    invoice = fields.Nested(ExecutionPaperSchema, allow_none=True)
    reference = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    status = fields.String()
    covered = fields.Decimal(as_string=True, allow_none=True)
    days_overdue = fields.Integer()
    cancelled_at = fields.AwareDateTime(allow_none=True)
    cancelled_by = fields.UUID(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()


class SettlementSchema(Schema):
    currency = fields.String(allow_none=True)
    contract_amount = fields.Decimal(as_string=True, allow_none=True)
    accrued = fields.Decimal(as_string=True)
    paid = fields.Decimal(as_string=True)
    balance = fields.Decimal(as_string=True)
    planned_to_date = fields.Decimal(as_string=True)
    overdue_amount = fields.Decimal(as_string=True)
    remaining = fields.Decimal(as_string=True, allow_none=True)


class OverdueCountsSchema(Schema):
    milestones = fields.Integer()
    payments = fields.Integer()


class ExecutionSchema(Schema):
    document_id = fields.UUID()
    we_are = fields.String()
    milestones = fields.List(fields.Nested(MilestoneSchema))
    payments = fields.List(fields.Nested(PaymentSchema))
    totals = fields.List(fields.Nested(SettlementSchema))
    overdue = fields.Nested(OverdueCountsSchema)
    acts = fields.List(fields.Nested(ExecutionActSchema))
    invoices = fields.List(fields.Nested(ExecutionPaperSchema))


class ExecutionSummarySchema(Schema):
    """A contract's execution in brief, for the unified counterparty view."""

    we_are = fields.String()
    overdue = fields.Nested(OverdueCountsSchema)
    totals = fields.List(fields.Nested(SettlementSchema))
    next_milestone = fields.Nested(MilestoneSchema(only=("id", "title", "due_on", "status", "days_overdue")),
                                   allow_none=True)


class ExecutionTermsSchema(Schema):
    we_are = fields.String(required=True, validate=validate.OneOf(("supplier", "customer")), metadata={
        "description": "supplier: the counterparty pays us; customer: we pay the counterparty"})


class NewMilestoneSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=300))
    due_on = fields.Date(required=True)
    amount = fields.Decimal(load_default=None, allow_none=True, places=2, validate=MONEY)
    currency = fields.String(load_default=None, allow_none=True, validate=CURRENCY)
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=4000))

    @validates_schema
    def title_not_blank(self, data, **kwargs):
        _not_blank(data, "title")


class MilestoneChangesSchema(Schema):
    title = fields.String(validate=validate.Length(min=1, max=300))
    due_on = fields.Date()
    amount = fields.Decimal(allow_none=True, places=2, validate=MONEY)
    currency = fields.String(allow_none=True, validate=CURRENCY)
    note = fields.String(allow_none=True, validate=validate.Length(max=4000))
    act_id = fields.UUID(allow_none=True, metadata={"description": "the completion act that closes it; null unlinks"})
    completed_on = fields.Date(allow_none=True, metadata={"description": "done by hand on this day; null reopens"})

    @validates_schema
    def title_not_blank(self, data, **kwargs):
        _not_blank(data, "title")
        if "due_on" in data and data["due_on"] is None:
            raise ValidationError("A milestone needs a deadline.", "due_on")


class NewPaymentSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("planned", "actual")))
    on = fields.Date(required=True, metadata={"description": "planned: the date it is due; actual: the date paid"})
    amount = fields.Decimal(required=True, places=2, validate=MONEY)
    currency = fields.String(load_default=None, allow_none=True, validate=CURRENCY)
    invoice_id = fields.UUID(load_default=None, allow_none=True)
    reference = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=100), metadata={
        "description": "the payment order's number or another bank reference"})
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=4000))


class PaymentCancellationSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))

    @validates_schema
    def reason_not_blank(self, data, **kwargs):
        _not_blank(data, "reason")


class ExecutionOverdueQuerySchema(Schema):
    counterparty_id = fields.UUID(load_default=None)
    responsible_id = fields.UUID(load_default=None)
    department_id = fields.UUID(load_default=None, metadata={"description": "contracts of this department"})
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class ExecutionOverdueSchema(Schema):
    kind = fields.String()
    id = fields.UUID()
    document_id = fields.UUID()
    document_number = fields.String(allow_none=True)
    document_title = fields.String()
    counterparty_id = fields.UUID(allow_none=True)
    responsible_id = fields.UUID(allow_none=True)
    due_on = fields.Date()
    title = fields.String(allow_none=True)
    amount = fields.Decimal(as_string=True, allow_none=True)
    outstanding = fields.Decimal(as_string=True, allow_none=True)
    currency = fields.String(allow_none=True)
    days_overdue = fields.Integer()
