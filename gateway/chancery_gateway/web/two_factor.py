"""Two-factor sign-in in the web UI: the code step of the sign-in, enrolment on my account
(QR code, first code, recovery codes shown once) and the administrator's policy."""
from flask import Response, abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from chancery_common.errors import Conflict, InvalidInput, TooManyAttempts, Unauthenticated

from .. import auth, errors, rpc, two_factor
from . import admin_texts, bp, forms
from .admin import NO_STORE, admin_page
from .formatting import moment


def code_page(target, error=None, status=200, headers=None):
    """The sign-in's second step: the code of the authenticator app (or a recovery code)."""
    return render_template("login_code.html", error=error, next=target), status, headers or {}


@bp.route("/login/code", methods=["POST"])
def login_code():
    """The second step of a sign-in with two-factor on."""
    target = forms.local_path(request.form.get("next"), url_for("web.home"))
    try:
        auth.complete_second_factor(request.form.get("code", ""))
    except (InvalidInput, Unauthenticated) as exc:
        if "challenge" not in session or "expired" in str(exc):
            session.pop("challenge", None)
            return redirect(url_for("web.login", next=target))
        return code_page(target, _("Wrong code. Enter the current code of your authenticator app, or a "
                                   "recovery code."), 401)
    except TooManyAttempts as exc:
        until = moment((exc.details or {}).get("retry_after"))
        error = Markup(_("Too many failed attempts. Try again after %(time)s.", time=until))
        return code_page(target, error, 429, {"Retry-After": str(errors.retry_after_seconds(exc))})
    return redirect(target)


@bp.route("/account/two-factor", methods=["GET", "POST"])
@auth.page_login_required(enrolling=True)
def account_two_factor():
    """My two-factor sign-in: its state; "Set up" makes a secret and shows its QR code."""
    if request.method == "POST":
        try:
            started = rpc.call("staff", "begin_two_factor", g.actor)
        except Conflict:
            return redirect(url_for("web.account_two_factor"))
        return _page(started=started)
    return _page()


def _page(started=None, errors=None, codes=None, status=200):
    state = rpc.call("staff", "two_factor_status", g.actor)
    headers = NO_STORE if started or codes else {}
    return render_template("two_factor.html", state=state, started=started, errors=errors or {},
                           codes=codes, pending=auth.enrolment_pending()), status, headers


@bp.route("/account/two-factor/qr.svg")
@auth.page_login_required(enrolling=True)
def account_two_factor_qr():
    try:
        uri = rpc.call("staff", "pending_two_factor", g.actor)["otpauth_uri"]
    except Conflict:
        abort(404)
    return Response(two_factor.qr_svg(uri), mimetype="image/svg+xml", headers=NO_STORE)


@bp.route("/account/two-factor/confirm", methods=["POST"])
@auth.page_login_required(enrolling=True)
def account_two_factor_confirm():
    try:
        result = rpc.call("staff", "confirm_two_factor", g.actor, {"code": request.form.get("code", "")},
                          auth.client())
    except InvalidInput:
        started = {"secret": request.form.get("secret", "")}
        return _page(started=started, errors={"code": [_("This is not the current code. Check the "
                                                         "app's clock and try the next code.")]}, status=422)
    except Conflict:
        return redirect(url_for("web.account_two_factor"))
    auth.forget_identity()
    return _page(codes=result["recovery_codes"])


@bp.route("/account/two-factor/off", methods=["POST"])
@auth.page_login_required
def account_two_factor_off():
    try:
        rpc.call("staff", "turn_off_two_factor", g.actor, {"code": request.form.get("off_code", "")}, auth.client())
    except InvalidInput:
        return _page(errors={"off_code": [_("Wrong code.")]}, status=422)
    flash(_("Two-factor sign-in is off."), "success")
    return redirect(url_for("web.account_two_factor"))


@bp.route("/admin/sign-in/policy", methods=["POST"])
@admin_page()
def admin_sign_in_policy():
    if "administrator" not in g.employee["roles"]:
        abort(403, description=_("Only administrators may change how employees sign in."))
    changes = {"require_two_factor_for_admins": request.form.get("require_two_factor_for_admins") == "on",
               "password_sign_in": request.form.get("password_sign_in") == "on",
               "break_glass_employee_id": request.form.get("break_glass_employee_id") or None}
    try:
        rpc.call("staff", "set_sign_in_policy", g.actor, changes)
    except InvalidInput as exc:
        for messages in (exc.details or {}).values():
            for message in messages:
                flash(admin_texts.say(message), "error")
        return redirect(url_for("web.admin_sign_in"))
    auth.forget_identity()
    flash(_("Sign-in policy saved."), "success")
    return redirect(url_for("web.admin_sign_in"))
