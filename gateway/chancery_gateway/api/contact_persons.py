"""Contact persons of counterparties (owned by the counterparties service)."""
from flask import g
from .blueprint import Blueprint

from .. import idempotency, preconditions, rpc
from ..compose import jobs
from .jobs import accepted
from .openapi import VERSIONED
from ..payload import jsonable
from .paging import listing, sync_request
from .schemas.common import page_of, SyncArgs
from .schemas.contact_persons import (
    ConsentSchema, ContactPersonChangesSchema, ContactPersonSchema, ErasureSchema, MoveSchema
)
from .schemas.jobs import JobSchema

blp = Blueprint("contact-persons", __name__, url_prefix="/api/v1",
                description="People at counterparties.")


@blp.route("/contact-persons/")
@blp.arguments(SyncArgs, location="query")
@blp.response(200, page_of(ContactPersonSchema, "ContactPersonSync", sync=True))
@listing
def sync_contact_persons(args):
    """Every contact person the caller sees, in the order they changed (a sync: `updated_since` or `after`
    to go on; without either, from the first). Each one listed is an audited read of personal data."""
    return rpc.call("counterparties", "sync_contact_persons", g.actor,
                    sync_request(args) or {"limit": args["limit"], "after": None, "updated_since": None})


@blp.route("/counterparties/<uuid:counterparty_id>/contact-persons/")
@blp.response(200, page_of(ContactPersonSchema, "ContactPersonList"))
@listing
def list_contact_persons(counterparty_id):
    return rpc.call("counterparties", "list_contact_persons", g.actor, str(counterparty_id))


@blp.route("/counterparties/<uuid:counterparty_id>/contact-persons/", methods=["POST"])
@blp.arguments(ContactPersonSchema)
@blp.response(201, ContactPersonSchema)
def add_contact_person(data, counterparty_id):
    return rpc.call("counterparties", "add_contact_person", g.actor, str(counterparty_id),
                    jsonable(data))


@blp.route("/contact-persons/<uuid:contact_person_id>")
@blp.response(200, ContactPersonSchema)
@blp.doc(**VERSIONED)
def get_contact_person(contact_person_id):
    return preconditions.tagged(rpc.call("counterparties", "get_contact_person", g.actor, str(contact_person_id)))


@blp.route("/contact-persons/<uuid:contact_person_id>", methods=["PATCH"])
@blp.arguments(ContactPersonChangesSchema)
@blp.response(200, ContactPersonSchema)
@blp.doc(**VERSIONED)
def update_contact_person(data, contact_person_id):
    return preconditions.tagged(rpc.call("counterparties", "update_contact_person", g.actor, str(contact_person_id),
                                         jsonable(data), expected_version=preconditions.expected_version()))


@blp.route("/contact-persons/<uuid:contact_person_id>/consent", methods=["POST"])
@blp.arguments(ConsentSchema)
@blp.response(200, ContactPersonSchema)
def record_consent(data, contact_person_id):
    """Record consent to mailings (when and how), or its withdrawal."""
    return rpc.call("counterparties", "record_consent", g.actor, str(contact_person_id), data)


@blp.route("/contact-persons/<uuid:contact_person_id>/export", methods=["POST"])
@blp.response(202, JobSchema)
def export(contact_person_id):
    """Start a job gathering everything every service holds about the person into one JSON
    file (complete, or the job fails). The person must be visible to the caller."""
    rpc.call("counterparties", "get_contact_person", g.actor, str(contact_person_id))  # 404 now, not in the job
    return accepted(jobs.start("personal_data_export", {"contact_person_id": str(contact_person_id)}))


@blp.route("/contact-persons/<uuid:contact_person_id>/erasure", methods=["POST"])
@blp.arguments(ErasureSchema)
@blp.response(200, ContactPersonSchema)
def erase(data, contact_person_id):
    """Anonymise the person in every service (administrators and lawyers); documents stay."""
    erased = rpc.call("counterparties", "erase_contact_person", g.actor, str(contact_person_id), data)
    idempotency.forget_answers_mentioning(contact_person_id)
    return erased


@blp.route("/contact-persons/<uuid:contact_person_id>/move", methods=["POST"])
@blp.arguments(MoveSchema)
@blp.response(200, ContactPersonSchema)
def move(data, contact_person_id):
    """Move the person to another counterparty; their activities and history go with them."""
    return rpc.call("counterparties", "move_contact_person", g.actor, str(contact_person_id), jsonable(data))
