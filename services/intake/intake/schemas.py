"""The intake service's RPC contract: sources with their rules, the queue's items, decisions."""
from marshmallow import Schema, fields, validate

from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)

from .logic import STATUSES
from .registration import RegistrationRequestSchema  # noqa: F401  (part of the contract)


class SourceSchema(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(required=True, validate=validate.OneOf(("folder", "imap")))
    settings = fields.Dict(load_default=dict, metadata={"description": "the kind's settings (docs/operations.md)"})
    password = fields.String(load_only=True, load_default=None, allow_none=True,
                             validate=validate.Length(max=500), metadata={"description": "IMAP only; never answered"})
    has_password = fields.Function(lambda source: bool(source.password), dump_only=True)
    is_active = fields.Boolean(load_default=True)
    document_type_id = fields.UUID(load_default=None, allow_none=True)
    journal_id = fields.UUID(load_default=None, allow_none=True)
    responsible_id = fields.UUID(load_default=None, allow_none=True)
    last_polled_at = fields.AwareDateTime(dump_only=True)
    last_error = fields.String(dump_only=True)
    created_at = fields.AwareDateTime(dump_only=True)


class SourceChangesSchema(Schema):
    name = fields.String(validate=validate.Length(min=1, max=200))
    settings = fields.Dict()
    password = fields.String(allow_none=True, validate=validate.Length(max=500))
    is_active = fields.Boolean()
    document_type_id = fields.UUID(allow_none=True)
    journal_id = fields.UUID(allow_none=True)
    responsible_id = fields.UUID(allow_none=True)


class ItemFileSchema(Schema):
    id = fields.UUID()
    filename = fields.String()
    content_type = fields.String()
    size = fields.Integer()
    text_state = fields.String()
    has_thumbnail = fields.Function(lambda file: bool(file.thumbnail_key))
    has_rendition = fields.Function(lambda file: bool(file.rendition_key))
    attached_version_id = fields.UUID(allow_none=True)


class ItemSchema(Schema):
    id = fields.UUID()
    source_id = fields.UUID()
    source_name = fields.Function(lambda item: item.source.name)
    source_kind = fields.Function(lambda item: item.source.kind)
    rule = fields.Function(lambda item: {"document_type_id": _text(item.source.document_type_id),
                                         "journal_id": _text(item.source.journal_id),
                                         "responsible_id": _text(item.source.responsible_id)})
    status = fields.String()
    sender_email = fields.String(allow_none=True)
    sender_name = fields.String(allow_none=True)
    subject = fields.String()
    body = fields.String()
    text = fields.String()
    suggestions = fields.Dict()
    texts_pending = fields.Integer()
    received_at = fields.AwareDateTime()
    document_id = fields.UUID(allow_none=True)
    document_number = fields.String(allow_none=True)
    decided_by = fields.UUID(allow_none=True)
    decided_at = fields.AwareDateTime(allow_none=True)
    discard_reason = fields.String(allow_none=True)
    last_error = fields.String(allow_none=True)
    files = fields.List(fields.Nested(ItemFileSchema))


class ItemSummarySchema(ItemSchema):
    class Meta:
        exclude = ("body", "text")


class ItemQuerySchema(Schema):
    status = fields.List(fields.String(validate=validate.OneOf(STATUSES)), load_default=None)
    source_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=2**31 - 1))


class DiscardSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class FileLinkQuerySchema(Schema):
    variant = fields.String(load_default="original",
                            validate=validate.OneOf(("original", "thumbnail", "searchable_pdf")))


def _text(value):
    return None if value is None else str(value)


AUDITED_RECORD_TYPES = ("intake_item", "intake_source")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)
