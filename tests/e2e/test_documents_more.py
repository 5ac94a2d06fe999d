"""Documents through the gateway beyond creating them: editing a card, links and the tree,
registration journals (reserving, registering later, cancelling) and paper copies."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def contract_type(admin):
    return next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")


@pytest.fixture
def document(admin, contract_type, unique):
    response = admin.post("/documents/", json={
        "type_id": contract_type["id"], "title": f"Supply contract {unique}", "amount": "1000.00",
        "currency": "EUR"})
    assert response.status_code == 201, response.text
    return response.json()


def audit_of(api, record_id, action):
    page = api.get("/audit", params={"record_type": "document", "record_id": record_id, "limit": 100})
    assert page.status_code == 200, page.text
    return [row for row in page.json()["items"] if row["action"] == action]


def test_editing_a_card_changes_it_and_its_history_says_from_what_to_what(admin, document):
    legal_entity_id = str(uuid.uuid4())

    response = admin.patch(f"/documents/{document['id']}", json={
        "title": "Supply contract, amended", "amount": "1250.50", "valid_from": "2026-01-01",
        "legal_entity_id": legal_entity_id})

    assert response.status_code == 200, response.text
    card = admin.get(f"/documents/{document['id']}").json()
    assert (card["title"], card["amount"], card["valid_from"], card["legal_entity_id"]) == (
        "Supply contract, amended", "1250.50", "2026-01-01", legal_entity_id)
    (row,) = audit_of(admin, document["id"], "updated")
    assert row["changes"] == {
        "title": {"from": document["title"], "to": "Supply contract, amended"},
        "amount": {"from": "1000.00", "to": "1250.50"}, "valid_from": {"from": None, "to": "2026-01-01"},
        "legal_entity_id": {"from": None, "to": legal_entity_id}}


def test_bad_edits_are_named_and_change_nothing(admin, document):
    for changes, field in (({"number": "X-1"}, "number"), ({"valid_to": "not a date"}, "valid_to"),
                           ({"currency": None}, "currency"), ({"title": " "}, "title")):
        response = admin.patch(f"/documents/{document['id']}", json=changes)
        assert response.status_code == 422, response.text
        assert field in response.json()["message"], response.json()
    card = admin.get(f"/documents/{document['id']}").json()
    assert (card["title"], card["currency"], card["valid_to"]) == (document["title"], "EUR", None)
    assert audit_of(admin, document["id"], "updated") == []


def test_someone_who_does_not_see_the_card_cannot_edit_it(admin, employee, document):
    _, outsider = employee("Outside Reader")

    response = outsider.patch(f"/documents/{document['id']}", json={"title": "Mine now"})

    assert response.status_code == 404, response.text
    assert admin.get(f"/documents/{document['id']}").json()["title"] == document["title"]


def test_a_signed_card_is_fixed(admin, document):
    assert admin.post(f"/documents/{document['id']}/status", json={"status": "signed"}).status_code == 200

    response = admin.patch(f"/documents/{document['id']}", json={"amount": "1.00"})

    assert response.status_code == 409, response.text
    assert "annex or a new version" in response.json()["message"]
    assert admin.get(f"/documents/{document['id']}").json()["amount"] == "1000.00"


def make(api, type_code, title, **fields):
    doc_type = next(t for t in api.get("/document-types/").json()["items"] if t["code"] == type_code)
    response = api.post("/documents/", json={"type_id": doc_type["id"], "title": title, "register": False,
                                             **fields})
    assert response.status_code == 201, response.text
    return response.json()


def test_the_tree_shows_parents_children_and_links_from_both_ends(admin, employee, unique):
    contract = make(admin, "contract", f"Contract {unique}")
    annex = make(admin, "annex", f"Annex {unique}", parent_id=contract["id"])
    act = make(admin, "memo", f"Act {unique}", parent_id=annex["id"])
    letter = make(admin, "memo", f"Letter {unique}")

    linked = admin.post(f"/documents/{contract['id']}/links", json={"document_id": letter["id"], "note": "claim"})

    assert linked.status_code == 201, linked.text
    tree = admin.get(f"/documents/{contract['id']}/tree").json()
    assert [(n["document"]["id"], [c["document"]["id"] for c in n["children"]]) for n in tree["children"]] == [
        (annex["id"], [act["id"]])]
    assert [(r["document"]["id"], r["note"], r["direction"]) for r in tree["related"]] == [
        (letter["id"], "claim", "outgoing")]
    assert [p["id"] for p in admin.get(f"/documents/{act['id']}/tree").json()["parents"]] == [
        contract["id"], annex["id"]]
    assert [r["document"]["id"] for r in admin.get(f"/documents/{letter['id']}/tree").json()["related"]] == [
        contract["id"]]

    removed = admin.request("DELETE", f"/documents/{letter['id']}/links/{contract['id']}")

    assert removed.status_code == 204, removed.text
    assert admin.get(f"/documents/{contract['id']}/tree").json()["related"] == []
    assert admin.request("DELETE", f"/documents/{letter['id']}/links/{contract['id']}").status_code == 404


def test_links_and_trees_keep_to_what_the_caller_sees(admin, employee, unique):
    person, api = employee("Tree Reader")
    root = make(admin, "contract", f"Root {unique}")
    mine = make(admin, "memo", f"Mine {unique}", parent_id=root["id"], responsible_id=person["id"])
    secret = make(admin, "memo", f"Secret {unique}")
    assert admin.post(f"/documents/{mine['id']}/links", json={"document_id": secret["id"]}).status_code == 201

    tree = api.get(f"/documents/{mine['id']}/tree")

    assert tree.status_code == 200, tree.text
    assert (tree.json()["parents"], tree.json()["related"]) == ([], [])
    assert api.get(f"/documents/{root['id']}/tree").status_code == 404
    refused = api.post(f"/documents/{mine['id']}/links", json={"document_id": secret["id"], "note": "x"})
    assert refused.status_code == 422 and "document_id" in refused.json()["message"], refused.text
    assert api.post(f"/documents/{mine['id']}/links", json={"note": "x"}).status_code == 422


def test_a_reserved_number_is_taken_later_and_a_cancelled_one_is_never_reused(admin, contract_type, unique):
    journal = contract_type["journal"]

    reserved = admin.post(f"/journals/{journal['id']}/reservations", json={"note": f"lease {unique}"})

    assert reserved.status_code == 201, reserved.text
    reserved = reserved.json()
    assert reserved["status"] == "reserved" and reserved["document_id"] is None
    draft = make(admin, "contract", f"Lease {unique}")
    registered = admin.post(f"/documents/{draft['id']}/registration", json={"reserved_number": reserved["number"]})
    assert registered.status_code == 200, registered.text
    assert registered.json()["number"] == reserved["number"]

    cancelled = admin.post(f"/documents/{draft['id']}/registration/cancel", json={"reason": "wrong counterparty"})

    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["number"] is None
    again = admin.post(f"/documents/{draft['id']}/registration", json={})
    assert again.status_code == 200, again.text
    assert again.json()["number"] not in (None, reserved["number"])
    numbers = {n["number"]: n for n in admin.get(f"/journals/{journal['id']}/numbers",
                                                 params={"year": reserved["year"]}).json()["items"]}
    assert (numbers[reserved["number"]]["status"], numbers[reserved["number"]]["cancel_reason"]) == (
        "cancelled", "wrong counterparty")
    assert numbers[again.json()["number"]]["status"] == "registered"
    history = [row["action"] for row in admin.get("/audit", params={
        "record_type": "document", "record_id": draft["id"], "limit": 100}).json()["items"]]
    assert history[:3] == ["registered", "registration_cancelled", "registered"]


def test_registration_is_for_registrars_and_bad_requests_are_named(admin, employee, contract_type, unique):
    journal = contract_type["journal"]
    person, api = employee("Not A Registrar")
    draft = make(admin, "contract", f"Draft {unique}", responsible_id=person["id"])

    assert api.post(f"/journals/{journal['id']}/reservations", json={}).status_code == 403
    assert api.post(f"/documents/{draft['id']}/registration", json={}).status_code == 403
    assert api.get(f"/journals/{journal['id']}/numbers").status_code == 403
    for response, field in (
            (admin.post(f"/journals/{journal['id']}/reservations", json={"year": "soon"}), "year"),
            (admin.post(f"/documents/{draft['id']}/registration/cancel", json={}), "reason"),
            (admin.post(f"/documents/{draft['id']}/registration", json={"reserved_number": "NO-SUCH-1"}),
             "reserved_number")):
        assert response.status_code == 422, response.text
        assert field in response.json()["message"], response.json()
    assert admin.post(f"/documents/{draft['id']}/registration/cancel", json={"reason": "x"}).status_code == 409
    assert admin.get(f"/documents/{draft['id']}").json()["number"] is None


def test_a_paper_original_is_handed_to_a_colleague_and_returned(admin, employee, unique):
    colleague, colleague_api = employee("Paper Holder")
    document = make(admin, "contract", f"Paper {unique}")
    added = admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "original", "location": "Archive 1"})
    assert added.status_code == 201, added.text
    copy_id = added.json()["id"]
    yesterday = (datetime.now(timezone.utc).date() - timedelta(days=1)).isoformat()

    out = admin.post(f"/paper-copies/{copy_id}/movements", json={
        "to_holder": colleague["id"], "reason": "to sign", "expected_return_on": yesterday})

    assert out.status_code == 201, out.text
    assert (out.json()["status"], out.json()["holder_id"]) == ("handed_out", colleague["id"])
    overdue = admin.get("/paper-copies", params={"overdue": "true", "holder_id": colleague["id"]}).json()
    assert [c["id"] for c in overdue["items"]] == [copy_id]
    assert overdue["items"][0]["document_title"] == f"Paper {unique}"
    assert colleague_api.get("/paper-copies", params={"out": "true"}).json()["total"] == 0  # not their document

    back = admin.post(f"/paper-copies/{copy_id}/movements", json={"to_location": "Archive 2"})

    assert back.status_code == 201, back.text
    (copy,) = admin.get(f"/documents/{document['id']}/paper-copies").json()["items"]
    assert (copy["status"], copy["location"], copy["holder_id"], len(copy["movements"])) == (
        "in_place", "Archive 2", None, 2)
    assert admin.get("/paper-copies", params={"out": "true", "holder_id": colleague["id"]}).json()["total"] == 0
    history = [row["action"] for row in admin.get("/audit", params={
        "record_type": "document", "record_id": document["id"], "limit": 100}).json()["items"]]
    assert history[:3] == ["paper_copy_moved", "paper_copy_moved", "paper_copy_added"]


def test_paper_copies_are_checked_and_kept_to_who_sees_the_document(admin, employee, unique):
    _, outsider = employee("Paper Outsider")
    document = make(admin, "contract", f"Paper {unique}")
    copy_id = admin.post(f"/documents/{document['id']}/paper-copies",
                         json={"kind": "copy", "location": "Desk"}).json()["id"]

    for response, field in (
            (admin.post(f"/documents/{document['id']}/paper-copies", json={"kind": "scan", "location": "x"}), "kind"),
            (admin.post(f"/paper-copies/{copy_id}/movements", json={}), "to_holder"),
            (admin.post(f"/paper-copies/{copy_id}/movements", json={"to_holder": "bob"}), "to_holder")):
        assert response.status_code == 422, response.text
        assert field in response.json()["message"], response.json()
    assert outsider.get(f"/documents/{document['id']}/paper-copies").status_code == 404
    assert outsider.post(f"/paper-copies/{copy_id}/movements", json={"to_location": "Home"}).status_code == 404
    assert admin.get(f"/documents/{document['id']}/paper-copies").json()["items"][0]["location"] == "Desk"
