"""Contract execution through the gateway: milestones closed by a signed completion act, the
payment schedule and the payments made, the settlement, what is overdue, refusals naming the
field, and a cancelled payment that no longer counts."""
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def types_by_code(api):
    return {t["code"]: t for t in api.get("/document-types/").json()["items"]}


def days(n):
    """The UTC date n days from today (the documents service counts days in UTC)."""
    return (datetime.now(timezone.utc).date() + timedelta(days=n)).isoformat()


@pytest.fixture
def contract(admin, unique):
    types = types_by_code(admin)
    counterparty = admin.post("/counterparties/", json={"name": f"Execution Stroy {unique}"}).json()
    made = admin.post("/documents/", json={
        "type_id": types["contract"]["id"], "title": f"Construction contract {unique}",
        "counterparty_id": counterparty["id"], "amount": "1000000.00", "currency": "RUB"})
    assert made.status_code == 201, made.text
    return {**made.json(), "types": types}


def test_a_contract_carried_out_settled_and_overdue(admin, employee, contract, unique):
    document_id = contract["id"]
    assert admin.get(f"/documents/{document_id}/execution").json()["totals"] == [{
        "currency": "RUB", "contract_amount": "1000000.00", "accrued": "0.00", "paid": "0.00", "balance": "0.00",
        "planned_to_date": "0.00", "overdue_amount": "0.00", "remaining": "1000000.00"}]

    first = admin.post(f"/documents/{document_id}/milestones", json={
        "title": "Foundations", "due_on": days(20), "amount": "400000.00"})
    assert first.status_code == 201, first.text
    second = admin.post(f"/documents/{document_id}/milestones", json={
        "title": "Walls and roof", "due_on": days(-10), "amount": "600000.00", "note": "second stage"})
    assert second.status_code == 201, second.text
    milestones = {m["title"]: m for m in second.json()["milestones"]}
    assert {m["position"] for m in milestones.values()} == {1, 2}
    assert milestones["Foundations"]["currency"] == "RUB"  # the contract's

    act = admin.post("/documents/", json={
        "type_id": contract["types"]["completion_act"]["id"], "title": f"Act of stage 1 {unique}",
        "parent_id": document_id, "amount": "400000.00", "currency": "RUB"})
    assert act.status_code == 201, act.text
    act = act.json()
    linked = admin.patch(f"/milestones/{milestones['Foundations']['id']}", json={"act_id": act["id"]})
    assert linked.status_code == 200, linked.text
    pending = {m["title"]: m for m in linked.json()["milestones"]}["Foundations"]
    assert (pending["status"], pending["act"]["id"]) == ("act_pending", act["id"])
    assert admin.post(f"/documents/{act['id']}/status", json={"status": "signed"}).status_code == 200

    planned = admin.post(f"/documents/{document_id}/payments", json={
        "kind": "planned", "on": days(-5), "amount": "500000.00"})
    assert planned.status_code == 201, planned.text
    paid = admin.post(f"/documents/{document_id}/payments", json={
        "kind": "actual", "on": days(-1), "amount": 300000, "reference": "PO-17"})
    assert paid.status_code == 201, paid.text

    execution = admin.get(f"/documents/{document_id}/execution").json()
    assert execution["we_are"] == "supplier"
    assert execution["totals"] == [{
        "currency": "RUB", "contract_amount": "1000000.00", "accrued": "400000.00", "paid": "300000.00",
        "balance": "100000.00", "planned_to_date": "500000.00", "overdue_amount": "200000.00",
        "remaining": "600000.00"}]
    assert execution["overdue"] == {"milestones": 1, "payments": 1}
    milestones = {m["title"]: m for m in execution["milestones"]}
    assert (milestones["Foundations"]["status"], milestones["Foundations"]["days_overdue"]) == ("done", 0)
    assert milestones["Foundations"]["completed_on"] is not None
    assert (milestones["Walls and roof"]["status"], milestones["Walls and roof"]["days_overdue"]) == ("overdue", 10)
    planned_row, actual_row = execution["payments"]
    assert (planned_row["kind"], planned_row["status"], planned_row["covered"]) == ("planned", "overdue", "300000.00")
    assert (actual_row["kind"], actual_row["status"], actual_row["reference"]) == ("actual", "recorded", "PO-17")
    [listed] = execution["acts"]
    assert {key: listed[key] for key in ("id", "number", "status", "amount", "milestone_id")} == {
        "id": act["id"], "number": act["number"], "status": "signed", "amount": "400000.00",
        "milestone_id": milestones["Foundations"]["id"]}

    overdue = admin.get("/contracts/overdue", params={"counterparty_id": contract["counterparty_id"]})
    assert overdue.status_code == 200, overdue.text
    assert overdue.json()["total"] == 2
    assert [(i["kind"], i["days_overdue"], i["outstanding"]) for i in overdue.json()["items"]] == [
        ("milestone", 10, "600000.00"), ("payment", 5, "200000.00")]
    item = overdue.json()["items"][0]
    assert (item["document_id"], item["document_number"], item["title"]) == (
        document_id, contract["number"], "Walls and roof")

    # the side we are in the contract changes no figures, only how the balance reads
    terms = admin.request("PUT", f"/documents/{document_id}/execution/terms", json={"we_are": "customer"})
    assert terms.status_code == 200 and terms.json()["we_are"] == "customer", terms.text

    # someone who does not see the contract sees neither its execution nor its overdue items
    _, stranger = employee(f"Stranger Execution{unique}")
    assert stranger.get(f"/documents/{document_id}/execution").status_code == 404
    assert stranger.get("/contracts/overdue", params={"counterparty_id": contract["counterparty_id"]}).json()[
        "total"] == 0


