"""Writes the generated parts of docs/ from the code, so they cannot drift from it:

- docs/api/openapi.json: the gateway's OpenAPI document;
- docs/events.md: every event each service publishes, with its payload fields;
- docs/events/asyncapi.yaml: the same as an AsyncAPI 3.0 document (exchange, routing key,
  envelope and payload JSON Schema, version), for other systems' tooling;
- clients/python/chancery_client: a typed Python client generated from the OpenAPI
  document by openapi-python-client (settings in clients/python/generator.yaml).

Run: .venv/bin/python scripts/generate_docs.py   (tests/static/test_docs.py checks they are current)
"""
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from marshmallow import fields, validate

from chancery_common import topology

REPO = Path(__file__).resolve().parents[1]
SERVICES = topology.PUBLISHERS


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


CLOUDEVENTS = [
    "## CloudEvents",
    "",
    "Every event is also a CloudEvent (CloudEvents 1.0) whose `data` is the envelope above,",
    "so a CloudEvents SDK and a reader of the envelope get the same bytes:",
    "",
    "| attribute | value |",
    "|---|---|",
    "| `specversion` | `1.0` |",
    "| `id` | the envelope's `id` |",
    "| `source` | `/chancery/<producer>` (`/chancery/documents`) |",
    "| `type` | the envelope's `type` (`document.registered`), as in routing keys and webhooks |",
    "| `subject` | the envelope's `subject`, when it has one |",
    "| `time` | the envelope's `occurred_at` |",
    "| `datacontenttype` | `application/json` |",
    "| `dataversion` | extension: the payload's `version` |",
    "| `traceparent` | distributed tracing extension: the W3C trace of the request that caused it |",
    "",
    "On the bus they travel as the AMQP binding's binary mode: message headers",
    "`cloudEvents_specversion`, `cloudEvents_id`, ... (the binding's preferred `cloudEvents_`",
    "prefix), content type `application/json`, the envelope as the body. The header",
    "`nameko.correlation_id` is the request id (X-Request-ID) of the click that caused the",
    "event, the AsyncAPI messages' `correlationId`.",
    "",
    "A webhook endpoint chooses its `event_format`: `chancery` (the envelope as",
    "`application/json`, the default), `cloudevents-binary` (the same body with `ce-specversion`,",
    "`ce-id`, ... headers: the HTTP binding's binary mode) or `cloudevents-structured` (one",
    "`application/cloudevents+json` object: the attributes and `data`, the envelope). Every",
    "format is signed as the Standard Webhooks say, over the bytes sent.",
]

