"""The generated parts of docs/ and clients/python match the code (regenerate:
scripts/generate_docs.py)."""
import filecmp
import importlib.util
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_docs", REPO / "scripts" / "generate_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current():
    generator = load_generator()
    stale = [str(path.relative_to(REPO)) for path, make in generator.TARGETS.items()
             if not path.exists() or path.read_text() != make()]
    assert not stale, f"out of date, run scripts/generate_docs.py: {stale}"


def test_every_published_event_type_is_documented_with_its_fields():
    text = (REPO / "docs" / "events.md").read_text()
    generator = load_generator()
    for service in generator.SERVICES:
        catalog = importlib.import_module(f"{service}.events").catalog
        for (event_type, version), schema in catalog.schemas.items():
            section = text.split(f"### `{event_type}` v{version}", 1)
            assert len(section) == 2, event_type
            body = section[1].split("###", 1)[0]
            for name in schema._declared_fields:
                assert f"`{name}`" in body, (event_type, name)


def test_the_asyncapi_document_describes_every_event_with_its_exchange_and_fields():
    document = yaml.safe_load((REPO / "docs" / "events" / "asyncapi.yaml").read_text())
    assert document["asyncapi"].startswith("3.")
    messages = document["components"]["messages"]
    described = {}
    for channel in document["channels"].values():
        exchange = channel["bindings"]["amqp"]["exchange"]
        assert exchange["type"] == "topic" and exchange["durable"] and not exchange["autoDelete"]
        for ref in channel["messages"].values():
            message = messages[ref["$ref"].rsplit("/", 1)[1]]
            described[(exchange["name"], channel["address"], message["x-chancery-version"])] = message["payload"]
    generator = load_generator()
    for service in generator.SERVICES:
        catalog = importlib.import_module(f"{service}.events").catalog
        for (event_type, version), schema in catalog.schemas.items():
            envelope = described.get((f"{service}.events", event_type, version))
            assert envelope is not None, (service, event_type, version)
            assert envelope["properties"]["type"]["const"] == event_type
            payload = envelope["properties"]["payload"]
            for name, field in schema().fields.items():
                key = field.data_key or name
                assert key in payload["properties"], (event_type, key)
                assert (key in payload.get("required", [])) == field.required, (event_type, key)
                if field.allow_none:
                    assert "type" not in payload["properties"][key] or \
                        "null" in payload["properties"][key]["type"], (event_type, key)


def test_field_schemas_cover_the_marshmallow_types_used():
    from marshmallow import Schema, fields, validate

    generator = load_generator()

    class Inner(Schema):
        code = fields.String(required=True, validate=validate.OneOf(["a", "b"]))

    class Sample(Schema):
        id = fields.UUID(required=True)
        at = fields.AwareDateTime(allow_none=True)
        on = fields.Date()
        amount = fields.Decimal(as_string=True)
        tags = fields.List(fields.String())
        inner = fields.Nested(Inner, allow_none=True)
        flags = fields.Dict(keys=fields.String(), values=fields.Boolean())
        count = fields.Integer(validate=validate.Range(min=0))
        from_ = fields.Raw(data_key="from")

    schema = generator.object_schema(Sample)
    props = schema["properties"]
    assert schema["required"] == ["id"]
    assert props["id"]["format"] == "uuid" and props["id"]["type"] == "string"
    assert props["at"] == {"type": ["string", "null"], "format": "date-time"}
    assert props["on"] == {"type": "string", "format": "date"}
    assert props["amount"]["type"] == "string" and "pattern" in props["amount"]
    assert props["tags"] == {"type": "array", "items": {"type": "string"}}
    assert props["inner"]["type"] == ["object", "null"]
    assert props["inner"]["properties"]["code"] == {"type": "string", "enum": ["a", "b"]}
    assert props["flags"] == {"type": "object", "additionalProperties": {"type": "boolean"}}
    assert props["count"] == {"type": "integer", "minimum": 0}
    assert props["from"] == {}



def differences(left, right):
    """Paths (relative) that differ between two trees, ignoring caches."""
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files, *comparison.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += mismatch + errors
    for name in comparison.common_dirs:
        found += [f"{name}/{path}" for path in differences(Path(left) / name, Path(right) / name)]
    return sorted(set(found))


def test_the_python_client_is_generated_from_the_current_document():
    """clients/python/chancery_client is what openapi-python-client makes of the current
    OpenAPI document."""
    generator = load_generator()
    with tempfile.TemporaryDirectory() as work:
        made = generator.python_client(generator.openapi(), work)
        stale = differences(made, generator.CLIENT / generator.CLIENT_PACKAGE)
    assert not stale, f"clients/python is out of date, run scripts/generate_docs.py: {stale[:20]}"