def test_refusals_name_the_field_and_change_nothing(admin, contract, unique):
    document_id = contract["id"]

    zero = admin.post(f"/documents/{document_id}/payments", json={"kind": "actual", "on": days(0), "amount": "0"})
    assert zero.status_code == 422, zero.text
    assert zero.json()["message"] == "Invalid input: amount"
    assert list(zero.json()["errors"]["json"]) == ["amount"]

    future = admin.post(f"/documents/{document_id}/payments", json={
        "kind": "actual", "on": days(3), "amount": "10.00"})
    assert future.status_code == 422, future.text
    assert list(future.json()["errors"]["json"]) == ["on"]

    no_date = admin.post(f"/documents/{document_id}/milestones", json={"title": "Design"})
    assert no_date.status_code == 422 and list(no_date.json()["errors"]["json"]) == ["due_on"], no_date.text

    invoice = admin.post("/documents/", json={"type_id": contract["types"]["invoice"]["id"],
                                              "title": f"Invoice {unique}", "parent_id": document_id})
    assert invoice.status_code == 201, invoice.text
    not_a_contract = admin.get(f"/documents/{invoice.json()['id']}/execution")
    assert not_a_contract.status_code == 422 and "document_id" in not_a_contract.json()["errors"]["json"]

    execution = admin.get(f"/documents/{document_id}/execution").json()
    assert (execution["milestones"], execution["payments"]) == ([], [])


def test_a_cancelled_payment_stays_listed_and_no_longer_counts(admin, contract):
    document_id = contract["id"]
    kept = admin.post(f"/documents/{document_id}/payments", json={"kind": "actual", "on": days(-2),
                                                                  "amount": "300000.00"})
    assert kept.status_code == 201, kept.text
    wrong = admin.post(f"/documents/{document_id}/payments", json={"kind": "actual", "on": days(-1),
                                                                   "amount": "50000.00", "reference": "PO-18"})
    assert wrong.status_code == 201, wrong.text
    assert wrong.json()["totals"][0]["paid"] == "350000.00"
    payment_id = next(p["id"] for p in wrong.json()["payments"] if p["reference"] == "PO-18")

    no_reason = admin.post(f"/payments/{payment_id}/cancel", json={"reason": " "})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]["json"], no_reason.text

    cancelled = admin.post(f"/payments/{payment_id}/cancel", json={"reason": "entered twice"})
    assert cancelled.status_code == 200, cancelled.text
    totals = cancelled.json()["totals"][0]
    assert (totals["paid"], totals["balance"]) == ("300000.00", "-300000.00")
    row = next(p for p in cancelled.json()["payments"] if p["id"] == payment_id)
    assert (row["status"], row["cancel_reason"], row["cancelled_by"]) == (
        "cancelled", "entered twice", admin.employee["id"])
    assert row["cancelled_at"] is not None

    again = admin.post(f"/payments/{payment_id}/cancel", json={"reason": "still twice"})
    assert again.status_code == 409, again.text
    assert admin.get(f"/documents/{document_id}/execution").json()["totals"][0]["paid"] == "300000.00"
