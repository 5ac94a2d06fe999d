"""Smaller openings: the services' health is for administrators only, and an upload whose
name contradicts its contents, or of a kind its document's type does not take, is refused."""
import io
import zipfile

import pytest
import requests

from chancery_common import topology

pytestmark = pytest.mark.system

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + b"\x80\x00\x00\x00" + \
      b"\x00" * 64 + b"PE\x00\x00" + bytes(range(256)) * 4


def test_only_liveness_answers_anyone(base_url, admin, employee):
    assert requests.get(f"{base_url}/api/v1/health/ping", timeout=10).json() == {"status": "ok"}
    for path in ("/api/v1/health/services", "/api/v1/health/rpc"):
        assert requests.get(f"{base_url}{path}", timeout=10).status_code == 401, path
    _, manager = employee("Mila Manager", roles=["manager"])
    assert manager.get("/health/services").status_code == 403
    assert manager.get("/health/rpc").status_code == 403

    services = admin.get("/health/services")
    assert services.status_code == 200 and services.json()["staff"] == "ok"
    assert {name: services.json().get(name) for name in topology.SERVICES} == {name: "ok" for name in topology.SERVICES}
    assert admin.get("/health/rpc").json() == {"status": "pong"}


def test_an_administrator_s_api_token_sees_the_health(base_url, admin):
    created = admin.post("/api-tokens/", json={"name": "monitoring", "employee_id": admin.employee["id"],
                                               "scopes": ["read"]})
    assert created.status_code == 201, created.text
    answer = requests.get(f"{base_url}/api/v1/health/services", timeout=10,
                          headers={"Authorization": f"Bearer {created.json()['token']}"})
    assert answer.status_code == 200, answer.text


def test_a_program_named_pdf_is_refused_naming_the_file(admin, unique):
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Invoice {unique}"}).json()

    refused = admin.post(f"/documents/{document['id']}/files", files={"file": ("invoice.pdf", EXE)})

    assert refused.status_code == 422, refused.text
    reason = refused.json()["errors"]["json"]["file"][0]
    assert "invoice.pdf" in reason and "application/x-msdownload" in reason
    assert admin.get(f"/documents/{document['id']}").json()["files"] == []


def test_each_document_type_names_the_files_it_accepts(admin, unique):
    made = admin.post("/document-types/", json={"code": f"scans_{unique}", "name": f"Scans {unique}",
                                                "kind": "internal"})
    assert made.status_code == 201, made.text
    assert made.json()["accepted_file_kinds"] == ["pdf", "images", "office", "text", "email"]
    document = admin.post("/documents/", json={"type_id": made.json()["id"], "title": f"Scans {unique}"}).json()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("scan-1.txt", "page one")
    bundle = buffer.getvalue()

    refused = admin.post(f"/documents/{document['id']}/files", files={"file": ("bundle.zip", bundle)})
    assert refused.status_code == 422 and "archives" in refused.json()["errors"]["json"]["file"][0]

    bad = admin.patch(f"/document-types/{made.json()['id']}", json={"accepted_file_kinds": ["pdf", "binaries"]})
    assert bad.status_code == 422 and "accepted_file_kinds" in bad.json()["errors"]["json"]
    changed = admin.patch(f"/document-types/{made.json()['id']}", json={"accepted_file_kinds": ["pdf", "archives"]})
    assert changed.status_code == 200 and changed.json()["accepted_file_kinds"] == ["pdf", "archives"]
    stored = admin.post(f"/documents/{document['id']}/files", files={"file": ("bundle.zip", bundle)})
    assert stored.status_code == 201, stored.text