SUBSCRIBING = """\
## Subscribing from another system

Another system (ERP, accounting, BI) subscribes without asking anyone to change Chancery:

1. Declare a queue of your own, named for your system (`erp.chancery`): **durable**, not
   auto-delete, not exclusive; a quorum queue (`x-queue-type: quorum`) with a delivery
   limit (`x-delivery-limit`) and a dead-letter queue of yours (`x-dead-letter-exchange`
   and `-routing-key`), so that an event your handler always fails on is set aside after
   the limit instead of being delivered for ever. Declaring it is the subscription: from
   then on every matching event waits in it while your consumer is stopped (events are
   published persistent to durable exchanges), and nothing published after that moment
   is lost.
2. Bind it to each exchange `<service>.events` with the routing keys you want: event
   types (`approval.finished`) or patterns (`document.*`, `#` for everything).
3. Consume with manual acknowledgement: acknowledge an event only after your own
   transaction committed. An unacknowledged event is delivered again after a reconnect;
   one your handler failed on, return to the queue (`basic.reject` with requeue). Once
   the cause is fixed, move the dead letters back to your queue.
4. De-duplicate by the envelope's `id`: an event may arrive twice (a relay crash between
   publishing and marking it published). Record the ids you handled in the same
   transaction as the effect.
5. Dispatch on `type` and `version`; ignore payload fields you do not know (fields are
   added without a new version).

[events/consumer_example.py](events/consumer_example.py) does all of this with `kombu`
(`declare_subscription`, `consume`, `HandledEvents`, `replay_dead_letters`; its dead
letters wait in `<queue>.dead-letters`, `--replay-dead-letters` sends them back):

```
python docs/events/consumer_example.py --amqp amqp://erp:secret@rabbitmq:5672/ \\
    --queue erp.chancery --bind documents.events=document.* --bind approvals.events=approval.finished
```

Give the subscriber its own RabbitMQ user with `configure` and `write` permission on its
own queue names only (`^erp\\.chancery(\\.dead-letters)?$`) and `read` on the
`.*\\.events` exchanges, so it cannot publish Chancery events.
The broker also carries Chancery's own traffic, which is not for subscribers: `nameko-rpc`
(the calls between the gateway and the services) and `chancery.identities` (the staff
service's heartbeat of the identity version for the gateways' workers, docs/architecture.md
"Identities kept while nothing changes"). A subscriber's user needs no permission on either
and must never be given `write` on them.

## Replay

A subscriber that was away longer than its queue kept messages (the queue was deleted, or
dropped them), or a new one that wants the recent past, reads the events from the services'
*published-event log*: `GET /api/v1/events/?after=<position>&types=<type>` (the permission
`replay_events`: administrators, and the role of an integration's account an administrator
grants it to). Each service keeps what it published for `EVENT_LOG_RETENTION_DAYS` (30 by
default) in its outbox; each event has a `position` in its producer's log, in the order
published (in the message on the bus too). `after` is `<producer>:<position>` for each
producer (`counterparties:1041,documents:388`; a producer not named: from its oldest event
kept), or the `next` or `resume` of a page; `types` takes event types or `aggregate.*`.
A page holds each producer's events in the order of its log, the producers' merged by
`occurred_at`; each event is the envelope above, with the `id` its message had. An `after`
older than the retention period is `410 Gone`: sync the records again
([api.md](api.md#sync-by-change)), then replay from `GET /api/v1/events/end`.

The loop, with your queue, the ids you handled (`HandledEvents`) and the last position of
each producer you handled, saved with them (the example's `replay` is step 2, its `main` all
three). Your queue brings each producer's events in the order of their positions; an event
your handler gave back to the queue (or dead-lettered) is behind the position you saved for
the ones after it, so keep it until it is handled:

```python
declare_subscription(connection, "erp.chancery", bindings)  # 1. the queue first: from now on nothing is lost
after = ",".join(f"{producer}:{position}" for producer, position in positions.items())
address = "/api/v1/events/?" + urlencode({"after": after, "types": "document.*,approval.finished"})
while address:                                                # 2. then the log, to its end
    page = get(address)
    for event in page["items"]:
        handled.handle_once(event, handle)                    #    by id: its copy in the queue is skipped
        positions[event["producer"]] = event["position"]
    address = page["next"]
consume(connection, queue, handle, handled)                  # 3. then the queue
```

Why nothing is missed and nothing comes unrecognised: the relay of a service publishes one
pass at a time and numbers the events in the order it publishes them, so a position, once
read, has nothing committed behind it later; a read first waits for the relay pass in
progress to end, so every event published before the read began is in the log. What was
published before your queue existed is in the log; what after, in your queue; the events in
both carry the same `id` (the message's `message_id` and `cloudEvents_id`). Replay is a read
of the whole log (not filtered per record: most events are about tasks, stages, deliveries,
whose visibility no service decides one by one), hence its own permission
(docs/permissions.md, "Events").

## Webhooks (for systems without AMQP)

Administrators register an HTTPS endpoint with the event types it wants (exact types or
patterns such as `document.*`; `*` for all) under Administration → Webhooks, or with the
REST API `/api/v1/webhooks/endpoints/`. Each endpoint gets a secret (`whsec_` + base64)
shown once; it can be rotated. The `webhooks` service receives every event through its own
durable queue and POSTs the envelope above as JSON to each endpoint that wants it, signed
by [Standard Webhooks](https://www.standardwebhooks.com/):

| header | value |
|---|---|
| `webhook-id` | the event id (the same on every retry and replay: de-duplicate by it) |
| `webhook-timestamp` | Unix seconds of this attempt; reject ones too far from your clock |
| `webhook-signature` | `v1,` + base64(HMAC-SHA256(key, `"{id}.{timestamp}.{body}"`)) |

The key is the base64-decoded part of the secret after `whsec_`. For a day after a
rotation two signatures are sent, separated by a space: accept the message if one matches.

A 2xx answer is success. Anything else, a timeout or a connection error is retried with
backoff (by default after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h, then given up); every
attempt is logged with its response code or error and duration, and any delivery can be
replayed from the log (a new attempt with the same `webhook-id`). Verifying in Python:

```python
expected = base64.b64encode(hmac.new(base64.b64decode(secret.removeprefix("whsec_")),
                            f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest())
ok = any(hmac.compare_digest(expected, sig.split(",", 1)[1].encode())
         for sig in headers["webhook-signature"].split())
```
""".splitlines()


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
        "| `subject` | the id of the record the event is about (absent when it is about no one record) |",
        "| `position` | its place in its producer's published-event log, growing in the order published: "
        "`<producer>:<position>` replays after it (\"Replay\" below) |",
        "| `payload` | the fields below |",
        "",
        *CLOUDEVENTS,
        "",
        "The same catalogue as an AsyncAPI 3.0 document (channels per exchange and routing key,",
        "envelope and payload JSON Schema, version): [events/asyncapi.yaml](events/asyncapi.yaml).",
        "",
        *SUBSCRIBING,
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


