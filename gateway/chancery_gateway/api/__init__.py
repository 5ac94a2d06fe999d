"""The REST API under /api/v1: one module per resource, described by flask-smorest."""
from flask import current_app, redirect, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, NotFound

from .. import idempotency
from ..auth import require_api_session as session_required

from . import (
    access, activities, api_tokens, approval_routes, approvals, auth, calendar_feed, contact_persons,
    contract_execution, counterparties, counterparty_files, dashboard, dead_letters, document_types, documents,
    employees, events, health, intake, jobs, journals, negotiations, notifications, organisation, problems,
    reference_books, reminders, saved_filters, search, webhooks
)
from . import openapi  # security schemes, operationIds and error answers in the document

# every resource's module, each with its blueprint ``blp``
MODULES = (
    access, activities, api_tokens, approval_routes, approvals, auth, calendar_feed, contact_persons,
    contract_execution, counterparties, counterparty_files, dashboard, dead_letters, document_types, documents,
    employees, events, health, intake, jobs, journals, negotiations, notifications, organisation, problems,
    reference_books, reminders, saved_filters, search, webhooks
)

# every resource but signing in and health needs a signed-in employee (added once, at
# import: the blueprints are module-level and may serve several apps)
for _module in MODULES:
    if _module not in (auth, health, problems, calendar_feed):
        _module.blp.before_request(session_required)


class ChanceryApi(Api):
    # no catch-all "default" answer: each operation lists the error statuses it may answer
    DEFAULT_ERROR_RESPONSE_NAME = None
    # flask-smorest's stock answers (which openapi.py replaces per status) name the problem
    # details too, so the document holds no second error schema
    ERROR_SCHEMA = openapi.ProblemSchema


def register(app):
    api = ChanceryApi(app, spec_kwargs={
        "extra_plugins": [openapi.OperationsPlugin()],
        "info": {"description": "Chancery: counterparties and their documents in one place. "
                                "Sign in with POST /api/v1/auth/login; send the returned "
                                "csrf_token as X-CSRF-Token on every unsafe request; "
                                "or send an API token as Authorization: Bearer <token>. Each operation's "
                                "`security` says which credentials it takes; one's own credentials "
                                "(sign-out, password, two-factor) take the session only."},
    })
    openapi.register(api.spec)
    api.ma_plugin.converter.add_attribute_function(openapi.nullable_reference)
    for module in MODULES:
        api.register_blueprint(module.blp)
    idempotency.describe_in_openapi(api.spec, exempt_paths={"/api/v1/auth/login", "/api/v1/auth/logout"})
    app.before_request(slash_convention)
    return api


def slash_convention():
    """One spelling of every API path (docs/api.md, "Paths"): a collection's ends in a slash and
    Werkzeug answers its other spelling with a 308 to it; this answers a slash added to any
    other path with a 308 to the path without it (method and body kept)."""
    path = request.path
    if not (path.startswith("/api/") and path.endswith("/") and isinstance(request.routing_exception, NotFound)):
        return None
    try:
        current_app.url_map.bind_to_environ(request.environ).match(path.rstrip("/"), method=request.method)
    except HTTPException:
        return None
    query = request.query_string.decode("latin-1")
    return redirect(request.script_root + path.rstrip("/") + (f"?{query}" if query else ""), 308)
