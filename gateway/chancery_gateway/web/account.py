"""My account: who I am, what my roles allow, my language and time zone, my password, my calendar address."""
from zoneinfo import available_timezones

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, Unauthenticated

from .. import auth, employee_names, i18n, rpc
from . import bp
from .admin import NO_STORE

TIME_ZONES = ["UTC"] + sorted(zone for zone in available_timezones()
                             if "/" in zone and not zone.startswith(("Etc/", "SystemV/")))


@bp.route("/account", methods=["GET", "POST"])
@auth.page_login_required
def account():
    errors = {}
    if request.method == "POST":
        new, repeated = request.form.get("new_password", ""), request.form.get("repeat_password", "")
        if new != repeated:
            errors["repeat_password"] = [_("The two new passwords differ.")]
        else:
            try:
                rpc.call("staff", "change_password", g.actor, {
                    "current_password": request.form.get("current_password", ""), "new_password": new})
            except Unauthenticated:
                errors["current_password"] = [_("This is not your current password.")]
            except InvalidInput as exc:
                errors = exc.details or {}
            else:
                flash(_("Your password is changed."), "success")
                return redirect(url_for("web.account"))
    return page(errors)


def page(errors, settings_errors=None, calendar=None):
    """The account page; ``calendar``: the calendar address just made (its secret shown once)."""
    status = 422 if errors or settings_errors else 200
    headers = NO_STORE if calendar else {}
    calendar = calendar or rpc.call("staff", "calendar_feed", g.actor)
    return render_template("account.html", identity=g.identity, errors=errors,
                           settings_errors=settings_errors or {}, time_zones=TIME_ZONES,
                           calendar=calendar), status, headers


@bp.route("/account/settings", methods=["POST"])
@auth.page_login_required
def account_settings():
    """My language (pages and e-mails, on every browser) and time zone (my day's agenda, digest)."""
    changes = {"locale": request.form.get("locale", ""), "time_zone": request.form.get("time_zone", "")}
    try:
        employee = rpc.call("staff", "update_own_settings", g.actor, changes)
        employee_names.changed()
    except InvalidInput as exc:
        return page({}, exc.details or {})
    auth.forget_identity()
    response = redirect(url_for("web.account"))
    response.set_cookie(i18n.COOKIE, employee["locale"], max_age=365 * 24 * 3600, samesite="Lax",
                        httponly=True, secure=request.is_secure)
    flash(_("Your settings are saved."), "success")
    return response
