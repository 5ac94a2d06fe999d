"""Document types and registration journals, configured in the browser by employees with the
permission configure_document_types (not by administrators editing files)."""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound

from .. import auth, rpc
from . import bp, texts

STANDARD_KINDS = ("incoming", "outgoing", "internal", "contract", "annex", "completion_act", "invoice",
                  "work_order", "work_schedule", "letter", "protocol")
FIELD_KINDS = ("text", "number", "money", "date", "reference", "employee", "counterparty")
# the kinds of file a type may accept (the documents service's file_types.KINDS)
FILE_KINDS = ("pdf", "images", "office", "text", "email", "archives")
NEW_FIELD_ROWS = 3


def may_configure():
    return "configure_document_types" in (g.actor.get("permissions") or ())


@bp.route("/document-types")
@auth.page_login_required
def document_types():
    results = rpc.fan_out({"types": ("documents", "list_document_types", g.actor, {"include_inactive": True}),
                           "journals": ("documents", "list_journals", g.actor)})
    for result in results.values():
        if isinstance(result, Exception):
            raise result
    return render_template("documents/types.html", types=results["types"], journals=results["journals"],
                           may_configure=may_configure())


def type_input(previous=None):
    """The type form as the service takes it; field rows with a code, existing or new."""
    form = request.form
    kind = form.get("kind", "").strip()
    if kind == "other":
        kind = form.get("new_kind", "").strip().lower().replace(" ", "_")
    data = {"name": form.get("name", "").strip(), "kind": kind,
            "journal_id": form.get("journal_id") or None,
            "department_code": form.get("department_code", "").strip() or None,
            "visible_to_roles": [r.strip() for r in form.get("visible_to_roles", "").split(",") if r.strip()],
            "default_responsible_ids": [form["default_responsible_id"]] if form.get("default_responsible_id") else [],
            "stages_field": form.get("stages_field") or None}
    if previous is None:
        data["code"] = form.get("code", "").strip()
    children = form.getlist("allowed_child_type_id")
    data["allowed_child_type_ids"] = None if form.get("any_child") else children
    fields = []
    for index in range(int(form.get("field_rows", "0") or 0)):
        code = form.get(f"fields-{index}-code", "").strip()
        if not code:
            continue
        fields.append({"code": code, "label": form.get(f"fields-{index}-label", "").strip() or code,
                       "kind": form.get(f"fields-{index}-kind", "text"),
                       "required": bool(form.get(f"fields-{index}-required")),
                       "retired": bool(form.get(f"fields-{index}-retired")),
                       "reference_book": form.get(f"fields-{index}-reference_book", "").strip() or None})
    data["fields"] = fields
    required = []
    for type_id in form.getlist("required_type_id"):
        per = form.get(f"required-{type_id}-per", "document")
        required.append({"type_id": type_id, "per": per, "count": 1})
    data["required_documents"] = required
    data["accepted_file_kinds"] = form.getlist("accepted_file_kind")
    return data


@bp.route("/document-types/new", methods=["GET", "POST"])
@auth.page_login_required
def new_document_type():
    if request.method == "GET":
        return render_type_form(None, {}, {})
    data = type_input()
    try:
        created = rpc.call("documents", "create_document_type", g.actor, data)
    except InvalidInput as exc:
        return render_type_form(None, data, exc.details or {}, 422)
    flash(_("Document type “%(name)s” created.", name=created["name"]), "success")
    return redirect(url_for("web.document_type", type_id=created["id"]))


@bp.route("/document-types/<uuid:type_id>", methods=["GET", "POST"])
@auth.page_login_required
def document_type(type_id):
    current = rpc.call("documents", "get_document_type", g.actor, str(type_id))
    if request.method == "GET":
        return render_type_form(current, current, {})
    data = type_input(previous=current)
    try:
        updated = rpc.call("documents", "update_document_type", g.actor, str(type_id), data)
    except InvalidInput as exc:
        return render_type_form(current, {**current, **data}, exc.details or {}, 422)
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document_type", type_id=type_id))
    flash(_("Document type “%(name)s” saved.", name=updated["name"]), "success")
    return redirect(url_for("web.document_type", type_id=type_id))


def render_type_form(current, values, errors, status=200):
    results = rpc.fan_out({"types": ("documents", "list_document_types", g.actor),
                           "journals": ("documents", "list_journals", g.actor),
                           "staff": ("staff", "list_employees", {"limit": 500})})
    types = results["types"] if not isinstance(results["types"], Exception) else []
    journals = results["journals"] if not isinstance(results["journals"], Exception) else []
    staff = results["staff"]["items"] if not isinstance(results["staff"], Exception) else []
    fields = list(values.get("fields") or [])
    return render_template(
        "documents/type_form.html", current=current, values=values, errors=errors, types=types,
        journals=journals, staff=staff, fields=fields, new_rows=NEW_FIELD_ROWS, kinds=STANDARD_KINDS,
        field_kinds=FIELD_KINDS, file_kinds=FILE_KINDS, may_configure=may_configure(),
        required={r["type_id"]: r for r in values.get("required_documents") or []}), status


# Journals ---------------------------------------------------------------------------------------

def journal_input():
    form = request.form
    data = {name: form.get(name, "").strip() for name in ("code", "name", "kind", "prefix", "number_pattern")}
    try:
        data["sequence_width"] = int(form.get("sequence_width") or 6)
    except ValueError:
        data["sequence_width"] = 0
    return data


@bp.route("/journals", methods=["GET", "POST"])
@auth.page_login_required
def journals():
    errors, values = {}, {}
    if request.method == "POST":
        values = journal_input()
        try:
            created = rpc.call("documents", "create_journal", g.actor, values)
        except InvalidInput as exc:
            errors = exc.details or {}
        else:
            flash(_("Journal “%(name)s” created.", name=created["name"]), "success")
            return redirect(url_for("web.journals"))
    found = rpc.call("documents", "list_journals", g.actor)
    return render_template("documents/journals.html", journals=found, values=values, errors=errors,
                           may_configure=may_configure()), 422 if errors else 200


@bp.route("/journals/<uuid:journal_id>", methods=["POST"])
@auth.page_login_required
def update_journal(journal_id):
    changes = {k: v for k, v in journal_input().items() if k in ("name", "prefix", "number_pattern", "sequence_width")}
    try:
        rpc.call("documents", "update_journal", g.actor, str(journal_id), changes)
    except (InvalidInput, Conflict, NotFound) as exc:
        details = getattr(exc, "details", None) or {}
        said = [m for messages in details.values() for m in (messages if isinstance(messages, list) else [])]
        flash(texts.service_text(said[0] if said else exc.message), "error")
    else:
        flash(_("Journal saved."), "success")
    return redirect(url_for("web.journals"))