# --- AsyncAPI ------------------------------------------------------------------------------

UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


def _nullable(schema, field):
    if not field.allow_none:
        return schema
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema = {**schema, "type": [*types, "null"]}
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    return schema  # no type given: anything, null included


def _validators(schema, field):
    for validator in field.validators:
        if isinstance(validator, validate.OneOf):
            schema["enum"] = list(validator.choices)
        elif isinstance(validator, validate.Length):
            if validator.equal is not None:
                validator_min = validator_max = validator.equal
            else:
                validator_min, validator_max = validator.min, validator.max
            prefix = "Items" if schema.get("type") == "array" else "Length"
            if validator_min is not None:
                schema[f"min{prefix}"] = validator_min
            if validator_max is not None:
                schema[f"max{prefix}"] = validator_max
        elif isinstance(validator, validate.Range):
            if validator.min is not None:
                schema["minimum" if validator.min_inclusive else "exclusiveMinimum"] = validator.min
            if validator.max is not None:
                schema["maximum" if validator.max_inclusive else "exclusiveMaximum"] = validator.max
        elif isinstance(validator, validate.Regexp):
            schema["pattern"] = validator.regex.pattern
    if "enum" in field.metadata:
        schema["enum"] = list(field.metadata["enum"])
    return schema


def field_schema(field):
    """The JSON Schema of one marshmallow field, as it appears in a published payload."""
    if isinstance(field, fields.Nested):
        nested = field.schema
        schema = object_schema(nested)
        if field.many:
            schema = {"type": "array", "items": schema}
    elif isinstance(field, fields.List):
        schema = {"type": "array", "items": field_schema(field.inner)}
    elif isinstance(field, fields.Dict):
        schema = {"type": "object"}
        if field.value_field is not None:
            schema["additionalProperties"] = field_schema(field.value_field)
    elif isinstance(field, fields.UUID):
        schema = {"type": "string", "format": "uuid", "pattern": UUID_PATTERN}
    elif isinstance(field, (fields.AwareDateTime, fields.DateTime)):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, fields.Date):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, fields.Decimal):
        schema = ({"type": "string", "pattern": DECIMAL_PATTERN, "description": "a decimal number as a string"}
                  if field.as_string else {"type": "number"})
    elif isinstance(field, fields.Boolean):
        schema = {"type": "boolean"}
    elif isinstance(field, fields.Integer):
        schema = {"type": "integer"}
    elif isinstance(field, (fields.Float, fields.Number)):
        schema = {"type": "number"}
    elif isinstance(field, fields.Email):
        schema = {"type": "string", "format": "email"}
    elif isinstance(field, fields.String):
        schema = {"type": "string"}
    elif type(field) is fields.Raw:
        schema = {}
    else:
        raise TypeError(f"no JSON Schema for marshmallow field {type(field).__name__}: extend field_schema")
    description = field.metadata.get("description")
    if description and "description" not in schema:
        schema["description"] = description
    return _nullable(_validators(schema, field), field)


def object_schema(schema):
    """The JSON Schema of a marshmallow schema (class or instance): its dumped fields."""
    instance = schema() if isinstance(schema, type) else schema
    properties, required = {}, []
    for name, field in instance.fields.items():
        if field.load_only:
            continue
        key = field.data_key or name
        properties[key] = field_schema(field)
        if field.required:
            required.append(key)
    result = {"type": "object", "properties": properties}
    if required:
        result["required"] = required
    return result


