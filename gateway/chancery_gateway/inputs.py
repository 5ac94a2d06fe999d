"""What every request's input must be before any view reads it, checked once for the API
and the pages alike.

- Text holds no NUL character and no lone UTF-16 surrogate (JSON allows both as ``\\u0000``
  and ``\\ud800``): PostgreSQL cannot store NUL, and a lone surrogate cannot be encoded as
  UTF-8 for the bus. Query parameters, form fields, file names and every string and key of a
  JSON body are checked; the answer is 422 naming the field, as the schemas' own errors do.
- A JSON body is nested at most ``MAX_DEPTH`` levels (deeper ones are refused before they
  are parsed, so parsing cannot exhaust the stack): 422 naming the top-level field.
- A JSON body that does not parse is 400; a body of another media type sent to an operation
  that reads JSON is 415 (it would otherwise be ignored and the operation run without it).
"""
import json
import re

from flask import abort, current_app, request
from werkzeug.exceptions import UnprocessableEntity

MAX_DEPTH = 32
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}:]')


def register(app):
    app.before_request(check_request)


def check_request():
    errors = {}
    for location, name, value in _named_texts():
        problem = _text_problem(name) or _text_problem(value)
        if problem:
            errors.setdefault(location, {})[name] = [problem]
    body = _json_body()
    if body is not None:
        problems = _bad_strings(body)
        if problems:
            errors["json"] = problems
    if errors:
        _refuse(errors)


def _named_texts():
    """(location, name, text) of the query and, for form bodies only (others are streamed or
    JSON), of the form fields and file names."""
    for name, value in request.args.items(multi=True):
        yield "query", name, value
    if request.mimetype in FORM_TYPES:
        for name, value in request.form.items(multi=True):
            yield "form", name, value
        for name, upload in request.files.items(multi=True):
            yield "files", name, upload.filename or ""


def _json_body():
    """The parsed JSON body, or None when there is none; refuses what cannot be one."""
    has_body = bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "")
    if not _is_json(request.mimetype):
        if has_body and request.mimetype not in FORM_TYPES and _reads_json():
            abort(415, description="send the body as application/json "
                                   f"(it came as {request.mimetype or 'a body without Content-Type'})")
        return None
    data = request.get_data(cache=True) if has_body else b""
    if not data.strip():
        return None
    field = _too_deep(data)
    if field:
        _refuse({"json": {field: [f"Nested deeper than {MAX_DEPTH} levels."]}})
    try:
        return json.loads(data)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
        abort(400, description=f"the body is not valid JSON: {exc}")


def _is_json(mimetype):
    """As webargs decides it: application/json, or application/<anything>+json."""
    return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def _reads_json():
    """Whether the operation that will answer takes a JSON body (as its OpenAPI document says)."""
    view = current_app.view_functions.get(request.endpoint)
    if view is None:
        return False
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        view = getattr(view_class, request.method.lower(), None)
    arguments = getattr(view, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(argument.get("in") == "json" for argument in arguments)


def _too_deep(data):
    """The top-level field under which ``data`` nests deeper than MAX_DEPTH ("_schema" when
    the body itself is not an object), or None; strings are skipped, not parsed."""
    if data.count(b"[") + data.count(b"{") <= MAX_DEPTH:
        return None
    depth, key, last_string = 0, None, None
    for match in _TOKEN.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_DEPTH:
                return key or "_schema"
        elif token in (b"]", b"}"):
            depth -= 1
        elif token == b":":
            if depth == 1:
                key = _decoded(last_string)
        else:
            last_string = token
    return None


def _decoded(token):
    try:
        key = json.loads(token)
    except ValueError:
        return None
    return key if isinstance(key, str) and not _text_problem(key) else None


def _bad_strings(value):
    """Field errors for every NUL or lone surrogate in a parsed JSON value (keys included),
    nested as marshmallow nests them: ``{"stages": {"0": {"name": [...]}}}``."""
    errors = {}
    stack = [(value, errors, "_schema")]
    while stack:
        item, into, name = stack.pop()
        if isinstance(item, str):
            problem = _text_problem(item)
            if problem:
                into.setdefault(name, []).append(problem)
            continue
        if isinstance(item, dict):
            children = item.items()
        elif isinstance(item, list):
            children = enumerate(item)
        else:
            continue
        nested = errors if item is value else into.setdefault(name, {})
        for key, child in children:
            problem = _text_problem(key) if isinstance(key, str) else None
            if problem:
                nested.setdefault(json.dumps(key)[1:-1], []).append(f"The field's name: {problem}")
            else:
                stack.append((child, nested, str(key)))
    return _prune(errors)


def _prune(errors):
    """Drop the empty dicts of children that turned out fine (they were filled later)."""
    pruned = {}
    for key, value in errors.items():
        if isinstance(value, dict):
            value = _prune(value)
            if not value:
                continue
        pruned[key] = value
    return pruned


def _text_problem(text):
    if not text:  # a multipart part may come without a name
        return None
    found = _BAD_CHARACTER.search(text)
    if not found:
        return None
    if found.group() == "\x00":
        return "Must not contain the NUL character (\\u0000)."
    return "Must not contain a lone UTF-16 surrogate (\\ud800-\\udfff); send the character itself."


def _refuse(errors):
    """422 in the shape of the schemas' own validation errors (see errors.py)."""
    fields = ", ".join(sorted(name for location in errors.values() for name in location))
    refusal = UnprocessableEntity(description=f"Invalid input: {fields}")
    refusal.data = {"messages": errors}
    raise refusal
