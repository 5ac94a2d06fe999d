"""The dashboard page of directors, administrators and department heads."""
from datetime import datetime, timedelta, timezone

from flask import g, redirect, render_template, request, url_for

from chancery_common.errors import PermissionDenied

from .. import auth
from ..compose import dashboard as dashboards
from . import bp

PERIODS = (7, 30, 90, 365)


def may_see_dashboard(employee):
    try:
        dashboards.scope_of(employee)
    except PermissionDenied:
        return False
    return True


@bp.route("/dashboard")
@auth.page_login_required
def dashboard():
    employee = auth.current_employee()
    if not may_see_dashboard(employee):
        return redirect(url_for("web.home"))
    try:
        days = int(request.args.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    until = datetime.now(timezone.utc)
    view = dashboards.compose(g.actor, employee, since=until - timedelta(days=days), until=until,
                              department_id=request.args.get("department_id") or None)
    return render_template("dashboard.html", view=view, days=days, periods=PERIODS,
                           company_wide=bool(set(employee["roles"]) & set(dashboards.COMPANY_ROLES)))
