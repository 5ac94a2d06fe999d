"""Document types (owned by the documents service), configured by employees with the
permission configure_document_types: kind, extra fields, children, journal, people."""
from flask import g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.documents import DocumentTypeRequestSchema, DocumentTypeSchema, TypesQueryArgs

blp = Blueprint("document-types", __name__, url_prefix="/api/v1/document-types",
                description="Kinds of document, each with its journal, extra card fields and children.")


@blp.route("/")
@blp.arguments(TypesQueryArgs, location="query")
@blp.response(200, page_of(DocumentTypeSchema, "DocumentTypeList"))
@listing
def list_document_types(args):
    return rpc.call("documents", "list_document_types", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(DocumentTypeRequestSchema)
@blp.response(201, DocumentTypeSchema)
def create_document_type(data):
    """A new type (configure_document_types); `code`, `name` and `kind` are required."""
    return rpc.call("documents", "create_document_type", g.actor, jsonable(data))


@blp.route("/<uuid:type_id>")
@blp.response(200, DocumentTypeSchema)
@blp.doc(**VERSIONED)
def get_document_type(type_id):
    return preconditions.tagged(rpc.call("documents", "get_document_type", g.actor, str(type_id)))


@blp.route("/<uuid:type_id>", methods=["PATCH"])
@blp.arguments(DocumentTypeRequestSchema)
@blp.response(200, DocumentTypeSchema)
@blp.doc(**VERSIONED)
def update_document_type(data, type_id):
    """Change a type; documents already made with it keep their cards: a field left out of
    `fields` is retired (still shown where it has a value), a field made required binds new
    documents and edits of that field."""
    return preconditions.tagged(rpc.call("documents", "update_document_type", g.actor, str(type_id), jsonable(data),
                                         expected_version=preconditions.expected_version()))