def _message_id(event_type, version):
    return f"{event_type.replace('.', '_')}_v{version}"


def envelope_schema(event_type, version, payload):
    return {
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid", "pattern": UUID_PATTERN,
                   "description": "event id; consumers de-duplicate by it"},
            "type": {"type": "string", "const": event_type, "description": "the event type, also the routing key"},
            "version": {"type": "integer", "const": version, "description": "payload schema version"},
            "occurred_at": {"type": "string", "format": "date-time",
                            "description": "when the change was committed (UTC, ISO 8601)"},
            "producer": {"type": "string", "description": "the service that published it"},
            "subject": {"type": "string", "description": "the id of the record the event is about "
                                                         "(CloudEvents' subject); absent when it is about "
                                                         "no one record"},
            "position": {"type": "integer", "description": "its place in its producer's published-event "
                                                           "log: `<producer>:<position>` replays after it "
                                                           "(docs/events.md, \"Replay\")"},
            "payload": payload,
        },
        "required": ["id", "type", "version", "occurred_at", "producer", "payload"],
    }


def message_headers(event_type, version, service):
    """The AMQP headers of a message: the payload version, the CloudEvents attributes (the
    AMQP binding's binary mode, ``cloudEvents_`` prefix) and the request that caused it."""
    prefix = "cloudEvents_"
    return {
        "type": "object",
        "properties": {
            "event_version": {"type": "integer", "const": version},
            f"{prefix}specversion": {"type": "string", "const": "1.0"},
            f"{prefix}id": {"type": "string", "description": "the envelope's id"},
            f"{prefix}source": {"type": "string", "const": f"/chancery/{service}"},
            f"{prefix}type": {"type": "string", "const": event_type},
            f"{prefix}subject": {"type": "string", "description": "the envelope's subject, when it has one"},
            f"{prefix}time": {"type": "string", "format": "date-time", "description": "the envelope's occurred_at"},
            f"{prefix}dataversion": {"type": "integer", "const": version,
                                     "description": "extension attribute: the payload's version"},
            f"{prefix}traceparent": {"type": "string", "description": "distributed tracing extension (W3C)"},
            "nameko.correlation_id": {"type": "string", "description": "the X-Request-ID of the request "
                                                                       "that caused the event"},
            "nameko.traceparent": {"type": "string", "description": "the W3C traceparent of that request"},
        },
        "required": ["event_version", f"{prefix}specversion", f"{prefix}id", f"{prefix}source", f"{prefix}type",
                     f"{prefix}time", f"{prefix}dataversion"],
    }


