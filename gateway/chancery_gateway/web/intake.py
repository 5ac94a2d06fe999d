"""Intake: the review queue of incoming correspondence (drafts from watched folders and IMAP
mailboxes), an item's page with its preview beside the card prefilled with the suggestions,
registered in one action or discarded; and Administration → Intake sources.

The queue is for whoever may register documents; the intake service checks every call again.
"""
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput

from .. import intake_files, rpc
from . import bp, forms
from .admin import admin_page, staff_list
from .admin_texts import field_errors

REGISTRATION_FIELDS = ("document_type_id", "journal_id", "title", "counterparty_id", "responsible_id",
                       "document_date", "sender_number")


@bp.route("/intake")
@admin_page(permission="register_documents")
def intake_queue():
    status = request.args.get("status", "new")
    status = status if status in ("new", "registered", "discarded") else "new"
    page = rpc.call("intake", "list_items", g.actor, {"status": [status], "limit": 100})
    return render_template("intake/queue.html", items=page["items"], total=page["total"], status=status)


def _values(item):
    s = item.get("suggestions") or {}
    rule = item.get("rule") or {}
    return {"document_type_id": rule.get("document_type_id") or "", "journal_id": rule.get("journal_id") or "",
            "title": s.get("title") or item["subject"] or "",
            "counterparty_id": s.get("counterparty_id") or "", "responsible_id": rule.get("responsible_id") or "",
            "document_date": s.get("document_date") or "", "sender_number": s.get("sender_number") or ""}


def _item_page(item, values=None, errors=None, status=200):
    types = [t for t in rpc.call("documents", "list_document_types", g.actor) if t.get("journal_id")]
    preview = next((f for f in item["files"] if f["content_type"] == "application/pdf"
                    or f["content_type"].startswith("image/")), None)
    return render_template("intake/item.html", item=item, values=values or _values(item), errors=errors or {},
                           types=types, employees=staff_list(), preview=preview), status


@bp.route("/intake/<uuid:item_id>", methods=["GET", "POST"])
@admin_page(permission="register_documents")
def intake_item(item_id):
    item = rpc.call("intake", "get_item", g.actor, str(item_id))
    if request.method != "POST":
        return _item_page(item)
    values = request.form.to_dict()
    data = {name: (values.get(name) or "").strip() or None for name in REGISTRATION_FIELDS}
    data["title"] = data["title"] or ""
    try:
        done = rpc.call("intake", "register_item", g.actor, str(item_id), data)
    except InvalidInput as exc:
        if data["counterparty_id"]:  # the picked counterparty's name, for the form shown again
            named = rpc.call("counterparties", "registration_choices", g.actor, {"ids": [data["counterparty_id"]]})
            values["counterparty_name"] = named[0]["name"] if named else ""
        return _item_page(item, values=values, errors=field_errors(exc.details or {}), status=422)
    except Conflict as exc:
        flash(str(exc), "error")
        return redirect(url_for("web.intake_item", item_id=item_id))
    flash(_("Registered as %(number)s.", number=done.get("document_number") or ""), "success")
    return redirect(url_for("web.document", document_id=done["document_id"]))


@bp.route("/intake/<uuid:item_id>/discard", methods=["POST"])
@admin_page(permission="register_documents")
def intake_discard(item_id):
    reason = (request.form.get("reason") or "").strip()
    try:
        rpc.call("intake", "discard_item", g.actor, str(item_id), {"reason": reason})
    except InvalidInput:
        item = rpc.call("intake", "get_item", g.actor, str(item_id))
        page, status = _item_page(item, errors={"reason": [_("Say why it is discarded.")]}, status=422)
        return page, status
    flash(_("Discarded."), "success")
    return redirect(url_for("web.intake_queue"))


@bp.route("/intake/<uuid:item_id>/files/<uuid:file_id>")
@admin_page(permission="register_documents")
def intake_file(item_id, file_id):
    return intake_files.stream(g.actor, item_id, file_id, request.args.get("variant", "original"))


# each kind's settings as form fields (intake's folder.py and mailbox.py say what they mean)
SETTINGS_FIELDS = {"folder": ("path", "processed_subfolder", "settle_seconds", "max_files"),
                   "imap": ("host", "port", "security", "username", "mailbox", "processed_mailbox", "ca_file",
                            "max_messages")}
RULE_FIELDS = ("document_type_id", "journal_id", "responsible_id")


def _source_from_form(kind):
    """The source's settings (the kind's fields given; an empty one takes its default) and its
    rule (an empty choice: none) from the posted form."""
    settings = forms.values(SETTINGS_FIELDS[kind])
    return {**forms.values(("name",)), "settings": settings,
            **{name: request.form.get(name) or None for name in RULE_FIELDS}}


def _source_errors(exc):
    """The service's errors keyed by the form's fields (``settings.path`` is the field ``path``)."""
    return {name.removeprefix("settings."): messages for name, messages in field_errors(exc.details or {}).items()}


def _source_page(template, **context):
    types = rpc.call("documents", "list_document_types", g.actor)
    journals = rpc.call("documents", "list_journals", g.actor)
    return render_template(template, types=types, journals=journals, employees=staff_list(),
                           type_names={t["id"]: t["name"] for t in types}, **context)


@bp.route("/admin/intake", methods=["GET", "POST"])
@admin_page()
def admin_intake_sources():
    """Sources and their rules (administrators)."""
    errors, values = {}, {}
    if request.method == "POST":
        values = request.form.to_dict()
        kind = values.get("kind") if values.get("kind") in SETTINGS_FIELDS else "folder"
        data = {**_source_from_form(kind), "kind": kind, "password": values.get("password") or None}
        try:
            rpc.call("intake", "create_source", g.actor, data)
            flash(_("Source added."), "success")
            return redirect(url_for("web.admin_intake_sources"))
        except InvalidInput as exc:
            errors = _source_errors(exc)
    sources = rpc.call("intake", "list_sources", g.actor)
    return _source_page("admin/intake_sources.html", sources=sources, values=values,
                        errors=errors), 422 if errors else 200


@bp.route("/admin/intake/<uuid:source_id>", methods=["GET", "POST"])
@admin_page()
def admin_intake_source(source_id):
    """One source: its name, where it reads, its rule; the password kept unless a new one is given."""
    source = rpc.call("intake", "get_source", g.actor, str(source_id))
    errors = {}
    if request.method == "POST":
        values = request.form.to_dict()
        changes = _source_from_form(source["kind"])
        if request.form.get("password"):
            changes["password"] = request.form["password"]
        try:
            rpc.call("intake", "update_source", g.actor, str(source_id), changes)
            flash(_("Source saved."), "success")
            return redirect(url_for("web.admin_intake_sources"))
        except InvalidInput as exc:
            errors = _source_errors(exc)
    else:
        values = {"name": source["name"], **{name: source[name] or "" for name in RULE_FIELDS},
                  **{name: "" if source["settings"].get(name) is None else source["settings"][name]
                     for name in SETTINGS_FIELDS[source["kind"]]}}
    return _source_page("admin/intake_source.html", source=source, values=values,
                        errors=errors), 422 if errors else 200


@bp.route("/admin/intake/<uuid:source_id>/active", methods=["POST"])
@admin_page()
def admin_intake_source_active(source_id):
    """Pause a source (nothing more is taken in from it) or resume it."""
    rpc.call("intake", "update_source", g.actor, str(source_id), {"is_active": request.form.get("active") == "true"})
    return redirect(url_for("web.admin_intake_sources"))
