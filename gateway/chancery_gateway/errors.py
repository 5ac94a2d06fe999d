"""One table from what went wrong to the HTTP answer, for the API and the pages alike.

API answers are JSON in the shape flask-smorest uses for its own validation errors:
``{"code": 422, "status": "Unprocessable Entity", "message": "...", "errors": {...}}``.
"""
import logging
import uuid

from flask import jsonify, render_template, request
from nameko.exceptions import RemoteError
from werkzeug.exceptions import HTTPException

from chancery_common.errors import (
    Conflict, InvalidInput, NotFound, PermissionDenied, TooManyAttempts, Unauthenticated,
)
from chancery_common.errors import ServiceUnavailable as UpstreamUnavailable

from .rpc import ServiceUnavailable

log = logging.getLogger(__name__)

STATUS = {
    NotFound: 404,
    Conflict: 409,
    InvalidInput: 422,
    PermissionDenied: 403,
    Unauthenticated: 401,
    TooManyAttempts: 429,
    ServiceUnavailable: 503,
    UpstreamUnavailable: 503,  # a service that another service needed did not answer
    RemoteError: 502,  # a service failed in a way it did not describe
}
REASONS = {500: "Internal Server Error", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
           413: "Payload Too Large", 422: "Unprocessable Entity", 429: "Too Many Requests", 502: "Bad Gateway",
           503: "Service Unavailable"}


def wants_json():
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def error_body(code, message, errors=None):
    body = {"code": code, "status": REASONS.get(code, ""), "message": message}
    if errors:
        body["errors"] = errors
    return body


def describe(exc):
    """(HTTP status, message, field errors) for an exception from a service call."""
    code = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), None)
    if code is None:
        return None
    if isinstance(exc, InvalidInput):
        return code, exc.message, {"json": exc.details or {}}
    if isinstance(exc, RemoteError):
        log.error("remote failure: %s", exc)
        return code, f"a service failed: {exc.exc_type}", None
    return code, str(exc), None


def register(app):
    def handle_service_error(exc):
        code, message, errors = describe(exc)
        if wants_json():
            return jsonify(error_body(code, message, errors)), code
        return render_template("error.html", code=code, message=message, errors=errors), code

    for cls in STATUS:
        app.register_error_handler(cls, handle_service_error)

    @app.errorhandler(Exception)
    def handle_unexpected(exc):
        """A bug in the gateway: logged with a reference the person can quote."""
        reference = uuid.uuid4().hex[:12]
        log.exception("unexpected error %s on %s %s", reference, request.method, request.path)
        message = f"internal error (reference {reference})"
        if wants_json():
            return jsonify(error_body(500, message)), 500
        return render_template("error.html", code=500, message=message), 500

    @app.errorhandler(HTTPException)
    def handle_http(exc):
        if wants_json():
            data = getattr(exc, "data", None) or {}
            errors = data.get("messages")
            message = data.get("message") or exc.description
            if exc.code == 422 and errors:
                fields = ", ".join(sorted(k for v in errors.values() for k in v))
                message = f"Invalid input: {fields}"
            return jsonify(error_body(exc.code, message, errors)), exc.code
        return render_template("error.html", code=exc.code, message=exc.description), exc.code
