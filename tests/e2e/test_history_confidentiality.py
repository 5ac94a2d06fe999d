"""The relationship history keeps every record's confidentiality: an entry that comes from
another service's record (a document, its approval, its paper copy, its contract execution)
is shown only to those who may see that record, and an activity's entry to whoever sees the
activity, in every path: the history endpoint, the unified view, the web card and its
history page, search and exports (docs/permissions.md, "The relationship history").

The world is the one of issue 14: manager A's contract at a counterparty now in manager
A2's hands (same department), registered by a lawyer and approved by her with a comment.
A2 sees the counterparty and its history, but not A's contract nor its approval."""
import time
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system

# the kinds of entries each kind of record leaves in the history
DOCUMENT_KINDS = {"document.registered", "document.status_changed",
                  "paper_copy.moved",  # its paper original
                  "contract.milestone_changed", "contract.payment_recorded"}  # its execution
APPROVAL_KINDS = {"approval.started", "approval.finished"}
OWN_KINDS = {"counterparty.created", "activity.completed"}

# who sees what (docs/permissions.md): the counterparty is A2's, in department D headed by H;
# the contract is A's (department D), registered by the lawyer; A started its approval, the
# lawyer approved it; the activity is A's
COUNTERPARTY_VIEWERS = {"admin", "director", "lawyer", "head", "manager_a", "manager_a2", "employee_d"}
DOCUMENT_VIEWERS = {"admin", "director", "lawyer", "head", "manager_a"}
APPROVAL_VIEWERS = {"admin", "director", "lawyer", "manager_a"}
ROLES = sorted(COUNTERPARTY_VIEWERS | {"accountant", "secretary", "manager_b"})


def days(n):
    return (datetime.now(timezone.utc).date() + timedelta(days=n)).isoformat()


@pytest.fixture(scope="module")
def world(request):
    admin = request.getfixturevalue("admin")
    client = request.getfixturevalue("client")
    eventually = request.getfixturevalue("eventually")
    tag = datetime.now(timezone.utc).strftime("%H%M%S%f")
    people, clients = {}, {"admin": admin}

    def person(key, roles, department=None):
        email, password = f"{key}.{tag}@history.chancery", f"history-password-{tag}"
        made = admin.post("/employees/", json={"full_name": f"{key} {tag}", "email": email, "password": password,
                                               "roles": roles, "department_id": department})
        assert made.status_code == 201, made.text
        people[key] = made.json()
        clients[key] = client(email, password)
        return made.json()

    head = person("head", ["department_head"])
    department = admin.post("/departments/", json={"name": f"D {tag}", "head_id": head["id"]}).json()
    other = admin.post("/departments/", json={"name": f"B {tag}"}).json()
    assert admin.patch(f"/employees/{head['id']}", json={"department_id": department["id"]}).status_code == 200
    manager_a = person("manager_a", ["manager"], department["id"])
    manager_a2 = person("manager_a2", ["manager"], department["id"])
    person("employee_d", ["employee"], department["id"])
    person("manager_b", ["manager"], other["id"])
    person("director", ["director"])
    lawyer = person("lawyer", ["lawyer"])
    person("accountant", ["accountant"])
    person("secretary", ["secretary"])
    clients["head"] = client(f"head.{tag}@history.chancery", f"history-password-{tag}")  # now in D

    counterparty = admin.post("/counterparties/", json={
        "name": f"Confidential Stroy {tag}", "responsible_employee_id": manager_a2["id"]}).json()
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    lawyer_api, manager_api = clients["lawyer"], clients["manager_a"]
    made = lawyer_api.post("/documents/", json={
        "type_id": types["contract"]["id"], "title": f"Secret supply contract {tag}",
        "counterparty_id": counterparty["id"], "responsible_id": manager_a["id"],
        "department_id": department["id"], "amount": "500000.00", "currency": "RUB"})
    assert made.status_code == 201, made.text
    contract = made.json()
    if contract.get("number") is None:
        registered = lawyer_api.post(f"/documents/{contract['id']}/registration", json={})
        assert registered.status_code == 200, registered.text
        contract = registered.json()

    comment = f"Penalty clause kept confidential {tag}"
    approval = manager_api.post("/approvals/", json={"document_id": contract["id"],
                                                     "approver_ids": [lawyer["id"]]})
    assert approval.status_code == 201, approval.text
    approval = approval.json()
    task = eventually(lambda: next((t for t in lawyer_api.get("/approvals/tasks").json()["items"]
                                    if t["approval_id"] == approval["id"]), None))
    decided = lawyer_api.post(f"/approvals/tasks/{task['id']}/decision",
                              json={"decision": "approve", "comment": comment})
    assert decided.status_code == 200, decided.text

    # the paper original handed to A, and the contract's execution
    copy = lawyer_api.post(f"/documents/{contract['id']}/paper-copies",
                           json={"kind": "original", "location": f"Archive {tag}"})
    assert copy.status_code == 201, copy.text
    moved = lawyer_api.post(f"/paper-copies/{copy.json()['id']}/movements", json={
        "to_holder": manager_a["id"], "reason": "to sign", "expected_return_on": days(7)})
    assert moved.status_code == 201, moved.text
    milestone = lawyer_api.post(f"/documents/{contract['id']}/milestones", json={
        "title": f"Secret stage {tag}", "due_on": days(30), "amount": "200000.00"})
    assert milestone.status_code == 201, milestone.text
    payment = lawyer_api.post(f"/documents/{contract['id']}/payments", json={
        "kind": "actual", "on": days(0), "amount": "100000.00", "reference": f"PO-{tag}"})
    assert payment.status_code == 201, payment.text

    # A's own contact with the client, done
    activity = manager_api.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Call about delivery {tag}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat(),
        "responsible_id": manager_a["id"]})
    assert activity.status_code == 201, activity.text
    activity = activity.json()
    done = manager_api.post(f"/activities/{activity['id']}/completion",
                            json={"status": "done", "result": f"Agreed the delivery {tag}"})
    assert done.status_code == 200, done.text

    # the other services' events reach the history asynchronously
    expected = DOCUMENT_KINDS | APPROVAL_KINDS | OWN_KINDS
    eventually(lambda: expected <= {e["kind"] for e in admin.get(
        f"/counterparties/{counterparty['id']}/history", params={"limit": 500}).json()["items"]}, timeout=30)
    return {"tag": tag, "clients": clients, "people": people, "counterparty": counterparty,
            "contract": contract, "approval": approval, "activity": activity, "comment": comment,
            "milestone": milestone.json()["milestones"][0]["title"]}


