"""Schemas of the intake API (/api/v1/intake): sources with their rules, the review queue."""
from marshmallow import Schema, fields, validate

from .common import AwareDateTime, PageArgs

STATUSES = ("new", "registering", "registered", "discarded")


class IntakeRuleFields(Schema):
    document_type_id = fields.UUID(allow_none=True, metadata={"description": "the type its drafts are registered as"})
    journal_id = fields.UUID(allow_none=True, metadata={"description": "the journal expected (the type's)"})
    responsible_id = fields.UUID(allow_none=True, metadata={"description": "the employee made responsible"})


class IntakeSourceSchema(IntakeRuleFields):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    kind = fields.String(required=True, validate=validate.OneOf(("folder", "imap")))
    settings = fields.Dict(metadata={"description": "folder: path, processed_subfolder, settle_seconds, max_files; "
                                                    "imap: host, port, security (tls, starttls), username, mailbox, "
                                                    "processed_mailbox, ca_file, max_messages (docs/operations.md)"})
    password = fields.String(load_only=True, allow_none=True, metadata={"description": "IMAP: never answered"})
    has_password = fields.Boolean(dump_only=True)
    is_active = fields.Boolean()
    last_polled_at = AwareDateTime(dump_only=True, allow_none=True)
    last_error = fields.String(dump_only=True, allow_none=True)
    created_at = AwareDateTime(dump_only=True)


class IntakeSourceChangesSchema(IntakeRuleFields):
    name = fields.String(validate=validate.Length(min=1, max=200))
    settings = fields.Dict()
    password = fields.String(allow_none=True, load_only=True, metadata={"description": "left out: kept"})
    is_active = fields.Boolean()


class IntakeFileSchema(Schema):
    id = fields.UUID()
    filename = fields.String()
    content_type = fields.String()
    size = fields.Integer()
    text_state = fields.String(metadata={"description": "pending, done or failed: the texts service's reading"})
    has_thumbnail = fields.Boolean()
    has_rendition = fields.Boolean()
    attached_version_id = fields.UUID(allow_none=True)


class IntakeItemSchema(Schema):
    id = fields.UUID()
    source_id = fields.UUID()
    source_name = fields.String()
    source_kind = fields.String()
    rule = fields.Nested(IntakeRuleFields)
    status = fields.String(metadata={"description": ", ".join(STATUSES)})
    sender_email = fields.String(allow_none=True)
    sender_name = fields.String(allow_none=True)
    subject = fields.String()
    body = fields.String(metadata={"description": "an e-mail's text (absent in lists)"})
    text = fields.String(metadata={"description": "the files' text as read (absent in lists)"})
    suggestions = fields.Dict(metadata={"description": "counterparty_id, counterparty_name, matched_by (email or "
                                                       "tax_id), tax_ids, document_date, sender_number, title"})
    texts_pending = fields.Integer(metadata={"description": "files whose text is still being read"})
    received_at = AwareDateTime()
    document_id = fields.UUID(allow_none=True)
    document_number = fields.String(allow_none=True)
    decided_by = fields.UUID(allow_none=True)
    decided_at = AwareDateTime(allow_none=True)
    discard_reason = fields.String(allow_none=True)
    last_error = fields.String(allow_none=True)
    files = fields.List(fields.Nested(IntakeFileSchema))


class IntakeItemArgs(PageArgs):
    status = fields.List(fields.String(validate=validate.OneOf(STATUSES)))
    source_id = fields.UUID()


class IntakeRegistrationSchema(Schema):
    document_type_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    counterparty_id = fields.UUID(allow_none=True)
    responsible_id = fields.UUID(allow_none=True)
    journal_id = fields.UUID(allow_none=True)
    document_date = fields.Date(allow_none=True)
    sender_number = fields.String(allow_none=True, validate=validate.Length(max=60))


class IntakeDiscardSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class IntakeFileLinkArgs(Schema):
    variant = fields.String(load_default="original",
                            validate=validate.OneOf(("original", "thumbnail", "searchable_pdf")))
