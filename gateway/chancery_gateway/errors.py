"""One table from what went wrong to the HTTP answer, for the API and the pages alike.

API answers are RFC 9457 problem details (``application/problem+json``): ``type`` (the URI
of the kind of problem, served under /api/v1/problems/), ``title``, ``status``, ``detail``
and ``instance`` (the path asked for), with the extension members ``code`` (the status
again), ``message`` (the detail again, as before), ``errors`` (what is wrong with each
field, by location) and ``request_id`` (to quote to the operators)::

    {"type": "https://host/api/v1/problems/invalid-input", "title": "Invalid input",
     "status": 422, "detail": "Invalid input: name", "instance": "/api/v1/counterparties/",
     "code": 422, "message": "Invalid input: name", "errors": {"json": {"name": [...]}},
     "request_id": "..."}

Whatever is down (a service, its database, the message bus) is answered 503 with
``Retry-After``: nothing was changed and the same request may be sent again then. 502 is
kept for a service failing in a way it did not describe (a bug), which a retry will not
mend (docs/reliability.md).
"""
import logging
import uuid

from flask import jsonify, render_template, request
from nameko.exceptions import RemoteError
from werkzeug.exceptions import HTTPException

from chancery_common.errors import (
    Conflict, Gone, InvalidInput, NotFound, PermissionDenied, PreconditionFailed, ServiceUnavailable,
    TooManyAttempts,
    Unauthenticated, Unavailable,
)

from . import preconditions
from .observability import request_id

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5  # a restarted service or broker usually serves again within this

STATUS = {
    NotFound: 404,
    Conflict: 409,
    Gone: 410,  # events purged from the published-event log (chancery_common.event_log)
    PreconditionFailed: 412,  # If-Match named a version the record is no longer at (preconditions.py)
    InvalidInput: 422,
    PermissionDenied: 403,
    Unauthenticated: 401,
    TooManyAttempts: 429,
    ServiceUnavailable: 503,  # a service (or one it needed) did not answer, or has no running instance
    Unavailable: 503,  # the service could not do it now: its database is down, the deadline passed
    RemoteError: 502,  # a service failed in a way it did not describe
}
PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEMS_PATH = "/api/v1/problems/"


class Problem:
    """One kind of problem: its ``type`` URI's last segment, title and what it means."""

    def __init__(self, status, slug, title, description):
        self.status, self.slug, self.title, self.description = status, slug, title, description


# status -> the kind of problem it names; a status not here is answered with "about:blank"
# and its HTTP reason phrase, as RFC 9457 says
PROBLEMS = {problem.status: problem for problem in (
    Problem(400, "bad-request", "Bad request",
            "The body does not parse as JSON, or a header (such as Idempotency-Key) is malformed."),
    Problem(401, "unauthenticated", "Not signed in",
            "No session cookie or bearer token, an ended one, or a wrong e-mail or password."),
    Problem(403, "forbidden", "Not allowed",
            "The roles (or the token's scopes) do not allow this, or the CSRF token is missing or wrong."),
    Problem(404, "not-found", "Not found",
            "A record named in the path or the body does not exist or is not visible to the caller."),
    Problem(405, "method-not-allowed", "Method not allowed", "The path does not take this HTTP method."),
    Problem(409, "conflict", "Conflict",
            "The record's state does not allow this now, or the same request is still being processed."),
    Problem(412, "precondition-failed", "Changed meanwhile",
            "The record was changed by someone else since the version named in If-Match; nothing was "
            "changed. `current_version` (also the ETag), `changed_by` ({id, name}), `changed_at` and "
            "`changes` (each field changed meanwhile with its value now) say what happened: compare, "
            "and send the change again with the new version."),
    Problem(410, "gone", "No longer kept",
            "What was asked for was kept for a limited time and is gone: events after the position asked for "
            "were purged from the published-event log. Sync the records again, then replay from the current end."),
    Problem(413, "payload-too-large", "Body too large", "The body is over the upload limit."),
    Problem(415, "unsupported-media-type", "Unsupported media type",
            "The body is not of a media type the operation takes (JSON operations take application/json)."),
    Problem(422, "invalid-input", "Invalid input",
            "`errors` names each field by location (json, query, form, files) with what is wrong with it."),
    Problem(428, "precondition-required", "If-Match required", "This change needs the If-Match header."),
    Problem(429, "too-many-attempts", "Too many attempts", "Try again after the seconds in Retry-After."),
    Problem(500, "internal-error", "Internal error",
            "A fault in the gateway; quote `request_id` to the operators."),
    Problem(502, "service-failure", "A service failed",
            "A service failed in a way it did not describe; a retry will not mend it."),
    Problem(503, "unavailable", "Service unavailable",
            "A service the answer needs did not answer in time; nothing was changed. Retry after Retry-After."),
)}
REASONS = {500: "Internal Server Error", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 409: "Conflict", 410: "Gone", 412: "Precondition Failed",
           413: "Payload Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Entity",
           428: "Precondition Required", 429: "Too Many Requests", 502: "Bad Gateway", 503: "Service Unavailable"}


