"""A marshmallow schema's dump, compiled once into a plain function for long lists.

``Schema.dump`` looks each field up, reads the value through the schema's accessor and
calls the field's serializer, for every field of every object: for the hundreds of
activities of an agenda or documents of a registry page that is most of a service's time.
``compiled(schema)`` resolves all of that once per schema: for the plain field types (text,
numbers, booleans, UUIDs, dates and times in ISO format, raw values) it keeps a direct
conversion, and a nested schema (one or a list) or a plain dict is dumped by its own compiled
plan; any other field (method, a custom class, typed keys or values) is serialized by the
field itself, exactly as ``Schema.dump`` would. A schema with dump hooks is not compiled: its
``dump`` is used as it is.

The result is the same as ``schema.dump(obj, many=True)`` (tests/unit/test_dumping.py
checks it field type by field type).
"""
import uuid
from collections.abc import Mapping

from marshmallow import fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP

_PLAIN = {fields.String: str, fields.Integer: int, fields.Boolean: bool, fields.Raw: None}
_TEMPORAL = (fields.DateTime, fields.AwareDateTime, fields.NaiveDateTime, fields.Date)


def compiled(schema):
    """A function of a list of objects (or mappings) returning their dump, as ``schema.dump(many=True)``."""
    if schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
        return lambda objects: schema.dump(objects, many=True)
    plans = {reading: [(_key(name, field), _converter(schema, name, field, reading))
                       for name, field in schema.dump_fields.items()]
             for reading in (_attribute, _item)}

    def dump_many(objects):
        dumped = []
        for obj in objects:
            row = {}
            for key, convert in plans[_item if isinstance(obj, Mapping) else _attribute]:
                value = convert(obj)
                if value is not missing:
                    row[key] = value
            dumped.append(row)
        return dumped
    return dump_many


def _attribute(obj, name):
    return getattr(obj, name, missing)


def _item(obj, name):
    return obj.get(name, missing)


def _key(name, field):
    return field.data_key if field.data_key is not None else name


def _converter(schema, name, field, read):
    """The field's dump of one object: ``convert(obj)``."""
    kind = type(field)
    attribute = field.attribute or name
    plain = "." not in attribute and field.dump_default is missing
    if plain and kind in _PLAIN and not getattr(field, "as_string", False):
        cast = _PLAIN[kind]
        if cast is None:
            return lambda obj: read(obj, attribute)
        return lambda obj: _cast(read(obj, attribute), cast)
    if plain and kind is fields.UUID:
        def uuid_text(obj):
            value = read(obj, attribute)
            if value is None or value is missing:
                return value
            return str(value) if isinstance(value, uuid.UUID) else field._serialize(value, name, obj)
        return uuid_text
    if plain and kind in _TEMPORAL and kind.SERIALIZATION_FUNCS.get(field.format) is not None:
        as_text = kind.SERIALIZATION_FUNCS[field.format]
        return lambda obj: _cast(read(obj, attribute), as_text)
    if plain and kind is fields.Nested and not field.many:
        inner = compiled_later(lambda: field.schema)
        return lambda obj: _whole(read(obj, attribute), lambda value: inner([value])[0])
    if plain and kind is fields.List and type(field.inner) is fields.Nested and not field.inner.many:
        inner = compiled_later(lambda: field.inner.schema)
        return lambda obj: _whole(read(obj, attribute), inner)
    if plain and kind is fields.Dict and field.key_field is None and field.value_field is None:
        return lambda obj: _whole(read(obj, attribute), dict)
    if plain and kind is fields.List and type(field.inner) is fields.Dict and field.inner.key_field is None \
            and field.inner.value_field is None:
        return lambda obj: _whole(read(obj, attribute), lambda value: [_cast(each, dict) for each in value])
    # any other field reads and serializes the value itself
    return lambda obj: field.serialize(name, obj, accessor=schema.get_attribute)


def compiled_later(schema_of):
    """``compiled(schema_of())``, compiled at its first use: a schema may nest itself (a tree
    of documents), which compiling at once would follow for ever, and a process may declare
    schemas it never dumps."""
    plan = []

    def dump_many(objects):
        if not plan:
            plan.append(compiled(schema_of()))
        return plan[0](objects)
    return dump_many


def _whole(value, dump):
    """A nested value's dump (None and missing stay as they are)."""
    if value is None or value is missing:
        return value
    return dump(value)


def _cast(value, cast):
    if value is None or value is missing:
        return value
    return cast(value)
