"""Bad input anywhere on the path gets a clear error naming the problem, and leaves
nothing half-written."""
import socket

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def counterparty(admin, unique):
    return admin.post("/counterparties/", json={"name": f"Bad Input Ltd {unique}"}).json()


@pytest.fixture
def document(admin, counterparty):
    contract = next(t for t in admin.get("/document-types/").json() if t["code"] == "contract")
    response = admin.post("/documents/", json={
        "type_id": contract["id"], "title": "Contract under test", "counterparty_id": counterparty["id"]})
    assert response.status_code == 201
    return response.json()


def assert_names(response, status, *fields):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == status
    for field in fields:
        assert field in body["message"], body
        assert field in body["errors"]["json"], body


def test_missing_and_wrongly_typed_fields_are_named(admin):
    assert_names(admin.post("/counterparties/", json={"phone": 5}), 422, "name", "phone")
    assert_names(admin.post("/counterparties/", json={"name": "X", "email": "not-an-email"}), 422, "email")
    assert_names(admin.post("/counterparties/", json={"name": "X", "colour": "red"}), 422, "colour")


def test_service_side_validation_is_named_too(admin, counterparty):
    unknown_type = admin.post("/documents/", json={
        "type_id": "00000000-0000-0000-0000-000000000000", "title": "T",
        "counterparty_id": counterparty["id"]})
    assert_names(unknown_type, 422, "type_id")
    contract = next(t for t in admin.get("/document-types/").json() if t["code"] == "contract")
    no_currency = admin.post("/documents/", json={"type_id": contract["id"], "title": "T", "amount": "10"})
    assert_names(no_currency, 422, "currency")
    blank = admin.post("/counterparties/", json={"name": "   "})
    assert_names(blank, 422, "name")


def test_unknown_ids_are_404(admin):
    missing = "00000000-0000-0000-0000-000000000000"
    for path in (f"/counterparties/{missing}", f"/documents/{missing}", f"/approvals/{missing}",
                 f"/counterparties/{missing}/overview", "/documents/not-a-uuid"):
        response = admin.get(path)
        assert response.status_code == 404, (path, response.text)
        assert response.json()["code"] == 404


def test_empty_file_is_refused_and_nothing_is_stored(admin, document):
    response = admin.post(f"/documents/{document['id']}/files", files={"file": ("empty.pdf", b"")})
    assert_names(response, 422, "file")
    assert "empty" in response.json()["errors"]["json"]["file"][0]
    assert admin.get(f"/documents/{document['id']}").json()["files"] == []


def test_file_over_the_limit_is_refused_and_nothing_is_stored(admin, document, system):
    limit = system.profile.max_upload_bytes
    response = admin.post(f"/documents/{document['id']}/files",
                          files={"file": ("big.bin", b"x" * (limit + 1))})
    assert_names(response, 422, "file")
    assert str(limit) in response.json()["errors"]["json"]["file"][0]
    assert admin.get(f"/documents/{document['id']}").json()["files"] == []


def read_response(sock):
    """One HTTP response (after any 100 Continue), headers and body, read to its length."""
    data = b""
    while True:
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 100"):
            break
        data = body
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        body += sock.recv(65536)
    return (head + b"\r\n\r\n" + body).decode("latin-1")


def raw_post(system, api, path, *, content_type, length, body=b"", hang_up=False):
    """POST as the signed-in ``api`` client over a bare socket: declare ``length``, send ``body``
    (perhaps less), optionally stop sending; the answer as text."""
    host, port = system.profile.gateway_host, system.profile.gateway_port
    cookie = "; ".join(f"{c.name}={c.value}" for c in api.http.cookies)
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall((
            f"POST /api/v1{path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\nX-CSRF-Token: {api.csrf}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
        ).encode() + body)
        if hang_up:
            sock.shutdown(socket.SHUT_WR)
        return read_response(sock)


def test_a_body_declared_far_over_the_limit_is_refused_before_it_is_read(admin, document, system):
    """413 comes back on the headers alone: the gateway does not read (or store) the body."""
    too_long = system.profile.max_upload_bytes + 2 * 1024 * 1024
    answer = raw_post(system, admin, f"/documents/{document['id']}/files",
                      content_type="multipart/form-data; boundary=b", length=too_long)
    assert answer.startswith("HTTP/1.1 413"), answer
    assert '"code":413' in answer.replace(" ", "")
    assert admin.get(f"/documents/{document['id']}").json()["files"] == []


def test_missing_file_field_is_named(admin, document):
    assert_names(admin.post(f"/documents/{document['id']}/files", data={"other": "x"}), 422, "file")


def test_forbidden_status_step_is_a_conflict(admin, document):
    response = admin.post(f"/documents/{document['id']}/status", json={"status": "completed"})
    assert response.status_code == 409
    assert "draft" in response.json()["message"]
    assert admin.get(f"/documents/{document['id']}").json()["status"] == "draft"


def test_approval_input_errors(admin, employee, document, eventually):
    assert_names(admin.post("/approvals/", json={"document_id": document["id"]}), 422, "stages")
    assert_names(admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": []}),
                 422, "approver_ids")
    missing = admin.post("/approvals/", json={"document_id": "00000000-0000-0000-0000-000000000000",
                                              "approver_ids": [admin.employee["id"]]})
    assert missing.status_code == 404

    approver, approver_api = employee("Rita Rejecter")
    started = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    assert started.status_code == 201
    again = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    assert again.status_code == 409

    task = eventually(lambda: approver_api.get("/approvals/tasks").json()["items"])[0]
    no_comment = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "reject"})
    assert_names(no_comment, 422, "comment")
    assert admin.get(f"/approvals/{started.json()['id']}").json()["status"] == "in_progress"

    not_mine = admin.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert not_mine.status_code == 404

    rejected = approver_api.post(f"/approvals/tasks/{task['id']}/decision",
                                 json={"decision": "reject", "comment": "Wrong bank details"})
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    twice = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert twice.status_code == 409
    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "rejected")


def test_sign_in_and_csrf(client, admin_credentials):
    anonymous = client()
    assert anonymous.get("/counterparties/").status_code == 401
    wrong = anonymous.http.post(f"{anonymous.base_url}/api/v1/auth/login",
                                json={"email": admin_credentials[0], "password": "wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["message"] == "wrong e-mail or password"
    signed_in = client(*admin_credentials)
    no_token = signed_in.post("/counterparties/", json={"name": "No token"}, headers={"X-CSRF-Token": ""})
    assert no_token.status_code == 403
    assert "CSRF" in no_token.json()["message"]
