"""What the OpenAPI document says of every operation beyond its own decorators: how to sign
in (security schemes), a stable ``operationId``, and each error status it may answer with
the problem details of errors.py (RFC 9457 ``application/problem+json``).

Generated here once, so a new endpoint cannot forget them; docs/api.md explains them.
"""
from http import HTTPStatus

from apispec import BasePlugin
from marshmallow import Schema, fields

from ..errors import PROBLEM_MEDIA_TYPE, PROBLEMS

SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer",
               "description": "An API token (POST /api/v1/api-tokens/): `Authorization: Bearer <token>`. "
                              "No CSRF token; a token without the `write` scope may only read."},
    "session": {"type": "apiKey", "in": "cookie", "name": "chancery_session",
                "description": "The session cookie set by POST /api/v1/auth/login."},
    "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token",
             "description": "With the session cookie, every unsafe request (POST, PUT, PATCH, DELETE) "
                            "sends the `csrf_token` that signing in returned."},
}
# read with either credential; change with a token, or with the cookie and its CSRF token
READ_SECURITY = [{"bearer": []}, {"session": []}]
WRITE_SECURITY = [{"bearer": []}, {"session": [], "csrf": []}]
# only liveness answers anyone; the other health answers are for administrators
PUBLIC_PREFIXES = ("/api/v1/auth/login", "/api/v1/health/ping", "/api/v1/problems")
UNSAFE = ("post", "put", "patch", "delete")
# ``@blp.doc(**VERSIONED)`` on a record's GET and PATCH: the ETag and If-Match of its version
# (preconditions.py), described below once
VERSIONED = {"x-chancery-versioned": True}
ETAG_HEADER = {"description": 'The record\'s version as a strong entity tag, such as `"7"`: send it back as '
                              "`If-Match` with a PATCH (docs/api.md, \"Changed meanwhile\").",
               "schema": {"type": "string"}}
IF_MATCH_REF = "IfMatch"  # apispec makes a component's name a $ref to it
IF_MATCH = {"schema": {"type": "string"},
            "description": 'The ETag the change is based on, such as `"7"` (or several, comma-separated; `*`: '
                           "any). When the record is at another version nothing is changed and the answer is "
                           "412 naming who changed it, when, and the fields changed meanwhile with their values "
                           "now. Weak tags (`W/\"7\"`) never match; a malformed value is 400. Without it the "
                           "change is made whatever the version: send it."}



class ProblemSchema(Schema):
    """RFC 9457 problem details, with Chancery's extension members."""

    type = fields.String(metadata={"description": "URI of the kind of problem; GET it for what it means "
                                                  "(`about:blank` for a status with no kind of its own)."})
    title = fields.String(metadata={"description": "Short summary of the kind of problem."})
    status = fields.Integer(metadata={"description": "The HTTP status."})
    detail = fields.String(metadata={"description": "What went wrong with this request, in words."})
    instance = fields.String(metadata={"description": "The path that was asked for."})
    code = fields.Integer(metadata={"description": "Extension: the HTTP status again (as before problem details)."})
    message = fields.String(metadata={"description": "Extension: the detail again (as before problem details)."})
    errors = fields.Dict(metadata={"description": "Extension: by location (`json`, `query`, `form`, `files`), "
                                                  "each field with what is wrong with it."})
    request_id = fields.String(metadata={"description": "Extension: the request's correlation id "
                                                        "(X-Request-ID), to quote to the operators."})


PROBLEM_CONTENT = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
# the error statuses an operation may answer; each is the response component Error<status>
ERRORS = (400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503)


def nullable_reference(self, field, ret):
    """apispec attribute function: a nullable nested schema as ``allOf: [$ref]`` with
    ``nullable: true`` (OpenAPI 3.0), which client generators read as that schema or null,
    instead of apispec's ``anyOf`` of a bare object and the reference, which they take for
    any object (the generated client would lose the nested record's fields)."""
    choices = ret.get("anyOf") or []
    bare = {"type": "object", "nullable": True}
    references = [choice for choice in choices if choice != bare]
    if len(choices) == 2 and bare in choices and len(references) == 1 and set(references[0]) == {"$ref"}:
        del ret["anyOf"]
        return {"allOf": references, "nullable": True}
    return {}


def register(spec):
    for name, scheme in SECURITY_SCHEMES.items():
        spec.components.security_scheme(name, scheme)
    if "Problem" not in spec.components.schemas:
        spec.components.schema("Problem", schema=ProblemSchema)
    spec.components.parameter("IfMatch", "header", {**IF_MATCH, "name": "If-Match"})
    for status in ERRORS:
        spec.components.response(f"Error{status}", {
            "description": PROBLEMS[status].description,
            "content": PROBLEM_CONTENT})


class OperationsPlugin(BasePlugin):
    """apispec plugin: operationId, security and error responses of each operation."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        for method, operation in operations.items():
            if rule is not None:
                operation.setdefault("operationId", operation_id(rule.endpoint, method, len(operations)))
            public = path.startswith(PUBLIC_PREFIXES)
            if operation.get("security") == [{"session": []}] and method in UNSAFE:
                # one's own credentials take the session only, which sends its CSRF token
                operation["security"] = [{"session": [], "csrf": []}]
            operation.setdefault("security", [] if public else WRITE_SECURITY if method in UNSAFE
                                 else READ_SECURITY)
            responses = operation.setdefault("responses", {})
            if operation.pop("x-chancery-versioned", False):
                versioned(method, operation, responses)
            # with the statuses an operation names itself (alt_response), such as a public one's 403
            named = {int(status) for status in responses if str(status).isdigit() and int(status) in ERRORS}
            for status in sorted(set(error_statuses(path, method, operation, public)) | named):
                given = responses.pop(status, None) or responses.get(str(status))
                # flask-smorest's own answer for a status (such as UNPROCESSABLE_ENTITY on an
                # operation with arguments) is replaced by the problem details of that status
                if given is None or given == HTTPStatus(status).name:
                    given = f"Error{status}"
                elif isinstance(given, dict) and "content" not in given:
                    # an operation's own words for a status (alt_response): the body is
                    # still problem details
                    given = {**given, "content": PROBLEM_CONTENT}
                responses[str(status)] = given


def versioned(method, operation, responses):
    """The ETag of a record's GET and PATCH answers; If-Match (and its 412) of its PATCH."""
    answer = responses.get(200, responses.get("200"))
    if isinstance(answer, dict):
        answer.setdefault("headers", {})["ETag"] = ETAG_HEADER
    if method == "patch":
        operation.setdefault("parameters", []).append(IF_MATCH_REF)


def operation_id(endpoint, method, methods_on_path):
    """``blueprint.view`` as ``blueprint_view`` (plus the method when one view answers several)."""
    name = endpoint.replace(".", "_").replace("-", "_")
    return f"{name}_{method}" if methods_on_path > 1 else name


def error_statuses(path, method, operation, public):
    statuses = {401, 422, 503}  # 401 on signing in too: a wrong e-mail or password
    if not public:
        statuses |= {403, 404}
    if "{" in path:  # a record (or a kind of problem) named in the path may not exist
        statuses.add(404)
    if method in UNSAFE:
        statuses |= {400, 409}  # 400: a malformed Idempotency-Key (or If-Match)
    if IF_MATCH_REF in operation.get("parameters", ()):
        statuses.add(412)
    if "requestBody" in operation:
        statuses |= {400, 413, 415}
    if path.startswith("/api/v1/auth/login"):
        statuses.add(429)
    return sorted(statuses)
