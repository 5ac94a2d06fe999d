"""Audit completeness on the end-to-end path, and export then erasure of a contact
person's personal data across every service, databases and object storage included."""
from datetime import datetime, timedelta, timezone

import pytest
from minio import Minio
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chancery_common.database import normalise_url

pytestmark = pytest.mark.system

PDF = b"%PDF-1.4\naudit trail\n%%EOF\n"


def audit_of(api, record_type, record_id):
    page = api.get("/audit", params={"record_type": record_type, "record_id": record_id, "limit": 100})
    assert page.status_code == 200, page.text
    return list(reversed(page.json()["items"]))  # oldest first


def test_every_write_on_the_path_leaves_exactly_one_audit_entry(admin, employee, unique, eventually):
    approver, approver_api = employee("Audrey Auditor", roles=["lawyer"])
    counterparty = admin.post("/counterparties/", json={"name": f"Audit Ltd {unique}"}).json()
    admin.patch(f"/counterparties/{counterparty['id']}", json={"phone": "+7 495 000-00-00"})
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Audited {unique}",
                                               "counterparty_id": counterparty["id"], "amount": "10.00",
                                               "currency": "EUR"}).json()
    version = admin.post(f"/documents/{document['id']}/files", files={"file": ("a.pdf", PDF)}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [approver["id"]]}).json()
    task = eventually(lambda: approver_api.get("/approvals/tasks").json()["items"])[0]
    approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve", "comment": "ok"})
    eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "approved")

    rows = audit_of(admin, "counterparty", counterparty["id"])
    assert [r["action"] for r in rows] == ["created", "updated"]
    assert rows[0]["actor_id"] == admin.employee["id"]
    assert rows[0]["changes"]["name"] == {"from": None, "to": counterparty["name"]}
    assert rows[1]["changes"] == {"phone": {"from": None, "to": "+7 495 000-00-00"}}

    rows = audit_of(admin, "document", document["id"])
    actions = [r["action"] for r in rows]
    for action in ("created", "registered", "file_version_added"):
        assert actions.count(action) == 1, actions
    # approval.started (initiator and first approvers) and approval.task_assigned (the approver)
    # arrive on their own queues in either order: one entry or two, but each person added once
    participants = [(p["employee_id"], p["reason"]) for r in rows if r["action"] == "participants_added"
                    for p in r["changes"]["participants"]]
    assert sorted(participants) == sorted([(admin.employee["id"], "approval initiator"), (approver["id"], "approver")])
    assert [(r["changes"]["status"]["from"], r["changes"]["status"]["to"]) for r in rows
            if r["action"] == "status_changed"] == [("draft", "on_approval"), ("on_approval", "approved")]
    registered = next(r for r in rows if r["action"] == "registered")
    assert document["number"] in str(registered["changes"])
    added = next(r for r in rows if r["action"] == "file_version_added")
    assert version["sha256"] in str(added["changes"])

    rows = audit_of(admin, "approval", approval["id"])
    assert [r["action"] for r in rows] == ["started", "decision_recorded", "completed"]
    assert rows[1]["actor_id"] == approver["id"]
    assert "ok" in str(rows[1]["changes"])

    chains = admin.get("/audit/verify").json()
    assert all(result["intact"] for result in chains.values()), chains


def every_text_value(database_urls):
    """Yield (database, table, column, value) for every text and JSON value in every database."""
    for url in database_urls:
        engine = create_engine(normalise_url(url))
        with engine.connect() as connection:
            columns = connection.execute(text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')"
            )).all()
            for table, column in columns:
                for (value,) in connection.execute(text(f'SELECT "{column}"::text FROM "{table}"')):
                    if value:
                        yield make_url(url).database, table, column, value
        engine.dispose()


def test_export_then_erasure_leaves_no_trace(admin, system, unique, eventually):
    planted = {
        "full_name": f"Zinaida Plantova {unique}",
        "phone": f"+7 913 {unique[:3]}-{unique[3:6]}",
        "email": f"zinaida.{unique}@planted.example",
        "notes": f"Prefers calls after lunch {unique}",
    }
    counterparty = admin.post("/counterparties/", json={"name": f"Privacy LLC {unique}"}).json()
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": planted["full_name"], "phones": [planted["phone"]], "emails": [planted["email"]],
        "notes": planted["notes"], "birthday": "1977-03-08"}).json()
    admin.patch(f"/contact-persons/{person['id']}", json={"position": "Chief accountant"})
    consent = admin.post(f"/contact-persons/{person['id']}/consent", json={"given": True, "method": "signed form"})
    assert consent.status_code == 200 and consent.json()["consent_method"] == "signed form"
    admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "contact_person_id": person["id"], "kind": "call",
        "subject": "Reconciliation", "phone_or_place": planted["phone"],
        "planned_at": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()})

    job, exported = admin.run_job(f"/contact-persons/{person['id']}/export")
    assert job["state"] == "done" and exported.status_code == 200, job
    assert "attachment" in exported.headers["Content-Disposition"]
    body = exported.text
    for value in planted.values():
        assert value in body, value
    assert set(exported.json()["services"]) == {"counterparties", "documents", "approvals", "notifications"}

    def traces():
        return [(db, table, column) for db, table, column, value in every_text_value(system.database_urls.values())
                if any(planted_value in value for planted_value in planted.values())]

    before = traces()
    assert ("chancery_test" in before[0][0]) and {t for _, t, _ in before} >= {"contact_persons", "activities"}

    refused = admin.post(f"/contact-persons/{person['id']}/erasure", json={})
    assert refused.status_code == 422 and "reason" in refused.json()["errors"]["json"]
    erased = admin.post(f"/contact-persons/{person['id']}/erasure", json={"reason": "request of 28.11"})
    assert erased.status_code == 200, erased.text
    assert erased.json()["anonymised_at"]
    assert admin.post(f"/contact-persons/{person['id']}/erasure",
                      json={"reason": "again"}).status_code == 409

    # every service handled the erasure event (its audit says so), then nothing is left anywhere
    eventually(lambda: all(
        any(r["action"] == "erasure_processed" and r["service"] == service
            for r in admin.get("/audit", params={"action": "erasure_processed", "limit": 500}).json()["items"])
        for service in ("documents", "approvals", "notifications")), timeout=30)
    assert traces() == []

    storage = Minio(system.profile.s3_endpoint, access_key=system.profile.s3_access_key,
                    secret_key=system.profile.s3_secret_key, secure=False)
    for obj in storage.list_objects(system.profile.s3_bucket, recursive=True, include_user_meta=True):
        described = f"{obj.object_name} {obj.metadata or ''}"
        assert not any(value in described for value in planted.values())

    # the card and its links remain, anonymised
    card = admin.get(f"/contact-persons/{person['id']}").json()
    assert card["anonymised_at"] and card["full_name"] != planted["full_name"]
    assert admin.get(f"/counterparties/{counterparty['id']}/contact-persons").json()["items"][0]["id"] == person["id"]
    erasure_rows = audit_of(admin, "contact_person", person["id"])
    assert "anonymised" in [r["action"] for r in erasure_rows]
