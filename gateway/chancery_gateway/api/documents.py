"""Documents, their status and their electronic copies (owned by the documents service)."""
from flask import current_app, g, request
from flask_smorest import Blueprint

from .. import files, rpc
from .payload import jsonable
from .schemas import (
    DocumentQueryArgs, DocumentSchema, FileVersionSchema, NewDocumentSchema,
    StatusChangeRequestSchema, UploadArgs, page_of,
)

blp = Blueprint("documents", __name__, url_prefix="/api/v1/documents",
                description="Document cards, registration, status and files.")

DocumentPage = page_of(DocumentSchema, "DocumentPage")


@blp.route("/")
@blp.arguments(DocumentQueryArgs, location="query")
@blp.response(200, DocumentPage)
def list_documents(args):
    return rpc.call("documents", "list_documents", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(NewDocumentSchema)
@blp.response(201, DocumentSchema)
def create_document(data):
    """Create a document card; it is registered in its type's journal unless `register` is false."""
    return rpc.call("documents", "create_document", g.actor, jsonable(data))


@blp.route("/<uuid:document_id>")
@blp.response(200, DocumentSchema)
def get_document(document_id):
    return rpc.call("documents", "get_document", g.actor, str(document_id))


@blp.route("/<uuid:document_id>/status", methods=["POST"])
@blp.arguments(StatusChangeRequestSchema)
@blp.response(200, DocumentSchema)
def change_status(data, document_id):
    """Move the document along its life cycle (409 when the step is not allowed)."""
    return rpc.call("documents", "change_status", g.actor, str(document_id), jsonable(data))


@blp.route("/<uuid:document_id>/files", methods=["POST"])
@blp.arguments(UploadArgs, location="query")
@blp.response(201, FileVersionSchema)
@blp.doc(requestBody={"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"}}}}}})
def upload_file(args, document_id):
    """Upload an electronic copy (multipart field `file`); with `file_id`, a new version of that file."""
    settings = current_app.config["CHANCERY"]
    return files.upload(g.actor, str(document_id), request.files.get("file"),
                        settings.max_upload_bytes, settings.upload_timeout, args.get("file_id"))


@blp.route("/<uuid:document_id>/files/versions/<uuid:version_id>/content")
@blp.response(200, content_type="application/octet-stream")
def download_file(document_id, version_id):
    """The stored bytes of one file version; `?download=1` asks the browser to save, not show."""
    inline = request.args.get("download") not in ("1", "true")
    return files.download(g.actor, str(document_id), str(version_id), inline,
                          current_app.config["CHANCERY"].upload_timeout)
