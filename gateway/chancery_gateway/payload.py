"""Loaded request data back to JSON-ready values for the bus, answers already dumped, form flags."""
import datetime
import decimal
import json
import uuid

import orjson
from flask import current_app, request
from flask.json.provider import DefaultJSONProvider

TRUE = ("1", "true", "yes", "on")


def form_flag(name):
    """A yes/no field of a multipart form (or the query): 1, true, yes or on is yes."""
    return (request.form.get(name) or request.args.get(name) or "").strip().lower() in TRUE


def jsonable(value):
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def as_dumped(body, status=200):
    """An answer the services already dumped with their schemas, sent as it is.

    flask-smorest would dump it again with the documented response schema: for a large
    answer (the agenda, the unified view) that second pass costs more than the rest of the
    gateway's work. The documented schema stays the contract, and the schema-driven test
    (tests/e2e/test_openapi_contract.py) checks such answers against it.
    """
    try:  # orjson: a tenth of the json module's time for the unified view's 100 KB
        data = orjson.dumps(body)
    except (TypeError, orjson.JSONEncodeError):  # what orjson refuses (huge integers...)
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return current_app.response_class(data, status=status, mimetype="application/json")


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON answers (``jsonify``, flask-smorest's dumped responses) written by orjson:
    a list page's JSON took as long again as its dump with the json module. What orjson would
    write differently from Flask is handed to Flask's own conversion (dates and times as HTTP
    dates, dataclasses, decimals), and whatever orjson refuses (integers beyond 64 bits) is
    written by the json module as before. Keys come in the order given rather than sorted;
    non-ASCII text as UTF-8 rather than escaped: the same JSON."""

    OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

    def dumps(self, obj, **kwargs):
        if set(kwargs) - {"separators"}:  # indented (debug), or another of the json module's options
            return super().dumps(obj, **kwargs)
        try:
            return orjson.dumps(obj, default=self.default, option=self.OPTIONS).decode()
        except (TypeError, orjson.JSONEncodeError):
            return super().dumps(obj, **kwargs)
