"""The unified counterparty view, composed from every service in parallel.

Each part comes from the service that owns it. A part whose service is down or slow is
left empty and named in ``unavailable``; only a counterparty that does not exist (or is
not visible to the viewer) makes the whole view a 404. The history shows the entries of
other services' records only to those who see the records: documents and approvals say in
their parts which of the counterparty's records the reader sees, and the page is chosen from
the counterparties part's candidates by it (history.py); when an owner does not answer, its
entries are left out and the history is named in ``unavailable`` with that service.
"""
from datetime import datetime, timezone

from chancery_common.errors import NotFound

from .. import employee_names, rpc
from . import history

# the parts each service answers, for the list of what is missing when one does not answer
PARTS = {"counterparties": ("counterparty", "history", "contact_persons", "activities", "negotiation"),
         "documents": ("documents", "paper_copies", "completeness", "execution"),
         "approvals": ("approvals",)}
# the owners of the records the history tells of, whose parts say which of them the reader sees
OWNERS = ("documents", "approvals")


def compose(actor, counterparty_id):
    """The view in one round of parallel calls, one per service (each answering its parts in one
    call); the employees' names from the worker's directory."""
    results = rpc.fan_out({
        "counterparties": ("counterparties", "overview_part", actor, counterparty_id),
        "documents": ("documents", "overview_part", actor, counterparty_id),
        "approvals": ("approvals", "overview_part", actor, counterparty_id),
        "notifications": ("notifications", "list_notifications", actor,
                          {"counterparty_id": counterparty_id, "limit": 30, "with_unread": False}),
    })
    if isinstance(results["counterparties"], NotFound):
        raise results["counterparties"]
    view = {"unavailable": []}
    for service, result in results.items():
        parts = PARTS.get(service, (service,))
        if isinstance(result, Exception):
            view.update({part: None for part in parts})
            view["unavailable"].extend({"part": part, "service": service, "reason": rpc.failure_reason(result)}
                                       for part in parts)
        else:
            view.update({part: result[part] for part in parts} if service in PARTS else {service: result})
    if view["history"] is not None:
        # the history leaves out the entries of records whose owner did not say who sees them
        seen = {owner: result["records_seen"] if isinstance(result, dict) else result
                for owner, result in ((owner, results[owner]) for owner in OWNERS)}
        view["history"], unavailable = history.page(actor, counterparty_id, view["history"], seen)
        view["unavailable"].extend({"part": "history", **owner} for owner in unavailable)
    view["completeness"] = view.get("completeness") or {}
    view["execution"] = view.get("execution") or {}
    view["contract_trees"] = contract_trees((view.get("documents") or {}).get("items", []))
    view["approvals_in_progress"] = approvals_in_progress((view.get("approvals") or {}).get("items", []))
    view["overdue_activity_ids"] = _overdue_activities((view.get("activities") or {}).get("items", []))
    view["employees"] = _employees(view)
    return view


def _employees(view):
    """{id: full name} of every employee the view shows, from the worker's directory (empty,
    and the part named unavailable, when it must ask staff and staff does not answer)."""
    try:
        return employee_names.names(_employee_ids(view))
    except Exception as exc:
        view["unavailable"].append({"part": "employees", "service": "staff", "reason": rpc.failure_reason(exc)})
        return {}


def contract_trees(documents):
    """The counterparty's documents as trees of ids: each root (a contract, or a document whose
    parent is not among them) with its children (annexes, acts, invoices...) nested, oldest
    first. Each document is in ``documents`` once; a tree names it by id."""
    by_id = {document["id"]: {"document_id": document["id"], "children": []} for document in documents}
    created = {document["id"]: document.get("created_at") or "" for document in documents}
    roots = []
    for document in documents:
        parent = by_id.get(document.get("parent_id"))
        (parent["children"] if parent else roots).append(by_id[document["id"]])

    def order(nodes):
        nodes.sort(key=lambda node: (created[node["document_id"]], node["document_id"]))
        for node in nodes:
            order(node["children"])
        return nodes
    return order(roots)


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
