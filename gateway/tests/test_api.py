"""The HTTP API: sign-in and CSRF guards, early validation naming fields, error mapping,
and the OpenAPI document (services faked at ``rpc.call``)."""
import uuid

import pytest
from nameko.exceptions import RemoteError

from chancery_common.errors import Conflict, DeadlineExceeded, InvalidInput, NotFound, Unauthenticated, Unavailable
from chancery_gateway.rpc import ServiceUnavailable


@pytest.mark.parametrize("method, path", [
    ("get", "/api/v1/counterparties/"),
    ("post", "/api/v1/documents/"),
    ("get", "/api/v1/notifications/unread-count"),
    ("get", "/api/v1/auth/me"),
])
def test_without_a_session_the_api_answers_401(client, method, path):
    response = getattr(client, method)(path, json={})

    assert response.status_code == 401
    assert response.json["code"] == 401
    assert "sign in" in response.json["message"]


def test_an_unsafe_request_without_the_csrf_token_is_refused(client, sign_in, bus):
    sign_in(csrf=False)

    response = client.post("/api/v1/counterparties/", json={"name": "Romashka"})

    assert response.status_code == 403
    assert "CSRF" in response.json["message"]
    assert bus.requests == []


def test_an_unsafe_request_with_a_wrong_csrf_token_is_refused(client, sign_in, bus):
    sign_in()

    response = client.post("/api/v1/counterparties/", json={"name": "Romashka"},
                           headers={"X-CSRF-Token": "guessed"})

    assert response.status_code == 403
    assert bus.requests == []


def test_a_safe_request_needs_no_csrf_token(client, sign_in, bus):
    sign_in(csrf=False)
    bus.answers[("notifications", "unread_count")] = 3

    response = client.get("/api/v1/notifications/unread-count")

    assert (response.status_code, response.json) == (200, {"unread": 3})


def test_a_bad_body_is_422_naming_the_fields_before_any_service_is_called(client, sign_in, bus):
    token = sign_in()

    response = client.post("/api/v1/counterparties/", json={"kind": "martian", "nmae": "typo"},
                           headers={"X-CSRF-Token": token})

    assert response.status_code == 422
    assert response.json["message"] == "Invalid input: kind, name, nmae"
    assert set(response.json["errors"]["json"]) == {"kind", "name", "nmae"}
    assert bus.requests == []


def test_a_bad_query_is_422_naming_the_parameter(client, sign_in, bus):
    sign_in()

    response = client.get("/api/v1/counterparties/?limit=0")

    assert response.status_code == 422
    assert response.json["message"] == "Invalid input: limit"
    assert bus.requests == []


def test_a_valid_request_reaches_the_service_with_the_actor(client, sign_in, bus, employee):
    token = sign_in()
    responsible = uuid.uuid4()
    bus.answers[("counterparties", "create_counterparty")] = lambda actor, data: {
        "id": str(uuid.uuid4()), **data}

    response = client.post("/api/v1/counterparties/", headers={"X-CSRF-Token": token},
                           json={"name": "Romashka", "responsible_employee_id": str(responsible)})

    assert response.status_code == 201
    [(service, method, (actor, data))] = bus.requests
    assert {key: actor[key] for key in ("id", "roles", "department_id", "full_name")} == {
        "id": employee["id"], "roles": ["manager"], "department_id": None, "full_name": "Anna Ivanova"}
    assert data == {"name": "Romashka", "responsible_employee_id": str(responsible)}


@pytest.mark.parametrize("raised, code", [
    (NotFound("counterparty not found"), 404),
    (Conflict("already on approval"), 409),
    (ServiceUnavailable.of("counterparties", "no instance is running"), 503),
    (Unavailable("the counterparties service cannot reach its database; try again shortly",
                 {"service": "counterparties", "dependency": "database"}), 503),
    (DeadlineExceeded("the caller's deadline had passed when the request arrived"), 503),
    (RemoteError("KeyError", "boom"), 502),
])
def test_a_service_error_becomes_its_http_answer(client, sign_in, bus, raised, code):
    sign_in()
    bus.answers[("counterparties", "get_counterparty")] = raised

    response = client.get(f"/api/v1/counterparties/{uuid.uuid4()}")

    assert response.status_code == code
    assert response.json["code"] == code
    # what is down is worth asking again, after a while; a failure a retry will not mend is not
    assert response.headers.get("Retry-After") == ("5" if code == 503 else None)


def test_a_page_that_meets_an_outage_answers_503_with_retry_after(client, sign_in, bus):
    sign_in()
    bus.answers[("counterparties", "get_history")] = Unavailable("the database is down")

    response = client.get(f"/counterparties/{uuid.uuid4()}/history", headers={"Accept": "text/html"})

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"


def test_a_service_refusing_input_answers_422_with_its_fields(client, sign_in, bus):
    token = sign_in()
    bus.answers[("documents", "change_status")] = InvalidInput(
        "Invalid input: status", {"status": ["Must be one of: draft."]})

    response = client.post(f"/api/v1/documents/{uuid.uuid4()}/status", json={"status": "bogus"},
                           headers={"X-CSRF-Token": token})

    assert response.status_code == 422
    assert response.json["errors"] == {"json": {"status": ["Must be one of: draft."]}}


def test_wrong_credentials_are_401(client, bus):
    bus.answers[("staff", "sign_in")] = Unauthenticated("wrong e-mail or password")

    response = client.post("/api/v1/auth/login", json={"email": "a@b.c", "password": "nope"})

    assert (response.status_code, response.json["message"]) == (401, "wrong e-mail or password")


def test_signing_in_returns_a_csrf_token_that_unsafe_requests_then_carry(client, bus, employee, identity):
    bus.answers[("staff", "sign_in")] = {**identity, "session_token": uuid.uuid4().hex}
    bus.answers[("staff", "resolve_session")] = identity
    bus.answers[("notifications", "mark_all_read")] = {"marked": 2}

    token = client.post("/api/v1/auth/login", json={"email": employee["email"], "password": "x"}).json[
        "csrf_token"]

    assert client.post("/api/v1/notifications/read-all").status_code == 403
    response = client.post("/api/v1/notifications/read-all", headers={"X-CSRF-Token": token})
    assert (response.status_code, response.json) == (200, {"marked": 2})


def test_the_openapi_document_lists_every_resource(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    spec = response.json
    resources = ["counterparties", "documents", "document-types", "journals", "approvals",
                 "notifications", "employees"]
    assert set(resources) <= {tag["name"] for tag in spec["tags"]}
    for resource in resources:
        assert f"/api/v1/{resource}/" in spec["paths"], resource
    assert "post" in spec["paths"]["/api/v1/counterparties/"]
