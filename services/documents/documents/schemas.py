"""The documents service's RPC contract."""
from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, fields, validate, validates_schema, ValidationError

STATUSES = ("draft", "on_approval", "approved", "rejected", "signed", "in_execution",
            "completed", "terminated", "archived")


class JournalSchema(Schema):
    id = fields.UUID()
    code = fields.String()
    name = fields.String()
    prefix = fields.String()
    number_pattern = fields.String()
    sequence_width = fields.Integer()


class DocumentTypeSchema(Schema):
    id = fields.UUID()
    code = fields.String()
    name = fields.String()
    kind = fields.String()
    journal = fields.Nested(JournalSchema, allow_none=True)
    visible_to_roles = fields.List(fields.String(), metadata={
        "description": "employees with any of these roles see every document of the type"})


class FileVersionSchema(Schema):
    id = fields.UUID()
    version = fields.Integer()
    filename = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    content_type = fields.String()
    uploaded_by = fields.UUID()
    uploaded_at = fields.AwareDateTime()


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
    status = fields.String(dump_only=True)
    created_by = fields.UUID(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)
    files = fields.List(fields.Nested(DocumentFileSchema), dump_only=True)
    status_changes = fields.List(fields.Nested(StatusChangeSchema), dump_only=True)

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


class DocumentSummarySchema(DocumentSchema):
    class Meta:
        exclude = ("files", "status_changes")

    file_count = fields.Method("count_files", dump_only=True)

    def count_files(self, document):
        return len(document.files)


class DocumentQuerySchema(Schema):
    counterparty_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    search = fields.String(load_default=None, validate=validate.Length(max=200))
    ids = fields.List(fields.UUID(), load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class StatusChangeRequestSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    reason = fields.String(load_default=None, validate=validate.Length(max=2000))


class AttachSchema(Schema):
    upload_id = fields.UUID(required=True)
    filename = fields.String(required=True, validate=validate.Length(min=1, max=255))
    file_id = fields.UUID(load_default=None, metadata={"description": "add a new version to this file"})


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("document", "contact_person")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("document",)))
    record_id = fields.UUID(required=True)


