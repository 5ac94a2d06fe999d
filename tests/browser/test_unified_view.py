"""The counterparty card as the unified view: a contract with its annex and act as a tree,
what is missing for accounting, the running approval with who holds it, planned and
overdue contacts, the negotiation stage and the paper original out."""
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()


def test_every_section_of_the_card(page, admin, admin_credentials, employee, unique, eventually):
    approver, _ = employee(f"Alla Approver{unique}", roles=["lawyer"])
    holder, _ = employee(f"Gleb Holder{unique}", roles=["secretary"])
    types = {t["code"]: t for t in admin.get("/document-types/").json()["items"]}
    cid = admin.post("/counterparties/", json={"name": f"Unified Stroy {unique}"}).json()["id"]

    def document(code, title, **fields):
        made = admin.post("/documents/", json={"type_id": types[code]["id"], "title": title,
                                               "counterparty_id": cid, **fields})
        assert made.status_code == 201, made.text
        return made.json()

    contract = document("contract", f"Framework {unique}", extra={"stages": 1})
    annex = document("annex", f"Annex prices {unique}", parent_id=contract["id"])
    act = document("completion_act", f"Act 1 {unique}", parent_id=contract["id"])
    assert admin.post("/approvals/", json={"document_id": annex["id"],
                                           "approver_ids": [approver["id"]]}).status_code == 201
    now = datetime.now(timezone.utc)
    admin.post("/activities/", json={"counterparty_id": cid, "kind": "call", "subject": f"Overdue call {unique}",
                                     "planned_at": (now - timedelta(days=1)).isoformat()})
    admin.post("/activities/", json={"counterparty_id": cid, "kind": "meeting", "subject": f"Next meeting {unique}",
                                     "planned_at": (now + timedelta(days=1)).isoformat()})
    stage = admin.get("/reference-books/negotiation_stage/").json()["items"][0]
    admin.post(f"/counterparties/{cid}/negotiation-notes", json={"stage_id": stage["id"],
                                                                  "text": f"Prices agreed {unique}"})
    copy = admin.post(f"/documents/{contract['id']}/paper-copies", json={"kind": "original", "location": "Safe"})
    admin.post(f"/paper-copies/{copy.json()['id']}/movements", json={"to_holder": holder["id"], "reason": "sign"})
    assert admin.post(f"/documents/{contract['id']}/milestones", json={
        "title": f"Design {unique}", "due_on": (now - timedelta(days=1)).date().isoformat()}).status_code == 201
    assert admin.post(f"/documents/{contract['id']}/payments", json={
        "kind": "actual", "on": now.date().isoformat(), "amount": "1000", "currency": "RUB"}).status_code == 201
    eventually(lambda: admin.get(f"/counterparties/{cid}/overview").json()["approvals_in_progress"])

    sign_in(page, *admin_credentials)
    page.goto(f"/counterparties/{cid}")

    rows = page.locator("#contract-trees tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_have_attribute("data-document", contract["id"])
    expect(page.locator(f"#contract-trees tr[data-document='{annex['id']}'] .muted[aria-hidden]")).to_have_count(1)
    expect(page.locator(f"#contract-trees tr[data-document='{act['id']}']")).to_be_visible()
    missing = page.locator(f"#contract-trees tr[data-document='{contract['id']}'] [data-completeness]")
    expect(missing).to_have_attribute("data-completeness", "missing")
    expect(missing).to_contain_text(types["invoice"]["name"])
    execution = page.locator(f"#contract-trees tr[data-document='{contract['id']}'] [data-execution]")
    expect(execution).to_have_attribute("data-execution", "overdue")
    expect(execution).to_contain_text("Overdue: milestones 1, payments 0")
    expect(execution.locator("[data-balance]")).to_contain_text(
        "Advance of 1,000.00\u00a0RUB received from the counterparty")

    expect(page.locator("#approvals")).to_contain_text(f"Alla Approver{unique}")
    expect(page.locator("#activities")).to_contain_text(f"Overdue call {unique}")
    expect(page.locator("#activities .overdue")).to_have_count(1)
    expect(page.locator("#activities")).to_contain_text(f"Next meeting {unique}")
    expect(page.locator("#negotiations")).to_contain_text(f"Prices agreed {unique}")
    expect(page.locator("#paper-copies")).to_contain_text(f"Gleb Holder{unique}")
