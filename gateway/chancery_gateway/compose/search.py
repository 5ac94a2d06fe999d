"""Global search: one phrase asked of every service in parallel, answered grouped by kind.

Each service searches only what the employee may see (its own visibility rules), so the
gateway never filters. A service that is down or slow leaves its groups empty and is named
in ``unavailable``; the rest is answered within the RPC timeout.
"""
from .. import rpc

GROUPS = ("counterparties", "contact_persons", "documents", "activities", "employees")

MIN_LENGTH = 2


def search(actor, text, limit=6):
    """{"query", "groups": {kind: [items]}, "totals": {kind: n or None}, "unavailable": [...]}."""
    text = " ".join((text or "").split())[:200]
    answer = {"query": text, "groups": {group: [] for group in GROUPS},
              "totals": {group: 0 for group in GROUPS}, "unavailable": []}
    if len(text) < MIN_LENGTH:
        return answer
    results = rpc.fan_out({
        "counterparties": ("counterparties", "list_counterparties", actor,
                           {"search": text, "limit": limit, "sort": "name"}),
        "people_and_activities": ("counterparties", "quick_search", actor, {"text": text, "limit": limit}),
        "documents": ("documents", "list_documents", actor, {"search": text, "limit": limit, "highlight": True}),
        "employees": ("staff", "list_employees", {"search": text, "limit": limit}),
    })
    for part, result in results.items():
        if isinstance(result, Exception):
            answer["unavailable"].append({"part": part, "service": _service_of(part),
                                          "reason": rpc.failure_reason(result)})
            for group in _groups_of(part):
                answer["totals"][group] = None
            continue
        if part == "people_and_activities":
            for group in ("contact_persons", "activities"):
                answer["groups"][group] = result[group]
                answer["totals"][group] = len(result[group])
        else:
            answer["groups"][part] = [_brief(part, item) for item in result["items"]]
            answer["totals"][part] = result["total"]
    return answer


def _brief(kind, item):
    """The few fields a search result shows, whatever else the service answered."""
    if kind == "counterparties":
        return {"id": item["id"], "name": item["name"], "short_name": item.get("short_name"),
                "tax_id": item.get("tax_id"), "status": item.get("status")}
    if kind == "documents":
        return {"id": item["id"], "title": item["title"], "number": item.get("number"),
                "status": item.get("status"), "type_name": item.get("type_name"),
                "counterparty_id": item.get("counterparty_id"),
                "highlighted_title": _with_a_match(item.get("highlighted_title")),
                "snippet": _with_a_match(item.get("snippet"))}
    return {"id": item["id"], "full_name": item["full_name"], "position": item.get("position"),
            "email": item.get("email")}


def _with_a_match(parts):
    """Highlighted parts ([text, matched] pairs) only when they mark a match, else None."""
    return parts if parts and any(matched for _, matched in parts) else None


def _groups_of(part):
    return ("contact_persons", "activities") if part == "people_and_activities" else (part,)


def _service_of(part):
    return {"people_and_activities": "counterparties", "employees": "staff"}.get(part, part)

