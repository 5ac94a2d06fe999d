"""The value conversions every service makes alike: the current time in UTC (the default of
every stored moment) and an id as a UUID (ids arrive as text in events and requests; the
audit hashes must see one spelling of each)."""
import uuid
from datetime import datetime, timezone


def utcnow():
    return datetime.now(timezone.utc)


def as_uuid(value):
    """``value`` (text or a UUID) as a UUID; None (and an empty text) as None."""
    if value is None or value == "":
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
