"""When a service is down: clear 503s within the RPC timeout, a partial unified view, and
no event lost (they wait in RabbitMQ until the service is back)."""
import time

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def notifications_down(system):
    system.stop_process("notifications")
    yield
    system.start_process("notifications")


def test_a_stopped_service_gives_503_a_partial_view_and_loses_no_event(
        admin, employee, unique, system, notifications_down, eventually):
    timeout = float(system.profile.extra_env["RPC_TIMEOUT"])
    approver, approver_api = employee("Dora Downtime")
    counterparty = admin.post("/counterparties/", json={"name": f"Downtime LLC {unique}"}).json()
    contract = next(t for t in admin.get("/document-types/").json() if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": "During downtime",
                                               "counterparty_id": counterparty["id"]}).json()

    started = time.monotonic()
    inbox = approver_api.get("/notifications/")
    assert inbox.status_code == 503
    assert "notifications" in inbox.json()["message"]
    assert time.monotonic() - started < timeout + 2

    started = time.monotonic()
    view = admin.get(f"/counterparties/{counterparty['id']}/overview")
    elapsed = time.monotonic() - started
    assert view.status_code == 200
    view = view.json()
    assert [part["part"] for part in view["unavailable"]] == ["notifications"]
    assert view["notifications"] is None
    assert view["counterparty"]["id"] == counterparty["id"]
    assert [d["id"] for d in view["documents"]["items"]] == [document["id"]]
    assert elapsed < timeout + 2  # the parts are asked in parallel, not one after another

    # work goes on; the notification for it waits in the queue
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]})
    assert approval.status_code == 201

    system.start_process("notifications")
    items = eventually(lambda: approver_api.get("/notifications/").json().get("items"), timeout=30)
    assert [n["subject_id"] for n in items] == [approval.json()["id"]]
