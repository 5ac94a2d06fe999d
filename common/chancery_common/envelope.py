"""The event envelope every Chancery event travels in.

An event is a small typed message: ``<aggregate>.<verb in past tense>`` (for example
``document.registered``), a version of its payload schema, when it happened, which
service produced it and its payload. Consumers de-duplicate by ``id``.
"""
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from marshmallow import EXCLUDE, Schema, fields, validate, ValidationError

EVENT_TYPE = r"^[a-z][a-z_]*\.[a-z][a-z_]*$"


class EnvelopeSchema(Schema):
    class Meta:
        # fields added to the envelope later must not make older consumers drop events
        unknown = EXCLUDE

    id = fields.UUID(required=True)
    type = fields.String(required=True, validate=validate.Regexp(EVENT_TYPE))
    version = fields.Integer(required=True, validate=validate.Range(min=1))
    occurred_at = fields.AwareDateTime(required=True, default_timezone=timezone.utc)
    producer = fields.String(required=True)
    payload = fields.Dict(required=True)


class InvalidEnvelope(ValueError):
    """A message on the bus that is not a Chancery event."""


@dataclass(frozen=True)
class Event:
    type: str
    payload: dict
    producer: str
    version: int = 1
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def to_message(self):
        """The JSON-ready body published on the bus."""
        return {
            "id": str(self.id),
            "type": self.type,
            "version": self.version,
            "occurred_at": self.occurred_at.isoformat(),
            "producer": self.producer,
            "payload": self.payload,
        }

    @classmethod
    def from_message(cls, body):
        try:
            data = EnvelopeSchema().load(body)
        except ValidationError as exc:
            raise InvalidEnvelope(f"not a Chancery event: {exc.messages}") from None
        return cls(**data)
