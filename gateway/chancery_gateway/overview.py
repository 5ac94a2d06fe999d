"""The unified counterparty view, composed from every service in parallel.

Each part comes from the service that owns it. A part whose service is down or slow is
left empty and named in ``unavailable``; only a counterparty that does not exist (or is
not visible to the viewer) makes the whole view a 404.
"""
from chancery_common.errors import NotFound

from . import rpc

def compose(actor, counterparty_id):
    results = rpc.fan_out({
        "counterparty": ("counterparties", "get_counterparty", actor, counterparty_id),
        "history": ("counterparties", "get_history", actor, counterparty_id, {"limit": 30}),
        "contact_persons": ("counterparties", "list_contact_persons", actor, counterparty_id),
        "activities": ("counterparties", "list_activities", actor,
                       {"counterparty_id": counterparty_id, "status": "planned", "limit": 100}),
        "documents": ("documents", "list_documents", actor,
                      {"counterparty_id": counterparty_id, "limit": 200}),
        "approvals": ("approvals", "list_approvals", actor,
                      {"counterparty_id": counterparty_id, "limit": 50}),
        "notifications": ("notifications", "list_notifications", actor,
                          {"counterparty_id": counterparty_id, "limit": 30}),
    })
    if isinstance(results["counterparty"], NotFound):
        raise results["counterparty"]
    view = {"unavailable": []}
    for part, result in results.items():
        if isinstance(result, Exception):
            view[part] = None
            view["unavailable"].append({"part": part, "service": _service_of(part),
                                        "reason": _reason(result)})
        else:
            view[part] = result
    view["employees"] = _employee_names(actor, view)
    return view


def _service_of(part):
    owners = {"counterparty", "history", "contact_persons", "activities"}
    return "counterparties" if part in owners else part


def _reason(exc):
    if isinstance(exc, rpc.ServiceUnavailable):
        return exc.reason
    return str(exc) or type(exc).__name__


def _employee_names(actor, view):
    """Names for every employee id the view shows (empty when staff does not answer)."""
    ids = set()
    if view.get("counterparty"):
        ids.add(view["counterparty"].get("responsible_employee_id"))
    for approval in (view.get("approvals") or {}).get("items", []):
        ids.add(approval["initiator_id"])
        for stage in approval["stages"]:
            ids.update(task["approver_id"] for task in stage["tasks"])
    for document in (view.get("documents") or {}).get("items", []):
        ids.add(document.get("responsible_id"))
    for activity in (view.get("activities") or {}).get("items", []):
        ids.add(activity["responsible_id"])
    for entry in (view.get("history") or {}).get("items", []):
        ids.add(entry.get("actor_id"))
    ids.discard(None)
    if not ids:
        return {}
    try:
        page = rpc.call("staff", "list_employees", {"ids": sorted(ids), "active_only": False,
                                                     "limit": 500})
    except Exception as exc:
        view["unavailable"].append({"part": "employees", "service": "staff", "reason": _reason(exc)})
        return {}
    return {employee["id"]: employee["full_name"] for employee in page["items"]}
