"""Signing in and out, and the language switch."""
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from chancery_common.errors import InvalidInput, TooManyAttempts, Unauthenticated

from .. import auth, i18n
from . import bp, forms
from .formatting import moment


@bp.route("/login", methods=["GET", "POST"])
def login():
    target = forms.local_path(request.args.get("next"), url_for("web.home"))
    if request.method == "GET":
        if auth.current_employee() is not None:
            return redirect(target)
        return render_template("login.html", email="", error=None)
    email = request.form.get("email", "").strip()
    try:
        auth.authenticate(email, request.form.get("password", ""))
    except (Unauthenticated, InvalidInput):
        error = _("Wrong e-mail or password. Check both and try again.")
        return render_template("login.html", email=email, error=error), 401
    except TooManyAttempts as exc:
        until = moment((exc.details or {}).get("retry_after"))
        error = Markup(_("Too many failed attempts. Try again after %(time)s.", time=until))
        return render_template("login.html", email=email, error=error), 429
    return redirect(target)


@bp.route("/logout", methods=["POST"])
def logout():
    if auth.current_employee() is not None:
        auth.check_csrf()
        auth.sign_out()
    return redirect(url_for("web.login"))


@bp.route("/language/<code>")
def language(code):
    """Remember the chosen language in a cookie and go back to the page it was chosen on."""
    response = redirect(forms.local_path(request.args.get("next"), url_for("web.home")))
    if code in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True, secure=request.is_secure)
    return response