def expected_kinds(role):
    """The kinds of entries ``role`` sees in this counterparty's history."""
    kinds = set(OWN_KINDS)
    if role in DOCUMENT_VIEWERS:
        kinds |= DOCUMENT_KINDS
    if role in APPROVAL_VIEWERS:
        kinds |= APPROVAL_KINDS
    return kinds


def record_of(entry):
    """The path of the record an entry comes from, read as its own endpoint answers it."""
    data = entry.get("data") or {}
    if entry["kind"].startswith("approval."):
        return f"/approvals/{data['approval_id']}"
    if data.get("document_id"):
        return f"/documents/{data['document_id']}"
    if data.get("activity_id"):
        return f"/activities/{data['activity_id']}"
    return None


def check_entries(world, role, page, where):
    """No entry of ``page`` comes from a record ``role`` may not open; every one it may see is there."""
    api = world["clients"][role]
    items = page["items"]
    assert page["total"] >= len(items), where
    for entry in items:
        path = record_of(entry)
        if path is not None:
            assert api.get(path).status_code == 200, f"{where}: {role} is shown {entry['kind']} of {path}"
    about_contract = {e["kind"] for e in items if (e.get("data") or {}).get("document_id") == world["contract"]["id"]}
    if role not in DOCUMENT_VIEWERS:
        assert about_contract == set(), f"{where}: {role} is shown {about_contract} about the contract"
    kinds = {e["kind"] for e in items}
    assert kinds >= expected_kinds(role), f"{where}: {role} misses {expected_kinds(role) - kinds}"
    assert not (kinds & (DOCUMENT_KINDS | APPROVAL_KINDS)) - expected_kinds(role), f"{where}: {role} sees {kinds}"


@pytest.mark.parametrize("role", ROLES)
def test_the_history_endpoint(world, role):
    api = world["clients"][role]
    answer = api.get(f"/counterparties/{world['counterparty']['id']}/history", params={"limit": 500})
    if role not in COUNTERPARTY_VIEWERS:
        assert answer.status_code == 404, answer.text
        return
    assert answer.status_code == 200, answer.text
    page = answer.json()
    check_entries(world, role, page, "history")
    assert page["total"] == len(page["items"])  # the hidden ones are not even counted
    # paging walks the same visible entries
    first = api.get(f"/counterparties/{world['counterparty']['id']}/history", params={"limit": 2}).json()
    second = api.get(f"/counterparties/{world['counterparty']['id']}/history",
                     params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in page["items"][:4]]
    assert first["total"] == page["total"]


