"""Documents: types, journals and numbers, the card, files and versions, links and the tree,
paper copies, completeness."""

from marshmallow import Schema, fields, validate

from .common import Date, ID, Money, page_of, PageArgs, Version


class JournalSchema(Schema):
    id = ID()
    version = Version()
    code = fields.String()
    name = fields.String()
    prefix = fields.String()
    number_pattern = fields.String()
    sequence_width = fields.Integer()
    kind = fields.String()
    is_active = fields.Boolean()
    per_parent = fields.Boolean(metadata={"description": "numbers within the parent document (annexes)"})


class DocumentTypeSchema(Schema):
    id = ID()
    version = Version()
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    visible_to_roles = fields.List(fields.String(), metadata={
        "description": "roles that see every document of this type"})
    journal = fields.Nested(JournalSchema, allow_none=True)
    # documents' own (below): extra fields, children, people, completeness
    journal_id = ID(allow_none=True)
    field_definitions = fields.List(fields.Dict(), data_key="fields", attribute="fields")
    allowed_child_type_ids = fields.List(ID(), allow_none=True)
    default_responsible_ids = fields.List(ID())
    department_id = ID(allow_none=True)
    department_code = fields.String(allow_none=True)
    required_documents = fields.List(fields.Dict())
    stages_field = fields.String(allow_none=True)
    accepted_file_kinds = fields.List(fields.String(), metadata={
        "description": "the kinds of file its documents take: pdf, images, office, text, email, archives"})
    is_active = fields.Boolean()


class FileVersionSchema(Schema):
    id = ID()
    file_id = ID()
    version = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    content_type = fields.String()
    uploaded_by = ID()
    uploaded_at = fields.String()
    text_state = fields.String(allow_none=True, metadata={
        "description": "reading its text (OCR of a scan, an office file, an e-mail): pending, done or "
                       "failed; null for a file stored before texts were read"})
    text_reason = fields.String(allow_none=True, metadata={
        "description": "why its text could not be read; with text_state done, what could not be made "
                       "(an office file's preview: \"no preview: ...\")"})
    text_method = fields.String(allow_none=True, metadata={
        "description": "how its text was read: ocr, text_layer, office, email or plain"})
    has_searchable_pdf = fields.Boolean(metadata={
        "description": "a scan's searchable PDF, or an office file's PDF preview (text_method office, made by "
                       "LibreOffice), is at .../versions/{id}/searchable.pdf"})
    has_thumbnail = fields.Boolean(metadata={
        "description": "a PNG of its first page (a PDF's, an image's, an office file's) is at "
                       ".../versions/{id}/thumbnail"})


class FirstFileSchema(Schema):
    version_id = ID()
    filename = fields.String()
    content_type = fields.String()
    has_thumbnail = fields.Boolean()


class DocumentFileSchema(Schema):
    id = ID()
    name = fields.String()
    created_at = fields.String()
    versions = fields.List(fields.Nested(FileVersionSchema))


