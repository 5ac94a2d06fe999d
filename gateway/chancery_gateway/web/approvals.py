"""Approvals: my approvals (the inbox), one approval with its sheet and decisions, the
printable sheet, the route editor (versions), and the report of who held what how long."""
import uuid
from datetime import datetime, timezone

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied

from .. import auth, files, rpc
from ..compose.approvals import resubmit_approval
from . import bp, forms, texts
from .lookups import employee_names

ROLES = ("administrator", "director", "department_head", "manager", "lawyer", "secretary", "accountant", "employee")
CONDITION_FIELDS = ("amount", "currency", "type_code", "department_id", "legal_entity_id")
CONDITION_OPS = ("gt", "gte", "lt", "lte", "eq", "ne", "in", "not_in", "present", "absent")


# My approvals -------------------------------------------------------------------------------

@bp.route("/approvals")
@auth.page_login_required
def approvals():
    tab = "decided" if request.args.get("tab") == "decided" else "pending"
    page, query = forms.paging()
    found = rpc.call("approvals", "list_my_tasks", g.actor, {**query, "status": tab})
    names = employee_names([*(task["approval"]["initiator_id"] for task in found["items"]),
                            *(task["approver_id"] for task in found["items"])])
    return render_template("approvals/list.html", tasks=found["items"], tab=tab, employees=names,
                           paging=forms.pages(found["total"], page), request_id=uuid.uuid4().hex)


# One approval -------------------------------------------------------------------------------

@bp.route("/approvals/<uuid:approval_id>")
@auth.page_login_required
def approval(approval_id):
    return render_approval(str(approval_id))


def _people_of(approval):
    tasks = [task for stage in approval["stages"] for task in stage["tasks"]]
    named = [spec.get("employee_id") for stage in approval["stages"] for spec in stage.get("approvers") or []]
    return tasks, employee_names([approval["initiator_id"], *(t["approver_id"] for t in tasks),
                                  *(t["decided_by"] for t in tasks), *(t["on_behalf_of"] for t in tasks), *named])


def render_approval(approval_id, status=200, errors=None, values=None):
    """The approval page; the decision form is shown again with its errors when it failed."""
    approval = rpc.call("approvals", "get_approval", g.actor, approval_id)
    tasks, names = _people_of(approval)
    mine = [task for task in tasks if task["status"] == "pending" and task["approver_id"] == g.actor["id"]]
    if not mine and any(task["status"] == "pending" for task in tasks):
        standing = set(g.actor.get("acting_for") or ())  # whom the signed-in employee deputises for today
        mine = [task for task in tasks if task["status"] == "pending" and task["approver_id"] in standing]
    my_task = mine[0] if mine else None
    is_initiator = approval["initiator_id"] == g.actor["id"]
    running = approval["status"] == "in_progress"
    is_admin = "administrator" in (g.actor.get("roles") or ())
    addable = [stage for stage in approval["stages"]
               if running and ((stage["status"] == "active" and stage["allow_adding"] and is_initiator)
                               or (stage["status"] == "stalled" and (is_initiator or is_admin)))]
    extensions = [task for task in tasks if task["extension_status"] == "requested" and task["status"] == "pending"]
    employees = _employee_choices() if addable else []
    return render_template(
        "approvals/detail.html", approval=approval, my_task=my_task, employees=names,
        can_withdraw=is_initiator and approval["status"] in ("in_progress", "returned"),
        can_resubmit=is_initiator and approval["status"] == "returned", addable=addable,
        extensions=extensions if is_initiator else [], choices=employees, request_id=uuid.uuid4().hex,
        errors=errors or {}, values=values or {}), status


@bp.route("/approvals/<uuid:approval_id>/sheet")
@auth.page_login_required
def approval_sheet(approval_id):
    """The approval sheet, for printing (the browser prints it or saves it as PDF)."""
    approval = rpc.call("approvals", "get_approval", g.actor, str(approval_id))
    _, names = _people_of(approval)
    return render_template("approvals/sheet.html", approval=approval, employees=names,
                           printed_at=datetime.now(timezone.utc).isoformat())


