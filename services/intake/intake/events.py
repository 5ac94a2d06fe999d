"""Events the intake service publishes (exchange ``intake.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

INTAKE_FILE_RECEIVED = "intake_file.received"
INTAKE_ITEM_REGISTERED = "intake_item.registered"
INTAKE_ITEM_DISCARDED = "intake_item.discarded"


class IntakeFileReceivedV1(Schema):
    """A file came in (a folder's file, an e-mail's attachment) and waits in the review queue;
    the texts service reads it as it reads a document's file (``document_id`` is the item's id,
    ``file_id`` and ``version_id`` the file's) and answers ``file_text.extracted``."""

    SUBJECT = "document_id"

    document_id = fields.UUID(required=True, metadata={"description": "the intake item"})
    file_id = fields.UUID(required=True)
    version_id = fields.UUID(required=True)
    object_key = fields.String(required=True)
    filename = fields.String(required=True)
    content_type = fields.String(required=True)
    size = fields.Integer(required=True)
    sha256 = fields.String(required=True)


class IntakeItemRegisteredV1(Schema):
    """A draft from the review queue became a registered incoming document."""

    SUBJECT = "item_id"

    item_id = fields.UUID(required=True)
    source_id = fields.UUID(required=True)
    document_id = fields.UUID(required=True)
    number = fields.String(allow_none=True, required=True)
    registered_by = fields.UUID(required=True)


class IntakeItemDiscardedV1(Schema):
    """A draft was discarded from the review queue (with why)."""

    SUBJECT = "item_id"

    item_id = fields.UUID(required=True)
    source_id = fields.UUID(required=True)
    reason = fields.String(required=True)
    discarded_by = fields.UUID(required=True)


catalog = EventCatalog(outbox, {
    (INTAKE_FILE_RECEIVED, 1): IntakeFileReceivedV1,
    (INTAKE_ITEM_REGISTERED, 1): IntakeItemRegisteredV1,
    (INTAKE_ITEM_DISCARDED, 1): IntakeItemDiscardedV1,
})
