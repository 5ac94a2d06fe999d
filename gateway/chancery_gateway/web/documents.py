"""Documents: the list, registering a new one, and the card with files and approvals."""
from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound

from .. import auth, files, rpc
from ..api import approvals as api_approvals
from . import bp, forms, texts
from .lookups import counterparty_names, employee_names

FIELDS = ("type_id", "title", "counterparty_id", "amount", "currency", "document_date",
          "valid_from", "valid_to")
APPROVER_SLOTS = 3  # approvers are asked one after another, in the order chosen


@bp.route("/documents")
@auth.page_login_required
def documents():
    search = request.args.get("q", "").strip()
    status = request.args.get("status", "")
    page, query = forms.paging()
    if search:
        query["search"] = search
    if status in texts.LABELS["document"]:
        query["status"] = status
    found = rpc.call("documents", "list_documents", g.actor, query)
    context = {
        "documents": found["items"], "search": search, "status": status,
        "paging": forms.pages(found["total"], page),
        "counterparties": counterparty_names(d["counterparty_id"] for d in found["items"]),
    }
    if forms.is_fragment("results"):
        return render_template("documents/_results.html", **context)
    return render_template("documents/list.html", **context)


def document_input():
    """The new-document form as the service expects it: amounts with a dot, currency in capitals."""
    data = forms.values(FIELDS)
    if "amount" in data:
        data["amount"] = "".join(data["amount"].split()).replace(",", ".")
    if "currency" in data:
        data["currency"] = data["currency"].upper()
    return data


@bp.route("/documents/new", methods=["GET", "POST"])
@auth.page_login_required
def new_document():
    if request.method == "GET":
        values = {"counterparty_id": request.args.get("counterparty_id", "")}
        return render_new_document(values, {})
    data = document_input()
    try:
        created = rpc.call("documents", "create_document", g.actor, data)
    except InvalidInput as exc:
        return render_new_document(request.form, exc.details or {}, 422)
    if created.get("number"):
        flash(_("Document %(number)s registered.", number=created["number"]), "success")
    else:
        flash(_("Document created."), "success")
    return redirect(url_for("web.document", document_id=created["id"]))


def render_new_document(values, errors, status=200):
    counterparty = None
    if values.get("counterparty_id"):
        try:
            counterparty = rpc.call("counterparties", "get_counterparty", g.actor,
                                    values["counterparty_id"])
        except (NotFound, InvalidInput):
            errors = {**errors, "counterparty_id": [
                _("This counterparty was not found; choose another.")]}
    types = rpc.call("documents", "list_document_types", g.actor)
    return render_template("documents/new.html", values=values, errors=errors, types=types,
                           counterparty=counterparty), status


@bp.route("/documents/<uuid:document_id>")
@auth.page_login_required
def document(document_id):
    return render_document(str(document_id))


def render_document(document_id, status=200, upload_errors=None, approval_errors=None,
                    approval_values=None):
    """The document card; forms on it that failed are shown again with their errors."""
    results = rpc.fan_out({
        "document": ("documents", "get_document", g.actor, document_id),
        "approvals": ("approvals", "list_approvals", g.actor,
                      {"document_id": document_id, "limit": 50}),
        "staff": ("staff", "list_employees", {"limit": 500}),
    })
    if isinstance(results["document"], Exception):
        raise results["document"]
    parts, unavailable = forms.answered(results)
    document = parts["document"]
    approvals = (parts["approvals"] or {}).get("items", [])
    people = {document.get(key) for key in ("created_by", "registrar_id", "responsible_id")}
    people.update(v["uploaded_by"] for f in document["files"] for v in f["versions"])
    people.update(c["changed_by"] for c in document["status_changes"])
    people.update(a["initiator_id"] for a in approvals)
    counterparty_id = document["counterparty_id"]
    return render_template(
        "documents/card.html", document=document, approvals=approvals, unavailable=unavailable,
        employees=employee_names(people),
        counterparty_name=counterparty_names([counterparty_id]).get(counterparty_id),
        staff=(parts["staff"] or {}).get("items", []), approver_slots=APPROVER_SLOTS,
        upload_errors=upload_errors or {}, approval_errors=approval_errors or {},
        approval_values=approval_values or {},
        can_send=document["status"] in api_approvals.APPROVABLE), status


@bp.route("/documents/<uuid:document_id>/files", methods=["POST"])
@auth.page_login_required
def upload_document_file(document_id):
    settings = current_app.config["CHANCERY"]
    try:
        version = files.upload(g.actor, str(document_id), request.files.get("file"),
                               settings.max_upload_bytes, settings.upload_timeout,
                               request.form.get("file_id") or None)
    except InvalidInput as exc:
        return render_document(str(document_id), 422, upload_errors=exc.details or {})
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document", document_id=document_id, _anchor="files"))
    flash(_("“%(name)s” uploaded as version %(version)s.", name=version["filename"],
            version=version["version"]), "success")
    return redirect(url_for("web.document", document_id=document_id, _anchor="files"))


@bp.route("/documents/<uuid:document_id>/approvals", methods=["POST"])
@auth.page_login_required
def send_for_approval(document_id):
    """Approvers chosen in order, one stage each; none chosen: the route of the document's type."""
    data = {"document_id": str(document_id),
            "comment": request.form.get("comment", "").strip() or None}
    approver_ids = list(dict.fromkeys(v for v in request.form.getlist("approver_id") if v))
    if approver_ids:
        data["approver_ids"] = approver_ids
    try:
        approval = api_approvals.start(g.actor, data)
    except InvalidInput as exc:
        errors = exc.details or {}
        if "stages" in errors:  # no route for the type, or an approver id the service refused
            stages = errors["stages"]
            said = [m for m in stages if isinstance(m, str)] if isinstance(stages, list) else []
            errors = {"approver_ids": said or [_("Choose the approvers from the list.")]}
        return render_document(str(document_id), 422, approval_errors=errors,
                               approval_values=request.form)
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document", document_id=document_id))
    flash(_("Sent for approval."), "success")
    return redirect(url_for("web.approval", approval_id=approval["id"]))
