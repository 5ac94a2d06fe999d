"""Contract execution on the document card (milestones, payments, settlements) and the overdue list."""
import uuid

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound

from .. import auth, rpc
from . import bp, forms, texts
from .documents import render_document, staff_list
from .lookups import counterparty_names, employee_names

MILESTONE_FIELDS = ("title", "due_on", "amount", "currency", "note")
PAYMENT_FIELDS = ("on", "amount", "currency", "invoice_id", "reference", "note")


def money_input(data):
    """Amounts as typed (``1 500 000,00``) with a dot and no spaces; currency in capitals."""
    if "amount" in data:
        data["amount"] = "".join(data["amount"].split()).replace(",", ".")
    if "currency" in data:
        data["currency"] = data["currency"].upper()
    return data


def form_document_id():
    """The card the form was sent from (hidden field ``document_id``), checked to be an id."""
    try:
        return str(uuid.UUID(request.form.get("document_id", "")))
    except ValueError:
        return None


def back_to(document_id):
    return redirect(url_for("web.document_tab", document_id=document_id, tab="execution"))


def refused(document_id, name, exc):
    """The card again (422) with the form that failed and its errors next to the fields."""
    errors = exc.details if isinstance(exc.details, dict) and exc.details else {"form": [exc.message]}
    return render_document(document_id, 422, execution_form={"name": name, "errors": errors,
                                                             "values": request.form}, tab="execution")


def conflict(exc):
    flash(texts.service_text(exc.message), "error")


@bp.route("/documents/<uuid:document_id>/execution/terms", methods=["POST"])
@auth.page_login_required
def set_execution_terms(document_id):
    try:
        rpc.call("documents", "set_execution_terms", g.actor, str(document_id),
                 {"we_are": request.form.get("we_are", "")})
    except InvalidInput as exc:
        return refused(str(document_id), "terms", exc)
    except Conflict as exc:
        conflict(exc)
    else:
        flash(_("Saved."), "success")
    return back_to(document_id)


@bp.route("/documents/<uuid:document_id>/milestones", methods=["POST"])
@auth.page_login_required
def add_milestone(document_id):
    try:
        rpc.call("documents", "add_milestone", g.actor, str(document_id),
                 money_input(forms.values(MILESTONE_FIELDS)))
    except InvalidInput as exc:
        return refused(str(document_id), "milestone", exc)
    except Conflict as exc:
        conflict(exc)
    else:
        flash(_("Milestone added."), "success")
    return back_to(document_id)


@bp.route("/milestones/<uuid:milestone_id>/edit", methods=["POST"])
@auth.page_login_required
def edit_milestone(milestone_id):
    """Link the completion act that closes the milestone, mark it done on a date, or reopen it."""
    document_id = form_document_id()
    if request.form.get("action") == "reopen":
        changes = {"act_id": None, "completed_on": None}
    else:
        changes = {"act_id": request.form.get("act_id") or None}
        if request.form.get("completed_on", "").strip():
            changes["completed_on"] = request.form["completed_on"].strip()
    try:
        execution = rpc.call("documents", "update_milestone", g.actor, str(milestone_id), changes)
    except InvalidInput as exc:
        if document_id is None:
            raise
        return refused(document_id, f"milestone-{milestone_id}", exc)
    except (Conflict, NotFound) as exc:
        conflict(exc)
    else:
        document_id = execution["document_id"]
        flash(_("Milestone reopened.") if request.form.get("action") == "reopen" else _("Milestone saved."),
              "success")
    return back_to(document_id) if document_id else redirect(url_for("web.documents"))


@bp.route("/milestones/<uuid:milestone_id>/remove", methods=["POST"])
@auth.page_login_required
def remove_milestone(milestone_id):
    document_id = form_document_id()
    try:
        execution = rpc.call("documents", "remove_milestone", g.actor, str(milestone_id))
    except (InvalidInput, Conflict, NotFound) as exc:
        conflict(exc)
    else:
        document_id = execution["document_id"]
        flash(_("Milestone removed."), "success")
    return back_to(document_id) if document_id else redirect(url_for("web.documents"))


@bp.route("/documents/<uuid:document_id>/payments", methods=["POST"])
@auth.page_login_required
def add_payment(document_id):
    """A line of the payment schedule (kind planned) or a payment made (kind actual)."""
    kind = request.form.get("kind", "")
    try:
        rpc.call("documents", "add_payment", g.actor, str(document_id),
                 {"kind": kind, **money_input(forms.values(PAYMENT_FIELDS))})
    except InvalidInput as exc:
        return refused(str(document_id), "payment-actual" if kind == "actual" else "payment-planned", exc)
    except Conflict as exc:
        conflict(exc)
    else:
        flash(_("Payment recorded.") if kind == "actual" else _("Payment added to the schedule."), "success")
    return back_to(document_id)


@bp.route("/payments/<uuid:payment_id>/cancel", methods=["POST"])
@auth.page_login_required
def cancel_payment(payment_id):
    document_id = form_document_id()
    try:
        execution = rpc.call("documents", "cancel_payment", g.actor, str(payment_id),
                             {"reason": request.form.get("reason", "").strip()})
    except InvalidInput as exc:
        if document_id is None:
            raise
        return refused(document_id, f"cancel-{payment_id}", exc)
    except (Conflict, NotFound) as exc:
        conflict(exc)
    else:
        document_id = execution["document_id"]
        flash(_("Payment cancelled."), "success")
    return back_to(document_id) if document_id else redirect(url_for("web.documents"))


@bp.route("/contracts/overdue")
@auth.page_login_required
def contracts_overdue():
    """Milestones past their deadline and payments due and not covered, most overdue first."""
    page, paging = forms.paging()
    query = {name: request.args[name] for name in ("counterparty_id", "responsible_id")
             if request.args.get(name, "").strip()}
    errors = {}
    try:
        found = rpc.call("documents", "execution_overdue", g.actor, {**query, **paging})
    except InvalidInput as exc:
        errors = exc.details or {}
        found = {"items": [], "total": 0}
    items = found["items"]
    counterparties = counterparty_names([*(i["counterparty_id"] for i in items), query.get("counterparty_id")])
    return render_template(
        "documents/overdue.html", items=items, filters=query, errors=errors, staff=staff_list(),
        paging=forms.pages(found["total"], page), counterparties=counterparties,
        employees=employee_names({i["responsible_id"] for i in items}))
