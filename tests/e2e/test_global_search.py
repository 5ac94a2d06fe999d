"""Global search through the gateway: one phrase, every kind of record, grouped, only what
the employee may see, and a partial answer when a service is down."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def documents_down(system):
    system.stop_process("documents")
    yield
    system.start_process("documents")


@pytest.fixture
def world(admin, employee, unique, text_pdf, eventually):
    """A manager's counterparty with a person, an activity and a contract whose PDF holds a phrase."""
    manager, manager_api = employee(f"Mila Searcher{unique}", roles=["manager"])
    counterparty = manager_api.post("/counterparties/", json={
        "name": f"Granit {unique}", "responsible_employee_id": manager["id"]}).json()
    person = manager_api.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": f"Vera Granitova {unique}", "phones": ["+7 812 555-01-02"]}).json()
    activity = manager_api.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Granit follow-up {unique}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()}).json()
    # the secretariat registers the contract (managers may not register), the manager is responsible
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={
        "type_id": contract["id"], "title": f"Granit supply {unique}", "counterparty_id": counterparty["id"],
        "responsible_id": manager["id"]})
    assert document.status_code == 201, document.text
    document = document.json()
    phrase = f"reconciliation{unique}"
    uploaded = admin.post(f"/documents/{document['id']}/files", files={
        "file": ("act.pdf", text_pdf(f"Annual {phrase} of mutual settlements"), "application/pdf")})
    assert uploaded.status_code == 201, uploaded.text
    return {"manager": manager, "api": manager_api, "counterparty": counterparty, "person": person,
            "activity": activity, "document": document, "phrase": phrase}


def ids(answer, kind):
    return [item["id"] for item in answer["groups"][kind]]


def test_one_phrase_finds_every_kind_grouped(world, unique, eventually):
    api = world["api"]
    answer = api.get("/search/", params={"q": f"Granit {unique}"})
    assert answer.status_code == 200, answer.text
    answer = answer.json()
    assert ids(answer, "counterparties") == [world["counterparty"]["id"]]
    assert ids(answer, "contact_persons") == [world["person"]["id"]]
    assert ids(answer, "activities") == [world["activity"]["id"]]
    assert ids(answer, "documents") == [world["document"]["id"]]
    assert answer["unavailable"] == []

    employees = api.get("/search/", params={"q": f"Searcher{unique}"}).json()
    assert ids(employees, "employees") == [world["manager"]["id"]]

    # a phrase that occurs only inside the uploaded PDF finds the document (text extracted on upload)
    inside = eventually(lambda: (found := api.get("/search/", params={"q": world["phrase"]}).json())
                        and found["groups"]["documents"] and found)
    assert ids(inside, "documents") == [world["document"]["id"]]


def test_what_the_employee_may_not_see_is_not_found(world, employee, unique):
    _, outsider_api = employee(f"Oscar Outsider{unique}", roles=["employee"])
    answer = outsider_api.get("/search/", params={"q": f"Granit {unique}"}).json()
    for kind in ("counterparties", "contact_persons", "activities", "documents"):
        assert answer["groups"][kind] == [], kind


def test_short_and_bad_queries(world):
    api = world["api"]
    short = api.get("/search/", params={"q": "G"}).json()
    assert all(items == [] for items in short["groups"].values())
    missing = api.get("/search/")
    assert missing.status_code == 422
    assert "q" in missing.json()["errors"]["query"]
    assert api.get("/search/", params={"q": "x" * 201}).status_code == 422


def test_a_service_down_leaves_the_rest_of_the_answer(world, unique, documents_down):
    answer = world["api"].get("/search/", params={"q": f"Granit {unique}"})
    assert answer.status_code == 200
    answer = answer.json()
    assert [part["service"] for part in answer["unavailable"]] == ["documents"]
    assert answer["totals"]["documents"] is None
    assert ids(answer, "counterparties") == [world["counterparty"]["id"]]
