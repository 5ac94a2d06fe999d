"""An electronic copy sent as the request body itself (application/octet-stream), streamed
through the gateway to object storage as it arrives."""
import hashlib
import time

import pytest

from .test_bad_input import assert_names, raw_post

pytestmark = pytest.mark.system

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 512
RAW = {"Content-Type": "application/octet-stream"}


@pytest.fixture
def document(admin, unique):
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    response = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Body upload {unique}",
                                               "register": False})
    assert response.status_code == 201, response.text
    return response.json()


def files_of(admin, document):
    return admin.get(f"/documents/{document['id']}").json()["files"]


def test_a_body_upload_is_stored_hashed_typed_and_versioned(admin, document):
    uploaded = admin.post(f"/documents/{document['id']}/files", params={"filename": "Акт сверки.pdf"},
                          data=PDF, headers=RAW)
    assert uploaded.status_code == 201, uploaded.text
    version = uploaded.json()
    assert version["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert version["size"] == len(PDF)
    assert version["content_type"] == "application/pdf"  # sniffed, not the octet-stream claim
    stored = admin.get(f"/documents/{document['id']}/files/versions/{version['id']}/content")
    assert stored.status_code == 200 and stored.content == PDF
    assert "Акт сверки.pdf" in [f["name"] for f in files_of(admin, document)]

    second = PDF.replace(b"%%EOF", b"%%EOF\n% v2")
    again = admin.post(f"/documents/{document['id']}/files", data=second, headers=RAW,
                       params={"filename": "Акт сверки.pdf", "file_id": version["file_id"]})
    assert again.status_code == 201, again.text
    assert again.json()["version"] == 2
    assert again.json()["sha256"] == hashlib.sha256(second).hexdigest()
    [stored_file] = files_of(admin, document)
    assert {v["version"]: v["sha256"] for v in stored_file["versions"]} == {
        1: hashlib.sha256(PDF).hexdigest(), 2: hashlib.sha256(second).hexdigest()}


def test_a_body_upload_without_a_name_or_over_the_limit_is_refused(admin, document, system):
    assert_names(admin.post(f"/documents/{document['id']}/files", data=PDF, headers=RAW), 422, "filename")
    limit = system.profile.max_upload_bytes
    too_big = admin.post(f"/documents/{document['id']}/files", params={"filename": "big.bin"},
                         data=b"x" * (limit + 1), headers=RAW)
    assert_names(too_big, 422, "body")
    assert str(limit) in too_big.json()["errors"]["json"]["body"][0]
    empty = admin.post(f"/documents/{document['id']}/files", params={"filename": "e.bin"}, data=b"", headers=RAW)
    assert_names(empty, 422, "body")
    assert files_of(admin, document) == []


def test_a_client_that_hangs_up_mid_body_leaves_no_file(admin, document, system):
    # a third of the body, then the rest never comes
    answer = raw_post(system, admin, f"/documents/{document['id']}/files?filename=cut.pdf",
                      content_type="application/octet-stream", length=len(PDF), body=PDF[:len(PDF) // 3],
                      hang_up=True)
    assert answer.startswith("HTTP/1.1 4"), answer
    # whatever the gateway did with the third it received, no file is attached, now or later
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        assert files_of(admin, document) == []
        time.sleep(0.2)
