"""The OpenAPI document says, for every operation, how to sign in, its operationId, each
error status it may answer with the error body, and the media types of file answers (what
Schemathesis and client generators need; tests/fuzz/test_api_fuzz.py holds the API to it)."""
import json

METHODS = ("get", "post", "put", "patch", "delete")


def operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def test_every_operation_has_an_operation_id_security_and_its_error_answers(client):
    document = client.get("/api/v1/openapi.json").json
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    assert schemes["session"]["in"] == "cookie" and schemes["session"]["name"] == "chancery_session"
    assert schemes["csrf"]["in"] == "header" and schemes["csrf"]["name"] == "X-CSRF-Token"
    ids = [operation.get("operationId") for _, _, operation in operations(document)]
    assert None not in ids and len(ids) == len(set(ids)) > 100
    for path, method, operation in operations(document):
        what = f"{method.upper()} {path}"
        assert "default" not in operation["responses"], what
        public = path in ("/api/v1/auth/login", "/api/v1/auth/login/code", "/api/v1/health/ping") \
            or path.startswith("/api/v1/problems/")
        if public:
            assert operation["security"] == [], what
        elif {"bearer": []} not in operation["security"]:
            # one's own credentials (sign-out, password, two-factor): the session alone
            assert path.startswith("/api/v1/auth/"), what
            session = {"session": [], "csrf": []} if method != "get" else {"session": []}
            assert operation["security"] == [session], what
        else:
            assert {"bearer": []} in operation["security"], what
            session = {"session": [], "csrf": []} if method != "get" else {"session": []}
            assert session in operation["security"], what
        expected = {"401", "422", "503"} | (set() if public else {"403", "404"})
        if "requestBody" in operation:
            expected |= {"400", "413", "415"}
        assert expected <= set(operation["responses"]), (what, sorted(operation["responses"]))
    error = document["components"]["responses"]["Error415"]
    assert error["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert set(document["components"]["schemas"]["Problem"]["properties"]) >= {
        "type", "title", "status", "detail", "instance", "code", "message", "errors"}
    # no operation keeps flask-smorest's stock answer (a second error schema, plain JSON)
    for path, method, operation in operations(document):
        for status, answer in operation["responses"].items():
            if status >= "400":
                named = document["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]] \
                    if "$ref" in answer else answer
                assert named["content"] == error["content"], (method, path, status, answer)
    assert "Error" not in document["components"]["schemas"]
    # public, yet refused by the sign-in policy with passwords off: its 403 says so
    login = document["paths"]["/api/v1/auth/login"]["post"]
    assert "passwords_off" in login["responses"]["403"]["description"]
    assert login["responses"]["403"]["content"] == error["content"]


def test_file_and_export_answers_give_their_media_types(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    binary = {"schema": {"type": "string", "format": "binary"}}
    # exports start a job (202, the job); its file is the job's result
    for path in ("/api/v1/counterparties/export", "/api/v1/documents/export",
                 "/api/v1/contact-persons/{contact_person_id}/export"):
        started = paths[path]["post"]["responses"]
        assert "200" not in started and started["202"]["content"] == {
            "application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}, path
    result = paths["/api/v1/jobs/{job_id}/result"]["get"]["responses"]["200"]["content"]
    assert result == {"text/csv": binary, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": binary,
                      "application/json": binary}
    download = paths["/api/v1/documents/{document_id}/files/versions/{version_id}/content"]["get"]
    assert download["responses"]["200"]["content"] == {"*/*": binary}


def test_a_nullable_nested_record_keeps_its_schema(client):
    """As ``allOf: [$ref]`` with ``nullable``: a client generator then types it as that record
    (or null), not as any object."""
    document = client.get("/api/v1/openapi.json").json
    counterparty = document["components"]["schemas"]["Overview"]["properties"]["counterparty"]
    assert counterparty == {"allOf": [{"$ref": "#/components/schemas/Counterparty"}], "nullable": True}
    assert '"anyOf"' not in json.dumps(document)
