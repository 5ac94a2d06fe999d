"""Demo data (``python -m chancery_local up --demo``): loaded through the API, once.

The test system is shared with other tests, so everything is counted by the demo's own
employees and counterparties, never by totals.
"""
import pytest

from chancery_local.demo import (
    APPROVALS, CONTACT_PERSONS, COUNTERPARTIES, DOCUMENTS, EMPLOYEES, is_valid_inn, load_demo_data,
)

pytestmark = pytest.mark.system


def demo_state(api):
    """What the demo employees and counterparties hold, as the administrator sees it."""
    emails = {employee[1] for employee in EMPLOYEES.values()}
    employees = [e for e in api.get("/employees/", params={"search": "demo.", "limit": 500}).json()["items"]
                 if e["email"] in emails]
    counterparties = [c for e in employees for c in api.get("/counterparties/", params={
        "responsible_employee_id": e["id"], "limit": 500}).json()["items"]]
    documents, approvals = [], []
    for counterparty in counterparties:
        query = {"counterparty_id": counterparty["id"], "limit": 500}
        documents += api.get("/documents/", params=query).json()["items"]
        approvals += api.get("/approvals/", params=query).json()["items"]
    return employees, counterparties, documents, approvals


def test_demo_data_is_loaded_once_through_the_api(system, admin, client):
    summary = load_demo_data(system.profile, system)
    assert summary.startswith(f"demo data: {len(EMPLOYEES)} employees"), summary
    password = summary.split("password: ")[1].split(")")[0]

    employees, counterparties, documents, approvals = demo_state(admin)
    assert len(employees) == len(EMPLOYEES) == 8
    assert len(counterparties) == len(COUNTERPARTIES) == 25
    assert len(documents) == len(DOCUMENTS) == 40
    assert len(approvals) == len(APPROVALS) == 9
    assert all(is_valid_inn(c["tax_id"]) for c in counterparties)
    assert {d["currency"] for d in documents if d["amount"]} == {"RUB"}
    assert sum(1 for d in documents if d["file_count"]) == sum(1 for d in DOCUMENTS if d[8])

    by_id = {d["id"]: d for d in documents}
    annexes = [d for d in documents if d["type"]["code"] == "annex"]
    assert annexes and all(by_id[a["parent_id"]]["type"]["code"] == "contract" for a in annexes)
    assert all(d["number"].startswith("CTR-") for d in documents if d["type"]["code"] == "contract")

    statuses = sorted(a["status"] for a in approvals)
    assert statuses == ["approved"] * 4 + ["in_progress"] * 4 + ["rejected"]
    [rejected] = [a for a in approvals if a["status"] == "rejected"]
    assert by_id[rejected["document_id"]]["status"] == "rejected"
    assert any(t["comment"] for s in rejected["stages"] for t in s["tasks"] if t["decision"] == "reject")
    pending_with = {t["approver_id"] for a in approvals if a["status"] == "in_progress"
                    for s in a["stages"] for t in s["tasks"] if t["status"] == "pending"}
    assert len(pending_with) >= 3

    # a demo employee signs in with the password in the summary and finds their tasks
    accountant = client(EMPLOYEES["accountant"][1], password)
    tasks = accountant.get("/approvals/tasks").json()["items"]
    assert any(t["approval"]["document_title"].startswith("Счёт на оплату № 2291") for t in tasks)
    director = client(EMPLOYEES["director"][1], password)
    north = next(c for c in counterparties if c["name"].endswith("«Жилой квартал Северный»"))
    people = director.get(f"/counterparties/{north['id']}/contact-persons").json()["items"]
    assert len(people) == len(CONTACT_PERSONS["north"])

    assert load_demo_data(system.profile, system) == "demo data already loaded"
    assert [len(part) for part in demo_state(admin)] == [8, 25, 40, 9]
