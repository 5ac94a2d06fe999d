"""Contact persons, activities with the agenda, and versioned approval routes, through the API."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def counterparty(admin, unique):
    return admin.post("/counterparties/", json={"name": f"Activity Co {unique}"}).json()


def test_contact_persons_belong_to_their_counterparty(admin, counterparty):
    added = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": "Ivan Petrov", "position": "Chief engineer", "phones": ["+7 900 000-00-01"],
        "emails": ["ivan@example.ru"], "birthday": "1980-05-17"})
    assert added.status_code == 201, added.text
    person = added.json()
    assert person["counterparty_id"] == counterparty["id"]
    bad = admin.post(f"/counterparties/{counterparty['id']}/contact-persons",
                     json={"full_name": "X", "emails": ["nope"]})
    assert bad.status_code == 422 and "emails" in bad.json()["errors"]["json"]
    changed = admin.patch(f"/contact-persons/{person['id']}", json={"position": "Director"})
    assert changed.json()["position"] == "Director"
    listed = admin.get(f"/counterparties/{counterparty['id']}/contact-persons").json()["items"]
    assert [p["full_name"] for p in listed] == ["Ivan Petrov"]
    view = admin.get(f"/counterparties/{counterparty['id']}/overview").json()
    assert [p["id"] for p in view["contact_persons"]] == [person["id"]]


def test_planning_completing_and_the_agenda(admin, employee, counterparty):
    manager, manager_api = employee("Maria Manager", roles=["manager"])
    admin.patch(f"/counterparties/{counterparty['id']}", json={"responsible_employee_id": manager["id"]})
    now = datetime.now(timezone.utc)
    overdue = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": "Remind about the invoice",
        "planned_at": (now - timedelta(days=2)).isoformat(), "responsible_id": manager["id"]})
    assert overdue.status_code == 201, overdue.text
    assert overdue.json()["scheduled_by"] == admin.employee["id"]
    today = manager_api.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "meeting", "subject": "Site visit",
        "planned_at": now.isoformat(), "phone_or_place": "Object 7"}).json()

    agenda = manager_api.get("/activities/agenda", params={"tz": "UTC"}).json()
    assert [a["id"] for a in agenda["today"]["meeting"]] == [today["id"]]
    assert overdue.json()["id"] in [a["id"] for a in agenda["overdue"]]
    assert manager_api.get("/activities/agenda", params={"tz": "Mars/Base"}).status_code == 422

    done = manager_api.post(f"/activities/{today['id']}/completion", json={
        "result": "Agreed on the schedule", "next_step": "Send the draft",
        "follow_up": {"kind": "email", "subject": "Send the draft contract",
                      "planned_at": (now + timedelta(days=1)).isoformat()}})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["activity"]["status"] == "done"
    assert body["follow_up"]["follow_up_of"] == today["id"]
    assert body["follow_up"]["responsible_id"] == manager["id"]
    again = manager_api.post(f"/activities/{today['id']}/completion", json={"result": "again"})
    assert again.status_code == 409
    missing_result = manager_api.post(f"/activities/{overdue.json()['id']}/completion", json={})
    assert missing_result.status_code == 422 and "result" in missing_result.json()["errors"]["json"]

    history = admin.get(f"/counterparties/{counterparty['id']}/history").json()["items"]
    assert any(e["kind"] == "activity.completed" and "Agreed on the schedule" in e["summary"] for e in history)


def test_routes_are_versioned_and_running_approvals_keep_theirs(admin, employee, counterparty, eventually):
    first, first_api = employee("First Approver")
    second, second_api = employee("Second Approver")
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "protocol")

    v1 = admin.post("/approval-routes/", json={"document_type_id": memo["id"], "name": "Protocols",
                                               "stages": [{"approver_ids": [first["id"]]}]})
    assert v1.status_code == 201, v1.text
    v1_id = v1.json()["versions"][0]["id"]

    def new_document(title):
        return admin.post("/documents/", json={"type_id": memo["id"], "title": title,
                                               "counterparty_id": counterparty["id"]}).json()

    running = admin.post("/approvals/", json={"document_id": new_document("Before the change")["id"]})
    assert running.status_code == 201, running.text
    assert running.json()["route_version_id"] == v1_id

    v2 = admin.post("/approval-routes/", json={
        "document_type_id": memo["id"], "name": "Protocols",
        "stages": [{"approver_ids": [second["id"]], "name": "Legal"}]}).json()
    assert [v["version"] for v in v2["versions"]] == [2, 1]

    later = admin.post("/approvals/", json={"document_id": new_document("After the change")["id"]}).json()
    assert later["route_version_id"] == v2["versions"][0]["id"]
    assert later["stages"][0]["tasks"][0]["approver_id"] == second["id"]
    # the running approval still waits for the approver of version 1
    still = admin.get(f"/approvals/{running.json()['id']}").json()
    assert still["route_version_id"] == v1_id
    assert still["stages"][0]["tasks"][0]["approver_id"] == first["id"]
    assert eventually(lambda: first_api.get("/approvals/tasks").json()["total"] == 1)


def test_a_contact_person_moves_with_their_activities(admin, counterparty, unique):
    other = admin.post("/counterparties/", json={"name": f"New employer {unique}"}).json()
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": "Oleg Mover", "messengers": [{"kind": "telegram", "handle": "@oleg_mover"}],
        "important_dates": [{"kind": "anniversary", "label": "Joined", "date": "2015-04-01",
                             "remind_yearly": True}]})
    assert person.status_code == 201, person.text
    assert person.json()["messengers"] == [{"kind": "telegram", "handle": "@oleg_mover"}]
    call = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "contact_person_id": person.json()["id"], "kind": "call",
        "subject": "Before the move", "planned_at": datetime.now(timezone.utc).isoformat()}).json()
    moved = admin.post(f"/contact-persons/{person.json()['id']}/move", json={"counterparty_id": other["id"]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["counterparty_id"] == other["id"]
    assert admin.get(f"/activities/{call['id']}").json()["contact_person_id"] == person.json()["id"]
    assert [p["id"] for p in admin.get(f"/counterparties/{other['id']}/contact-persons").json()["items"]] == [
        person.json()["id"]]
