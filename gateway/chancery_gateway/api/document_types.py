"""Document types (owned by the documents service)."""
from flask import g
from flask_smorest import Blueprint

from .. import rpc
from .schemas import DocumentTypeSchema

blp = Blueprint("document-types", __name__, url_prefix="/api/v1/document-types",
                description="Kinds of document, each with its journal.")


@blp.route("/")
@blp.response(200, DocumentTypeSchema(many=True))
def list_document_types():
    return rpc.call("documents", "list_document_types", g.actor)
