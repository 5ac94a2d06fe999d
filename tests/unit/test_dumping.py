"""``compiled(schema)`` dumps exactly what ``schema.dump(many=True)`` dumps."""
import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest
from marshmallow import Schema, fields, post_dump

from chancery_common.dumping import compiled


class Inner(Schema):
    code = fields.String()


class Everything(Schema):
    id = fields.UUID()
    name = fields.String()
    count = fields.Integer()
    count_text = fields.Integer(as_string=True, attribute="count", dump_only=True)
    flag = fields.Boolean()
    at = fields.AwareDateTime()
    naive = fields.NaiveDateTime()
    when = fields.DateTime(format="%d.%m.%Y")  # a custom format: the field's own path
    day = fields.Date()
    raw = fields.Raw()
    amount = fields.Decimal(as_string=True)
    renamed = fields.String(data_key="shownAs")
    from_elsewhere = fields.String(attribute="other")
    dotted = fields.String(attribute="inner.code")
    inner = fields.Nested(Inner)
    inners = fields.List(fields.Nested(Inner))
    partial = fields.Nested(Inner, only=("code",))
    several = fields.Nested(Inner, many=True)
    mapping = fields.Dict()
    mappings = fields.List(fields.Dict())
    typed = fields.Dict(keys=fields.String(), values=fields.Integer())
    tags = fields.List(fields.String())
    secret = fields.String(load_only=True)
    defaulted = fields.String(dump_default="none given")
    computed = fields.Method("twice")

    def twice(self, obj):
        return (getattr(obj, "count", None) or 0) * 2


def sample(n):
    moment = datetime(2026, 12, 2, 15, 0, tzinfo=timezone.utc) + timedelta(minutes=n)
    return {"id": uuid.UUID(int=n) if n % 3 else str(uuid.UUID(int=n)).upper(), "name": f"Name {n}" if n % 4 else None,
            "count": n, "flag": n % 2 == 0, "at": moment, "naive": moment.replace(tzinfo=None), "when": moment,
            "day": date(2026, 1, 1 + n % 28), "raw": {"any": [n]}, "amount": Decimal(n) / 4,
            "renamed": "r", "other": "o", "inner": SimpleNamespace(code=f"C{n}") if n % 5 else None,
            "inners": [SimpleNamespace(code=f"I{n}"), {"code": n}] if n % 2 else None,
            "partial": {"code": n}, "several": [{"code": "x"}] * (n % 3),
            "mapping": {"a": n, "b": [n]} if n % 2 else None, "mappings": [{"k": n}, None] if n % 3 else [],
            "typed": {"x": n}, "tags": ["a", str(n)], "secret": "s"}


@pytest.mark.parametrize("as_object", [False, True], ids=["mappings", "objects"])
def test_compiled_dump_equals_the_schemas(as_object):
    items = [sample(n) for n in range(12)]
    missing = ("name", "day", "inner", "inners", "mapping")
    items[3] = {key: value for key, value in items[3].items() if key not in missing}
    if as_object:
        items = [SimpleNamespace(**item) for item in items]
    schema = Everything()
    assert compiled(schema)(items) == schema.dump(items, many=True)


def test_a_schema_with_dump_hooks_is_dumped_by_itself():
    class Hooked(Schema):
        name = fields.String()

        @post_dump
        def shout(self, data, **kwargs):
            return {"name": data["name"].upper()}

    assert compiled(Hooked())([{"name": "a"}]) == [{"name": "A"}]


def test_the_services_activity_schema():
    from counterparties.schemas import CalendarActivitySchema

    now = datetime.now(timezone.utc)
    activity = SimpleNamespace(
        id=uuid.uuid4(), counterparty_id=uuid.uuid4(), contact_person_id=None, kind="call", subject="Call",
        description=None, phone_or_place="+7 495", planned_at=now, duration_minutes=30, responsible_id=uuid.uuid4(),
        scheduled_by=uuid.uuid4(), status="planned", result=None, next_step=None, completed_at=None,
        follow_up_of=None, created_at=now, on_behalf_of=uuid.uuid4())
    schema = CalendarActivitySchema()
    assert compiled(schema)([activity]) == schema.dump([activity], many=True)


class Tree(Schema):
    name = fields.String()
    children = fields.List(fields.Nested(lambda: Tree()))
    parent = fields.Nested(lambda: Tree(only=("name",)), allow_none=True)


def test_a_schema_nesting_itself_is_compiled_as_deep_as_the_data_goes():
    tree = {"name": "contract", "parent": None, "children": [
        {"name": "annex", "parent": {"name": "contract", "children": []},
         "children": [{"name": "act", "children": [], "extra": 1}]}]}
    assert compiled(Tree())([tree]) == Tree().dump([tree], many=True)
