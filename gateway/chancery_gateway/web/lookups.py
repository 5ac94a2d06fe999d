"""Names for the ids that pages show, fetched in one call per kind.

A service that does not answer leaves the names out; pages then say "unknown", not fail.
"""
from flask import g

from .. import employee_names as names_of_employees
from .. import permissions, rpc


def employee_names(ids):
    """{id: full name} from the worker's cache of names (empty when staff must be asked and is down)."""
    try:
        return names_of_employees.names(ids)
    except rpc.ServiceUnavailable:
        return {}


def counterparty_names(ids):
    ids = sorted({str(i) for i in ids if i})
    if not ids:
        return {}
    try:
        found = rpc.call("counterparties", "list_counterparties", g.actor,
                         {"ids": ids, "limit": len(ids)})
    except rpc.ServiceUnavailable:
        return {}
    names = {counterparty["id"]: counterparty["name"] for counterparty in found["items"]}
    unseen = [i for i in ids if i not in names]
    if unseen and permissions.may("register_documents"):
        # a registrar names on documents counterparties whose cards they do not see (registration.py)
        try:
            names.update((c["id"], c["name"]) for c in rpc.call(
                "counterparties", "registration_choices", g.actor, {"ids": unseen}))
        except rpc.ServiceUnavailable:
            pass
    return names
