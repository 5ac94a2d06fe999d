"""Role dashboards through the API: contracts expiring in 30/60/90 days, activity results by
manager, overdue approvals; a director sees the company or a department, a head their own
department, others are refused."""
from datetime import date, datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.system


def test_director_and_head_dashboards(admin, employee, unique, eventually):
    director, director_api = employee(f"Dina Director{unique}", roles=["director"])
    head, head_api = employee(f"Hugo Head{unique}", roles=["department_head"])
    manager, manager_api = employee(f"Mark Manager{unique}", roles=["manager"])
    department = admin.post("/departments/", json={"name": f"Projects {unique}", "head_id": head["id"]}).json()
    for person in (head, manager):
        assert admin.patch(f"/employees/{person['id']}", json={"department_id": department["id"]}).status_code == 200

    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    counterparty = admin.post("/counterparties/", json={"name": f"Expiry {unique}",
                                                        "responsible_employee_id": manager["id"]}).json()

    def signed_contract(title, days, department_id=None):
        made = admin.post("/documents/", json={
            "type_id": contract["id"], "title": title, "counterparty_id": counterparty["id"],
            "valid_from": date.today().isoformat(), "valid_to": (date.today() + timedelta(days=days)).isoformat(),
            "responsible_id": manager["id"], **({"department_id": department_id} if department_id else {})})
        assert made.status_code == 201, made.text
        assert admin.post(f"/documents/{made.json()['id']}/status", json={"status": "signed"}).status_code == 200
        return made.json()

    soon = signed_contract(f"Soon {unique}", 12, department["id"])
    assert admin.get(f"/documents/{soon['id']}").json()["department_id"] == department["id"]
    later = signed_contract(f"Later {unique}", 45, department["id"])
    far = signed_contract(f"Far {unique}", 200, department["id"])
    assert admin.post(f"/documents/{later['id']}/milestones", json={
        "title": "Foundation", "due_on": (date.today() - timedelta(days=4)).isoformat()}).status_code == 201
    assert admin.post(f"/documents/{later['id']}/payments", json={
        "kind": "planned", "on": (date.today() - timedelta(days=2)).isoformat(), "amount": "1500.50",
        "currency": "RUB"}).status_code == 201
    now = datetime.now(timezone.utc)
    for days, status in ((-2, "done"), (-1, None)):
        activity = manager_api.post("/activities/", json={
            "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Call {days}",
            "planned_at": (now + timedelta(days=days)).isoformat()}).json()
        if status:
            assert manager_api.post(f"/activities/{activity['id']}/completion", json={
                "status": "done", "result": "Agreed"}).status_code in (200, 201)

    board = director_api.get("/dashboard/")
    assert board.status_code == 200, board.text
    board = board.json()
    assert board["department_id"] is None and board["unavailable"] == []
    assert soon["id"] in [c["id"] for c in board["expiring_contracts"]["30"]]
    assert later["id"] in [c["id"] for c in board["expiring_contracts"]["60"]]
    assert far["id"] not in [c["id"] for items in board["expiring_contracts"].values() for c in items]
    [mine] = [row for row in board["activity_results"] if row["responsible_id"] == manager["id"]]
    assert (mine["total"], mine["done"], mine["overdue"]) == (2, 1, 1)
    assert board["employees"][manager["id"]] == f"Mark Manager{unique}"

    only_department = director_api.get("/dashboard/", params={"department_id": department["id"]}).json()
    assert only_department["department_id"] == department["id"], only_department
    assert only_department["unavailable"] == [], only_department["unavailable"]
    assert [c["id"] for c in only_department["expiring_contracts"]["30"]] == [soon["id"]]
    assert only_department["overdue_obligations"] == [{"responsible_id": manager["id"], "milestones": 1, "payments": 1,
                                                       "amounts": {"RUB": "1500.50"}, "most_days_overdue": 4}]

    # the head's identity learns their department within the gateway's few seconds of cache
    head_board = eventually(lambda: (r := head_api.get("/dashboard/")).status_code == 200
                            and r.json()["department_id"] == department["id"] and r.json())
    assert [c["id"] for c in head_board["expiring_contracts"]["30"]] == [soon["id"]]
    assert head_api.get("/dashboard/", params={"department_id": None}).json()["department_id"] == department["id"]

    assert manager_api.get("/dashboard/").status_code == 403
    assert director_api.get("/dashboard/", params={"since": now.isoformat(),
                                                   "until": (now - timedelta(days=1)).isoformat()}).status_code == 422
