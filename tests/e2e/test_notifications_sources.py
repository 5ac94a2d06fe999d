"""Reminders from the rest of the system, end to end: an event of another service in, a
reminder planned (and fired) out. Planned contacts, approval deadlines, paper copies."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def counterparty(admin, unique):
    created = admin.post("/counterparties/", json={"name": f"Vasilek LLC {unique}"})
    assert created.status_code == 201, created.text
    return created.json()


def reminders_about(api, subject_type, subject_id, include_fired=False):
    return api.get("/reminders", params={"subject_type": subject_type, "subject_id": subject_id,
                                         "include_fired": str(include_fired).lower()}).json()["items"]


def test_a_planned_contact_reminds_its_responsible_before_and_moves_with_it(admin, employee, counterparty,
                                                                             eventually):
    manager, manager_api = employee("Mark Manager", roles=["manager"])
    planned = datetime.now(timezone.utc) + timedelta(minutes=15, seconds=3)
    activity = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": "Agree the price",
        "planned_at": planned.isoformat(), "responsible_id": manager["id"]})
    assert activity.status_code == 201, activity.text

    [note] = eventually(lambda: manager_api.get("/notifications/", params={"kind": "reminder.activity"}).json()[
        "items"], timeout=40)
    assert note["title"] == "Call: Agree the price" and note["subject_id"] == activity.json()["id"]
    assert note["link"] == f"/counterparties/{counterparty['id']}"

    later = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "meeting", "subject": "Sign",
        "planned_at": (planned + timedelta(days=2)).isoformat(), "responsible_id": manager["id"]}).json()
    [row] = eventually(lambda: reminders_about(manager_api, "activity", later["id"]))
    assert datetime.fromisoformat(row["due_at"]) == (
        datetime.fromisoformat(later["planned_at"]) - timedelta(minutes=15)).replace(microsecond=0)


def test_an_approval_deadline_reminds_the_approver_until_they_decide(admin, employee, eventually):
    approver, approver_api = employee("Alla Approver", roles=["lawyer"])
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": "Deadline contract"}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"], "stages": [
        {"name": "Legal", "approver_ids": [approver["id"]], "deadline_hours": 48}]})
    assert approval.status_code == 201, approval.text
    approval = approval.json()

    rows = eventually(lambda: reminders_about(approver_api, "approval", approval["id"]), timeout=30)
    assert {r["kind"] for r in rows} == {"approval_deadline"}
    assert {r["occurrence"] for r in rows} == {"1 day before", "1 hour before", "1 day after"}
    assert approver_api.get("/notifications/", params={"kind": "approval.task_assigned"}).json()["total"] == 1

    tasks = approver_api.get("/approvals/tasks").json()["items"]
    task = next(t for t in tasks if t["approval_id"] == approval["id"])
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert decided.status_code == 200, decided.text
    eventually(lambda: reminders_about(approver_api, "approval", approval["id"]) == [], timeout=30)


def test_a_paper_copy_handed_out_is_reminded_after_its_return_date_unless_returned(admin, employee, eventually):
    holder, holder_api = employee("Hana Holder")
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": "Paper contract"}).json()
    copy = admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "original", "location": "Safe"})
    assert copy.status_code == 201, copy.text
    back_on = (datetime.now(timezone.utc) + timedelta(days=5)).date()
    out = admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={
        "to_holder": holder["id"], "expected_return_on": back_on.isoformat(), "reason": "Signing"})
    assert out.status_code == 201, out.text

    [row] = eventually(lambda: reminders_about(holder_api, "document", document["id"]), timeout=30)
    assert row["kind"] == "paper_copy" and row["due_at"].startswith((back_on + timedelta(days=1)).isoformat())

    returned = admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={"to_location": "Safe"})
    assert returned.status_code == 201, returned.text
    eventually(lambda: reminders_about(holder_api, "document", document["id"]) == [], timeout=30)
