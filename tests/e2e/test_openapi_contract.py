"""A schema-driven check of the whole REST API against its own OpenAPI document.

From the live /api/v1/openapi.json: every operation is called with what its document says
it takes, then with each parameter and body field of the wrong type, with an empty body and
with unknown ids. No call may answer a server error (5xx), every error is JSON naming the
problem, and every 200 answer of a list or read without arguments matches the response
schema the document gives (types, formats, required fields, nullability).
"""
import re
import uuid
from datetime import date, datetime

import pytest

pytestmark = pytest.mark.system

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
METHODS = ("get", "post", "put", "patch", "delete")
# signing out would end the checking client's own session; health is checked elsewhere
SKIP_PREFIXES = ("/api/v1/auth/",)
WRONG = {"string": 12345, "integer": "not-a-number", "number": "not-a-number", "boolean": "maybe",
         "array": "not-a-list", "object": "not-an-object"}


class Spec:
    def __init__(self, document):
        self.document = document

    def resolve(self, schema):
        while "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            schema = self.document["components"]["schemas"][name]
        return schema

    def errors(self, value, schema, path="$"):
        schema = self.resolve(schema)
        if value is None:
            nullable = schema.get("nullable") or not schema or any(
                self.resolve(option).get("nullable") for option in schema.get("anyOf", []))
            return [] if nullable else [f"{path}: null where the document says not"]
        if "allOf" in schema:
            return [e for part in schema["allOf"] for e in self.errors(value, part, path)]
        if "anyOf" in schema:
            options = [self.errors(value, part, path) for part in schema["anyOf"]]
            return [] if any(not option for option in options) else options[0]
        kind = schema.get("type")
        checks = {"object": dict, "array": list, "string": str, "boolean": bool}
        if kind == "integer" and not (isinstance(value, int) and not isinstance(value, bool)):
            return [f"{path}: {value!r} is not an integer"]
        if kind == "number" and not (isinstance(value, (int, float)) and not isinstance(value, bool)):
            return [f"{path}: {value!r} is not a number"]
        if kind in checks and not isinstance(value, checks[kind]):
            return [f"{path}: {value!r} is not {kind}"]
        found = []
        if isinstance(value, str):
            found += self._format(value, schema.get("format"), path)
            if "enum" in schema and value not in schema["enum"]:
                found.append(f"{path}: {value!r} not one of {schema['enum']}")
        if isinstance(value, list):
            for index, item in enumerate(value[:50]):
                found += self.errors(item, schema.get("items", {}), f"{path}[{index}]")
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            for name, item in value.items():
                if name in properties:
                    found += self.errors(item, properties[name], f"{path}.{name}")
                elif isinstance(schema.get("additionalProperties"), dict):
                    found += self.errors(item, schema["additionalProperties"], f"{path}.{name}")
        return found

    @staticmethod
    def _format(value, fmt, path):
        try:
            if fmt == "uuid" and not UUID.match(value):
                return [f"{path}: {value!r} is not a uuid"]
            if fmt == "date-time":
                datetime.fromisoformat(value)
            if fmt == "date":
                date.fromisoformat(value)
        except ValueError:
            return [f"{path}: {value!r} is not a {fmt}"]
        return []


@pytest.fixture
def checker(employee, unique):
    _, api = employee(f"Olga OpenAPI{unique}", roles=["administrator"])
    return api


@pytest.fixture
def spec(checker):
    response = checker.http.get(f"{checker.base_url}/api/v1/openapi.json", timeout=30)
    assert response.status_code == 200
    return Spec(response.json())


def operations(spec):
    for path, item in spec.document["paths"].items():
        if path.startswith(SKIP_PREFIXES):
            continue
        for method in METHODS:
            if method in item:
                yield path, method, item[method], item.get("parameters", [])


def call(api, method, path, **kwargs):
    concrete = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)
    return api.request(method.upper(), concrete[len("/api/v1"):], **kwargs)


def body_schema(spec, operation):
    content = (operation.get("requestBody") or {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return spec.resolve(schema) if schema else None


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        assert response.headers.get("Content-Type", "").startswith("application/problem+json"), \
            f"{what}: an error that is not problem details: {response.headers.get('Content-Type')}"
        problem = response.json()
        assert problem.get("detail") and problem.get("status") == response.status_code, \
            f"{what}: an error without its detail or status: {response.text[:300]}"


def test_the_document_covers_every_operation(spec):
    for path, method, operation, _ in operations(spec):
        assert operation.get("responses"), f"{method.upper()} {path} documents no response"
        assert any(code.startswith("2") for code in operation["responses"]), f"{method.upper()} {path}: no 2xx"


def test_no_input_crashes_the_api(spec, checker):
    """Unknown ids, wrong types of every query parameter and body field, empty bodies."""
    for path, method, operation, shared in operations(spec):
        what = f"{method.upper()} {path}"
        parameters = shared + operation.get("parameters", [])
        assert_no_server_error(call(checker, method, path), what)
        for parameter in parameters:
            if parameter.get("in") != "query":
                continue
            kind = spec.resolve(parameter.get("schema", {})).get("type", "string")
            wrong = "not-a-number" if kind in ("integer", "number") else "%%bad%%" if kind == "string" else "x"
            assert_no_server_error(call(checker, method, path, params={parameter["name"]: wrong}),
                                   f"{what} ?{parameter['name']}={wrong}")
        schema = body_schema(spec, operation)
        if schema is None or method == "get":
            continue
        assert_no_server_error(call(checker, method, path, json={}), f"{what} with {{}}")
        assert_no_server_error(call(checker, method, path, json=[]), f"{what} with []")
        for name, field in schema.get("properties", {}).items():
            field = spec.resolve(field)
            if field.get("readOnly"):
                continue
            wrong = WRONG.get(field.get("type", "string"), 12345)
            assert_no_server_error(call(checker, method, path, json={name: wrong}), f"{what} {{{name}: {wrong!r}}}")


def test_answers_match_their_documented_schemas(spec, checker, admin, unique):
    # some of everything, so the lists have items with their optional fields filled in
    counterparty = admin.post("/counterparties/", json={"name": f"Schema Check {unique}", "phone": "+7 900 1"}).json()
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    made = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Schema {unique}",
                                           "counterparty_id": counterparty["id"], "amount": 1200.5, "currency": "RUB"})
    assert made.status_code == 201 and made.json()["amount"] == "1200.50", made.text
    checked = 0
    for path, method, operation, shared in operations(spec):
        parameters = shared + operation.get("parameters", [])
        if method != "get" or "{" in path or any(p.get("required") for p in parameters):
            continue
        response = checker.get(path[len("/api/v1"):])
        assert_no_server_error(response, f"GET {path}")
        documented = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
        if response.status_code != 200 or "schema" not in documented:
            continue
        problems = spec.errors(response.json(), documented["schema"])
        assert not problems, f"GET {path} contradicts its schema: {problems[:5]}"
        checked += 1
    assert checked >= 25  # the parameterless reads: lists, settings, the dashboard...
