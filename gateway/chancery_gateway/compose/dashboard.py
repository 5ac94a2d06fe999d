"""Role dashboards, composed from three services in parallel.

- overdue approvals by department and by employee (approvals' report),
- contracts whose validity ends in 30, 60 or 90 days (documents' registry),
- activity results by manager for a period (counterparties),
- contracts' overdue milestones and payments by responsible employee (documents),
- the negotiation funnel of the period: per stage, who reached it and the share that went on
  to the next (counterparties; pipeline.py).

Directors and administrators see the whole company (or one department they pick); a
department head sees their own department. Each service still filters by what the viewer
may see; a service that does not answer leaves its part empty and named in ``unavailable``.
"""
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from chancery_common.errors import PermissionDenied

from .. import rpc
from . import pipeline

COMPANY_ROLES = ("administrator", "director")
EXPIRY_HORIZONS = (30, 60, 90)
RUNNING_CONTRACT_STATUSES = ["signed", "in_execution", "approved"]
# overdue milestones and payments read for the dashboard (the most overdue first)
OBLIGATIONS = 500


def scope_of(employee, department_id=None):
    """The department the dashboard covers (None: the whole company), or PermissionDenied."""
    roles = set(employee["roles"])
    if roles & set(COMPANY_ROLES):
        return department_id
    if "department_head" in roles and employee.get("department_id"):
        return employee["department_id"]
    raise PermissionDenied("dashboards are for directors, administrators and department heads")


def compose(actor, employee, *, since=None, until=None, department_id=None, today=None):
    department_id = scope_of(employee, department_id)
    today = today or date.today()
    until = until or datetime.combine(today + timedelta(days=1), time.min, tzinfo=timezone.utc)
    since = since or until - timedelta(days=30)
    department = {"department_id": department_id} if department_id else {}
    results = rpc.fan_out({
        "approvals": ("approvals", "report", actor, {"since": since.isoformat(), "limit": 1, **department}),
        "contracts": ("documents", "list_documents", actor, {
            "valid_until_from": today.isoformat(),
            "valid_until_to": (today + timedelta(days=EXPIRY_HORIZONS[-1])).isoformat(),
            "status": RUNNING_CONTRACT_STATUSES, "limit": 500, **department}),
        "activities": ("counterparties", "activity_results", actor, {
            "since": since.isoformat(), "until": until.isoformat(), **department}),
        "departments": ("staff", "list_departments", actor),
        "obligations": ("documents", "execution_overdue", actor, {"limit": OBLIGATIONS, **department}),
        "funnel": ("counterparties", "negotiation_funnel", actor,
                   pipeline.funnel_query(since, until, department_id)),
    })
    view = {"department_id": department_id, "since": since.isoformat(), "until": until.isoformat(),
            "unavailable": []}
    for part, result in results.items():
        if isinstance(result, Exception):
            view["unavailable"].append({"part": part, "service": _service_of(part),
                                        "reason": rpc.failure_reason(result)})
            results[part] = None

    approvals = results["approvals"] or {}
    view["overdue_by_department"] = [row for row in approvals.get("by_department", []) if row["overdue"]]
    view["overdue_by_employee"] = [row for row in approvals.get("by_employee", []) if row["overdue"]]
    view["expiring_contracts"] = expiring(results["contracts"]["items"] if results["contracts"] else [], today)
    view["activity_results"] = (results["activities"] or {}).get("rows", [])
    view["departments"] = {d["id"]: d["name"] for d in results["departments"] or []}
    obligations = results["obligations"] or {"items": [], "total": 0}
    view["overdue_obligations"] = obligations_by_responsible(obligations["items"])
    view["overdue_obligations_total"] = obligations["total"]
    view["funnel"] = (results["funnel"] or {}).get("steps", [])
    view["employees"] = _names(actor, view)
    return view


def expiring(documents, today):
    """{"30": [...], "60": [...], "90": [...]}: contracts by the horizon their validity ends within."""
    buckets = {str(days): [] for days in EXPIRY_HORIZONS}
    for document in documents:
        if (document.get("type") or {}).get("kind") != "contract" or not document.get("valid_to"):
            continue
        left = (date.fromisoformat(document["valid_to"]) - today).days
        horizon = next((days for days in EXPIRY_HORIZONS if left <= days), None)
        if horizon is not None and left >= 0:
            buckets[str(horizon)].append({
                "id": document["id"], "number": document.get("number"), "title": document["title"],
                "counterparty_id": document.get("counterparty_id"), "valid_to": document["valid_to"],
                "days_left": left, "responsible_id": document.get("responsible_id"),
                "amount": document.get("amount"), "currency": document.get("currency")})
    for items in buckets.values():
        items.sort(key=lambda item: (item["days_left"], item["title"]))
    return buckets


def obligations_by_responsible(items):
    """Overdue milestones and payments per responsible employee: counts, the amounts overdue per
    currency, the most overdue day; most items first."""
    rows = {}
    for item in items:
        row = rows.setdefault(item["responsible_id"], {
            "responsible_id": item["responsible_id"], "milestones": 0, "payments": 0, "amounts": {},
            "most_days_overdue": 0})
        row["milestones" if item["kind"] == "milestone" else "payments"] += 1
        row["most_days_overdue"] = max(row["most_days_overdue"], item["days_overdue"])
        if item["kind"] == "payment" and item.get("outstanding"):
            currency = item["currency"]
            row["amounts"][currency] = str(Decimal(row["amounts"].get(currency, "0")) + Decimal(item["outstanding"]))
    return sorted(rows.values(), key=lambda r: (-(r["milestones"] + r["payments"]), -r["most_days_overdue"]))


def _names(actor, view):
    ids = {row["approver_id"] for row in view["overdue_by_employee"]}
    ids |= {row["responsible_id"] for row in view["activity_results"]}
    ids |= {item["responsible_id"] for items in view["expiring_contracts"].values() for item in items}
    ids |= {row["responsible_id"] for row in view["overdue_obligations"]}
    ids.discard(None)
    if not ids:
        return {}
    try:
        page = rpc.call("staff", "list_employees", {"ids": sorted(ids), "active_only": False, "limit": 500})
    except Exception as exc:
        view["unavailable"].append({"part": "employees", "service": "staff", "reason": rpc.failure_reason(exc)})
        return {}
    return {employee["id"]: employee["full_name"] for employee in page["items"]}


def _service_of(part):
    return {"contracts": "documents", "activities": "counterparties", "departments": "staff",
            "obligations": "documents", "funnel": "counterparties"}.get(part, part)

