"""Why an employee can (or cannot) see a record, and the audit logs of every service: plain
functions the API and the administration pages both call, so they cannot disagree."""
from chancery_common import topology
from chancery_common.errors import NotFound

from .. import auth, rpc


SERVICES = topology.AUDITED
# which service owns (and audits) each kind of record
OWNER = {
    "counterparty": "counterparties", "contact_person": "counterparties", "activity": "counterparties",
    "document": "documents", "approval": "approvals", "notification": "notifications",
    "employee": "staff", "department": "staff", "absence": "staff", "api_token": "staff",
    "legal_entity": "staff", "role_permission": "staff", "position": "staff", "sign_in_provider": "staff",
    "sign_in_policy": "staff", "ldap_directory": "staff",
    "reference_value": "counterparties", "saved_filter": "counterparties",
}
# services that also log what they did about another service's record (erasure, export)
ALSO_AUDITED_BY = {"contact_person": ("documents", "approvals", "notifications")}


def explain_access(actor, employee_id, record_type, record_id):
    """The owning service's verdict on whether the employee sees the record (administrators)."""
    auth.require_permission("manage_staff")
    identity = rpc.call("staff", "identity_of", actor, employee_id)
    employee = identity["employee"]
    checked = {"id": employee["id"], "roles": employee["roles"], "department_id": employee["department_id"],
               "full_name": employee["full_name"], "permissions": identity["permissions"],
               "visible_department_ids": identity["visible_department_ids"],
               "acting_for": identity.get("acting_for", [])}
    answer = rpc.call(OWNER[record_type], "explain_access", actor, checked, record_type, record_id)
    return {**answer, "employee_id": employee["id"], "record_type": record_type, "record_id": record_id}


def audit_entries(actor, query, services=None):
    """Audit entries newest first, with their total and the services that did not answer.

    Without ``services``, a query naming a record type asks the record's owner, which lets
    whoever sees the record read its entries. Otherwise (``view_audit``) the logs of
    ``services`` are searched and merged; a service that knows no such record adds nothing.
    """
    if services is None and query.get("record_type"):
        service = OWNER[query["record_type"]]
        page = rpc.call(service, "audit_entries", actor, query)
        return {"items": [{**item, "service": service} for item in page["items"]],
                "total": page["total"], "unavailable": []}
    auth.require_permission("view_audit")
    limit, offset = query.get("limit", 50), query.get("offset", 0)
    window = {**query, "limit": limit + offset, "offset": 0}
    results = rpc.fan_out({service: (service, "audit_entries", actor, window)
                           for service in services or SERVICES})
    items, total, unavailable = [], 0, []
    for service, result in results.items():
        if isinstance(result, NotFound):
            continue
        if isinstance(result, Exception):
            unavailable.append({"part": "audit", "service": service, "reason": str(result)})
            continue
        total += result["total"]
        items += [{**item, "service": service} for item in result["items"]]
    items.sort(key=lambda item: item["occurred_at"], reverse=True)
    return {"items": items[offset:offset + limit], "total": total, "unavailable": unavailable}


def auditing_services(record_type):
    """The services whose logs may hold entries about records of this type."""
    return (OWNER[record_type], *ALSO_AUDITED_BY.get(record_type, ()))


def verify_chains(actor):
    """{service: {intact, first_bad_id}} for every service, or the exception it answered with."""
    auth.require_permission("view_audit")
    return rpc.fan_out({service: (service, "verify_audit", actor) for service in SERVICES})
