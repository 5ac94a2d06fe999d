"""The staff web UI: server-rendered pages (Jinja + htmx) over the same service calls as the API.

One blueprint, ``web``, so that sign-in redirects (``web.login``) and every page share
their endpoint names; each module adds the routes of one area to it.
"""
from flask import Blueprint, make_response, request, url_for
from flask_babel import get_locale

from .. import auth, i18n, permissions
from . import admin_texts, formatting, forms, texts

bp = Blueprint("web", __name__)

# each module adds the routes of one area to ``bp``
from . import (  # noqa: E402,F401
    account, admin, agenda, approvals, audit, calendar_feed, contact_persons, contract_execution, counterparties,
    dashboard, document_types, documents, home, inbox, intake, jobs, ldap_settings, notifications, organisation,
    pipeline, reference_books, search, sign_in_settings, signin, two_factor, webhooks
)


@bp.before_app_request
def htmx_needs_session():
    """An htmx fragment asked for after the session ended reloads the page into sign-in.

    Without this, htmx would follow the redirect and paste the login form into a badge.
    """
    if (request.headers.get("HX-Request") and auth.current_employee() is None
            and request.endpoint and request.endpoint.startswith("web.")
            and request.endpoint not in ("web.login", "web.language")):
        response = make_response("", 200)
        response.headers["HX-Redirect"] = url_for("web.login")
        return response
    return None


@bp.after_request
def vary_on_htmx(response):
    """One address answers a whole page, or to htmx a part of it: caches must tell them apart."""
    response.vary.add("HX-Request")
    return response


def template_context():
    return {"current_employee": auth.current_employee()}


def register(app):
    app.register_blueprint(bp)
    app.context_processor(template_context)
    # globals, not context: imported macros see globals only
    app.jinja_env.globals.update(
        csrf_token=auth.csrf_token, get_locale=get_locale, languages=i18n.LANGUAGES,
        local_path=forms.local_path,
        nav_counts=home.nav_counts, label=texts.label, tone=texts.tone,
        service_text=texts.service_text, reference_name=texts.reference_name,
        settlement_text=texts.settlement_text, history_text=texts.history_text,
        notification_text=texts.notification_text,
        word=admin_texts.word, say=admin_texts.say, permission_label=admin_texts.permission_label,
        record_url=audit.record_url, may=permissions.may, may_see_dashboard=dashboard.may_see_dashboard,
    )
    formatting.register(app)
