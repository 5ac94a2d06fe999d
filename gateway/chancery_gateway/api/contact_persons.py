"""Contact persons of counterparties (owned by the counterparties service)."""
from flask import g
from flask_smorest import Blueprint

from .. import rpc
from .payload import jsonable
from .schemas import ContactPersonChangesSchema, ContactPersonSchema

blp = Blueprint("contact-persons", __name__, url_prefix="/api/v1",
                description="People at counterparties.")


@blp.route("/counterparties/<uuid:counterparty_id>/contact-persons")
@blp.response(200, ContactPersonSchema(many=True))
def list_contact_persons(counterparty_id):
    return rpc.call("counterparties", "list_contact_persons", g.actor, str(counterparty_id))


@blp.route("/counterparties/<uuid:counterparty_id>/contact-persons", methods=["POST"])
@blp.arguments(ContactPersonSchema)
@blp.response(201, ContactPersonSchema)
def add_contact_person(data, counterparty_id):
    return rpc.call("counterparties", "add_contact_person", g.actor, str(counterparty_id),
                    jsonable(data))


@blp.route("/contact-persons/<uuid:contact_person_id>")
@blp.response(200, ContactPersonSchema)
def get_contact_person(contact_person_id):
    return rpc.call("counterparties", "get_contact_person", g.actor, str(contact_person_id))


@blp.route("/contact-persons/<uuid:contact_person_id>", methods=["PATCH"])
@blp.arguments(ContactPersonChangesSchema)
@blp.response(200, ContactPersonSchema)
def update_contact_person(data, contact_person_id):
    return rpc.call("counterparties", "update_contact_person", g.actor, str(contact_person_id),
                    jsonable(data))
