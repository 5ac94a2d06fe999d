"""The gateway application: REST API, web UI, error mapping, translations."""
from datetime import timedelta

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from chancery_common import logs

from . import admission, cookie_session, errors, i18n, idempotency, inputs, observability, payload, rpc
from .settings import Settings


# Pages load only this origin's scripts, styles and images (data: images too: the favicon and
# Swagger UI's icons); no inline script, handler or style attribute; never framed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


def create_app(settings=None):
    settings = settings or Settings.from_env()
    logs.configure(service="gateway")
    rpc.configure(settings.amqp_uri, settings.rpc_timeout, settings.fan_out_threads)

    app = Flask(__name__)
    app.json = payload.JSONProvider(app)
    app.session_interface = cookie_session.SessionInterface()
    if settings.trusted_proxies:
        # the client's address and scheme as the trusted proxies saw them; never believed
        # without them (anyone could send X-Forwarded-For)
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=0, x_port=0, x_prefix=0)
    app.config.update(
        CHANCERY=settings,
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_NAME="chancery_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.production,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        # the whole request may carry one file at the limit plus the form around it
        MAX_CONTENT_LENGTH=settings.max_upload_bytes + 1024 * 1024,
        API_TITLE="Chancery API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL="/static/vendor/swagger-ui/",
        BABEL_TRANSLATION_DIRECTORIES="translations",
    )
    i18n.register(app)
    observability.register(app)  # first: the request id is set before anything logs
    admission.register(app, settings)  # then: a request with no place does nothing at all
    inputs.register(app)  # NUL, lone surrogates, JSON depth and media type: before any view

    from . import api, web
    api.register(app)
    web.register(app)
    errors.register(app)  # after the API, so our handlers replace flask-smorest's
    idempotency.register(app, settings)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response

    return app
