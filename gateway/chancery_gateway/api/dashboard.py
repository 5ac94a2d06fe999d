"""Role dashboards: overdue approvals, contracts expiring soon, activity results by manager."""
from flask import g
from .blueprint import Blueprint

from .. import auth
from ..compose import dashboard as dashboards
from ..payload import jsonable
from .schemas.dashboard import DashboardArgs, DashboardSchema

blp = Blueprint("dashboard", __name__, url_prefix="/api/v1/dashboard",
                description="Figures for directors (the company or one department) and department heads "
                            "(their department).")


@blp.route("/")
@blp.arguments(DashboardArgs, location="query")
@blp.response(200, DashboardSchema)
def dashboard(args):
    """The dashboard of the signed-in director, administrator or department head (403 for others)."""
    department_id = str(args["department_id"]) if args.get("department_id") else None
    return jsonable(dashboards.compose(g.actor, auth.current_employee(), since=args.get("since"),
                                       until=args.get("until"), department_id=department_id))
