"""The unified counterparty view, composed from every service in parallel.

Each part comes from the service that owns it. A part whose service is down or slow is
left empty and named in ``unavailable``; only a counterparty that does not exist (or is
not visible to the viewer) makes the whole view a 404.
"""
from datetime import datetime, timezone

from chancery_common.errors import NotFound

from . import rpc

# at most this many contracts get their accounting completeness checked in one view
COMPLETENESS_LIMIT = 30

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
        "negotiation": ("counterparties", "list_negotiation_notes", actor, counterparty_id, {"limit": 5}),
        "paper_copies": ("documents", "paper_copies", actor, {"counterparty_id": counterparty_id, "limit": 100}),
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
    view["contract_trees"] = contract_trees((view.get("documents") or {}).get("items", []))
    view["approvals_in_progress"] = approvals_in_progress((view.get("approvals") or {}).get("items", []))
    view["overdue_activity_ids"] = _overdue_activities((view.get("activities") or {}).get("items", []))
    _second_round(actor, view)
    return view


def _second_round(actor, view):
    """Completeness of the contracts shown and the names of the employees shown, in one round
    of parallel calls: neither needs the other, so they do not wait for each other
    (bench/overview.py measures the view)."""
    contracts = [d["id"] for d in (view.get("documents") or {}).get("items", [])
                 if (d.get("type") or {}).get("kind") == "contract"][:COMPLETENESS_LIMIT]
    calls = {"completeness": ("documents", "completeness_of", actor, contracts)} if contracts else {}
    ids = _employee_ids(view)
    if ids:
        calls["employees"] = ("staff", "list_employees", {"ids": sorted(ids), "active_only": False, "limit": 500})
    results = rpc.fan_out(calls) if calls else {}
    view["completeness"] = _completeness(results.get("completeness", {}), view)
    view["employees"] = _employee_names(results["employees"], view) if ids else {}


def contract_trees(documents):
    """The counterparty's documents as trees: each root (a contract, or a document whose parent
    is not among them) with its children (annexes, acts, invoices...) nested, oldest first."""
    by_id = {document["id"]: {"document": document, "children": []} for document in documents}
    roots = []
    for node in by_id.values():
        parent = by_id.get(node["document"].get("parent_id"))
        (parent["children"] if parent else roots).append(node)

    def order(nodes):
        nodes.sort(key=lambda node: (node["document"].get("created_at") or "", node["document"]["id"]))
        for node in nodes:
            order(node["children"])
        return nodes
    return order(roots)


def _completeness(result, view):
    """{contract id: completeness} for the contracts shown, from one call for all of them; when
    it failed, the part is marked unavailable."""
    if isinstance(result, Exception):
        view["unavailable"].append({"part": "completeness", "service": "documents", "reason": _reason(result)})
        return {}
    return result


def approvals_in_progress(approvals):
    """For each running approval: the stage it stands at, who holds it, since when, until when."""
    now = datetime.now(timezone.utc)
    running = []
    for approval in approvals:
        if approval.get("status") not in ("in_progress", "returned"):
            continue
        stage = next((s for s in approval.get("stages", []) if s.get("status") in ("active", "stalled")), None)
        holders = [t for t in (stage or {}).get("tasks", []) if t.get("status") == "pending"]
        due_at = (stage or {}).get("due_at")
        running.append({
            "approval_id": approval["id"], "document_id": approval["document_id"],
            "document_title": approval["document_title"], "document_number": approval.get("document_number"),
            "status": approval["status"], "stage_name": stage["name"] if stage else None,
            "stage_status": stage["status"] if stage else None,
            "holder_ids": [t["approver_id"] for t in holders],
            "since": (stage or {}).get("started_at") or approval.get("started_at"),
            "due_at": due_at, "overdue": bool(due_at and _parse(due_at) < now),
        })
    return running


def _overdue_activities(activities):
    now = datetime.now(timezone.utc)
    return [a["id"] for a in activities if a.get("status") == "planned" and _parse(a["planned_at"]) < now]


def _parse(value):
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _service_of(part):
    owners = {"counterparty", "history", "contact_persons", "activities", "negotiation"}
    if part == "paper_copies":
        return "documents"
    return "counterparties" if part in owners else part


def _reason(exc):
    if isinstance(exc, rpc.ServiceUnavailable):
        return exc.reason
    return str(exc) or type(exc).__name__


def _employee_ids(view):
    """Every employee id the view shows."""
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
    for running in view.get("approvals_in_progress", []):
        ids.update(running["holder_ids"])
    for copy in (view.get("paper_copies") or {}).get("items", []):
        ids.add(copy.get("holder_id"))
    for note in (view.get("negotiation") or {}).get("items", []):
        ids.add(note.get("author_id"))
    for entry in (view.get("history") or {}).get("items", []):
        ids.add(entry.get("actor_id"))
    ids.discard(None)
    return ids


def _employee_names(page, view):
    """Names from staff's answer (empty, and the part named unavailable, when it failed)."""
    if isinstance(page, Exception):
        view["unavailable"].append({"part": "employees", "service": "staff", "reason": _reason(page)})
        return {}
    return {employee["id"]: employee["full_name"] for employee in page["items"]}
