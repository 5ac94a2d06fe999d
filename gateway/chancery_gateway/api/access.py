"""Why an employee can (or cannot) see a record, and the audit logs of every service."""
from flask import g
from flask_smorest import Blueprint

from .. import auth, rpc
from .payload import jsonable
from .schemas import AuditArgs, AuditPageSchema, ExplainArgs, ExplanationSchema

blp = Blueprint("access", __name__, url_prefix="/api/v1",
                description="Access explanations (administrators) and the audit logs.")

SERVICES = ("staff", "counterparties", "documents", "approvals", "notifications")
# which service owns (and audits) each kind of record
OWNER = {
    "counterparty": "counterparties", "contact_person": "counterparties", "activity": "counterparties",
    "document": "documents", "approval": "approvals", "notification": "notifications",
    "employee": "staff", "department": "staff", "absence": "staff", "api_token": "staff",
    "legal_entity": "staff", "role_permission": "staff",
}


@blp.route("/access/explain")
@blp.arguments(ExplainArgs, location="query")
@blp.response(200, ExplanationSchema)
def explain(args):
    """Whether an employee sees a record, and by which rule (administrators)."""
    auth.require_permission("manage_staff")
    identity = rpc.call("staff", "identity_of", g.actor, str(args["employee_id"]))
    employee = identity["employee"]
    checked = {"id": employee["id"], "roles": employee["roles"], "department_id": employee["department_id"],
               "full_name": employee["full_name"], "permissions": identity["permissions"],
               "visible_department_ids": identity["visible_department_ids"]}
    answer = rpc.call(OWNER[args["record_type"]], "explain_access", g.actor, checked,
                      args["record_type"], str(args["record_id"]))
    return {**answer, "employee_id": employee["id"], "record_type": args["record_type"],
            "record_id": str(args["record_id"])}


@blp.route("/audit")
@blp.arguments(AuditArgs, location="query")
@blp.response(200, AuditPageSchema)
def audit(args):
    """Audit entries, newest first: of one record (whoever sees it), or searched across every
    service (`view_audit`); a service that does not answer is listed in `unavailable`."""
    query = jsonable(args)
    if args.get("record_type"):
        page = rpc.call(OWNER[args["record_type"]], "audit_entries", g.actor, query)
        service = OWNER[args["record_type"]]
        return {"items": [{**item, "service": service} for item in page["items"]],
                "total": page["total"], "unavailable": []}
    auth.require_permission("view_audit")
    window = {**query, "limit": query.get("limit", 50) + query.get("offset", 0), "offset": 0}
    results = rpc.fan_out({service: (service, "audit_entries", g.actor, window) for service in SERVICES})
    items, total, unavailable = [], 0, []
    for service, result in results.items():
        if isinstance(result, Exception):
            unavailable.append({"part": "audit", "service": service, "reason": str(result)})
            continue
        total += result["total"]
        items += [{**item, "service": service} for item in result["items"]]
    items.sort(key=lambda item: item["occurred_at"], reverse=True)
    start = query.get("offset", 0)
    return {"items": items[start:start + query.get("limit", 50)], "total": total,
            "unavailable": unavailable}


@blp.route("/audit/verify")
@blp.response(200)
def verify():
    """Check every service's audit chain: {service: {intact, first_bad_id}} (`view_audit`)."""
    auth.require_permission("view_audit")
    results = rpc.fan_out({service: (service, "verify_audit", g.actor) for service in SERVICES})
    for result in results.values():
        if isinstance(result, Exception):
            raise result
    return results
