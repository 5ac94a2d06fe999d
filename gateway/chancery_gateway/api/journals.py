"""Registration journals (owned by the documents service)."""
from flask import g
from .blueprint import Blueprint

from .. import preconditions, rpc
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing
from .schemas.common import page_of
from .schemas.documents import (
    JournalRequestSchema, JournalSchema, NumbersQueryArgs, RegistrationSchema, ReservationRequestSchema
)

blp = Blueprint("journals", __name__, url_prefix="/api/v1/journals",
                description="Registration journals with gap-free numbering per year.")


@blp.route("/")
@blp.response(200, page_of(JournalSchema, "JournalList"))
@listing
def list_journals():
    return rpc.call("documents", "list_journals", g.actor)


@blp.route("/", methods=["POST"])
@blp.arguments(JournalRequestSchema)
@blp.response(201, JournalSchema)
def create_journal(data):
    """A new journal (configure_document_types) with its number pattern."""
    return rpc.call("documents", "create_journal", g.actor, jsonable(data))


@blp.route("/<uuid:journal_id>", methods=["PATCH"])
@blp.arguments(JournalRequestSchema)
@blp.response(200, JournalSchema)
@blp.doc(**VERSIONED)
def update_journal(data, journal_id):
    """Change a journal; numbers given keep their text, new ones follow the new pattern."""
    return preconditions.tagged(rpc.call("documents", "update_journal", g.actor, str(journal_id), jsonable(data),
                                         expected_version=preconditions.expected_version()))


@blp.route("/<uuid:journal_id>/reservations", methods=["POST"])
@blp.arguments(ReservationRequestSchema)
@blp.response(201, RegistrationSchema)
def reserve_number(data, journal_id):
    """Reserve the journal's next number for a document prepared in advance (register_documents)."""
    return rpc.call("documents", "reserve_number", g.actor, str(journal_id), jsonable(data))


@blp.route("/<uuid:journal_id>/numbers")
@blp.arguments(NumbersQueryArgs, location="query")
@blp.response(200, page_of(RegistrationSchema, "RegistrationList"))
@listing
def journal_numbers(args, journal_id):
    """Every number the journal gave out in a year, in order: reserved, registered or cancelled."""
    return rpc.call("documents", "journal_numbers", g.actor, str(journal_id), jsonable(args))