def wants_json():
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def problem_type(code):
    """The ``type`` URI of a status's kind of problem (absolute, on this gateway)."""
    problem = PROBLEMS.get(code)
    if problem is None:
        return "about:blank"
    return request.url_root.rstrip("/") + PROBLEMS_PATH + problem.slug


def error_body(code, message, errors=None):
    """The problem details of an error answered with ``code`` (RFC 9457, plus extensions)."""
    problem = PROBLEMS.get(code)
    body = {"type": problem_type(code), "title": problem.title if problem else REASONS.get(code, ""),
            "status": code, "detail": message, "instance": request.path,
            "code": code, "message": message}
    if errors:
        body["errors"] = errors
    reference = request_id()
    if reference:
        body["request_id"] = reference
    return body


def problem_response(code, message, errors=None, **extensions):
    """An ``application/problem+json`` answer of ``code``."""
    response = jsonify({**error_body(code, message, errors), **extensions})
    response.status_code = code
    response.mimetype = PROBLEM_MEDIA_TYPE
    return response


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


def retry_after_seconds(exc):
    """Seconds to wait before trying again, from a TooManyAttempts' details (for Retry-After)."""
    try:  # a number, sent as text: nameko passes an error's details on as strings
        seconds = int((exc.details or {}).get("retry_after_seconds"))
    except (TypeError, ValueError):
        seconds = 60
    return max(seconds, 1)


def register(app):
    def handle_service_error(exc):
        code, message, errors = describe(exc)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if code == 503 else {}
        extensions = {}
        if isinstance(exc, PreconditionFailed):
            extensions = preconditions.changed_meanwhile(exc)
            who = (extensions["changed_by"] or {}).get("name") or (extensions["changed_by"] or {}).get("id")
            if who:
                message = f"{message}; last changed by {who} at {extensions['changed_at']}"
            if extensions["current_version"]:
                headers["ETag"] = preconditions.etag(extensions["current_version"])
        if wants_json():
            response = problem_response(code, message, errors, **extensions)
        else:
            response = app.make_response(render_template("error.html", code=code, message=message,
                                                         errors=errors))
        response.status_code = code
        response.headers.update(headers)
        if isinstance(exc, TooManyAttempts):
            response.headers["Retry-After"] = str(retry_after_seconds(exc))
        return response

    for cls in STATUS:
        app.register_error_handler(cls, handle_service_error)

    @app.errorhandler(Exception)
    def handle_unexpected(exc):
        """A bug in the gateway: logged under the request id, which the person can quote."""
        reference = request_id() or uuid.uuid4().hex
        log.exception("unexpected error on %s %s", request.method, request.path)
        message = f"internal error (reference {reference})"
        if wants_json():
            return problem_response(500, message)
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
            response = problem_response(exc.code, message, errors)
            for name, value in exc.get_headers():  # such as Allow on a 405
                if name.lower() != "content-type":
                    response.headers[name] = value
            return response
        return render_template("error.html", code=exc.code, message=exc.description), exc.code
