"""Events the texts service publishes (exchange ``texts.events``)."""
from marshmallow import Schema, fields, validate

from chancery_common.outbox import EventCatalog

from .models import outbox

FILE_TEXT_EXTRACTED = "file_text.extracted"


class DerivedObject(Schema):
    key = fields.String(required=True, metadata={"description": "its key in the documents' bucket"})
    content_type = fields.String(required=True)
    size = fields.Integer(required=True)
    sha256 = fields.String(required=True)


class FileTextExtractedV1(Schema):
    """The text of a stored file version was read (``done``) or could not be (``failed``, with
    the reason; not tried again until a re-extraction is asked for). ``text`` is at most
    200,000 characters (empty when the file holds no words: a photograph); a scan also has a
    searchable PDF and an office file a PDF preview made by LibreOffice (``rendition``: the
    original is never changed), and a PDF, image or office file a thumbnail of its first page.
    ``done`` with a ``reason``: the text was read but the office file's preview could not be
    made (it keeps its icon, and is not tried again until a re-extraction)."""

    document_id = fields.UUID(required=True)
    file_id = fields.UUID(required=True)
    version_id = fields.UUID(required=True)
    state = fields.String(required=True, validate=validate.OneOf(("done", "failed")))
    reason = fields.String(allow_none=True, required=True, metadata={
        "description": "failed: why; done: what could not be made (\"no preview: ...\"), else null"})
    method = fields.String(allow_none=True, required=True, metadata={
        "description": "how the text was read: text_layer, ocr, office, email, plain; null when failed"})
    pages = fields.Integer(allow_none=True, required=True)
    text = fields.String(required=True)
    rendition = fields.Nested(DerivedObject, allow_none=True, required=True, metadata={
        "description": "the searchable PDF (a scan's pages with the recognised text under them), or an "
                       "office file's PDF preview (LibreOffice's conversion)"})
    thumbnail = fields.Nested(DerivedObject, allow_none=True, required=True, metadata={
        "description": "a PNG of the first page, at most 320 px wide"})
    attempts = fields.Integer(required=True)
    extracted_at = fields.AwareDateTime(required=True)


catalog = EventCatalog(outbox, {(FILE_TEXT_EXTRACTED, 1): FileTextExtractedV1})
