"""The REST API under /api/v1: one module per resource, described by flask-smorest."""
from flask_smorest import Api

from ..auth import require_api_session as session_required

from . import (
    activities, api_tokens, approval_routes, approvals, auth, contact_persons, counterparties, document_types, documents,
    employees, health, journals, notifications, organisation,
)

MODULES = (auth, health, employees, organisation, api_tokens, counterparties, contact_persons, activities, document_types,
           journals, documents, approvals, approval_routes, notifications)


def register(app):
    api = Api(app, spec_kwargs={
        "info": {"description": "Chancery: counterparties and their documents in one place. "
                                "Sign in with POST /api/v1/auth/login; send the returned "
                                "csrf_token as X-CSRF-Token on every unsafe request."},
    })
    for module in MODULES:
        if module not in (auth, health):
            module.blp.before_request(session_required)
        api.register_blueprint(module.blp)
    return api