def _remarks_file(approval_id):
    """An uploaded file of remarks, stored as a new file of the document; its file id."""
    storage = request.files.get("remarks_file")
    if storage is None or not storage.filename:
        return None
    approval = rpc.call("approvals", "get_approval", g.actor, approval_id)
    settings = current_app.config["CHANCERY"]
    version = files.upload(g.actor, approval["document_id"], storage, settings.max_upload_bytes,
                           settings.upload_timeout)
    return version.get("file_id") or version.get("id")


@bp.route("/approvals/<uuid:approval_id>/decision", methods=["POST"])
@auth.page_login_required
def decide(approval_id):
    decision = request.form.get("decision", "")
    comment = request.form.get("comment", "").strip() or None
    delay_reason = request.form.get("delay_reason", "").strip() or None
    back = request.form.get("back")
    try:
        remarks_file_id = _remarks_file(str(approval_id))
        rpc.call("approvals", "decide", g.actor, request.form.get("task_id", ""), {
            "decision": decision, "comment": comment, "delay_reason": delay_reason,
            "remarks_file_id": remarks_file_id, "request_id": request.form.get("request_id") or None})
    except InvalidInput as exc:
        return render_approval(str(approval_id), 422, errors=exc.details or {}, values=request.form)
    except (Conflict, NotFound) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("Your decision is recorded: “%(decision)s”.",
                decision=texts.label("decided", decision)), "success")
        if back == "inbox":
            return redirect(url_for("web.approvals"))
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


@bp.route("/approvals/<uuid:approval_id>/resubmit", methods=["POST"])
@auth.page_login_required
def resubmit(approval_id):
    comment = request.form.get("comment", "").strip() or None
    try:
        resubmit_approval(g.actor, approval_id, {"comment": comment})
    except (Conflict, PermissionDenied) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("The document is sent for approval again."), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))


@bp.route("/approvals/<uuid:approval_id>/approvers", methods=["POST"])
@auth.page_login_required
def add_approver(approval_id):
    try:
        rpc.call("approvals", "add_approver", g.actor, str(approval_id), {
            "stage_id": request.form.get("stage_id", ""), "employee_id": request.form.get("employee_id", "")})
    except InvalidInput as exc:
        return render_approval(str(approval_id), 422, errors=exc.details or {}, values=request.form)
    except (Conflict, PermissionDenied, NotFound) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("The approver is added."), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))


@bp.route("/approvals/<uuid:approval_id>/tasks/<uuid:task_id>/extension", methods=["POST"])
@auth.page_login_required
def request_extension(approval_id, task_id):
    due = request.form.get("due_at", "").strip()
    try:
        due_at = datetime.fromisoformat(due) if due else None
        if due_at is not None and due_at.tzinfo is None:
            due_at = due_at.replace(tzinfo=timezone.utc)
    except ValueError:
        due_at = None
    try:
        if due_at is None:
            raise InvalidInput("Invalid input: due_at", {"due_at": ["Give the date and time you need."]})
        rpc.call("approvals", "request_extension", g.actor, str(task_id), {
            "due_at": due_at.isoformat(), "reason": request.form.get("reason", "").strip()})
    except InvalidInput as exc:
        return render_approval(str(approval_id), 422, errors=exc.details or {}, values=request.form)
    except (Conflict, NotFound) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("The initiator is asked to extend your deadline."), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))


@bp.route("/approvals/<uuid:approval_id>/tasks/<uuid:task_id>/extension/decision", methods=["POST"])
@auth.page_login_required
def decide_extension(approval_id, task_id):
    grant = request.form.get("grant") == "yes"
    try:
        rpc.call("approvals", "decide_extension", g.actor, str(task_id), {"grant": grant})
    except (Conflict, PermissionDenied, NotFound) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("The extension is granted.") if grant else _("The extension is refused."), "success")
    return redirect(url_for("web.approval", approval_id=approval_id))


