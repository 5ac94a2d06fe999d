"""Approvals through the gateway: a route with a parallel stage and a condition, approvers
by position, deciding from the inbox, return for revision and resubmission, repeated and
late decisions, the report."""
import time
import uuid

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def counterparty(admin, unique):
    return admin.post("/counterparties/", json={"name": f"Approvals Co {unique}"}).json()


@pytest.fixture
def document_type(admin, unique):
    """A document type of its own: its route is this test's alone."""
    code = f"apr_{unique}_{uuid.uuid4().hex[:6]}"
    created = admin.post("/document-types/", json={"code": code, "name": f"Approved thing {code}",
                                                   "kind": "letter"})
    assert created.status_code == 201, created.text
    return created.json()


@pytest.fixture
def new_document(admin, document_type, counterparty):
    def make(title="Protocol", **fields):
        made = admin.post("/documents/", json={"type_id": document_type["id"], "title": title,
                                               "counterparty_id": counterparty["id"], **fields})
        assert made.status_code == 201, made.text
        return made.json()
    return make


@pytest.fixture
def holder(admin, client, unique):
    """An employee holding a position, signed in."""
    def make(full_name, position):
        email = f"{full_name.split()[0].lower()}.{unique}.{time.monotonic_ns()}@test.chancery"
        made = admin.post("/employees/", json={"full_name": full_name, "email": email, "password": "password-123456",
                                               "roles": ["employee"], "position": position})
        assert made.status_code == 201, made.text
        return made.json(), client(email, "password-123456")
    return make


def pending_task(api, approval_id, eventually):
    return eventually(lambda: next((t for t in api.get("/approvals/tasks").json()["items"]
                                    if t["approval_id"] == approval_id), None))


def test_a_route_with_a_parallel_quorum_stage_and_a_condition_runs_to_approval(
        admin, employee, holder, new_document, document_type, eventually, unique):
    lawyer, lawyer_api = employee("Lara Lawyer", roles=["lawyer"])
    post = f"Controller {unique}"
    controllers = [holder(f"Carl{n} Controller", post) for n in range(3)]
    finance, finance_api = employee("Fiona Finance")
    saved = admin.post("/approval-routes/", json={
        "document_type_id": document_type["id"], "name": "Protocols", "stages": [
            {"name": "Legal", "approvers": [{"kind": "employee", "employee_id": lawyer["id"]}],
             "deadline_unit": "working_days", "deadline_value": 2},
            {"name": "Controllers", "mode": "parallel", "completion": "quorum", "quorum": 2,
             "approvers": [{"kind": "position", "position": post}], "deadline_unit": "hours", "deadline_value": 4},
            {"name": "Finance director", "approvers": [{"kind": "employee", "employee_id": finance["id"]}],
             "conditions": [{"field": "amount", "op": "gt", "value": "1000000"}]},
        ]})
    assert saved.status_code == 201, saved.text
    version = saved.json()["versions"][0]["version"]
    document = new_document("Small protocol", amount="1000.00", currency="RUB")

    started = admin.post("/approvals/", json={"document_id": document["id"]})
    assert started.status_code == 201, started.text
    approval = started.json()
    assert approval["route_version"] == version
    assert [s["status"] for s in approval["stages"]] == ["active", "waiting", "skipped"]

    task = pending_task(lawyer_api, approval["id"], eventually)
    assert task["stage_name"] == "Legal" and task["approval"]["document_title"] == "Small protocol"
    assert "stages" not in task["approval"]  # the inbox carries the task's stage only
    home = lawyer_api.http.get(f"{lawyer_api.base_url}/", timeout=30).text
    my_tasks = home[home.index('id="my-tasks"'):home.index('id="my-notifications"')]
    assert "Small protocol" in my_tasks and "<td>Legal</td>" in my_tasks
    lawyer_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})

    sheet = admin.get(f"/approvals/{approval['id']}").json()
    assert sorted(t["approver_id"] for t in sheet["stages"][1]["tasks"]) == sorted(c["id"] for c, _ in controllers)
    for _person, api in controllers[:2]:
        task = pending_task(api, approval["id"], eventually)
        decided = api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
        assert decided.status_code == 200, decided.text
    sheet = admin.get(f"/approvals/{approval['id']}").json()
    assert sheet["status"] == "approved"
    assert [t["status"] for t in sheet["stages"][1]["tasks"]].count("cancelled") == 1
    # the third controller's task is gone from their inbox; a late decision on it is refused clearly
    third = next(t for t in sheet["stages"][1]["tasks"] if t["status"] == "cancelled")
    late = controllers[2][1].post(f"/approvals/tasks/{third['id']}/decision", json={"decision": "approve"})
    assert late.status_code == 409 and "not accepted" in late.json()["message"]


