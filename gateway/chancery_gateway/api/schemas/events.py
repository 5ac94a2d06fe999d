"""Replay of the published events (api/events.py)."""
from marshmallow import Schema, fields, validate

from chancery_common import event_log


class EventArgs(Schema):
    after = fields.String(validate=validate.Length(min=1, max=500), metadata={
        "description": "The position to go on from: the `next` or `resume` of the page before, or built from the "
                       "events one handled, `<producer>:<position>` for each producer, comma-separated "
                       "(`documents:1041,approvals:388`). A producer not named: from its oldest event kept."})
    types = fields.List(fields.String(validate=validate.Length(max=2000)), metadata={
        "description": "Only these event types (`document.registered`) or aggregates' (`document.*`); repeat, "
                       "or separate by commas. Send the same with every page of a replay."})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=event_log.MAX_LIMIT))


class EventSchema(Schema):
    """An event as published on the bus: the envelope, with its position in its producer's log."""

    id = fields.UUID(metadata={"description": "The event's id, also its CloudEvents `id` and its message's "
                                              "message_id on the bus: a subscriber skips an id it has handled."})
    type = fields.String()
    version = fields.Integer()
    occurred_at = fields.String()
    producer = fields.String(metadata={"description": "The service that published it (its exchange: "
                                                      "`<producer>.events`)."})
    subject = fields.String(allow_none=True)
    position = fields.Integer(metadata={"description": "Its place in its producer's log (also in the message on "
                                                       "the bus): `<producer>:<position>` resumes after it."})
    payload = fields.Dict()


class EventLogEndSchema(Schema):
    cursor = fields.String(metadata={"description": "The position of the newest event of every producer, as "
                                                    "`after` takes it."})
