"""Errors that cross the bus.

nameko serialises a remote exception as its class name plus its arguments; the gateway
maps the class to an HTTP status in one table (gateway ``errors.py``). The classes are
registered with nameko as deserialisable, so a caller that imports this module receives
the same exception with its message and field details, not a bare RemoteError.
"""
import json

from marshmallow import ValidationError
from nameko.exceptions import deserialize_to_instance


class ChanceryError(Exception):
    """Base class; ``message`` is for people, ``details`` for programs."""

    def __init__(self, message, details=None):
        super().__init__(message, details)
        self.message = message
        self.details = details

    def __str__(self):
        return self.message


@deserialize_to_instance
class NotFound(ChanceryError):
    """The record does not exist, or the caller may not know that it does."""


@deserialize_to_instance
class Conflict(ChanceryError):
    """The request contradicts the record's current state."""


@deserialize_to_instance
class InvalidInput(ChanceryError):
    """The input failed validation; ``details`` maps field names to messages."""


@deserialize_to_instance
class PermissionDenied(ChanceryError):
    """The caller may see the record but may not do this to it."""


@deserialize_to_instance
class Unauthenticated(ChanceryError):
    """Credentials were missing or wrong."""


@deserialize_to_instance
class TooManyAttempts(ChanceryError):
    """Refused for now after repeated failures; ``details`` says until when."""


@deserialize_to_instance
class ServiceUnavailable(ChanceryError):
    """A service did not answer in time, has no running instance, or could not be reached
    (another service this one needed, or, in the gateway, the one it called); ``details``
    names it (``service``) and may say why (``reason``)."""

    @classmethod
    def of(cls, service, reason):
        """The service is unavailable for the reason given (``no answer within 10 s``)."""
        return cls(f"the {service} service is unavailable: {reason}", {"service": service, "reason": reason})

    @property
    def service(self):
        return (self.details or {}).get("service")

    @property
    def reason(self):
        return (self.details or {}).get("reason") or self.message


@deserialize_to_instance
class Unavailable(ChanceryError):
    """The service cannot do the work now (its database is down, say) and nothing was changed;
    the same request may be sent again later. ``details`` names the service and what is down."""


@deserialize_to_instance
class DeadlineExceeded(Unavailable):
    """The caller's deadline passed before the work could be done; nothing was changed."""


@deserialize_to_instance
class Gone(ChanceryError):
    """What was asked for was kept for a while and is no more (events purged from the
    published-event log); ``details`` says what to do instead."""


@deserialize_to_instance
class PreconditionFailed(ChanceryError):
    """The record changed since the version the caller named (``If-Match``): nothing was
    written. ``details``: ``current_version``, ``changed_by`` (an employee id, or None),
    ``changed_at`` (ISO 8601, or None) and ``changes`` (each field changed meanwhile with its
    value now, as the service's output schema dumps it).

    nameko sends an error's arguments as text (every number and None a string), so the
    details cross the bus as one JSON text and are read back here, typed."""

    def __init__(self, message, details=None):
        if isinstance(details, str):
            details = json.loads(details)
        super().__init__(message, details)
        self.args = (message, json.dumps(details, default=str))


def load(schema, data, **kwargs):
    """Validate ``data`` with a marshmallow schema, raising InvalidInput naming each field."""
    try:
        return schema.load(data if data is not None else {}, **kwargs)
    except ValidationError as exc:
        fields = ", ".join(sorted(_flatten(exc.messages)))
        raise InvalidInput(f"Invalid input: {fields}", exc.messages) from None


def _flatten(messages, prefix=""):
    if isinstance(messages, dict):
        for key, value in messages.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict):
                yield from _flatten(value, f"{name}.")
            else:
                yield name
    else:
        yield prefix.rstrip(".") or "_schema"


def parse_uuid(value, field="id"):
    """An id from the bus as a UUID, or InvalidInput naming the field."""
    import uuid

    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput(f"Invalid input: {field}", {field: ["Not a valid UUID."]}) from None
