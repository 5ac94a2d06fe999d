"""Every resource's blueprint: flask-smorest's, with each response schema dumping compiled.

flask-smorest dumps what a view returns with the operation's response schema. What the
services answer is already dumped by their own schemas, and ``Schema.dump`` walking every
field of every item again was most of the gateway's CPU for a list (a registry page of 50
documents, a directory page, an approvals inbox: about a third of the gateway's samples
under the staff mix, docs/benchmarks.md). ``Blueprint.response`` gives each response schema
the dump of ``chancery_common.dumping.compiled``: the same result (unknown keys left out,
every field's conversion), resolved once per schema instead of once per value. A schema
with dump hooks keeps marshmallow's own dump. The schema itself, and so the OpenAPI
document, is unchanged.
"""
import flask_smorest
from flask_smorest.utils import resolve_schema_instance
from marshmallow import Schema
from marshmallow.decorators import POST_DUMP, PRE_DUMP

from chancery_common.dumping import compiled_later


class Blueprint(flask_smorest.Blueprint):
    def response(self, status_code, schema=None, **kwargs):
        if schema is not None:
            schema = compiled_dump(resolve_schema_instance(schema))
        return super().response(status_code, schema, **kwargs)


def compiled_dump(schema):
    """``schema`` with its ``dump`` replaced by the compiled one (built at its first use)."""
    if not isinstance(schema, Schema) or schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP] \
            or "dump" in vars(schema):  # a plain OpenAPI description, hooks, or done already
        return schema
    dump_many = compiled_later(lambda: schema)

    def dump(obj, *, many=None):
        many = schema.many if many is None else bool(many)
        return dump_many(obj) if many else dump_many([obj])[0]
    schema.dump = dump
    return schema
