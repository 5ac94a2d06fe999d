"""The REST API under /api/v1: one module per resource, described by flask-smorest."""
from flask_smorest import Api

from ..auth import require_api_session as session_required

from . import (
    access, activities, api_tokens, approval_routes, approvals, auth, contact_persons, counterparties,
    document_types, documents, employees, health, journals, notifications, organisation, reference_books,
    saved_filters, search, dashboard,
)
from . import webhooks  # noqa: E402  (integration: webhooks for systems without AMQP)
from . import counterparty_files, negotiations  # noqa: E402  (counterparties: import/export, negotiation log)
from . import reminders  # noqa: E402  (notifications: reminders, reminder schemes, preferences)
from . import contract_execution  # noqa: E402  (documents: milestones, payments, settlements)

MODULES = (auth, health, employees, organisation, api_tokens, counterparties, contact_persons, activities,
           document_types, journals, documents, approvals, approval_routes, notifications, access,
           reference_books, saved_filters, search, webhooks, counterparty_files, negotiations)
MODULES += (reminders,)
MODULES += (dashboard,)
MODULES += (contract_execution,)

# every resource but signing in and health needs a signed-in employee (added once, at
# import: the blueprints are module-level and may serve several apps)
for _module in MODULES:
    if _module not in (auth, health):
        _module.blp.before_request(session_required)


def register(app):
    api = Api(app, spec_kwargs={
        "info": {"description": "Chancery: counterparties and their documents in one place. "
                                "Sign in with POST /api/v1/auth/login; send the returned "
                                "csrf_token as X-CSRF-Token on every unsafe request."},
    })
    for module in MODULES:
        api.register_blueprint(module.blp)
    return api
