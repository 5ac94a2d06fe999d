"""Registering a draft from the review queue: the documents service makes the incoming
document and registers it in its type's journal (as the actor: its rules apply), then each
file of the item is copied inside the store to an upload key the documents service gave
and attached there, which announces it (``document.file_added``) for its text and search
as any uploaded file. No transaction is open meanwhile; a failure leaves the item in the
queue with the error, and the document made so far is reused by the next attempt.
"""
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

REF_LIMIT = 60


class RegistrationRequestSchema(Schema):
    document_type_id = fields.UUID(required=True)
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    counterparty_id = fields.UUID(load_default=None, allow_none=True)
    responsible_id = fields.UUID(load_default=None, allow_none=True)
    journal_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "the journal expected: refused when the type registers in another"})
    document_date = fields.Date(load_default=None, allow_none=True, metadata={"description": "the letter's date"})
    sender_number = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=REF_LIMIT),
                                  metadata={"description": "the sender's outgoing number"})

    @validates_schema
    def title_not_blank(self, data, **kwargs):
        if not data.get("title", "x").strip():
            raise ValidationError("Title must not be blank.", "title")


def title_with_reference(title, sender_number, document_date):
    """The card's title, naming the sender's outgoing number and date when given."""
    if not sender_number:
        return title
    reference = f"№ {sender_number}" + (f" от {document_date.strftime('%d.%m.%Y')}" if document_date else "")
    return title if reference in title else f"{title} ({reference})"[:500]


def register(*, item, data, actor_data, documents, storage):
    """Make (or reuse) the document and attach the item's files; returns (document, attached)
    where attached maps each item file's id to its version in the document. Raises with what
    was done so far in ``exc.done`` = (document_id, attached)."""
    attached = {file.id: file.attached_version_id for file in item.files if file.attached_version_id}
    document_id = item.document_id
    try:
        if document_id is None:
            document_type = documents.get_document_type(actor_data, str(data["document_type_id"]))
            if data.get("journal_id") and str(document_type.get("journal_id")) != str(data["journal_id"]):
                from .exceptions import InvalidInput
                raise InvalidInput("Invalid input: journal_id", {"journal_id": [
                    "The document type registers in another journal; choose the type of this journal."]})
            card = {"type_id": str(data["document_type_id"]),
                    "title": title_with_reference(data["title"], data.get("sender_number"), data.get("document_date")),
                    "counterparty_id": _text(data.get("counterparty_id")),
                    "responsible_id": _text(data.get("responsible_id")),
                    "document_date": data["document_date"].isoformat() if data.get("document_date") else None,
                    "register": True}
            document = documents.create_document(actor_data, card)
            document_id = document["id"]
        for file in item.files:
            if file.id in attached:
                continue
            upload = documents.start_upload(actor_data, str(document_id))
            storage.copy(file.object_key, f"documents/{document_id}/{upload['upload_id']}")
            version = documents.attach_file(actor_data, str(document_id), {
                "upload_id": upload["upload_id"], "filename": file.filename})
            attached[file.id] = version["id"]
        return documents.get_document(actor_data, str(document_id)), attached
    except Exception as exc:
        exc.done = (document_id, attached)
        raise


def _text(value):
    return None if value is None else str(value)
