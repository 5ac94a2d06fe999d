"""Signing in and out (with a password or through the OpenID provider), and the language switch."""
import logging
import time

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from chancery_common.errors import InvalidInput, PermissionDenied, TooManyAttempts, Unauthenticated, Unavailable

from .. import auth, errors, i18n, oidc, rpc
from . import bp, forms
from .formatting import moment
from .two_factor import code_page

log = logging.getLogger(__name__)


def sign_in_provider(fresh=False):
    """The enabled OpenID provider's settings, or None (also when staff does not answer)."""
    try:
        return oidc.provider(fresh)
    except rpc.ServiceUnavailable:
        return None


_directory = {"at": float("-inf"), "enabled": False}
DIRECTORY_SECONDS = 5


def directory_sign_in():
    """Whether logins may be the LDAP directory's (read at most every few seconds; off when
    staff does not answer)."""
    if time.monotonic() - _directory["at"] > DIRECTORY_SECONDS:
        try:
            enabled = bool(rpc.call("staff", "ldap_sign_in_enabled"))
        except rpc.ServiceUnavailable:
            enabled = False
        _directory.update(at=time.monotonic(), enabled=enabled)
    return _directory["enabled"]


def forget_directory():
    """After an administrator changed the directory's settings (this worker)."""
    _directory["at"] = float("-inf")


def login_page(email="", error=None, status=200, headers=None):
    page = render_template("login.html", email=email, error=error, provider=sign_in_provider(),
                           directory=directory_sign_in())
    return page, status, headers or {}


def _directory_refusal_text(code):
    if code == "unknown_employee":
        return _("Your directory account is not known in Chancery, and new employees are not added on "
                 "sign-in. Ask an administrator to add you.")
    if code == "dismissed":
        return _("Your employee record in Chancery is closed (dismissed), so you cannot sign in.")
    return _("Your account is disabled in the holding's directory, so you cannot sign in.")


@bp.route("/login", methods=["GET", "POST"])
def login():
    target = forms.local_path(request.args.get("next"), url_for("web.home"))
    if request.method == "GET":
        if auth.current_employee() is not None:
            return redirect(target)
        return login_page()
    email = request.form.get("email", "").strip()
    try:
        employee = auth.authenticate(email, request.form.get("password", ""))
    except (Unauthenticated, InvalidInput):
        error = _("Wrong e-mail or password. Check both and try again.")
        return login_page(email, error, 401)
    except PermissionDenied as exc:
        reason = (exc.details or {}).get("reason")
        if reason in ("unknown_employee", "dismissed", "disabled"):  # the directory's password was right
            return login_page(email, _directory_refusal_text(reason), 403)
        error = _("Sign-in with a password is turned off. Use the button below to sign in with the "
                  "holding's account.")  # the policy turned passwords off
        return login_page(email, error, 403)
    except Unavailable as exc:
        if (exc.details or {}).get("reason") != "directory_unavailable":
            raise
        error = _("The holding's directory cannot be reached now, so your password cannot be checked. "
                  "Try again in a few minutes.")
        return login_page(email, error, 503)
    except TooManyAttempts as exc:
        until = moment((exc.details or {}).get("retry_after"))
        error = Markup(_("Too many failed attempts. Try again after %(time)s.", time=until))
        return login_page(email, error, 429, {"Retry-After": str(errors.retry_after_seconds(exc))})
    if employee is None:  # two-factor is on: the code comes next
        return code_page(target)
    return redirect(target)


def public_url(endpoint):
    """An absolute URL of ours as the provider must know it (from PUBLIC_URL, not the Host header)."""
    return current_app.config["CHANCERY"].public_url.rstrip("/") + url_for(endpoint)


