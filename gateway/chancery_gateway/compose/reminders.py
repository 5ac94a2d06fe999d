"""Reminders as the API and the pages use them: the dates a reminder scheme may count from."""
from .. import rpc

STANDARD_DATE_FIELDS = (("document_date", "Document date"), ("signing_date", "Signing date"),
                        ("valid_from", "Valid from"), ("valid_until", "Valid until"))


def date_fields_of(actor, type_id):
    """The date fields a scheme of the type may count from: the card's standard ones and the type's own."""
    found = [{"code": code, "label": label} for code, label in STANDARD_DATE_FIELDS]
    document_type = rpc.call("documents", "get_document_type", actor, str(type_id))
    for definition in document_type.get("fields") or []:
        if definition.get("kind") == "date" and not definition.get("retired"):
            found.append({"code": definition["code"], "label": definition["label"]})
    return document_type, found
