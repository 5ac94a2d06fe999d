"""Documents, their status and their electronic copies (owned by the documents service)."""
import json

from flask import current_app, g, request
from .blueprint import Blueprint

from chancery_common.errors import InvalidInput

from .. import files, preconditions, rpc
from ..compose import jobs
from .jobs import accepted
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing, sync_request
from .schemas.common import BINARY, page_of, SyncFields
from .schemas.documents import (
    CancelRegistrationSchema, CompletenessSchema, DocumentChangesSchema, DocumentExportArgs, DocumentSchema,
    DocumentTreeSchema, FileVersionSchema, LinkSchema, LostPaperCopySchema, NewDocumentRequestSchema, NewLinkSchema,
    NewPaperCopySchema, PaperCopyPage, PaperCopyQueryArgs, PaperCopySchema, PaperMovementRequestSchema,
    RegistrationRequestSchema, RegistryArgs, SavedDocumentFilterSchema, StatusChangeRequestSchema, UploadArgs
)
from .schemas.jobs import JobSchema

# The prefix stops at /api/v1 so that a document's paper copies also answer at /api/v1/paper-copies/.
blp = Blueprint("documents", __name__, url_prefix="/api/v1",
                description="Document cards, registration, status, files, links and paper copies.")

DocumentPage = page_of(DocumentSchema, "DocumentPage", sync=True)


class RegistryListArgs(RegistryArgs, SyncFields):
    """The registry's filters, or a sync."""


def registry_query(args):
    """The registry's filters as the service takes them (``extra`` arrives as JSON text)."""
    query = jsonable(args)
    if query.get("extra"):
        try:
            extra = json.loads(query["extra"])
        except ValueError:
            extra = None
        if not isinstance(extra, dict):
            raise InvalidInput("Invalid input: extra", {"extra": ["Give a JSON object of field codes and values."]})
        query["extra"] = extra
    else:
        query.pop("extra", None)
    return query


@blp.route("/documents/")
@blp.arguments(RegistryListArgs, location="query")
@blp.response(200, DocumentPage)
@listing
def list_documents(args):
    """The registry: documents the caller sees, newest first, narrowed by the filters; `search`
    finds words in the number, subject, counterparty name and the text of every stored file (text
    PDFs and text files at once; scans by OCR, office files and e-mail once the texts service has
    read them). Each item carries `first_file`, whose thumbnail the registry shows.

    Or sync (`updated_since`, then `after`): every document the caller sees by change (without `first_file`);
    documents are never deleted (docs/api.md, "Sync by change")."""
    sync = sync_request(args)
    if sync:
        return rpc.call("documents", "sync_documents", g.actor, sync)
    return rpc.call("documents", "list_documents", g.actor, {**registry_query(args), "first_file": True})


@blp.route("/documents/export", methods=["POST"])
@blp.arguments(DocumentExportArgs)
@blp.response(202, JobSchema)
def export_documents(args):
    """Start an export job: the filtered registry, every row, newest first, as XLSX (dates as
    date cells, amounts as numbers beside their currency) or CSV; headers in the caller's
    language."""
    output = args.pop("format")
    return accepted(jobs.start("documents_export", {"query": registry_query(args), "format": output}))


@blp.route("/documents/saved-filters/")
@blp.response(200, page_of(SavedDocumentFilterSchema, "SavedDocumentFilterList"))
@listing
def list_saved_filters():
    """The caller's saved registry filters."""
    return rpc.call("documents", "list_saved_filters", g.actor)


@blp.route("/documents/saved-filters/", methods=["POST"])
@blp.arguments(SavedDocumentFilterSchema)
@blp.response(201, SavedDocumentFilterSchema)
def save_filter(data):
    """Keep registry filters under a name (saving under the same name replaces them)."""
    return rpc.call("documents", "save_filter", g.actor, jsonable(data))


@blp.route("/documents/saved-filters/<uuid:filter_id>", methods=["DELETE"])
@blp.response(204)
def delete_saved_filter(filter_id):
    rpc.call("documents", "delete_saved_filter", g.actor, str(filter_id))


