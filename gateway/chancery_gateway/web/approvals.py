"""Approvals: my tasks, one approval with its stages, deciding and withdrawing."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, PermissionDenied

from .. import auth, rpc
from . import bp, forms, texts
from .lookups import employee_names


@bp.route("/approvals")
@auth.page_login_required
def approvals():
    tab = "decided" if request.args.get("tab") == "decided" else "pending"
    page, query = forms.paging()
    found = rpc.call("approvals", "list_my_tasks", g.actor, {**query, "status": tab})
    names = employee_names(task["approval"]["initiator_id"] for task in found["items"])
    return render_template("approvals/list.html", tasks=found["items"], tab=tab, employees=names,
                           paging=forms.pages(found["total"], page))


@bp.route("/approvals/<uuid:approval_id>")
@auth.page_login_required
def approval(approval_id):
    return render_approval(str(approval_id))


def render_approval(approval_id, status=200, errors=None, values=None):
    """The approval page; the decision form is shown again with its errors when it failed."""
    approval = rpc.call("approvals", "get_approval", g.actor, approval_id)
    tasks = [task for stage in approval["stages"] for task in stage["tasks"]]
    my_task = next((task for task in tasks if task["approver_id"] == g.actor["id"]
                    and task["status"] == "pending"), None)
    names = employee_names([approval["initiator_id"], *(t["approver_id"] for t in tasks),
                            *(t["decided_by"] for t in tasks)])
    can_withdraw = approval["initiator_id"] == g.actor["id"] and approval["status"] == "in_progress"
    return render_template("approvals/detail.html", approval=approval, my_task=my_task,
                           employees=names, can_withdraw=can_withdraw, errors=errors or {},
                           values=values or {}), status


@bp.route("/approvals/<uuid:approval_id>/decision", methods=["POST"])
@auth.page_login_required
def decide(approval_id):
    decision = request.form.get("decision", "")
    comment = request.form.get("comment", "").strip() or None
    try:
        rpc.call("approvals", "decide", g.actor, request.form.get("task_id", ""),
                 {"decision": decision, "comment": comment})
    except InvalidInput as exc:
        return render_approval(str(approval_id), 422, errors=exc.details or {}, values=request.form)
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("Your decision is recorded: “%(decision)s”.",
                decision=texts.label("decided", decision)), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))


@bp.route("/approvals/<uuid:approval_id>/withdraw", methods=["POST"])
@auth.page_login_required
def withdraw(approval_id):
    reason = request.form.get("reason", "").strip() or None
    try:
        rpc.call("approvals", "withdraw", g.actor, str(approval_id), {"reason": reason})
    except (Conflict, PermissionDenied) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("The approval is withdrawn; the document returns to draft."), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))