class StatusChangeSchema(Schema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String()
    changed_by = ID(allow_none=True)
    reason = fields.String(allow_none=True)
    changed_at = fields.String()


class NewDocumentSchema(Schema):
    type_id = ID(required=True)
    title = fields.String(required=True)
    counterparty_id = ID(allow_none=True)
    legal_entity_id = ID(allow_none=True)
    document_date = Date(allow_none=True)
    signing_date = Date(allow_none=True)
    amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    valid_from = Date(allow_none=True)
    valid_to = Date(allow_none=True)
    responsible_id = ID(allow_none=True)
    parent_id = ID(allow_none=True)
    register = fields.Boolean(metadata={"description": "register in the type's journal now (default true)"})
    department_id = ID(allow_none=True)
    extra = fields.Dict(keys=fields.String(), metadata={"description": "values of the type's extra fields by code"})


class DocumentSchema(NewDocumentSchema):
    id = ID()
    version = Version()
    type = fields.Nested(DocumentTypeSchema)
    number = fields.String(allow_none=True)
    registered_at = fields.String(allow_none=True)
    registrar_id = ID(allow_none=True)
    status = fields.String()
    created_by = ID()
    created_at = fields.String()
    updated_at = fields.String()
    file_count = fields.Integer()
    first_file = fields.Nested(FirstFileSchema, allow_none=True, metadata={
        "description": "in the registry's list: the current version of the document's first file (its "
                       "thumbnail, or its type for an icon); null without files"})
    extra_fields = fields.List(fields.Dict(), metadata={
        "description": "the card's extra fields with code, label, kind and value"})
    files = fields.List(fields.Nested(DocumentFileSchema))
    status_changes = fields.List(fields.Nested(StatusChangeSchema))


class DocumentTypeBriefSchema(Schema):
    id = ID()
    code = fields.String()
    name = fields.String()
    kind = fields.String()


class OverviewDocumentSchema(DocumentSchema):
    """A document as the unified view lists it: its type in brief (the whole type, with its
    fields and rules, at GET /document-types/{id})."""

    type = fields.Nested(DocumentTypeBriefSchema)


class DocumentQueryArgs(PageArgs):
    counterparty_id = ID()
    status = fields.String()
    search = fields.String()


class StatusChangeRequestSchema(Schema):
    status = fields.String(required=True)
    reason = fields.String(allow_none=True)


class UploadArgs(Schema):
    file_id = ID(metadata={"description": "add a new version to this file of the document"})
    filename = fields.String(validate=validate.Length(min=1, max=255), metadata={
        "description": "the file's name, when the request body is the file itself (application/octet-stream)"})


class NewDocumentRequestSchema(NewDocumentSchema):
    reserved_number = fields.String(metadata={
        "description": "take this number, reserved before in the type's journal"})


class DocumentChangesSchema(Schema):
    """Some fields of an unsigned card; a signed one changes only by an annex or a new version."""

    title = fields.String()
    document_date = Date(allow_none=True)
    signing_date = Date(allow_none=True)
    amount = Money(allow_none=True)
    currency = fields.String(allow_none=True)
    valid_from = Date(allow_none=True)
    valid_to = Date(allow_none=True)
    counterparty_id = ID(allow_none=True)
    legal_entity_id = ID(allow_none=True)
    responsible_id = ID(allow_none=True)
    extra = fields.Dict(keys=fields.String(), metadata={
        "description": "extra fields of the type to change, by code (null clears one)"})


class NewLinkSchema(Schema):
    document_id = ID(required=True, metadata={"description": "the related document"})
    note = fields.String(allow_none=True)


class LinkSchema(Schema):
    from_id = ID()
    to_id = ID()
    note = fields.String(allow_none=True)
    created_by = ID()
    created_at = fields.String()


class TreeNodeSchema(Schema):
    document = fields.Nested(DocumentSchema)
    children = fields.List(fields.Nested(lambda: TreeNodeSchema()))


class RelatedDocumentSchema(Schema):
    document = fields.Nested(DocumentSchema)
    note = fields.String(allow_none=True)
    direction = fields.String(metadata={"description": "outgoing: linked from this document; incoming: to it"})
    created_by = ID()
    created_at = fields.String()


class DocumentTreeSchema(Schema):
    """What the card's tree shows; documents the caller may not see are left out."""

    document = fields.Nested(DocumentSchema)
    parents = fields.List(fields.Nested(DocumentSchema), metadata={
        "description": "from the root down to the direct parent"})
    children = fields.List(fields.Nested(TreeNodeSchema), metadata={
        "description": "children, each with its own children"})
    related = fields.List(fields.Nested(RelatedDocumentSchema), metadata={
        "description": "free links, from either end"})


class RegistrationSchema(Schema):
    """A number a journal gave out: reserved, registered to a document, or cancelled."""

    id = ID()
    journal_id = ID()
    year = fields.Integer()
    sequence = fields.Integer()
    number = fields.String()
    status = fields.String(metadata={"description": "reserved, registered or cancelled"})
    document_id = ID(allow_none=True, metadata={
        "description": "the document holding (or that held) the number, when the caller sees it"})
    registered_at = fields.String()
    registrar_id = ID()
    note = fields.String(allow_none=True)
    cancelled_at = fields.String(allow_none=True)
    cancelled_by = ID(allow_none=True)
    cancel_reason = fields.String(allow_none=True)


YEAR = validate.Range(min=1900, max=2999)


class ReservationRequestSchema(Schema):
    year = fields.Integer(allow_none=True, validate=YEAR, metadata={"description": "default: this year"})
    note = fields.String(allow_none=True)


class RegistrationRequestSchema(Schema):
    reserved_number = fields.String(allow_none=True, metadata={
        "description": "take this number reserved before in the journal, instead of the next one"})


class CancelRegistrationSchema(Schema):
    reason = fields.String(required=True)


class NumbersQueryArgs(Schema):
    year = fields.Integer(validate=YEAR, metadata={"description": "default: this year"})


class PaperMovementSchema(Schema):
    id = ID()
    at = fields.String()
    from_holder = ID(allow_none=True)
    to_holder = ID(allow_none=True)
    to_location = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    expected_return_on = Date(allow_none=True)
    by = ID()


class PaperCopySchema(Schema):
    id = ID()
    document_id = ID()
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    kind = fields.String(metadata={"description": "original or copy"})
    location = fields.String(metadata={"description": "where it is kept: archive, room, cabinet, folder"})
    holder_id = ID(allow_none=True, metadata={"description": "the employee holding it now"})
    status = fields.String(metadata={"description": "in_place, handed_out or lost"})
    expected_return_on = Date(allow_none=True)
    created_by = ID()
    created_at = fields.String()
    movements = fields.List(fields.Nested(PaperMovementSchema))


class NewPaperCopySchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("original", "copy")))
    location = fields.String(required=True)


class PaperMovementRequestSchema(Schema):
    """Hand the copy to an employee (`to_holder`, with `expected_return_on`) or return it to a
    place (`to_location`)."""

    to_holder = ID(allow_none=True)
    to_location = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    expected_return_on = Date(allow_none=True)