@blp.route("/documents/<uuid:document_id>/completeness")
@blp.response(200, CompletenessSchema)
def completeness(document_id):
    """The accounting documents the type requires (e.g. an act and an invoice per stage), how
    many exist among the document's children and how many are missing."""
    return rpc.call("documents", "completeness", g.actor, str(document_id))


@blp.route("/documents/", methods=["POST"])
@blp.arguments(NewDocumentRequestSchema)
@blp.response(201, DocumentSchema)
def create_document(data):
    """Create a document card; it is registered in its type's journal unless `register` is false."""
    return rpc.call("documents", "create_document", g.actor, jsonable(data))


@blp.route("/documents/<uuid:document_id>")
@blp.response(200, DocumentSchema)
@blp.doc(**VERSIONED)
def get_document(document_id):
    return preconditions.tagged(rpc.call("documents", "get_document", g.actor, str(document_id)))


@blp.route("/documents/<uuid:document_id>", methods=["PATCH"])
@blp.arguments(DocumentChangesSchema)
@blp.response(200, DocumentSchema)
@blp.doc(**VERSIONED)
def update_document(data, document_id):
    """Change some fields of the card; each change is in its history. A signed document (or one
    further along) answers 409: it can only be superseded by an annex or a new version."""
    return preconditions.tagged(rpc.call("documents", "update_document", g.actor, str(document_id), jsonable(data),
                                         expected_version=preconditions.expected_version()))


