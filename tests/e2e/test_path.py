"""The one real path through every service, through the gateway's HTTP API (issue: foundation).

Sign in; create a counterparty; register a document for it and upload its electronic copy
(stored in the S3 server, checksum recorded); start an approval with one approver; the
approver finds the notification in their inbox; they approve; the document becomes
approved by event; the unified view shows all of it.
"""
import hashlib

import pytest

pytestmark = pytest.mark.system

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 64


def contract_type(api):
    types = api.get("/document-types/").json()["items"]
    return next(t for t in types if t["code"] == "contract")


def test_the_whole_path(admin, employee, unique, eventually):
    approver, approver_api = employee("Anna Approver", roles=["lawyer"])

    counterparty = admin.post("/counterparties/", json={
        "name": f"Romashka LLC {unique}", "tax_id": "7707083893", "phone": "+7 495 123-45-67",
        "allow_duplicate": True})  # other tests use this INN too
    assert counterparty.status_code == 201, counterparty.text
    counterparty = counterparty.json()

    document = admin.post("/documents/", json={
        "type_id": contract_type(admin)["id"], "title": f"Supply contract {unique}",
        "counterparty_id": counterparty["id"], "amount": "1500000.00", "currency": "RUB"})
    assert document.status_code == 201, document.text
    document = document.json()
    assert document["status"] == "draft"
    assert document["number"].startswith("CTR-")

    uploaded = admin.post(f"/documents/{document['id']}/files",
                          files={"file": ("contract.pdf", PDF, "application/octet-stream")})
    assert uploaded.status_code == 201, uploaded.text
    version = uploaded.json()
    assert version["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert version["size"] == len(PDF)
    assert version["content_type"] == "application/pdf"  # from the content, not the upload's claim

    stored = admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/content")
    assert stored.status_code == 200
    assert stored.content == PDF
    assert stored.headers["Content-Type"] == "application/pdf"

    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]})
    assert approval.status_code == 201, approval.text
    approval = approval.json()
    assert approval["status"] == "in_progress"

    inbox = eventually(lambda: approver_api.get("/notifications/").json()["items"])
    assert inbox[0]["kind"] == "approval.task_assigned"
    assert document["number"] in inbox[0]["title"]
    assert inbox[0]["link"] == f"/approvals/{approval['id']}"
    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "on_approval")

    tasks = approver_api.get("/approvals/tasks").json()["items"]
    task = next(t for t in tasks if t["approval_id"] == approval["id"])
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision",
                                json={"decision": "approve", "comment": "Terms are fine"})
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "approved"

    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "approved")

    view = admin.get(f"/counterparties/{counterparty['id']}/overview")
    assert view.status_code == 200
    view = view.json()
    assert view["unavailable"] == []
    assert view["counterparty"]["name"] == counterparty["name"]
    [shown] = view["documents"]["items"]
    assert (shown["id"], shown["status"], shown["file_count"]) == (document["id"], "approved", 1)
    [finished] = view["approvals"]["items"]
    assert (finished["id"], finished["status"]) == (approval["id"], "approved")
    assert finished["stages"][0]["tasks"][0]["decision"] == "approve"
    # each viewer sees their own notifications about the counterparty
    assert [n["kind"] for n in view["notifications"]["items"]] == ["approval.finished"]
    approvers_view = approver_api.get(f"/counterparties/{counterparty['id']}/overview").json()
    assert [n["kind"] for n in approvers_view["notifications"]["items"]] == ["approval.task_assigned"]
    assert view["employees"][approver["id"]] == "Anna Approver"
    history = [entry["kind"] for entry in eventually(
        lambda: [e for e in admin.get(f"/counterparties/{counterparty['id']}/history").json()["items"]
                 if e["kind"] == "approval.finished"] and
        admin.get(f"/counterparties/{counterparty['id']}/history").json()["items"])]
    assert {"counterparty.created", "document.registered", "approval.started",
            "approval.finished"} <= set(history)
