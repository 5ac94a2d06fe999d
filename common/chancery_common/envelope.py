"""The event envelope every Chancery event travels in, and its CloudEvents attributes.

An event is a small typed message: ``<aggregate>.<verb in past tense>`` (for example
``document.registered``), a version of its payload schema, when it happened, which
service produced it, the record it is about (``subject``) and its payload. Consumers
de-duplicate by ``id``.

Every event is also a CloudEvent (CloudEvents 1.0): its attributes travel beside the
envelope, as ``cloudEvents_*`` message headers on the bus (the AMQP binding's binary
mode) and as ``ce-*`` HTTP headers or an ``application/cloudevents+json`` body on
webhooks. The event's ``data`` is always the envelope itself, so a CloudEvents consumer
and a consumer of the envelope read the same bytes; ``dataversion`` (an extension
attribute) is the payload's version.
"""
import uuid
from urllib.parse import quote
from dataclasses import dataclass, field
from datetime import datetime, timezone

from marshmallow import EXCLUDE, Schema, fields, validate, ValidationError

EVENT_TYPE = r"^[a-z][a-z_]*\.[a-z][a-z_]*$"

CLOUDEVENTS_SPEC_VERSION = "1.0"
# the AMQP binding's prefix of application properties (it prefers "cloudEvents_" to the
# older "cloudEvents:", which some brokers and clients cannot carry in a header name)
AMQP_PREFIX = "cloudEvents_"
HTTP_PREFIX = "ce-"
STRUCTURED_MEDIA_TYPE = "application/cloudevents+json"


class EnvelopeSchema(Schema):
    class Meta:
        # fields added to the envelope later must not make older consumers drop events
        unknown = EXCLUDE

    id = fields.UUID(required=True)
    type = fields.String(required=True, validate=validate.Regexp(EVENT_TYPE))
    version = fields.Integer(required=True, validate=validate.Range(min=1))
    occurred_at = fields.AwareDateTime(required=True, default_timezone=timezone.utc)
    producer = fields.String(required=True)
    # the id of the record the event is about (CloudEvents' subject); absent on older events
    subject = fields.String(load_default=None, allow_none=True)
    # its place in its producer's published-event log (event_log.py); absent on older events
    position = fields.Integer(load_default=None, allow_none=True)
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
    subject: str | None = None
    position: int | None = None

    def to_message(self):
        """The JSON-ready body published on the bus."""
        body = {
            "id": str(self.id),
            "type": self.type,
            "version": self.version,
            "occurred_at": self.occurred_at.isoformat(),
            "producer": self.producer,
        }
        if self.subject:
            body["subject"] = self.subject
        if self.position is not None:
            body["position"] = self.position
        body["payload"] = self.payload
        return body

    def cloud_event_attributes(self):
        """The CloudEvents context attributes of this event (their names as the spec has them)."""
        return cloud_event_attributes(id=str(self.id), type=self.type, producer=self.producer,
                                      occurred_at=self.occurred_at.isoformat(), subject=self.subject,
                                      version=self.version)

    @classmethod
    def from_message(cls, body):
        try:
            data = EnvelopeSchema().load(body)
        except ValidationError as exc:
            raise InvalidEnvelope(f"not a Chancery event: {exc.messages}") from None
        return cls(**data)


def source_of(producer):
    """The CloudEvents ``source`` of a service's events: a URI reference naming it."""
    return f"/chancery/{producer}"


def cloud_event_attributes(*, id, type, producer, occurred_at, subject, version):
    """CloudEvents 1.0 attributes of an event given by its envelope's members."""
    attributes = {
        "specversion": CLOUDEVENTS_SPEC_VERSION,
        "id": id,
        "source": source_of(producer),
        "type": type,
        "time": occurred_at,
        "datacontenttype": "application/json",
        "dataversion": version,
    }
    if subject:
        attributes["subject"] = subject
    return attributes


def attributes_of_body(body):
    """The CloudEvents attributes of an envelope given as a parsed JSON body."""
    return cloud_event_attributes(id=body["id"], type=body["type"], producer=body["producer"],
                                  occurred_at=body["occurred_at"], subject=body.get("subject"),
                                  version=body["version"])


def amqp_headers(attributes):
    """The attributes as the AMQP binding's application properties (binary mode)."""
    return {AMQP_PREFIX + name: value for name, value in attributes.items() if name != "datacontenttype"}


# what the HTTP binding lets stand in a header value: printable ASCII but space, '"' and '%'
HEADER_SAFE = "".join(c for c in map(chr, range(0x21, 0x7F)) if c not in ' "%')


def http_headers(attributes):
    """The attributes as the HTTP binding's ``ce-`` headers (binary mode), percent-encoded
    where the binding says; the media type goes in Content-Type."""
    return {HTTP_PREFIX + name: quote(str(value), safe=HEADER_SAFE)
            for name, value in attributes.items() if name != "datacontenttype"}


def subject_field(event_type, declared=None):
    """The payload field naming the record an event is about: ``declared`` (a service's own
    choice for this type), else ``<aggregate>_id``."""
    return declared or f"{event_type.split('.', 1)[0]}_id"
