"""The permission matrix: for each role in two departments, every record-bearing route
answers what the rules in docs/permissions.md say — the record or 404, in lists and
counts, in the unified view and the audit — and "why" agrees with what happens."""
from datetime import datetime, timedelta, timezone

import pytest

from counterparties import legal

pytestmark = pytest.mark.system

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(scope="module")
def world(request):
    """Two departments with people in every role, and records belonging to each side."""
    admin = request.getfixturevalue("admin")
    client = request.getfixturevalue("client")
    eventually = request.getfixturevalue("eventually")
    tag = datetime.now(timezone.utc).strftime("%H%M%S%f")

    people = {}

    def person(key, roles, department=None):
        email, password = f"{key}.{tag}@matrix.chancery", f"matrix-password-{tag}"
        created = admin.post("/employees/", json={"full_name": f"{key} {tag}", "email": email,
                                                  "password": password, "roles": roles,
                                                  "department_id": department})
        assert created.status_code == 201, created.text
        people[key] = (created.json(), email, password)
        return created.json()

    head_a = person("head_a", ["department_head"])
    dept_a = admin.post("/departments/", json={"name": f"A {tag}", "head_id": head_a["id"]}).json()
    dept_b = admin.post("/departments/", json={"name": f"B {tag}"}).json()
    admin.patch(f"/employees/{head_a['id']}", json={"department_id": dept_a["id"]})
    manager_a = person("manager_a", ["manager"], dept_a["id"])
    person("employee_a", ["employee"], dept_a["id"])
    manager_b = person("manager_b", ["manager"], dept_b["id"])
    person("director", ["director"])
    lawyer = person("lawyer", ["lawyer"])
    person("accountant", ["accountant"])
    person("secretary", ["secretary"])

    def counterparty(name, responsible, **more):
        made = admin.post("/counterparties/", json={"name": f"{name} {tag}",
                                                    "responsible_employee_id": responsible["id"], **more})
        assert made.status_code == 201, made.text
        return made.json()

    beta_tax_id = legal.complete_inn(f"78{int(tag) % 10**7:07d}")
    cp_a = counterparty("Alpha", manager_a)
    cp_b = counterparty("Beta", manager_b, tax_id=beta_tax_id, phone="+7 812 555-01-02", allow_duplicate=True)
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}

    def document(type_code, counterparty_, responsible):
        made = admin.post("/documents/", json={"type_id": types[type_code]["id"], "title": f"{type_code} {tag}",
                                               "counterparty_id": counterparty_["id"],
                                               "responsible_id": responsible["id"]})
        assert made.status_code == 201, made.text
        doc = made.json()
        version = admin.post(f"/documents/{doc['id']}/files", files={"file": ("a.pdf", PDF)}).json()
        return doc, version

    contract_a, contract_a_file = document("contract", cp_a, manager_a)
    invoice_b, invoice_b_file = document("invoice", cp_b, manager_b)
    approval = admin.post("/approvals/", json={"document_id": contract_a["id"],
                                               "approver_ids": [lawyer["id"]]}).json()
    contact_a = admin.post(f"/counterparties/{cp_a['id']}/contact-persons",
                           json={"full_name": f"Person A {tag}"}).json()
    activity_b = admin.post("/activities/", json={
        "counterparty_id": cp_b["id"], "kind": "call", "subject": f"Call B {tag}",
        "planned_at": (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat(),
        "responsible_id": manager_b["id"]}).json()
    lawyer_api = client(people["lawyer"][1], people["lawyer"][2])
    notification = eventually(lambda: lawyer_api.get("/notifications/").json()["items"])[0]

    clients = {key: client(email, password) for key, (_, email, password) in people.items()}
    clients["admin"] = admin
    return {
        "tag": tag, "clients": clients, "people": {k: v[0] for k, v in people.items()},
        "records": {
            "counterparty_a": f"/counterparties/{cp_a['id']}",
            "counterparty_b": f"/counterparties/{cp_b['id']}",
            "overview_a": f"/counterparties/{cp_a['id']}/overview",
            "contact_a": f"/contact-persons/{contact_a['id']}",
            "activity_b": f"/activities/{activity_b['id']}",
            "contract_a": f"/documents/{contract_a['id']}",
            "contract_a_file": f"/documents/{contract_a['id']}/files/versions/{contract_a_file['id']}/content",
            "invoice_b": f"/documents/{invoice_b['id']}",
            "invoice_b_file": f"/documents/{invoice_b['id']}/files/versions/{invoice_b_file['id']}/content",
            "approval_a": f"/approvals/{approval['id']}",
            "contract_a_audit": f"/audit?record_type=document&record_id={contract_a['id']}",
        },
        "beta_tax_id": beta_tax_id,
        "ids": {"counterparty_a": cp_a["id"], "counterparty_b": cp_b["id"],
                "contract_a": contract_a["id"], "invoice_b": invoice_b["id"], "approval_a": approval["id"],
                "notification": notification["id"], "contact_a": contact_a["id"],
                "activity_b": activity_b["id"]},
    }


ALL = {"counterparty_a", "counterparty_b", "overview_a", "contact_a", "activity_b", "contract_a",
       "contract_a_file", "invoice_b", "invoice_b_file", "approval_a", "contract_a_audit"}
SIDE_A = {"counterparty_a", "overview_a", "contact_a"}
CONTRACT = {"contract_a", "contract_a_file", "contract_a_audit"}
INVOICE = {"invoice_b", "invoice_b_file"}
# what each role sees (docs/permissions.md)
EXPECTED = {
    "admin": ALL,
    "director": ALL,
    "lawyer": {"counterparty_a", "counterparty_b", "overview_a", "contact_a", "activity_b",
               "approval_a"} | CONTRACT,
    "accountant": INVOICE,
    "secretary": set(),
    "head_a": SIDE_A,
    "manager_a": SIDE_A | CONTRACT,
    "employee_a": SIDE_A,
    "manager_b": {"counterparty_b", "activity_b"} | INVOICE,
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_direct_ids(world, role):
    api = world["clients"][role]
    answers = {name: api.get(path).status_code for name, path in world["records"].items()}
    assert {name for name, code in answers.items() if code == 200} == EXPECTED[role], answers
    assert {code for code in answers.values()} <= {200, 404}, answers


# who may register documents (the role settings' defaults): they name any counterparty on a document
REGISTRARS = {"admin", "director", "lawyer", "secretary"}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_registrars_find_any_counterparty_by_name_or_tax_id_and_only_what_registration_needs(world, role):
    """docs/permissions.md, "Registering documents across departments": the card stays closed."""
    api, ids, tag = world["clients"][role], world["ids"], world["tag"]
    by_name = api.get("/counterparties/for-registration", params={"search": tag})
    by_tax_id = api.get("/counterparties/for-registration", params={"search": world["beta_tax_id"]})
    if role not in REGISTRARS:
        assert (by_name.status_code, by_tax_id.status_code) == (403, 403)
        return
    found = {c["id"]: c for c in by_name.json()["items"]}
    assert set(found) == {ids["counterparty_a"], ids["counterparty_b"]}
    assert [c["id"] for c in by_tax_id.json()["items"]] == [ids["counterparty_b"]]
    for name, counterparty in (("counterparty_a", found[ids["counterparty_a"]]),
                               ("counterparty_b", found[ids["counterparty_b"]])):
        assert set(counterparty) == {"id", "name", "short_name", "tax_id", "card_visible"}
        assert counterparty["card_visible"] == (name in EXPECTED[role])


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_lists_and_counts(world, role):
    api, ids, tag, expected = world["clients"][role], world["ids"], world["tag"], EXPECTED[role]
    page = api.get("/counterparties/", params={"search": tag}).json()
    seen = {item["id"] for item in page["items"]}
    assert page["total"] == len(seen)
    assert seen == {ids[k] for k in ("counterparty_a", "counterparty_b") if k in expected}
    documents = api.get("/documents/", params={"search": tag}).json()
    assert {d["id"] for d in documents["items"]} == {ids[k] for k in ("contract_a", "invoice_b") if k in expected}
    assert documents["total"] == len(documents["items"])
    approvals = api.get("/approvals/", params={"document_id": ids["contract_a"]}).json()
    assert (approvals["total"] == 1) == ("approval_a" in expected)
    activities = api.get("/activities/", params={"counterparty_id": ids["counterparty_b"]}).json()
    assert (activities["total"] == 1) == ("activity_b" in expected)


def test_notifications_are_their_recipients_alone(world):
    notification = world["ids"]["notification"]
    for role, api in world["clients"].items():
        mine = {n["id"] for n in api.get("/notifications/").json()["items"]}
        assert (notification in mine) == (role == "lawyer"), role
        marked = api.post(f"/notifications/{notification}/read").status_code
        assert marked == (200 if role == "lawyer" else 404), role


def test_the_unified_view_shows_only_what_the_viewer_may_see(world):
    view = world["clients"]["employee_a"].get(world["records"]["overview_a"]).json()
    assert view["unavailable"] == []
    assert view["documents"]["items"] == []  # the contract is its manager's, not everyone's
    assert view["approvals"]["items"] == []
    manager_view = world["clients"]["manager_a"].get(world["records"]["overview_a"]).json()
    assert [d["id"] for d in manager_view["documents"]["items"]] == [world["ids"]["contract_a"]]


@pytest.mark.parametrize("role", sorted(set(EXPECTED) - {"admin"}))
def test_explanations_agree_with_what_happens(world, role):
    admin, person = world["clients"]["admin"], world["people"].get(role)
    for record_type, key in (("counterparty", "counterparty_a"), ("counterparty", "counterparty_b"),
                             ("document", "contract_a"), ("document", "invoice_b"),
                             ("approval", "approval_a"), ("activity", "activity_b")):
        answer = admin.get("/access/explain", params={"employee_id": person["id"], "record_type": record_type,
                                                      "record_id": world["ids"][key]})
        assert answer.status_code == 200, answer.text
        assert answer.json()["visible"] == (key in EXPECTED[role]), (role, key, answer.json())
        assert answer.json()["reasons"]


def test_only_administrators_ask_why(world):
    manager = world["clients"]["manager_a"]
    answer = manager.get("/access/explain", params={"employee_id": world["people"]["manager_a"]["id"],
                                                    "record_type": "counterparty",
                                                    "record_id": world["ids"]["counterparty_a"]})
    assert answer.status_code == 403