def asyncapi_document():
    """The AsyncAPI 3.0 document of every event, as a dict."""
    channels, operations, messages = {}, {}, {}
    for service in SERVICES:
        module = importlib.import_module(f"{service}.events")
        exchange = f"{service}.events"
        by_type = {}
        for (event_type, version), schema in module.catalog.schemas.items():
            by_type.setdefault(event_type, []).append((version, schema))
        for event_type, versions in by_type.items():
            channel_id = f"{service}__{event_type.replace('.', '_')}"
            channel_messages = {}
            for version, schema in sorted(versions, key=lambda item: item[0]):
                message_id = _message_id(event_type, version)
                doc = " ".join((schema.__doc__ or "").split())
                messages[message_id] = {
                    "name": event_type,
                    "title": f"{event_type} v{version}",
                    **({"summary": doc} if doc else {}),
                    "contentType": "application/json",
                    "headers": message_headers(event_type, version, service),
                    "correlationId": {"$ref": "#/components/correlationIds/request"},
                    "payload": envelope_schema(event_type, version, object_schema(schema)),
                    "bindings": {"amqp": {"messageType": event_type, "bindingVersion": "0.3.0"}},
                    "x-chancery-version": version,
                    "x-chancery-exchange": exchange,
                }
                channel_messages[message_id] = {"$ref": f"#/components/messages/{message_id}"}
            channels[channel_id] = {
                "address": event_type,
                "title": f"{event_type} on {exchange}",
                "description": (f"Published by `{service}` to the topic exchange `{exchange}` "
                                f"with routing key `{event_type}`."),
                "messages": channel_messages,
                "bindings": {"amqp": {
                    "is": "routingKey",
                    "exchange": {"name": exchange, "type": "topic", "durable": True,
                                 "autoDelete": False, "vhost": "/"},
                    "bindingVersion": "0.3.0",
                }},
            }
            operations[f"publish__{channel_id}"] = {
                "action": "send",
                "channel": {"$ref": f"#/channels/{channel_id}"},
                "messages": [{"$ref": f"#/channels/{channel_id}/messages/{message}"}
                             for message in channel_messages],
                "bindings": {"amqp": {"deliveryMode": 2, "bindingVersion": "0.3.0"}},  # persistent
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Chancery events",
            "version": "1.0.0",
            "description": (
                "Every domain event Chancery publishes. Generated from the services' event catalogues "
                "by scripts/generate_docs.py; do not edit by hand. Each service publishes to its durable "
                "topic exchange `<service>.events` with the event type as routing key, as persistent "
                "JSON messages in one envelope (id, type, version, occurred_at, producer, payload). "
                "Adding payload fields keeps the version, so ignore fields you do not know; a breaking "
                "change is a new version or type. Subscribe by binding your own durable queue: see "
                "docs/events.md, \"Subscribing from another system\"."),
        },
        "defaultContentType": "application/json",
        "servers": {"rabbitmq": {"host": "rabbitmq:5672", "protocol": "amqp", "protocolVersion": "0-9-1",
                                 "description": "The deployment's RabbitMQ (vhost as configured).",
                                 "security": [{"$ref": "#/components/securitySchemes/amqpUser"}]}},
        "channels": channels,
        "operations": operations,
        "components": {
            "messages": messages,
            "securitySchemes": {"amqpUser": {
                "type": "userPassword",
                "description": "A RabbitMQ user of the subscribing system, given by the operators, with "
                               "read permission on the `<service>.events` exchanges and configure/write "
                               "on its own queues (docs/events.md, \"Subscribing from another system\"); "
                               "over TLS (amqps, port 5671) where the deployment enables it."}},
            "correlationIds": {"request": {
                "description": "The X-Request-ID of the request that caused the event (the gateway "
                               "answers with it; every service logs it): one grep finds the click and "
                               "everything it caused.",
                "location": "$message.header#/nameko.correlation_id"}},
        },
    }


def asyncapi():
    return yaml.safe_dump(asyncapi_document(), sort_keys=False, allow_unicode=True, width=100)


TARGETS = {REPO / "docs" / "api" / "openapi.json": openapi, REPO / "docs" / "events.md": events,
           REPO / "docs" / "events" / "asyncapi.yaml": asyncapi}


CLIENT = REPO / "clients" / "python"
CLIENT_PACKAGE = "chancery_client"


def python_client(openapi_text, into):
    """Generate the client package from ``openapi_text`` as ``into``/chancery_client."""
    bin_dir = Path(sys.executable).parent  # openapi-python-client and ruff (its post hooks)
    with tempfile.TemporaryDirectory() as work:
        document = Path(work) / "openapi.json"
        document.write_text(openapi_text)
        done = subprocess.run(
            [str(bin_dir / "openapi-python-client"), "generate", "--path", str(document), "--meta", "none",
             "--config", str(CLIENT / "generator.yaml"), "--output-path", str(Path(into) / CLIENT_PACKAGE),
             "--overwrite"],
            capture_output=True, text=True, env={**os.environ, "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"})
    if done.returncode:
        raise RuntimeError(f"openapi-python-client failed:\n{done.stdout}\n{done.stderr}")
    shutil.rmtree(Path(into) / CLIENT_PACKAGE / ".ruff_cache", ignore_errors=True)  # its post hooks' cache
    return Path(into) / CLIENT_PACKAGE


def main():
    for path, make in TARGETS.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make())
        print(f"wrote {path.relative_to(REPO)}")
    with tempfile.TemporaryDirectory() as work:
        made = python_client((REPO / "docs" / "api" / "openapi.json").read_text(), work)
        shutil.rmtree(CLIENT / CLIENT_PACKAGE, ignore_errors=True)
        shutil.copytree(made, CLIENT / CLIENT_PACKAGE)
    print(f"wrote {(CLIENT / CLIENT_PACKAGE).relative_to(REPO)}")


if __name__ == "__main__":
    sys.exit(main())