@blp.route("/documents/<uuid:document_id>/status", methods=["POST"])
@blp.arguments(StatusChangeRequestSchema)
@blp.response(200, DocumentSchema)
def change_status(data, document_id):
    """Move the document along its life cycle (409 when the step is not allowed)."""
    return rpc.call("documents", "change_status", g.actor, str(document_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/registration", methods=["POST"])
@blp.arguments(RegistrationRequestSchema)
@blp.response(200, DocumentSchema)
def register_document(data, document_id):
    """Register a document that has no number in its type's journal: the next number, or a
    `reserved_number` (needs the permission register_documents)."""
    return rpc.call("documents", "register_document", g.actor, str(document_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/registration/cancel", methods=["POST"])
@blp.arguments(CancelRegistrationSchema)
@blp.response(200, DocumentSchema)
def cancel_registration(data, document_id):
    """Take the number away (it stays recorded as cancelled, never reused); the document may be
    registered again. A signed document keeps its number (409)."""
    return rpc.call("documents", "cancel_registration", g.actor, str(document_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/tree")
@blp.response(200, DocumentTreeSchema)
def document_tree(document_id):
    """The document's parents up to the root, its children recursively and its related documents."""
    return rpc.call("documents", "document_tree", g.actor, str(document_id))


@blp.route("/documents/<uuid:document_id>/links", methods=["POST"])
@blp.arguments(NewLinkSchema)
@blp.response(201, LinkSchema)
def add_link(data, document_id):
    """Relate the document to another one (shown on both documents' trees)."""
    return rpc.call("documents", "add_link", g.actor, str(document_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/links/<uuid:other_id>", methods=["DELETE"])
@blp.response(204)
def remove_link(document_id, other_id):
    """Remove the link between the two documents, whichever of them it was made from."""
    rpc.call("documents", "remove_link", g.actor, str(document_id), str(other_id))


@blp.route("/documents/<uuid:document_id>/paper-copies/")
@blp.response(200, page_of(PaperCopySchema, "PaperCopyList"))
@listing
def list_paper_copies(document_id):
    """The document's paper originals and copies, each with where it is, who holds it and its movements."""
    return rpc.call("documents", "list_paper_copies", g.actor, str(document_id))


@blp.route("/documents/<uuid:document_id>/paper-copies/", methods=["POST"])
@blp.arguments(NewPaperCopySchema)
@blp.response(201, PaperCopySchema)
def add_paper_copy(data, document_id):
    """Record a paper original or copy of the document and where it is kept."""
    return rpc.call("documents", "add_paper_copy", g.actor, str(document_id), jsonable(data))


@blp.route("/paper-copies/")
@blp.arguments(PaperCopyQueryArgs, location="query")
@blp.response(200, PaperCopyPage)
@listing
def paper_copies(args):
    """Paper copies of the documents the caller sees: `out=true` those handed out, `overdue=true`
    those past their expected return."""
    return rpc.call("documents", "paper_copies", g.actor, jsonable(args))


@blp.route("/paper-copies/<uuid:paper_copy_id>/lost", methods=["POST"])
@blp.arguments(LostPaperCopySchema)
@blp.response(200, PaperCopySchema)
def mark_paper_copy_lost(data, paper_copy_id):
    """Record that the copy is lost, and why (it moves no more; listed with `lost=true`)."""
    return rpc.call("documents", "mark_paper_copy_lost", g.actor, str(paper_copy_id), jsonable(data))


@blp.route("/paper-copies/<uuid:paper_copy_id>/movements", methods=["POST"])
@blp.arguments(PaperMovementRequestSchema)
@blp.response(201, PaperCopySchema)
def move_paper_copy(data, paper_copy_id):
    """Hand the copy to an employee or return it to a location; answers the copy with its movements."""
    return rpc.call("documents", "move_paper_copy", g.actor, str(paper_copy_id), jsonable(data))


@blp.route("/documents/<uuid:document_id>/files", methods=["POST"])
@blp.arguments(UploadArgs, location="query")
@blp.response(201, FileVersionSchema)
@blp.doc(requestBody={"content": {
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary"}}}},
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})
def upload_file(args, document_id):
    """Upload an electronic copy: a multipart form with the field `file`, or the file itself as
    the body (`application/octet-stream` with `Content-Length` and the query parameter
    `filename`), which is streamed to storage as it arrives; with `file_id`, a new version of
    that file."""
    settings = current_app.config["CHANCERY"]
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return files.upload(g.actor, str(document_id), request.files.get("file"),
                            settings.max_upload_bytes, settings.upload_timeout, args.get("file_id"))
    return files.upload_body(g.actor, str(document_id), request.stream, request.content_length,
                             args.get("filename"), settings.max_upload_bytes, settings.upload_timeout,
                             args.get("file_id"))


@blp.route("/documents/<uuid:document_id>/files/versions/<uuid:version_id>/searchable.pdf")
@blp.response(200, BINARY, content_type="application/pdf",
              description="the scan's pages with the recognised text laid under them, or the office file's "
                          "pages as LibreOffice draws them")
def download_searchable_pdf(document_id, version_id):
    """A scanned file version as a searchable PDF, made by OCR beside the original (which is never
    changed), or an office file (DOCX, XLSX, ODT, RTF, DOC, ...) as its PDF preview, made by
    LibreOffice; 404 when the version has none (neither, not read yet, or LibreOffice could not
    convert it: `text_reason` says so). `?download=1` saves it."""
    inline = request.args.get("download") not in ("1", "true")
    return files.download(g.actor, str(document_id), str(version_id), inline,
                          current_app.config["CHANCERY"].upload_timeout, variant="searchable_pdf")


@blp.route("/documents/<uuid:document_id>/files/versions/<uuid:version_id>/thumbnail")
@blp.response(200, BINARY, content_type="image/png", description="a PNG at most 320 px wide")
def download_thumbnail(document_id, version_id):
    """The first page of a PDF, an image or an office file version, small; 404 when it has none (an
    e-mail, a text, an office file LibreOffice could not convert, or not read yet)."""
    return files.download(g.actor, str(document_id), str(version_id), True,
                          current_app.config["CHANCERY"].upload_timeout, variant="thumbnail")


@blp.route("/documents/<uuid:document_id>/files/versions/<uuid:version_id>/content")
@blp.response(200, BINARY, content_type="*/*", description="the bytes, with the file's own media type")
def download_file(document_id, version_id):
    """The stored bytes of one file version; `?download=1` asks the browser to save, not show."""
    inline = request.args.get("download") not in ("1", "true")
    return files.download(g.actor, str(document_id), str(version_id), inline,
                          current_app.config["CHANCERY"].upload_timeout)
