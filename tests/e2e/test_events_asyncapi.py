"""Every event the running services publish is in docs/events/asyncapi.yaml and validates
against its payload schema there (issue: events others can subscribe to).

A queue of the test's own is bound with ``#`` to every ``<service>.events`` exchange while
a representative set of actions goes through the gateway; each message received must be
described by the document (exchange, routing key, version) and match its schema, with no
field the document does not name.
"""
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from chancery_local.profile import SERVICES
from kombu import Connection, Consumer, Exchange, Queue

pytestmark = pytest.mark.system

REPO = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 8
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
JSON_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is_type(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, JSON_TYPES[name])


def _format_ok(value, fmt):
    try:
        if fmt == "uuid":
            return bool(UUID.match(value))
        if fmt == "date-time":
            parsed = datetime.fromisoformat(value)
            return "T" in value and parsed.tzinfo is not None
        if fmt == "date":
            date.fromisoformat(value)
            return len(value) == 10
    except ValueError:
        return False
    return True  # formats the document does not use are not checked


def validate(value, schema, path="$", strict=True):
    """Errors of ``value`` against the JSON Schema subset the generator writes.

    ``strict``: an object schema naming its properties admits no other property (the
    document must name every field published).
    """
    errors = []
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not one of {schema['enum']!r}")
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, name) for name in types):
            return errors + [f"{path}: {value!r} is not of type {types}"]
    if isinstance(value, str):
        if "format" in schema and not _format_ok(value, schema["format"]):
            errors.append(f"{path}: {value!r} is not a {schema['format']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            errors.append(f"{path}: length of {value!r} out of range")
    if _is_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            errors += validate(item, schema.get("items", {}), f"{path}[{index}]", strict)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{path}: required field {name!r} missing")
        extra = schema.get("additionalProperties", not (strict and properties))
        for name, item in value.items():
            if name in properties:
                errors += validate(item, properties[name], f"{path}.{name}", strict)
            elif extra is False:
                errors.append(f"{path}: field {name!r} is not in the document")
            elif isinstance(extra, dict):
                errors += validate(item, extra, f"{path}.{name}", strict)
    return errors


def test_the_validator_rejects_what_it_should():
    schema = {"type": "object", "required": ["id", "at"], "properties": {
        "id": {"type": "string", "format": "uuid"}, "at": {"type": "string", "format": "date-time"},
        "day": {"type": ["string", "null"], "format": "date"}, "n": {"type": "integer"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "changes": {"type": "object", "additionalProperties": {"type": "object", "properties": {
            "from": {}, "to": {}}}}}}
    good = {"id": "0b7c2a9e-8a1f-4c1e-9c55-6f0a3e2b1d11", "at": "2026-01-02T03:04:05+00:00", "day": None,
            "n": 3, "tags": ["a"], "changes": {"title": {"from": "a", "to": None}}}
    assert validate(good, schema) == []
    assert validate({**good, "id": "nope"}, schema)
    assert validate({**good, "at": "2026-01-02T03:04:05"}, schema)  # no offset
    assert validate({**good, "day": "02.01.2026"}, schema)
    assert validate({**good, "n": True}, schema)
    assert validate({**good, "tags": [1]}, schema)
    assert validate({**good, "surprise": 1}, schema)
    assert validate({**good, "changes": {"title": {"from": 1, "x": 2}}}, schema)
    assert validate({"id": good["id"]}, schema)


@pytest.fixture(scope="module")
def asyncapi():
    return yaml.safe_load((REPO / "docs" / "events" / "asyncapi.yaml").read_text())


@pytest.fixture(scope="module")
def documented(asyncapi):
    """(exchange, routing key, version) -> the message (its payload is the envelope's schema)."""
    found = {}
    for channel in asyncapi["channels"].values():
        exchange = channel["bindings"]["amqp"]["exchange"]["name"]
        for ref in channel["messages"].values():
            message = asyncapi["components"]["messages"][ref["$ref"].rsplit("/", 1)[1]]
            found[(exchange, channel["address"], message["x-chancery-version"])] = message
    return found


@pytest.fixture
def tap(system, unique):
    """A queue of the test's own bound with '#' to every service's exchange; yields a reader
    returning the (exchange, routing key, body) of every message that arrived so far."""
    received = []
    with Connection(system.profile.amqp_uri) as connection:
        channel = connection.channel()
        queue = Queue(f"test-asyncapi-tap-{unique}", exclusive=True, auto_delete=True, channel=channel)
        queue.declare()
        for service in SERVICES:
            exchange = Exchange(f"{service}.events", type="topic", durable=True, auto_delete=False)
            exchange(channel).declare()
            queue.bind_to(exchange=exchange, routing_key="#")

        def on_message(body, message):
            received.append((message.delivery_info["exchange"], message.delivery_info["routing_key"],
                             body, (message.properties.get("delivery_mode"), message.headers)))
            message.ack()

        with Consumer(channel, queues=[queue], callbacks=[on_message], accept=["json"]):
            def read():
                while True:
                    try:
                        connection.drain_events(timeout=0.2)
                    except TimeoutError:
                        return list(received)
            yield read


def test_published_events_match_the_asyncapi_document(admin, employee, unique, eventually, tap, documented):
    approver, approver_api = employee("Evan Approver", roles=["lawyer"])
    counterparty = admin.post("/counterparties/", json={"name": f"Schema Check LLC {unique}", "tax_id": "7707083893",
                                                                 "allow_duplicate": True})
    assert counterparty.status_code == 201, counterparty.text
    counterparty = counterparty.json()
    assert admin.patch(f"/counterparties/{counterparty['id']}",
                       json={"phone": "+7 495 000-00-00"}).status_code == 200
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons",
                        json={"full_name": "Olga Schema", "position": "Accountant"})
    assert person.status_code == 201, person.text
    now = datetime.now(timezone.utc)
    activity = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": "Check the schema",
        "planned_at": (now + timedelta(hours=2)).isoformat()})
    assert activity.status_code == 201, activity.text
    done = admin.post(f"/activities/{activity.json()['id']}/completion", json={"result": "Talked"})
    assert done.status_code == 200, done.text

    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={
        "type_id": contract["id"], "title": f"Schema contract {unique}", "counterparty_id": counterparty["id"],
        "amount": "1200.50", "currency": "RUB"})
    assert document.status_code == 201, document.text
    document = document.json()
    uploaded = admin.post(f"/documents/{document['id']}/files", files={"file": ("c.pdf", PDF)})
    assert uploaded.status_code == 201, uploaded.text
    milestone = admin.post(f"/documents/{document['id']}/milestones", json={
        "title": "Design", "due_on": (now.date() + timedelta(days=10)).isoformat(), "amount": "600.25"})
    assert milestone.status_code == 201, milestone.text
    paid = admin.post(f"/documents/{document['id']}/payments", json={
        "kind": "actual", "on": now.date().isoformat(), "amount": "100.00", "reference": "p/o 1"})
    assert paid.status_code == 201, paid.text
    cancelled = admin.post(f"/payments/{paid.json()['payments'][-1]['id']}/cancel", json={"reason": "twice"})
    assert cancelled.status_code == 200, cancelled.text
    approval = admin.post("/approvals/", json={"document_id": document["id"], "approver_ids": [approver["id"]]})
    assert approval.status_code == 201, approval.text
    task = eventually(lambda: [t for t in approver_api.get("/approvals/tasks").json()["items"]
                               if t["approval_id"] == approval.json()["id"]])[0]
    decided = approver_api.post(f"/approvals/tasks/{task['id']}/decision", json={"decision": "approve"})
    assert decided.status_code == 200, decided.text
    assert eventually(lambda: admin.get(f"/documents/{document['id']}").json()["status"] == "approved")

    def arrived():
        messages = tap()
        producers = {exchange for exchange, *_ in messages}
        wanted = {f"{s}.events" for s in ("staff", "counterparties", "documents", "approvals", "notifications")}
        return messages if wanted <= producers and any(
            body["payload"].get("document_id") == document["id"] and body["type"].startswith("approval.")
            for _, _, body, _ in messages) else None

    messages = eventually(arrived, timeout=30)
    kinds = set()
    problems = []
    for exchange, routing_key, body, (delivery_mode, headers) in messages:
        kinds.add(routing_key)
        message = documented.get((exchange, routing_key, body.get("version")))
        if message is None:
            problems.append(f"{exchange} {routing_key} v{body.get('version')} is not in docs/events/asyncapi.yaml")
            continue
        problems += [f"{routing_key}: {error}" for error in validate(body, message["payload"])]
        problems += [f"{routing_key} headers: {error}" for error in validate(headers, message["headers"], strict=False)]
        if delivery_mode != 2:
            problems.append(f"{routing_key} was not published persistent")
    assert not problems, "\n".join(problems)
    assert {"employee.created", "counterparty.created", "counterparty.updated", "contact_person.added",
            "activity.scheduled", "activity.completed", "document.created", "document.file_added",
            "approval.started", "notification.sent", "contract.milestone_changed", "contract.payment_recorded",
            "contract.payment_cancelled"} <= kinds, kinds