def test_return_for_revision_and_resubmission(admin, employee, new_document, eventually):
    approver, approver_api = employee("Rita Reviewer")
    document = new_document("Needs work")
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]}).json()
    task = pending_task(approver_api, approval["id"], eventually)

    returned = approver_api.post(f"/approvals/tasks/{task['id']}/decision",
                                 json={"decision": "return_for_revision", "comment": "Fix the dates"})
    assert returned.status_code == 200, returned.text
    assert returned.json()["status"] == "returned"
    # only the initiator resubmits
    assert approver_api.post(f"/approvals/{approval['id']}/resubmit", json={}).status_code in (403, 404)
    # the documents service puts the document back to draft on approval.returned; resubmission reads it again
    again = admin.post(f"/approvals/{approval['id']}/resubmit", json={"comment": "Dates fixed"})
    assert again.status_code == 200, again.text
    assert (again.json()["status"], again.json()["round"]) == ("in_progress", 2)

    task = pending_task(approver_api, approval["id"], eventually)
    assert task["round"] == 2
    approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    sheet = admin.get(f"/approvals/{approval['id']}").json()
    assert sheet["status"] == "approved"
    assert [(t["round"], t["decision"]) for t in sheet["stages"][0]["tasks"]] == [
        (1, "return_for_revision"), (2, "approve")]


def test_remarks_in_a_file_of_the_document(admin, employee, new_document, eventually):
    approver, approver_api = employee("Remy Remarks")
    outsider, outsider_api = employee("Otto Outsider")
    document = new_document("Draft with remarks")
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]}).json()
    task = pending_task(approver_api, approval["id"], eventually)
    # the task on its own: for its approver, not for anyone else
    shown = approver_api.get(f"/approvals/tasks/{task['id']}")
    assert shown.status_code == 200, shown.text
    assert (shown.json()["approval"]["document_id"], shown.json()["stage_name"]) == (document["id"], task["stage_name"])
    assert outsider_api.get(f"/approvals/tasks/{task['id']}").status_code == 404

    other = new_document("Another document")
    elsewhere = admin.post(f"/documents/{other['id']}/files", params={"filename": "x.txt"}, data=b"other remarks",
                           headers={"Content-Type": "application/octet-stream"}).json()
    wrong = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={
        "decision": "approve_with_remarks", "remarks_file_id": elsewhere["file_id"]})
    assert wrong.status_code == 422 and "remarks_file_id" in wrong.json()["errors"]["json"], wrong.text
    assert admin.get(f"/approvals/{approval['id']}").json()["status"] == "in_progress"

    remarks = approver_api.post(f"/documents/{document['id']}/files", params={"filename": "remarks.txt"},
                                data="Пункт 3.2: уточнить сроки".encode(),
                                headers={"Content-Type": "application/octet-stream"})
    assert remarks.status_code == 201, remarks.text
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={
        "decision": "approve_with_remarks", "remarks_file_id": remarks.json()["file_id"]})
    assert decided.status_code == 200, decided.text
    [decision] = decided.json()["stages"][0]["tasks"]
    assert (decision["decision"], decision["remarks_file_id"]) == ("approve_with_remarks", remarks.json()["file_id"])


def test_a_decision_sent_twice_counts_once_and_bad_decisions_name_their_field(admin, employee, new_document,
                                                                              eventually):
    first, first_api = employee("Dora Double")
    second, _ = employee("Sam Second")
    document = new_document("Double click")
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [first["id"], second["id"]]}).json()
    task = pending_task(first_api, approval["id"], eventually)

    no_comment = first_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "reject"})
    assert no_comment.status_code == 422 and "comment" in str(no_comment.json())
    key = {"Idempotency-Key": str(uuid.uuid4())}
    once = first_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"}, headers=key)
    twice = first_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"}, headers=key)

    assert (once.status_code, twice.status_code) == (200, 200)
    sheet = admin.get(f"/approvals/{approval['id']}").json()
    assert [s["status"] for s in sheet["stages"]] == ["completed", "active"]
    assert len(sheet["stages"][1]["tasks"]) == 1


def test_the_initiator_withdraws_and_the_report_shows_who_held_it(admin, employee, new_document, eventually):
    approver, approver_api = employee("Holly Holder")
    document = new_document("Withdrawn")
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]}).json()

    withdrawn = admin.post(f"/approvals/{approval['id']}/withdraw", json={"reason": "Not needed"})
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"

    report = admin.get("/approvals/report", params={"approver_id": approver["id"]})
    assert report.status_code == 200, report.text
    [row] = report.json()["held"]
    assert (row["document_title"], row["status"], row["overdue"]) == ("Withdrawn", "cancelled", False)
    assert [r["task_id"] for r in approver_api.get("/approvals/report").json()["held"]] == [row["task_id"]]
