"""The gateway application: REST API, web UI, error mapping, translations."""
from datetime import timedelta

from flask import Flask

from chancery_common import logs

from . import errors, i18n, rpc
from .settings import Settings


def create_app(settings=None):
    settings = settings or Settings.from_env()
    logs.configure()
    rpc.configure(settings.amqp_uri, settings.rpc_timeout)

    app = Flask(__name__)
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

    from . import api, web
    api.register(app)
    web.register(app)
    errors.register(app)  # after the API, so our handlers replace flask-smorest's

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