class PaperCopyQueryArgs(PageArgs):
    out = fields.Boolean(metadata={"description": "only copies handed out"})
    overdue = fields.Boolean(metadata={"description": "only copies handed out past their expected return"})
    lost = fields.Boolean(metadata={"description": "only copies marked lost"})
    holder_id = ID()
    counterparty_id = ID(metadata={"description": "only copies of this counterparty's documents"})


class LostPaperCopySchema(Schema):
    reason = fields.String(required=True, metadata={"description": "what happened to it"})


PaperCopyPage = page_of(PaperCopySchema, "PaperCopyPage")
FIELD_KINDS = ("text", "number", "money", "date", "reference", "employee", "counterparty")


class FieldDefinitionSchema(Schema):
    """One extra field of a type's card. A field dropped from the list is kept as retired, so
    documents that have a value still show it; its kind never changes."""

    code = fields.String(required=True, metadata={"description": "lower-case letters, digits and _"})
    label = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(FIELD_KINDS))
    required = fields.Boolean()
    reference_book = fields.String(allow_none=True, metadata={"description": "for kind reference: the book's code"})
    retired = fields.Boolean()


class RequiredDocumentSchema(Schema):
    type_id = ID(required=True)
    per = fields.String(validate=validate.OneOf(("document", "stage")), metadata={
        "description": "document: once per document; stage: once per stage (the type's stages field)"})
    count = fields.Integer(validate=validate.Range(min=1, max=100))


class DocumentTypeRequestSchema(Schema):
    """A document type as employees with configure_document_types set it up."""

    code = fields.String()
    name = fields.String()
    kind = fields.String(metadata={"description": "incoming, outgoing, internal, contract, annex, completion_act, "
                                                  "invoice, work_order, work_schedule, letter, protocol, or a new one"})
    journal_id = ID(allow_none=True)
    visible_to_roles = fields.List(fields.String())
    field_definitions = fields.List(fields.Nested(FieldDefinitionSchema), data_key="fields", attribute="fields")
    allowed_child_type_ids = fields.List(ID(), allow_none=True, metadata={
        "description": "types its documents' children may have; null: any"})
    default_responsible_ids = fields.List(ID(), metadata={
        "description": "the first is the responsible of a new document that names none"})
    department_id = ID(allow_none=True)
    department_code = fields.String(allow_none=True, metadata={
        "description": "what the {department} token of the journal's pattern gives"})
    required_documents = fields.List(fields.Nested(RequiredDocumentSchema), metadata={
        "description": "accounting completeness: the children a document of this type must have"})
    stages_field = fields.String(allow_none=True, metadata={"description": "the number field giving the stages"})
    accepted_file_kinds = fields.List(fields.String(), metadata={
        "description": "the kinds of file its documents take (pdf, images, office, text, email, archives; "
                       "new types: all but archives); a file whose name contradicts its contents is always refused"})
    is_active = fields.Boolean()


class TypesQueryArgs(Schema):
    include_inactive = fields.Boolean()


class JournalRequestSchema(Schema):
    code = fields.String()
    name = fields.String()
    kind = fields.String(metadata={"description": "incoming, outgoing, internal, contracts or user"})
    prefix = fields.String()
    number_pattern = fields.String(metadata={
        "description": "tokens {prefix} {year} {yy} {department} {seq} (or {seq:04d}); {parent_number} "
                       "with {child_seq} numbers within the parent document, e.g. 45/2026-A3"})
    sequence_width = fields.Integer()
    is_active = fields.Boolean()


class RegistryArgs(PageArgs):
    """The registry's filters; each narrows the list."""

    search = fields.String(metadata={
        "description": "words in the number, subject, counterparty name or the text of the files"})
    status = fields.List(fields.String())
    type_id = fields.List(ID())
    journal_id = ID()
    counterparty_id = ID()
    responsible_id = ID()
    legal_entity_id = ID()
    department_id = ID()
    parent_id = ID()
    date_from = Date()
    date_to = Date()
    signed_from = Date()
    signed_to = Date()
    valid_until_from = Date()
    valid_until_to = Date()
    amount_min = Money()
    amount_max = Money()
    currency = fields.String()
    extra = fields.String(metadata={"description": "extra field values that must match, as a JSON object"})


class DocumentExportArgs(RegistryArgs):
    """The registry's filters (as GET /documents/ takes them) and the file's format."""

    class Meta:
        exclude = ("limit", "offset")

    format = fields.String(load_default="xlsx", validate=validate.OneOf(("xlsx", "csv")))


class SavedDocumentFilterSchema(Schema):
    id = ID(dump_only=True)
    name = fields.String(required=True)
    query = fields.Dict(required=True, metadata={"description": "registry filters as GET /documents/ takes them"})
    created_at = fields.String(dump_only=True)


class CompletenessItemSchema(Schema):
    type_id = ID()
    type_name = fields.String()
    per = fields.String()
    required = fields.Integer()
    present = fields.Integer()
    missing = fields.Integer()


class CompletenessSchema(Schema):
    """Whether all the accounting documents the type requires exist among the document's children."""

    document_id = ID()
    stages = fields.Integer()
    complete = fields.Boolean()
    items = fields.List(fields.Nested(CompletenessItemSchema))
