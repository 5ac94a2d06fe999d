"""The unified counterparty view in one call: contract trees with completeness, running
approvals with who holds them, planned and overdue activities, the negotiation stage,
paper originals out, the timeline; and only what the viewer may see."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def types_by_code(api):
    return {t["code"]: t for t in api.get("/document-types/").json()["items"]}


def test_every_section_of_the_overview(admin, employee, unique, eventually):
    approver, _ = employee(f"Petr Approver{unique}", roles=["lawyer"])
    holder, _ = employee(f"Hanna Holder{unique}", roles=["secretary"])
    types = types_by_code(admin)
    counterparty = admin.post("/counterparties/", json={"name": f"Overview Stroy {unique}"}).json()
    cid = counterparty["id"]

    def document(code, title, **fields):
        made = admin.post("/documents/", json={"type_id": types[code]["id"], "title": title,
                                               "counterparty_id": cid, **fields})
        assert made.status_code == 201, made.text
        return made.json()

    contract = document("contract", f"General contract {unique}", extra={"stages": 2}, amount="900000.00",
                        currency="RUB")
    annex = document("annex", f"Annex {unique}", parent_id=contract["id"])
    act = document("completion_act", f"Act of stage 1 {unique}", parent_id=contract["id"])
    started = admin.post("/approvals/", json={"document_id": annex["id"], "approver_ids": [approver["id"]]})
    assert started.status_code == 201, started.text

    now = datetime.now(timezone.utc)
    overdue = admin.post("/activities/", json={"counterparty_id": cid, "kind": "call", "subject": "Late call",
                                               "planned_at": (now - timedelta(days=1)).isoformat()}).json()
    upcoming = admin.post("/activities/", json={"counterparty_id": cid, "kind": "meeting", "subject": "On site",
                                                "planned_at": (now + timedelta(days=2)).isoformat()}).json()
    stage = admin.get("/reference-books/negotiation_stage/").json()["items"][0]
    assert admin.post(f"/counterparties/{cid}/negotiation-notes", json={
        "stage_id": stage["id"], "text": f"Waiting for the estimate {unique}"}).status_code == 201
    copy = admin.post(f"/documents/{contract['id']}/paper-copies", json={"kind": "original", "location": "Safe 2"})
    assert admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={
        "to_holder": holder["id"], "reason": "to sign"}).status_code == 201
    assert admin.post(f"/documents/{contract['id']}/milestones", json={
        "title": f"Stage 1 {unique}", "due_on": (now - timedelta(days=2)).date().isoformat()}).status_code == 201
    assert admin.post(f"/documents/{contract['id']}/payments", json={
        "kind": "actual", "on": now.date().isoformat(), "amount": "50000"}).status_code == 201

    view = eventually(lambda: (v := admin.get(f"/counterparties/{cid}/overview").json())
                      and v["approvals_in_progress"] and v)
    assert view["unavailable"] == []

    [tree] = view["contract_trees"]
    assert tree["document_id"] == contract["id"]
    assert sorted(child["document_id"] for child in tree["children"]) == sorted([annex["id"], act["id"]])
    assert {d["id"] for d in view["documents"]["items"]} == {contract["id"], annex["id"], act["id"]}

    check = view["completeness"][contract["id"]]
    assert check["complete"] is False
    missing = {item["type_name"]: item["missing"] for item in check["items"]}
    assert missing[types["completion_act"]["name"]] == 1 and missing[types["invoice"]["name"]] == 2

    execution = view["execution"][contract["id"]]
    assert (execution["overdue"], execution["next_milestone"]["title"]) == (
        {"milestones": 1, "payments": 0}, f"Stage 1 {unique}")
    assert (execution["we_are"], execution["totals"][0]["balance"]) == ("supplier", "-50000.00")

    [running] = view["approvals_in_progress"]
    assert (running["document_id"], running["holder_ids"], running["overdue"]) == (annex["id"], [approver["id"]],
                                                                                   False)
    assert view["employees"][approver["id"]] == f"Petr Approver{unique}"

    assert view["overdue_activity_ids"] == [overdue["id"]]
    assert {a["id"] for a in view["activities"]["items"]} == {overdue["id"], upcoming["id"]}
    assert view["negotiation"]["current_stage"]["id"] == stage["id"]
    assert view["negotiation"]["items"][0]["text"] == f"Waiting for the estimate {unique}"
    [out] = [c for c in view["paper_copies"]["items"] if c["status"] == "handed_out"]
    assert (out["document_id"], out["holder_id"]) == (contract["id"], holder["id"])
    assert view["employees"][holder["id"]] == f"Hanna Holder{unique}"


def test_an_outsider_gets_404_not_a_partial_view(admin, employee, unique):
    _, outsider_api = employee(f"Olga Outsider{unique}")
    counterparty = admin.post("/counterparties/", json={"name": f"Closed {unique}"}).json()
    assert outsider_api.get(f"/counterparties/{counterparty['id']}/overview").status_code == 404
