"""Bad input anywhere on the path gets a clear error naming the problem, and leaves
nothing half-written."""
import json
import socket

import pytest

pytestmark = pytest.mark.system


@pytest.fixture
def counterparty(admin, unique):
    return admin.post("/counterparties/", json={"name": f"Bad Input Ltd {unique}"}).json()


@pytest.fixture
def document(admin, counterparty):
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
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
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
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


def assert_names_in(response, status, location, *fields):
    """``status`` with each field named in the message and under ``errors[location]``."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == status
    for field in fields:
        assert field in body["message"], body
        assert field in body["errors"][location], body


@pytest.mark.parametrize("text", ["a\u0000b", "a\ud800b", "\udfff"])
def test_nul_and_lone_surrogates_are_named_in_bodies_and_queries(admin, counterparty, text):
    assert_names(admin.post("/counterparties/", json={"name": text}), 422, "name")
    assert_names(admin.patch(f"/counterparties/{counterparty['id']}", json={"comment": text}), 422, "comment")
    # nested: the path down to the field is kept, as the schemas give it
    nested = admin.post("/approvals/", json={"document_id": counterparty["id"],
                                             "stages": [{"name": "ok"}, {"name": text}]})
    assert_names(nested, 422, "stages")
    assert list(nested.json()["errors"]["json"]["stages"]) == ["1"]
    assert list(nested.json()["errors"]["json"]["stages"]["1"]) == ["name"]
    # a field's name is named as JSON escapes it
    assert_names(admin.post("/counterparties/", json={"name": "X", text: "y"}), 422, json.dumps(text)[1:-1])
    # the signing-in form is checked before any service sees it
    assert_names(admin.http.post(f"{admin.base_url}/api/v1/auth/login",
                                 json={"email": text, "password": "x"}), 422, "email")


def test_nul_in_a_query_parameter_is_named(admin):
    for path in ("/counterparties/", "/documents/", "/employees/", "/search/"):
        params = {"q" if path == "/search/" else "search": "a\u0000b"}
        assert_names_in(admin.get(path, params=params), 422, "query", next(iter(params)))


def test_a_body_nested_too_deep_is_named_not_a_crash(admin):
    deep = '{"name": "X", "comment": ' + "[" * 20000 + "]" * 20000 + "}"
    response = admin.post("/counterparties/", data=deep, headers={"Content-Type": "application/json"})
    assert_names(response, 422, "comment")
    assert "Nested deeper" in response.json()["errors"]["json"]["comment"][0]
    top = admin.post("/counterparties/", data="[" * 20000 + "]" * 20000, headers={"Content-Type": "application/json"})
    assert top.status_code == 422, top.text
    # deep enough to be refused, shallow enough for Python to parse: refused all the same
    comment = []
    for _ in range(40):
        comment = [comment]
    assert_names(admin.post("/counterparties/", json={"name": "X", "comment": comment}), 422, "comment")


def test_a_body_that_is_not_json_is_400_and_of_another_type_415(admin):
    broken = admin.post("/counterparties/", data='{"name": "X"', headers={"Content-Type": "application/json"})
    assert broken.status_code == 400, broken.text
    assert "not valid JSON" in broken.json()["message"]
    not_utf8 = admin.post("/counterparties/", data=b'{"name": "\xff"}', headers={"Content-Type": "application/json"})
    assert not_utf8.status_code == 400, not_utf8.text
    plain = admin.post("/counterparties/duplicates", data='{"name": "Bad Input Ltd"}',
                       headers={"Content-Type": "text/plain"})
    assert plain.status_code == 415, plain.text
    assert "application/json" in plain.json()["message"]
    # the same body as JSON is answered
    assert admin.post("/counterparties/duplicates", json={"name": "Bad Input Ltd"}).status_code == 200


@pytest.fixture(scope="module")
def list_paths(admin):
    """Every list that pages: the GET operations of the OpenAPI document taking ``offset``."""
    document = admin.get("/openapi.json").json()
    found = [path[len("/api/v1"):] for path, item in document["paths"].items()
             if "{" not in path and any(p["name"] == "offset" for p in item.get("get", {}).get("parameters", []))]
    assert len(found) >= 10, found
    return found


@pytest.mark.parametrize("offset", ["9223372036854775808", "99999999999999999999999", "-1"])
def test_an_offset_out_of_range_is_named_on_every_list(admin, list_paths, offset):
    for path in list_paths:
        assert_names_in(admin.get(path, params={"offset": offset}), 422, "query", "offset")


def test_search_names_an_offset_it_does_not_take(admin):
    assert admin.get("/search/", params={"q": "bad input"}).status_code == 200
    assert_names_in(admin.get("/search/", params={"q": "bad input", "offset": "-1"}), 422, "query", "offset")


def test_the_csv_export_gives_its_charset_once(admin):
    job, exported = admin.run_job("/counterparties/export", json={"format": "csv", "search": "Bad Input"})
    assert job["state"] == "done" and exported.status_code == 200, exported.text
    assert exported.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_an_employee_in_an_unknown_department_or_time_zone_is_named(admin, unique):
    """Found by the schema-driven fuzzing (tests/fuzz/test_api_fuzz.py): both were a 502."""
    new = {"full_name": "Nadia Nowhere", "email": f"nadia.{unique}@test.chancery"}
    missing = "00000000-0000-0000-0000-000000000000"
    assert_names(admin.post("/employees/", json={**new, "department_id": missing}), 422, "department_id")
    assert_names(admin.post("/employees/", json={**new, "time_zone": "Mars/Olympus"}), 422, "time_zone")
    created = admin.post("/employees/", json=new)
    assert created.status_code == 201, created.text
    employee_id = created.json()["id"]
    assert_names(admin.patch(f"/employees/{employee_id}", json={"department_id": missing}), 422, "department_id")
    assert_names(admin.patch(f"/employees/{employee_id}", json={"time_zone": "\u00af\u00bd"}), 422, "time_zone")
    assert admin.get(f"/employees/{employee_id}").json()["department_id"] is None
