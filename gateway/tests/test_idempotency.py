"""The Idempotency-Key's parts that need no database: settings, the key's form, the
request's fingerprint, the OpenAPI description, and the answer while the store is down (the
store itself: tests/e2e/test_idempotency.py)."""
import pytest
from werkzeug.exceptions import BadRequest

from chancery_common.config import ConfigurationError
from chancery_gateway import idempotency
from chancery_gateway.settings import Settings


def test_production_refuses_to_start_without_the_key_store(monkeypatch):
    monkeypatch.setenv("CHANCERY_ENV", "production")
    monkeypatch.setenv("CHANCERY_SECRET_KEY", "a-real-secret-for-this-test-only")
    monkeypatch.delenv("GATEWAY_DATABASE_URL", raising=False)
    with pytest.raises(ConfigurationError, match="GATEWAY_DATABASE_URL"):
        Settings.from_env()
    monkeypatch.setenv("GATEWAY_DATABASE_URL", "postgresql://chancery@db/chancery_gateway")
    assert Settings.from_env().database_url.endswith("/chancery_gateway")


@pytest.mark.parametrize("sent, key", [("abc-123", "abc-123"), ('"8e03978e-40d5"', "8e03978e-40d5"),
                                       (" padded ", "padded")])
def test_keys_are_read_from_the_header_in_either_form(app, sent, key):
    with app.test_request_context("/api/v1/counterparties/", method="POST", headers={"Idempotency-Key": sent}):
        assert idempotency.requested_key() == key


@pytest.mark.parametrize("sent", ["", '""', "with space", "x" * 256, "tab\there"])
def test_a_malformed_key_is_400_naming_the_header(app, sent):
    with app.test_request_context("/api/v1/counterparties/", method="POST", headers={"Idempotency-Key": sent}):
        with pytest.raises(BadRequest, match="Idempotency-Key"):
            idempotency.requested_key()


def test_a_pages_form_carries_its_key_in_a_field_and_its_csrf_token_does_not_count(app):
    form = {"name": "Romashka", "idempotency_key": "k1", "csrf_token": "one"}
    with app.test_request_context("/counterparties/new", method="POST", data=form):
        assert idempotency.requested_key() == "k1"
        first = idempotency.fingerprint()
    with app.test_request_context("/counterparties/new", method="POST", data={**form, "csrf_token": "two"}):
        assert idempotency.fingerprint() == first
    with app.test_request_context("/counterparties/new", method="POST", data={**form, "name": "Lyutik"}):
        assert idempotency.fingerprint() != first
    # htmx sends the header; a field in an htmx request's body is not the key
    with app.test_request_context("/counterparties/new", method="POST", data=form, headers={"HX-Request": "true"}):
        assert idempotency.requested_key() is None


def test_an_api_body_counts_in_the_fingerprint_and_the_path_too(app):
    def of(path, body):
        with app.test_request_context(path, method="POST", json=body):
            return idempotency.fingerprint()
    assert of("/api/v1/counterparties/", {"name": "A"}) == of("/api/v1/counterparties/", {"name": "A"})
    assert of("/api/v1/counterparties/", {"name": "A"}) != of("/api/v1/counterparties/", {"name": "B"})
    assert of("/api/v1/counterparties/", {"name": "A"}) != of("/api/v1/activities/", {"name": "A"})


def test_the_openapi_names_the_header_on_unsafe_operations_only(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    reference = {"$ref": "#/components/parameters/IdempotencyKey"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":  # the path's own, not an operation
                continue
            carries = reference in operation.get("parameters", [])
            exempt = path in ("/api/v1/auth/login", "/api/v1/auth/logout")
            assert carries == (method in ("post", "put", "patch", "delete") and not exempt), (method, path)
            if carries:
                assert {"409", "422"} <= set(operation["responses"]), (method, path)


@pytest.mark.parametrize("sweep_due", [True, False], ids=["sweep-due", "sweep-not-due"])
def test_the_key_store_down_is_a_503_with_retry_after_and_the_request_not_run(
        client, sign_in, bus, monkeypatch, sweep_due):
    # a PostgreSQL that refuses connections (nothing listens on port 1): what a restart looks like
    store = idempotency.Store("postgresql://chancery@127.0.0.1:1/chancery_gateway", ttl_seconds=60,
                              sweep_seconds=60)
    store.next_sweep = 0.0 if sweep_due else float("inf")
    monkeypatch.setitem(idempotency._config, "store", store)
    token = sign_in()
    try:
        response = client.post("/api/v1/counterparties/", json={"name": "Romashka"},
                               headers={"X-CSRF-Token": token, "Idempotency-Key": "k-down"})
    finally:
        store.engine.dispose()

    assert response.status_code == 503, response.json
    assert response.headers["Retry-After"].isdigit()
    assert "Idempotency-Key" in response.json["message"]
    assert bus.requests == []  # the creation was not sent: nothing could record its outcome
