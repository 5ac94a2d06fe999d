"""One table from what went wrong in a service to the HTTP answer."""
import pytest
from nameko.exceptions import RemoteError

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Unauthenticated
from chancery_gateway.errors import describe
from chancery_gateway.rpc import ServiceUnavailable


@pytest.mark.parametrize("exc, code", [
    (NotFound("counterparty 1 not found"), 404),
    (Conflict("already on approval"), 409),
    (PermissionDenied("only the initiator"), 403),
    (Unauthenticated("wrong e-mail or password"), 401),
    (ServiceUnavailable.of("documents", "no answer within 10 s"), 503),
])
def test_a_described_error_keeps_its_message(exc, code):
    assert describe(exc) == (code, str(exc), None)


def test_invalid_input_is_422_with_its_fields_under_json():
    exc = InvalidInput("Invalid input: name, tax_id", {"name": ["Missing data."], "tax_id": ["Bad."]})

    assert describe(exc) == (422, "Invalid input: name, tax_id",
                             {"json": {"name": ["Missing data."], "tax_id": ["Bad."]}})


def test_an_undescribed_remote_failure_is_502_without_its_details():
    exc = RemoteError("KeyError", "'secret internal detail'")

    assert describe(exc) == (502, "a service failed: KeyError", None)


def test_a_service_unavailable_message_names_the_service():
    code, message, _ = describe(ServiceUnavailable.of("documents", "no instance is running"))

    assert (code, message) == (503, "the documents service is unavailable: no instance is running")


def test_an_error_of_the_gateway_itself_is_not_described():
    assert describe(ValueError("a bug")) is None


PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance", "code", "message", "request_id"}


def test_a_service_error_is_answered_as_problem_details(client, sign_in, bus):
    sign_in()
    counterparty_id = "5b0e7a3c-58f4-4c6a-9d7e-0a3f0d1c2b11"
    bus.answers[("counterparties", "get_counterparty")] = NotFound(f"counterparty {counterparty_id} not found")

    answer = client.get(f"/api/v1/counterparties/{counterparty_id}", headers={"X-Request-ID": "problem-404"})

    assert answer.status_code == 404 and answer.mimetype == "application/problem+json"
    problem = answer.json
    assert set(problem) == PROBLEM_MEMBERS
    assert problem["type"] == "http://localhost/api/v1/problems/not-found"
    assert (problem["title"], problem["status"], problem["code"]) == ("Not found", 404, 404)
    assert problem["detail"] == problem["message"] == f"counterparty {counterparty_id} not found"
    assert problem["instance"] == f"/api/v1/counterparties/{counterparty_id}"
    assert problem["request_id"] == "problem-404"


def test_invalid_input_keeps_its_fields_as_an_extension_member(client, sign_in, bus):
    csrf = sign_in()
    bus.answers[("counterparties", "create_counterparty")] = InvalidInput(
        "Invalid input: tax_id", {"tax_id": ["Not a valid INN."]})

    answer = client.post("/api/v1/counterparties/", json={"name": "Romashka", "tax_id": "1"},
                         headers={"X-CSRF-Token": csrf})

    assert answer.status_code == 422 and answer.mimetype == "application/problem+json"
    assert answer.json["type"].endswith("/api/v1/problems/invalid-input")
    assert answer.json["errors"] == {"json": {"tax_id": ["Not a valid INN."]}}


def test_every_kind_of_problem_is_described_at_its_type(client):
    kinds = client.get("/api/v1/problems/")
    assert kinds.status_code == 200 and len(kinds.json["items"]) >= 10
    for kind in kinds.json["items"]:
        path = kind["type"].removeprefix("http://localhost")
        described = client.get(path)
        assert described.status_code == 200, path
        assert described.json == kind
    unknown = client.get("/api/v1/problems/no-such-kind")
    assert unknown.status_code == 404 and unknown.json["detail"] == "no kind of problem is called 'no-such-kind'"


def test_a_wrong_method_is_a_problem_with_its_allow_header(client):
    answer = client.delete("/api/v1/health/ping")

    assert answer.status_code == 405 and answer.mimetype == "application/problem+json"
    assert answer.json["type"].endswith("/method-not-allowed") and "GET" in answer.headers["Allow"]
