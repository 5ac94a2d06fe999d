"""Writes the generated parts of docs/ from the code, so they cannot drift from it:

- docs/api/openapi.json: the gateway's OpenAPI document;
- docs/events.md: every event each service publishes, with its payload fields.

Run: .venv/bin/python scripts/generate_docs.py   (tests/static/test_docs.py checks they are current)
"""
import importlib
import json
import sys
from pathlib import Path

from marshmallow import fields

REPO = Path(__file__).resolve().parents[1]
SERVICES = ("staff", "counterparties", "documents", "approvals", "notifications")


def openapi():
    from chancery_gateway.app import create_app

    app = create_app()
    with app.test_client() as client:
        spec = client.get("/api/v1/openapi.json").get_json()
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _field_type(field):
    if isinstance(field, fields.List):
        return f"list of {_field_type(field.inner)}"
    return {
        fields.UUID: "uuid", fields.String: "string", fields.Integer: "integer",
        fields.Decimal: "decimal (string)", fields.AwareDateTime: "date-time (ISO 8601, UTC offset)",
        fields.Dict: "object", fields.Boolean: "boolean",
    }.get(type(field), type(field).__name__.lower())


def events():
    lines = [
        "# Events",
        "",
        "Generated from the services' `events.py` by `scripts/generate_docs.py`; do not edit by hand.",
        "",
        "Every event is published to the topic exchange `<service>.events` (durable) with the",
        "event type as routing key, persistent, as JSON in this envelope:",
        "",
        "| field | meaning |",
        "|---|---|",
        "| `id` | event id (UUID); consumers de-duplicate by it |",
        "| `type` | `<aggregate>.<verb in past tense>`, also the routing key |",
        "| `version` | payload schema version; a breaking change is a new type, additions keep the version |",
        "| `occurred_at` | when the change was committed (UTC, ISO 8601) |",
        "| `producer` | the service that published it |",
        "| `payload` | the fields below |",
        "",
        "To subscribe, bind your own durable queue to the exchange with the routing keys you",
        "want (for example `document.*`); events published while your consumer is down wait in",
        "your queue. See docs/architecture.md, \"Events\".",
        "",
    ]
    for service in SERVICES:
        module = importlib.import_module(f"{service}.events")
        lines += [f"## {service} (exchange `{service}.events`)", ""]
        for (event_type, version), schema in module.catalog.schemas.items():
            doc = (schema.__doc__ or "").strip()
            lines += [f"### `{event_type}` v{version}", ""]
            if doc:
                lines += [doc, ""]
            lines += ["| field | type | required |", "|---|---|---|"]
            for name, field in schema._declared_fields.items():
                required = "yes" if field.required else "no"
                nullable = ", may be null" if field.allow_none else ""
                lines.append(f"| `{name}` | {_field_type(field)}{nullable} | {required} |")
            lines.append("")
    return "\n".join(lines)


TARGETS = {REPO / "docs" / "api" / "openapi.json": openapi, REPO / "docs" / "events.md": events}


def main():
    for path, make in TARGETS.items():
        path.write_text(make())
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    sys.exit(main())
