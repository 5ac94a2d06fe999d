"""The staff web UI: server-rendered pages (Jinja + htmx) over the same service calls as the API."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Unauthenticated

from .. import auth

bp = Blueprint("web", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        try:
            auth.authenticate(request.form.get("email", ""), request.form.get("password", ""))
        except Unauthenticated:
            flash(_("Wrong e-mail or password."), "error")
            return render_template("login.html", email=request.form.get("email", "")), 401
        target = request.args.get("next") or url_for("web.home")
        return redirect(target if target.startswith("/") and not target.startswith("//") else "/")
    return render_template("login.html", email="")


@bp.route("/")
@auth.page_login_required
def home():
    return render_template("home.html")


def register(app):
    app.register_blueprint(bp)
