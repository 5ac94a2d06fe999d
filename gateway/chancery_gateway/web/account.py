"""My account: who I am, what my roles allow, and changing my own password."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, Unauthenticated

from .. import auth, rpc
from . import bp


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
    return render_template("account.html", identity=g.identity, errors=errors), 422 if errors else 200