# Report -------------------------------------------------------------------------------------

@bp.route("/approvals/report")
@auth.page_login_required
def approvals_report():
    query = {key: request.args[key] for key in ("department_id", "approver_id") if request.args.get(key)}
    for key in ("since", "until"):
        if request.args.get(key):
            query[key] = f"{request.args[key]}T00:00:00+00:00"
    try:
        found = rpc.call("approvals", "report", g.actor, query)
    except InvalidInput as exc:
        flash(texts.service_text(exc.message), "error")
        found = {"held": [], "by_employee": [], "by_department": []}
    names = employee_names([*(row["approver_id"] for row in found["held"]),
                            *(row["approver_id"] for row in found["by_employee"])])
    try:
        departments = {d["id"]: d["name"] for d in rpc.call("staff", "list_departments", g.actor)}
    except rpc.ServiceUnavailable:  # names only
        departments = {}
    return render_template("approvals/report.html", report=found, employees=names, departments=departments,
                           args=request.args)


# Route editor -------------------------------------------------------------------------------

def _may_configure():
    return "configure_routes" in (g.actor.get("permissions") or ())


EMPLOYEE_CHOICES = 8


def _employee_choices():
    found = rpc.call("staff", "list_employees", {"active_only": True, "limit": 500})
    return sorted(found["items"], key=lambda e: e["full_name"])


@bp.route("/approval-routes")
@auth.page_login_required
def approval_routes():
    found = rpc.fan_out({"types": ("documents", "list_document_types", g.actor),
                         "routes": ("approvals", "list_routes", g.actor)})
    for result in found.values():
        if isinstance(result, Exception):
            raise result
    routes = {route["document_type_id"]: route for route in found["routes"]}
    return render_template("approvals/routes.html", types=found["types"], routes=routes,
                           may_configure=_may_configure())


def _blank_stage(mode):
    return {"name": "", "mode": mode, "completion": "all", "quorum": None, "deadline_unit": "working_days",
            "deadline_value": 1, "approvers": [], "conditions": [], "allow_adding": False,
            "on_return": "first_stage"}


def _stages_from_form(form):
    """The stages as the editor posted them (``stage-<n>-<field>``), in order, without removed ones."""
    count = int(form.get("stage_count") or 0)
    stages = []
    for index in range(count):
        def value(name, index=index):
            return (form.get(f"stage-{index}-{name}") or "").strip()
        if value("remove"):
            continue
        approvers = [{"kind": "employee", "employee_id": e} for e in form.getlist(f"stage-{index}-employees") if e]
        if value("position"):
            approvers.append({"kind": "position", "position": value("position")})
        if value("role"):
            approvers.append({"kind": "role", "role": value("role"), "scope": value("role_scope") or "department"})
        for kind in ("department_head", "initiator_head", "responsible"):
            if value(kind):
                approvers.append({"kind": kind})
        # the condition rows come as three aligned lists (every row has the three inputs)
        rows = zip(form.getlist(f"stage-{index}-cond_field"), form.getlist(f"stage-{index}-cond_op"),
                   form.getlist(f"stage-{index}-cond_value"), strict=False)
        conditions = [{"field": field.strip(), "op": op.strip(), "value": condition_value.strip()}
                      for field, op, condition_value in rows if field.strip() and op.strip()]
        completion = value("completion") or "all"
        stages.append({
            "name": value("name") or None, "mode": value("mode") or "sequential",
            "completion": completion if value("mode") == "parallel" else "all",
            "quorum": int(value("quorum")) if value("quorum").isdigit() and completion == "quorum" else None,
            "deadline_unit": value("deadline_unit") or "working_days",
            "deadline_value": int(value("deadline_value")) if value("deadline_value").isdigit() else None,
            "approvers": approvers, "conditions": conditions, "allow_adding": bool(value("allow_adding")),
            "on_return": value("on_return") or "first_stage"})
    return stages


