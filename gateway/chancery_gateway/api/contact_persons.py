"""Contact persons of counterparties (owned by the counterparties service)."""
from datetime import datetime, timezone

from flask import g, jsonify
from flask_smorest import Blueprint

from .. import rpc
from .payload import jsonable
from .schemas import ConsentSchema, ContactPersonChangesSchema, ContactPersonSchema, ErasureSchema, MoveSchema

# services that may hold something about a contact person, besides counterparties
HOLDERS = ("documents", "approvals", "notifications")

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


@blp.route("/contact-persons/<uuid:contact_person_id>/consent", methods=["POST"])
@blp.arguments(ConsentSchema)
@blp.response(200, ContactPersonSchema)
def record_consent(data, contact_person_id):
    """Record consent to mailings (when and how), or its withdrawal."""
    return rpc.call("counterparties", "record_consent", g.actor, str(contact_person_id), data)


@blp.route("/contact-persons/<uuid:contact_person_id>/export")
@blp.response(200)
def export(contact_person_id):
    """Everything every service holds about the person, as one JSON document."""
    person_id = str(contact_person_id)
    parts = {"counterparties": rpc.call("counterparties", "export_contact_person", g.actor, person_id)}
    results = rpc.fan_out({service: (service, "export_personal_data", g.actor, person_id)
                           for service in HOLDERS})
    for service, result in results.items():
        if isinstance(result, Exception):
            raise result  # an export must be complete, or not at all
        parts[service] = result
    response = jsonify({"contact_person_id": person_id,
                        "exported_at": datetime.now(timezone.utc).isoformat(), "services": parts})
    response.headers["Content-Disposition"] = f'attachment; filename="contact-person-{person_id}.json"'
    return response


@blp.route("/contact-persons/<uuid:contact_person_id>/erasure", methods=["POST"])
@blp.arguments(ErasureSchema)
@blp.response(200, ContactPersonSchema)
def erase(data, contact_person_id):
    """Anonymise the person in every service (administrators and lawyers); documents stay."""
    return rpc.call("counterparties", "erase_contact_person", g.actor, str(contact_person_id), data)


@blp.route("/contact-persons/<uuid:contact_person_id>/move", methods=["POST"])
@blp.arguments(MoveSchema)
@blp.response(200, ContactPersonSchema)
def move(data, contact_person_id):
    """Move the person to another counterparty; their activities and history go with them."""
    return rpc.call("counterparties", "move_contact_person", g.actor, str(contact_person_id), jsonable(data))
