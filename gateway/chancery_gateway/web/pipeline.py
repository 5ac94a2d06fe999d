"""The pipeline board: negotiation stages as columns, counterparties in negotiation as cards.

A card moves to another stage by a note: dragging it to another column (static/js/pipeline.js,
plain HTML5 drag events) or choosing the stage in its "Move to" list (a form reachable by Tab,
and working without script) opens the note form with the new stage chosen; saving it records
the note (and the expected deal, prefilled with the current one) and comes back to the board.
The card's negotiation section sets the expected deal on its own.
"""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, NotFound, PermissionDenied

from .. import auth, rpc
from ..compose import pipeline
from . import admin_texts, bp, forms
from .reference_books import KINDS as BOOKS
from .reference_books import book_values

DEAL_FIELDS = ("expected_amount", "currency", "expected_close_on")
NOTE_FIELDS = ("text", "decided", "client_priorities")
# currencies offered in the form's list (any ISO 4217 code may be typed)
CURRENCIES = ("RUB", "USD", "EUR", "CNY", "KZT", "BYN", "GBP", "AED", "TRY")


def board_filters():
    """The board's filters from the address: what the page shows and what the service gets."""
    args = request.args
    chosen = {name: args.get(name, "").strip()
              for name in ("responsible_employee_id", "department_id", "stalled_days",
                           *(f"{kind}_id" for kind in BOOKS))}
    if not chosen["stalled_days"].isdigit():
        chosen["stalled_days"] = ""
    query = {name: value for name, value in chosen.items() if value}
    if query.get("stalled_days"):
        query["stalled_days"] = int(query["stalled_days"])
    for kind in BOOKS:
        if query.get(f"{kind}_id"):
            query[f"{kind}_id"] = [query[f"{kind}_id"]]
    return chosen, query


@bp.route("/pipeline")
@auth.page_login_required
def pipeline_board():
    chosen, query = board_filters()
    try:
        board = pipeline.board(g.actor, query)
    except InvalidInput as exc:  # a hand-made address: a bad id or number of days
        flash(_("Not filtered: %(why)s", why="; ".join(
            f"{name}: {', '.join(messages)}" for name, messages in admin_texts.field_errors(exc.details or {}).items())
            or admin_texts.say(exc.message)), "error")
        chosen, query = {name: "" for name in chosen}, {}
        board = pipeline.board(g.actor, {})
    lists = rpc.fan_out({"staff": ("staff", "list_employees", {"limit": 500}),
                         "departments": ("staff", "list_departments", g.actor)})
    books = book_values(g.actor)
    return render_template(
        "pipeline/board.html", board=board, chosen=chosen, books=books,
        stages=[column["stage"] for column in board["columns"] if not column["stage"]["is_archived"]],
        staff=[] if isinstance(lists["staff"], Exception) else lists["staff"]["items"],
        departments=[] if isinstance(lists["departments"], Exception) else lists["departments"],
        filtered=bool(query), back=request.full_path.rstrip("?"))


def deal_from_form(form):
    """The expected deal's fields from a form: blank is None; the amount as typed ("1 500 000,50")
    becomes decimal text, the currency capitals."""
    amount = "".join(form.get("expected_amount", "").split()).replace(",", ".") or None
    currency = form.get("currency", "").strip().upper() or None
    return {"expected_amount": amount, "currency": currency,
            "expected_close_on": form.get("expected_close_on", "").strip() or None}


def _back(value):
    """Where the note form returns: a page of the board (its filters kept), else the board."""
    path = forms.local_path(value, url_for("web.pipeline_board"))
    return path if path.startswith(url_for("web.pipeline_board")) else url_for("web.pipeline_board")


def _note_form(counterparty_id, values, errors=None, status=200):
    """The note form of one counterparty (the dialog's body when htmx asks, else a page)."""
    found = rpc.fan_out({
        "counterparty": ("counterparties", "get_counterparty", g.actor, counterparty_id),
        "notes": ("counterparties", "list_negotiation_notes", g.actor, counterparty_id, {"limit": 1}),
        "stages": ("counterparties", "list_reference_values", g.actor, "negotiation_stage",
                   {"include_archived": False}),
    })
    for result in found.values():
        if isinstance(result, (NotFound, InvalidInput, PermissionDenied)):
            flash(_("The counterparty was not found."), "error")
            return redirect(values["back"])
        if isinstance(result, Exception):
            raise result
    negotiation = found["notes"]["negotiation"]
    for name in DEAL_FIELDS:
        values.setdefault(name, negotiation.get(name) or "")
    context = {"counterparty": found["counterparty"], "stages": found["stages"], "values": values,
               "errors": errors or {}, "current_stage": found["notes"]["current_stage"],
               "currencies": CURRENCIES}
    if forms.is_fragment("note-dialog-body"):
        return render_template("pipeline/_note_form.html", in_dialog=True, **context), status
    return render_template("pipeline/note.html", in_dialog=False, **context), status


@bp.route("/pipeline/note")
@auth.page_login_required
def pipeline_note():
    """The note form with the stage to move to chosen (and the current deal filled in)."""
    counterparty_id = request.args.get("counterparty_id", "")
    values = {"stage_id": request.args.get("stage_id", ""), "back": _back(request.args.get("back"))}
    return _note_form(counterparty_id, values)


@bp.route("/pipeline/note", methods=["POST"])
@auth.page_login_required
def save_pipeline_note():
    counterparty_id = request.form.get("counterparty_id", "")
    back = _back(request.form.get("back"))
    note = {"stage_id": request.form.get("stage_id", ""), "text": request.form.get("text", "").strip(),
            "decided": request.form.get("decided", "").strip() or None,
            "client_priorities": request.form.get("client_priorities", "").strip() or None,
            **deal_from_form(request.form)}
    try:
        rpc.call("counterparties", "add_negotiation_note", g.actor, counterparty_id, note)
    except InvalidInput as exc:
        values = {**request.form.to_dict(), "back": back}
        return _note_form(counterparty_id, values, admin_texts.field_errors(exc.details or {}), 422)
    except (NotFound, PermissionDenied):
        flash(_("The counterparty was not found."), "error")
        return redirect(back)
    flash(_("Negotiation note saved."), "success")
    return redirect(back)


@bp.route("/counterparties/<uuid:counterparty_id>/negotiation", methods=["POST"])
@auth.page_login_required
def update_negotiation(counterparty_id):
    """The expected deal set on its own, from the card's negotiation section."""
    try:
        rpc.call("counterparties", "update_negotiation", g.actor, str(counterparty_id), deal_from_form(request.form))
    except InvalidInput as exc:
        flash(_("The expected deal is not saved: %(why)s", why=deal_errors(exc)), "error")
    else:
        flash(_("The expected deal is saved."), "success")
    return redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="negotiations"))


def deal_errors(exc):
    """An InvalidInput's field messages as one line for a notice, each after its field's label."""
    labels = {"expected_amount": _("Expected amount"), "currency": _("Currency"),
              "expected_close_on": _("Expected close date"), "stage_id": _("Stage"), "text": _("Where it stands")}
    errors = admin_texts.field_errors(exc.details or {})
    return "; ".join(f"{labels.get(name, name)}: {' '.join(messages)}" for name, messages in errors.items()) \
        or admin_texts.say(exc.message)
