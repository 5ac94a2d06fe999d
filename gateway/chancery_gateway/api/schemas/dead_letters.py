"""Dead letters and their replay (administrators)."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from chancery_common import dead_letters

from .common import Next


class DeadLetterSchema(Schema):
    id = fields.String(metadata={"description": "the message id (an event's id)"})
    queue = fields.String(metadata={"description": "the queue it died in, and is replayed to"})
    reason = fields.String(metadata={"description": "delivery_limit, rejected or expired"})
    died_at = fields.DateTime(allow_none=True)
    deaths = fields.Integer(metadata={"description": "times it was dead-lettered from that queue"})
    exchange = fields.String()
    routing_key = fields.String()
    type = fields.String(allow_none=True, metadata={"description": "the event type"})
    body = fields.Raw(metadata={"description": "the message as JSON (an event's envelope)"})


class DeadLetterListSchema(Schema):
    items = fields.List(fields.Nested(DeadLetterSchema))
    count = fields.Integer(metadata={"description": "how many wait in the queue (items holds at most limit)"})
    next = Next()


class DeadLetterArgs(Schema):
    kind = fields.String(load_default="events", validate=validate.OneOf(["events", "rpc"]),
                         metadata={"description": "events (replayable) or rpc (requests nobody waits for)"})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=dead_letters.MAX_LISTED))


class ReplaySchema(Schema):
    ids = fields.List(fields.String(validate=validate.Length(min=1)), validate=validate.Length(min=1),
                      metadata={"description": "the dead letters to replay"})
    all = fields.Boolean(load_default=False, metadata={"description": "replay every dead letter (of queue)"})
    queue = fields.String(metadata={"description": "only those that died in this queue"})

    @validates_schema
    def one_choice(self, data, **kwargs):
        if bool(data.get("ids")) == bool(data.get("all")):
            raise ValidationError("give either ids or all: true", "ids")


class ReplayedSchema(Schema):
    replayed = fields.List(fields.Nested(DeadLetterSchema))
    not_found = fields.List(fields.String(), metadata={"description": "ids that are not dead letters (any more)"})
