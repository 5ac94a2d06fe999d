"""Every list answers one envelope ``{items, total, next}`` with the next page's address in the
body and the ``Link`` header; every path has one spelling, the other redirected (docs/api.md)."""
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest


@pytest.fixture(scope="module")
def spec(app):
    return app.test_client().get("/api/v1/openapi.json").json


def _schema(spec, reference):
    return spec["components"]["schemas"][reference["$ref"].rsplit("/", 1)[1]] if "$ref" in reference else reference


def _answer_200(operation):
    return operation["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema")


def test_no_operation_answers_a_bare_array_and_every_list_has_the_envelope(spec):
    lists = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            answer = _answer_200(operation) if isinstance(operation, dict) and "responses" in operation else None
            if answer is None:
                continue
            schema = _schema(spec, answer)
            assert schema.get("type") != "array", f"{method.upper()} {path} answers a bare array"
            if method == "get" and "items" in schema.get("properties", {}) and path.rsplit("/", 1)[1] != "completeness":
                lists.append(path)
                assert {"items", "next"} <= set(schema["properties"]), f"GET {path}: no `next` in its envelope"
    assert len(lists) >= 35
    for bare_before in ("/api/v1/legal-entities/", "/api/v1/departments/", "/api/v1/journals/",
                        "/api/v1/document-types/"):
        assert bare_before in lists


def test_collections_end_in_a_slash_and_nothing_else_does(spec):
    """A collection: a top-level resource (/api/v1/<name>/, /api/v1/admin/<name>/) or a list one adds to."""
    for path, operations in spec["paths"].items():
        listed = "get" in operations and _answer_200(operations["get"]) is not None and "items" in _schema(
            spec, _answer_200(operations["get"])).get("properties", {})
        segments = [part for part in path.removeprefix("/api/v1/").removeprefix("admin/").split("/") if part]
        collection = len(segments) == 1 or (listed and "post" in operations)
        assert path.endswith("/") == collection, f"{path}: {'a collection' if collection else 'not a collection'}"


@pytest.mark.parametrize(("method", "record"), [("GET", "/api/v1/health/ping"), ("POST", "/api/v1/auth/login")])
def test_the_other_spelling_of_a_path_is_redirected_with_308(client, method, record):
    to_collection = client.open("/api/v1/counterparties?search=x", method=method)
    assert to_collection.status_code == 308
    assert urlsplit(to_collection.headers["Location"])[2:4] == ("/api/v1/counterparties/", "search=x")
    to_record = client.open(f"{record}/", method=method)
    assert (to_record.status_code, to_record.headers.get("Location")) == (308, record)
    assert client.open("/api/v1/no-such-thing/", method=method).status_code == 404


def test_a_bare_list_of_a_service_is_answered_in_the_envelope(client, sign_in, bus):
    sign_in()
    department = {"id": str(uuid.uuid4()), "name": "Legal", "version": 1}
    bus.answers[("staff", "list_departments")] = [department]

    response = client.get("/api/v1/departments/")

    assert response.status_code == 200
    assert response.json == {"items": [department], "total": 1, "next": None}
    assert "Link" not in response.headers


def test_an_offset_page_links_the_next_one_until_the_last(client, sign_in, bus):
    sign_in()
    employees = [{"id": str(uuid.uuid4()), "full_name": f"E{n}"} for n in range(5)]
    bus.answers[("staff", "list_employees")] = lambda query: {
        "items": employees[query["offset"]:query["offset"] + query["limit"]], "total": len(employees)}

    first = client.get("/api/v1/employees/?limit=2&search=E")
    assert first.json["next"] == "/api/v1/employees/?limit=2&search=E&offset=2"
    assert first.headers["Link"] == '</api/v1/employees/?limit=2&search=E&offset=2>; rel="next"'
    last = client.get("/api/v1/employees/?limit=2&search=E&offset=4")
    assert (last.json["next"], last.headers.get("Link")) == (None, None)
    assert [e["id"] for e in last.json["items"]] == [employees[4]["id"]]


def test_a_sync_page_links_the_next_by_its_cursor_alone(client, sign_in, bus):
    sign_in()
    bus.answers[("staff", "sync_employees")] = {"items": [], "next_after": "b64cursor", "resume": "b64cursor"}

    response = client.get("/api/v1/employees/?limit=2&updated_since=2026-01-01T00:00:00Z")

    assert response.status_code == 200, response.json
    assert bus.requests[-1][2] == ({"limit": 2, "after": None, "updated_since": "2026-01-01T00:00:00+00:00"},)
    assert response.json == {"items": [], "next": "/api/v1/employees/?limit=2&after=b64cursor", "resume": "b64cursor"}
    assert parse_qs(urlsplit(response.headers["Link"][1:].split(">")[0]).query) == {
        "limit": ["2"], "after": ["b64cursor"]}


def test_a_sync_takes_no_other_filter(client, sign_in, bus):
    sign_in()

    response = client.get("/api/v1/employees/?updated_since=2026-01-01T00:00:00Z&search=x&offset=0")

    assert response.status_code == 422
    assert set(response.json["errors"]["json"]) == {"search", "offset"}
    assert bus.requests == []
