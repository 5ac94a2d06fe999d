"""Every operation's response schema dumps compiled (api/blueprint.py) exactly what
marshmallow's own ``Schema.dump`` dumps, for an answer with every field filled, with the
optional ones left out, and with keys the schema does not know; and Flask's JSON answers
(payload.JSONProvider) are the JSON the json module wrote."""
import datetime
import decimal
import json
import uuid

import pytest
from marshmallow import Schema, fields

from chancery_gateway.api.blueprint import compiled_dump


def response_schemas(app):
    """{operation: schema instance} of every operation's success answers."""
    found = {}
    for endpoint, view in app.view_functions.items():
        for status, answers in getattr(view, "_apidoc", {}).get("response", {}).get("responses", {}).items():
            for answer in answers:
                schema = answer.get("schema")
                if isinstance(schema, Schema):
                    found[f"{endpoint} {status}"] = schema
    return found


def sample(field, depth=0):
    """A value of the kind a service answers for ``field`` (already dumped: text for ids and times)."""
    if isinstance(field, fields.Nested):
        nested = field.schema
        one = sample_object(nested, depth + 1)
        return [one] if field.many or nested.many else one
    if isinstance(field, fields.List):
        return [sample(field.inner, depth + 1)]
    if isinstance(field, fields.Dict):
        return {"key": "value", "number": 1}
    if isinstance(field, fields.UUID):
        return str(uuid.UUID(int=12345))
    if isinstance(field, fields.Boolean):
        return True
    if isinstance(field, fields.Decimal):
        return decimal.Decimal("1500000.50")
    if isinstance(field, fields.Integer):
        return 7
    if isinstance(field, fields.Float):
        return 2.5
    if isinstance(field, (fields.DateTime, fields.NaiveDateTime, fields.AwareDateTime)):
        return datetime.datetime(2026, 12, 7, 9, 30, tzinfo=datetime.timezone.utc)
    if isinstance(field, fields.Date):
        return "2026-12-07"
    return "текст"


def sample_object(schema, depth=0):
    if depth > 4:
        return {}
    obj = {name: sample(field, depth) for name, field in schema.dump_fields.items()
           if field.attribute is None or "." not in field.attribute}
    obj["not_in_the_schema"] = "left out"
    return obj


def test_every_response_schema_is_compiled_and_dumps_as_marshmallow_does(app):
    schemas = response_schemas(app)
    assert len(schemas) > 100
    compared = 0
    with app.test_request_context():  # a field may read the request's language
        compared = _compare(schemas)
    assert compared > 100


def _compare(schemas):
    compared = 0
    for operation, schema in schemas.items():
        assert "dump" in vars(schema) or schema._hooks, operation  # compiled, unless it has hooks
        for obj in (sample_object(schema), {}):
            try:
                expected = Schema.dump(schema, obj)
            except (AttributeError, TypeError, ValueError):  # a sample marshmallow itself cannot dump
                continue
            assert schema.dump(obj) == expected, operation
            compared += 1
    return compared


def test_a_schema_with_hooks_or_no_schema_is_left_as_it_is():
    from marshmallow import post_dump

    class Hooked(Schema):
        name = fields.String()

        @post_dump
        def upper(self, data, **kwargs):
            return {**data, "name": data["name"].upper()}

    hooked = Hooked()
    assert compiled_dump(hooked) is hooked and "dump" not in vars(hooked)
    assert hooked.dump({"name": "a"}) == {"name": "A"}
    description = {"type": "object"}
    assert compiled_dump(description) is description


def test_many_follows_the_schema_or_the_call():
    class Item(Schema):
        id = fields.UUID()

    items = [{"id": uuid.UUID(int=1), "extra": 1}, {"id": str(uuid.UUID(int=2))}]
    many = compiled_dump(Item(many=True))
    assert many.dump(items) == Schema.dump(Item(many=True), items)
    one = compiled_dump(Item())
    assert one.dump(items[0]) == {"id": str(uuid.UUID(int=1))}
    assert one.dump(items, many=True) == [{"id": str(uuid.UUID(int=1))}, {"id": str(uuid.UUID(int=2))}]


@pytest.mark.parametrize("value", [
    {"b": 1, "a": [1.5, None, True], "text": "Договор №5 «Альфа»"},
    {"when": datetime.datetime(2026, 1, 2, 3, 4, 5), "day": datetime.date(2026, 1, 2),
     "amount": decimal.Decimal("10.20"), "id": uuid.UUID(int=9)},
    {"huge": 2 ** 80},
    [1, 2, {"nested": {"deep": []}}],
])
def test_json_answers_are_the_json_the_json_module_writes(app, value):
    from flask.json.provider import DefaultJSONProvider
    with app.app_context():
        ours = app.json.response(value).get_data()
        theirs = DefaultJSONProvider(app).response(value).get_data()
    assert json.loads(ours) == json.loads(theirs)
    assert ours.endswith(b"\n")