@pytest.mark.parametrize("role", ROLES)
def test_the_unified_view(world, role):
    api = world["clients"][role]
    answer = api.get(f"/counterparties/{world['counterparty']['id']}/overview")
    if role not in COUNTERPARTY_VIEWERS:
        assert answer.status_code == 404, answer.text
        return
    assert answer.status_code == 200, answer.text
    view = answer.json()
    assert view["unavailable"] == []
    check_entries(world, role, view["history"], "overview")
    full = api.get(f"/counterparties/{world['counterparty']['id']}/history", params={"limit": 500}).json()
    assert view["history"]["total"] == full["total"]
    # the documents and approvals parts agree with the history
    shown_documents = {d["id"] for d in view["documents"]["items"]}
    assert (world["contract"]["id"] in shown_documents) == (role in DOCUMENT_VIEWERS)
    shown_approvals = {a["id"] for a in view["approvals"]["items"]}
    assert (world["approval"]["id"] in shown_approvals) == (role in APPROVAL_VIEWERS)


def secrets_of(world):
    """What only the contract's viewers may read: its title, its number, its milestone, the
    approver's comment."""
    contract = world["contract"]
    return {"title": contract["title"], "number": contract["number"], "milestone": world["milestone"],
            "comment": world["comment"]}


@pytest.mark.parametrize("role", ROLES)
def test_the_web_card_and_its_history_page(world, role):
    api = world["clients"][role]
    counterparty_id = world["counterparty"]["id"]
    pages = {"card": api.http.get(f"{api.base_url}/counterparties/{counterparty_id}", timeout=30),
             "history page": api.http.get(f"{api.base_url}/counterparties/{counterparty_id}/history", timeout=30)}
    for where, page in pages.items():
        if role not in COUNTERPARTY_VIEWERS:
            assert page.status_code == 404, where
            continue
        assert page.status_code == 200, where
        for what, secret in secrets_of(world).items():
            hidden = role not in (APPROVAL_VIEWERS if what == "comment" else DOCUMENT_VIEWERS)
            if hidden:
                assert secret not in page.text, f"{role} reads the contract's {what} on the {where}"
    if role in DOCUMENT_VIEWERS:  # the history page does show what they may see
        assert world["contract"]["title"] in pages["history page"].text
        assert world["milestone"] in pages["history page"].text


@pytest.mark.parametrize("role", ROLES)
def test_search_and_exports(world, role):
    api = world["clients"][role]
    for what, secret in secrets_of(world).items():
        found = api.get("/search/", params={"q": secret}).json()
        leaked = [group for group, items in found["groups"].items() if any(
            world["contract"]["id"] in (i.get("id"), i.get("document_id")) for i in items)]
        if role not in DOCUMENT_VIEWERS:
            assert leaked == [], f"{role} finds the contract by its {what}"
    job, exported = api.run_job("/counterparties/export", json={"search": world["counterparty"]["name"]})
    assert job["state"] == "done" and exported.status_code == 200, job
    for what, secret in secrets_of(world).items():
        assert secret not in exported.text, f"{role} exports the contract's {what}"


@pytest.fixture
def approvals_down(system):
    system.stop_process("approvals")
    yield
    system.start_process("approvals")


def test_an_owner_that_does_not_answer_shows_none_of_its_entries(world, system, approvals_down):
    """Its entries are left out (never shown unchecked): the history answers 503 naming it, the
    unified view still comes, its history without them and named unavailable."""
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    api = world["clients"]["manager_a"]  # sees the contract and its approval when approvals answers
    counterparty_id = world["counterparty"]["id"]

    answer = api.get(f"/counterparties/{counterparty_id}/history")
    assert answer.status_code == 503, answer.text
    assert "approvals" in answer.json()["message"]

    started = time.monotonic()
    view = api.get(f"/counterparties/{counterparty_id}/overview")
    assert time.monotonic() - started < timeout + 2
    assert view.status_code == 200, view.text
    view = view.json()
    assert view["counterparty"]["id"] == counterparty_id
    assert {(part["part"], part["service"]) for part in view["unavailable"]} == {
        ("history", "approvals"), ("approvals", "approvals")}
    kinds = {entry["kind"] for entry in view["history"]["items"]}
    assert not kinds & APPROVAL_KINDS
    assert kinds >= DOCUMENT_KINDS | OWN_KINDS
