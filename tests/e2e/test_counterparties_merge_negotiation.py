"""Merging duplicate counterparties, the negotiation log, rescheduling and cancelling activities: through the API."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def test_merging_a_duplicate_moves_its_people_and_history_and_leaves_a_pointer(admin, employee, unique):
    _, clerk = employee("Merge Clerk")
    survivor = admin.post("/counterparties/", json={"name": f"Vega {unique}", "notes": "Pays on time"}).json()
    duplicate = admin.post("/counterparties/", json={"name": f"VEGA LLC {unique}", "email": f"vega{unique}@example.ru",
                                                     "notes": "Ask for Olga"}).json()
    person = admin.post(f"/counterparties/{duplicate['id']}/contact-persons", json={"full_name": "Olga Orlova"}).json()

    assert clerk.post(f"/counterparties/{survivor['id']}/merge",
                      json={"merged_id": duplicate["id"]}).status_code in (403, 404)
    bad = admin.post(f"/counterparties/{survivor['id']}/merge", json={"merged_id": duplicate["id"],
                                                                        "fields": {"name": "both"}})
    assert bad.status_code == 422, bad.text

    merged = admin.post(f"/counterparties/{survivor['id']}/merge",
                        json={"merged_id": duplicate["id"], "fields": {"name": "merged"}})
    assert merged.status_code == 200, merged.text
    card = merged.json()["counterparty"]
    assert (card["name"], card["email"], card["notes"]) == (f"VEGA LLC {unique}", f"vega{unique}@example.ru",
                                                            "Pays on time\n\nAsk for Olga")
    assert merged.json()["moved"]["contact_persons"] == 1
    people = admin.get(f"/counterparties/{survivor['id']}/contact-persons/").json()["items"]
    assert [p["id"] for p in people] == [person["id"]]

    gone = admin.get(f"/counterparties/{duplicate['id']}")
    assert gone.status_code == 404 and gone.json()["merged_into"] == survivor["id"], gone.text
    assert admin.get("/counterparties/", params={"search": unique}).json()["total"] == 1
    kinds = [entry["kind"] for entry in admin.get(f"/counterparties/{survivor['id']}/history").json()["items"]]
    assert kinds[0] == "counterparty.merged" and "contact_person.added" in kinds


def test_the_negotiation_log_sets_the_current_stage(admin, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Negotiating {unique}"}).json()
    stages = admin.get("/reference-books/negotiation_stage/").json()["items"]
    assert [s["position"] for s in stages] == sorted(s["position"] for s in stages)
    new_stage = admin.post("/reference-books/negotiation_stage/", json={"name": f"Tender {unique}",
                                                                        "code": f"tender_{unique}"})
    assert new_stage.status_code == 201, new_stage.text

    noted = admin.post(f"/counterparties/{counterparty['id']}/negotiation-notes", json={
        "stage_id": stages[0]["id"], "text": "First call went well", "client_priorities": "Price"})
    assert noted.status_code == 201, noted.text
    admin.post(f"/counterparties/{counterparty['id']}/negotiation-notes", json={
        "stage_id": new_stage.json()["id"], "text": "They announced a tender", "decided": "We take part"})
    log = admin.get(f"/counterparties/{counterparty['id']}/negotiation-notes").json()
    assert [note["text"] for note in log["items"]] == ["They announced a tender", "First call went well"]
    assert log["current_stage"]["code"] == f"tender_{unique}"
    assert admin.get(f"/counterparties/{counterparty['id']}").json()["negotiation_stage"]["name"] == f"Tender {unique}"
    in_use = admin.request("DELETE", f"/reference-books/negotiation_stage/{new_stage.json()['id']}")
    assert in_use.status_code == 409
    bad = admin.post(f"/counterparties/{counterparty['id']}/negotiation-notes", json={"stage_id": stages[0]["id"]})
    assert bad.status_code == 422


def test_rescheduling_and_cancelling_an_activity(admin, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Rescheduled {unique}"}).json()
    planned_at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=1)
    activity = admin.post("/activities/", json={"counterparty_id": counterparty["id"], "kind": "meeting",
                                                "subject": "Demo", "planned_at": planned_at.isoformat()}).json()
    later = planned_at + timedelta(hours=2)
    moved = admin.post(f"/activities/{activity['id']}/reschedule", json={"planned_at": later.isoformat(),
                                                                         "reason": "client is late"})
    assert moved.status_code == 200, moved.text
    assert datetime.fromisoformat(moved.json()["planned_at"]) == later
    cancelled = admin.post(f"/activities/{activity['id']}/cancellation", json={"reason": "Project postponed"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = admin.post(f"/activities/{activity['id']}/reschedule", json={"planned_at": later.isoformat()})
    assert again.status_code == 409