def _type_of(document_type_id):
    types = rpc.call("documents", "list_document_types", g.actor)
    found = next((t for t in types if t["id"] == str(document_type_id)), None)
    if found is None:
        abort(404)
    return found


def _route_of(document_type_id):
    return next((r for r in rpc.call("approvals", "list_routes", g.actor)
                 if r["document_type_id"] == str(document_type_id)), None)


def _named_employees(stages):
    """{id: full name} of the employees the stages name as approvers."""
    return employee_names({spec["employee_id"] for stage in stages for spec in stage["approvers"]
                                   if spec.get("kind") == "employee" and spec.get("employee_id")})


def _render_editor(document_type, route, stages, name, status=200, errors=None, shown_version=None):
    editable = _may_configure() and not shown_version
    return render_template(
        "approvals/route_edit.html", document_type=document_type, route=route, stages=stages, name=name,
        names=_named_employees(stages), roles=ROLES, condition_fields=CONDITION_FIELDS,
        condition_ops=CONDITION_OPS, errors=errors or {}, may_configure=_may_configure(),
        shown_version=shown_version,
        drawing_url=url_for("web.approval_route_drawing", document_type_id=document_type["id"]) if editable else None,
    ), status


@bp.route("/approval-routes/<uuid:document_type_id>/drawing", methods=["POST"])
@auth.page_login_required
def approval_route_drawing(document_type_id):
    """The drawing of the route as the editor's form stands now (nothing is saved)."""
    stages = _stages_from_form(request.form)
    return render_template("approvals/_route_drawing.html", stages=stages, names=_named_employees(stages),
                           drawing_url=url_for("web.approval_route_drawing", document_type_id=document_type_id))


@bp.route("/approval-routes/employee-choices")
@auth.page_login_required
def route_employee_choices():
    """Active employees whose name matches what was typed, for the route editor's picker."""
    text = " ".join(request.args.get("employee_q", "").split())[:100]
    found = rpc.call("staff", "list_employees", {"active_only": True, "search": text, "limit": EMPLOYEE_CHOICES}
                     )["items"] if len(text) >= 2 else []
    return render_template("approvals/_employee_choices.html", employees=found, text=text)


@bp.route("/approval-routes/<uuid:document_type_id>")
@auth.page_login_required
def approval_route(document_type_id):
    """The route of a document type: its current version in the editor, or an older one to read."""
    document_type = _type_of(document_type_id)
    route = _route_of(document_type_id)
    versions = route["versions"] if route else []
    shown = None
    if request.args.get("version") and versions:
        shown = next((v for v in versions if str(v["version"]) == request.args["version"]), None)
        if shown is None:
            abort(404)
    current = shown or (versions[0] if versions else None)
    stages = [dict(stage) for stage in current["stages"]] if current else [_blank_stage("sequential")]
    return _render_editor(document_type, route, stages, route["name"] if route else document_type["name"],
                          shown_version=shown)


@bp.route("/approval-routes/<uuid:document_type_id>", methods=["POST"])
@auth.page_login_required
def save_approval_route(document_type_id):
    document_type = _type_of(document_type_id)
    route = _route_of(document_type_id)
    stages = _stages_from_form(request.form)
    name = request.form.get("name", "").strip() or document_type["name"]
    action = request.form.get("action", "save")
    if action in ("add_sequential", "add_parallel"):
        stages.append(_blank_stage(action.split("_", 1)[1]))
        return _render_editor(document_type, route, stages, name)
    try:
        saved = rpc.call("approvals", "save_route", g.actor, {
            "document_type_id": str(document_type_id), "name": name, "stages": stages})
    except InvalidInput as exc:
        return _render_editor(document_type, route, stages or [_blank_stage("sequential")], name, 422,
                              errors=exc.details or {})
    except PermissionDenied as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.approval_route", document_type_id=document_type_id))
    flash(_("Route saved as version %(version)s. Approvals already running keep their version.",
            version=saved["versions"][0]["version"]), "success")
    return redirect(url_for("web.approval_route", document_type_id=document_type_id))