def _failure_text(code, name):
    if code in ("no_attempt", "bad_state"):
        return _("This sign-in through %(provider)s was not started here, has expired or was "
                 "tampered with. Start it again.", provider=name)
    if code == "provider_refused":
        return _("%(provider)s did not sign you in. Start again, or ask your IT department.", provider=name)
    if code in ("provider_unreachable", "provider_misconfigured"):
        return _("%(provider)s cannot be reached now. Try again later, or sign in with your password.",
                 provider=name)
    return _("The answer of %(provider)s could not be verified, so you are not signed in. Start again; "
             "if it happens again, tell an administrator.", provider=name)


def _refusal_text(code, name):
    if code == "unknown_employee":
        return _("Your account at %(provider)s is not known in Chancery, and new employees are not "
                 "created on sign-in. Ask an administrator to add you.", provider=name)
    if code == "dismissed":
        return _("Your employee record in Chancery is closed (dismissed), so you cannot sign in, "
                 "not even through %(provider)s.", provider=name)
    if code == "no_email":
        return _("%(provider)s did not give a verified e-mail, which Chancery needs to add you. "
                 "Ask an administrator.", provider=name)
    return _("Sign-in through %(provider)s is not enabled.", provider=name)


@bp.route("/login/oidc")
def oidc_login():
    """Send the browser to the provider's sign-in (authorization code flow with PKCE)."""
    settings = sign_in_provider() or sign_in_provider(fresh=True)
    if settings is None:
        return login_page(error=_("Sign-in through a provider is not enabled."), status=404)
    try:
        url, attempt = oidc.start(settings, public_url("web.oidc_callback"))
    except oidc.SignInFailed as exc:
        log.warning("sign-in through %s cannot start: %s", settings["issuer"], exc)
        return login_page(error=_failure_text(exc.code, settings["display_name"]), status=502)
    session["oidc"] = {**attempt, "next": forms.local_path(request.args.get("next"), url_for("web.home"))}
    return redirect(url)


@bp.route("/login/oidc/callback")
def oidc_callback():
    """Where the provider sends the browser back: verify everything, then open the session."""
    settings = sign_in_provider() or sign_in_provider(fresh=True)
    if settings is None:
        return login_page(error=_("Sign-in through a provider is not enabled."), status=404)
    attempt = session.pop("oidc", None)
    name = settings["display_name"]
    try:
        claims, id_token = oidc.finish(settings, attempt, request.args, public_url("web.oidc_callback"))
    except oidc.SignInFailed as exc:
        log.warning("sign-in through %s refused (%s): %s", settings["issuer"], exc.code, exc)
        if exc.code != "no_attempt":  # a callback nobody started here is not worth a row each
            rpc.call("staff", "record_sign_in_refusal", {"code": exc.code, "issuer": settings["issuer"]},
                     auth.client())
        status = 502 if exc.code.startswith("provider_un") else 403 if exc.code == "provider_refused" else 400
        return login_page(error=_failure_text(exc.code, name), status=status)
    try:
        auth.authenticate_external(settings["issuer"], claims)
    except PermissionDenied as exc:
        return login_page(error=_refusal_text((exc.details or {}).get("reason"), name), status=403)
    session["oidc_id_token"] = id_token
    return redirect(attempt["next"])


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out; after a sign-in through the provider, sign out there too (RP-initiated logout)."""
    id_token = None
    if auth.current_employee() is not None:
        auth.check_csrf()
        id_token = session.get("oidc_id_token")
        auth.sign_out()
    settings = sign_in_provider() if id_token else None
    provider_logout = settings and oidc.logout_url(settings, id_token, public_url("web.login"))
    if provider_logout:
        # a page that moves on by itself: a redirect answering the form would be held to the
        # Content-Security-Policy's form-action, which allows only this site
        return render_template("signed_out.html", provider=settings, url=provider_logout)
    return redirect(url_for("web.login"))


@bp.route("/language/<code>")
def language(code):
    """Remember the chosen language in a cookie and go back to the page it was chosen on."""
    response = redirect(forms.local_path(request.args.get("next"), url_for("web.home")))
    if code in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    return response
