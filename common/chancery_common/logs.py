"""One log setup for every process, and the correlation id that ties one click's lines together.

Each line carries the request's correlation id (``request_id``): the gateway takes it from
the client's ``X-Request-ID`` (when it is a safe value) or makes one, sends it with every RPC
call and event (the AMQP header ``nameko.correlation_id``, which nameko hands on to the
services' own calls and event dispatch), and every service logs it. One grep finds
everything one click caused: ``grep 3f2c9a... .data/logs/*.log``.

Format: readable text on a terminal; JSON lines (one object per line: time, level,
service, logger, message, request_id, and the exception when there is one) when
``LOG_FORMAT=json``, or when the output is not a terminal and ``LOG_FORMAT`` is unset.
``LOG_FORMAT=text`` forces text.
"""
import contextvars
import json
import logging
import os
import re
import sys
import uuid
from datetime import datetime, timezone

TEXT_FORMAT = "%(asctime)s %(levelname)s [%(service)s] %(name)s: %(message)s [request_id=%(request_id)s]"
NOISY = ("amqp", "kombu", "urllib3")

# the current request's correlation id; each nameko worker (green thread) and each gateway
# request thread has its own value
correlation_id = contextvars.ContextVar("correlation_id", default=None)

# what a client may send as X-Request-ID: enough for a UUID, a trace id or a load balancer's
# id; nothing that could break a log line or a header
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def new_id():
    return uuid.uuid4().hex


def safe_id(value):
    """``value`` when it is an acceptable correlation id, else None."""
    if isinstance(value, str) and _SAFE_ID.match(value):
        return value
    return None


def current_id():
    return correlation_id.get()


class ContextFilter(logging.Filter):
    """Adds ``request_id`` and ``service`` to every record (``-`` when there is none)."""

    def __init__(self, service=None):
        super().__init__()
        self.service = service or os.environ.get("CHANCERY_SERVICE_NAME") or _process_name()

    def filter(self, record):
        record.request_id = correlation_id.get() or "-"
        record.service = self.service
        return True


def _process_name():
    return os.path.basename(sys.argv[0] or "python") or "python"


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "service": getattr(record, "service", None),
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def use_json(stream=None):
    chosen = os.environ.get("LOG_FORMAT", "").strip().lower()
    if chosen in ("json", "text"):
        return chosen == "json"
    stream = stream if stream is not None else sys.stderr
    return not (hasattr(stream, "isatty") and stream.isatty())


def make_formatter():
    """The formatter for this process: JSON or text (see the module's text)."""
    return JsonFormatter() if use_json() else logging.Formatter(TEXT_FORMAT)


def configure(level=None, service=None):
    """Set up the root logger of a process that does not use nameko's LOGGING setting
    (the gateway, commands)."""
    handler = logging.StreamHandler()
    handler.setFormatter(make_formatter())
    handler.addFilter(ContextFilter(service))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level or os.environ.get("CHANCERY_LOG_LEVEL", "INFO"))
    # kombu and amqp are chatty at INFO about every connection
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)

