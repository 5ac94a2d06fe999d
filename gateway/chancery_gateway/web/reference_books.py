"""Reference books of the counterparty directory: activity types, regions, groups, categories,
advertising sources. Everyone reads them; employees whose roles grant
``edit_reference_books`` add, rename, (un)archive, merge and delete values. A value still
in use cannot be deleted: the service says how many counterparties use it, and the page
shows that, suggesting a merge instead.
"""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied

from .. import auth, rpc
from . import admin_texts, bp

KINDS = ("activity_type", "region", "group", "category", "advertising_source")  # the characteristics
BOOKS = (*KINDS, "negotiation_stage")  # every book the page edits
PERMISSION = "edit_reference_books"


def book_values(actor, kinds=KINDS, include_archived=False, also=None):
    """``{kind: [values]}`` for the filters and the card's selects (empty for a book that failed).
    ``also``: more calls ``{name: call}`` made in the same round; their answers (or exceptions)
    come back as a second dict."""
    results = rpc.fan_out({**{kind: ("counterparties", "list_reference_values", actor, kind,
                                     {"include_archived": include_archived}) for kind in kinds}, **(also or {})})
    books = {kind: ([] if isinstance(results[kind], Exception) else results[kind]) for kind in kinds}
    return (books, {name: results[name] for name in also}) if also is not None else books


def may_edit():
    return PERMISSION in (g.identity or {}).get("permissions", ())


def checked_kind(kind):
    if kind not in BOOKS:
        abort(404)
    return kind


@bp.route("/reference-books")
@bp.route("/reference-books/<kind>")
@auth.page_login_required
def reference_books(kind="activity_type"):
    return render_book(checked_kind(kind))


def render_book(kind, status=200, errors=None, values=None):
    found = rpc.call("counterparties", "list_reference_values", g.actor, kind, {"include_archived": True})
    return render_template("reference_books/index.html", kind=kind, kinds=BOOKS, book=found,
                           may_edit=may_edit(), errors=errors or {}, values=values or {}), status


def changed(kind, work, done_text):
    """Run one change; a refusal is shown on the page, a success flashed after a redirect."""
    try:
        work()
    except InvalidInput as exc:
        return render_book(kind, 422, admin_texts.field_errors(exc.details or {}), request.form)
    except (Conflict, PermissionDenied, NotFound) as exc:
        flash(admin_texts.say(exc.message), "error")
    else:
        flash(done_text, "success")
    return redirect(url_for("web.reference_books", kind=kind))


@bp.route("/reference-books/<kind>", methods=["POST"])
@auth.page_login_required
def add_reference_value(kind):
    kind = checked_kind(kind)
    name = request.form.get("name", "").strip()
    return changed(kind, lambda: rpc.call("counterparties", "create_reference_value", g.actor, kind,
                                          {"name": name}),
                   _("“%(name)s” added.", name=name))


@bp.route("/reference-books/<kind>/<uuid:value_id>", methods=["POST"])
@auth.page_login_required
def change_reference_value(kind, value_id):
    """Rename, archive or restore one value (the form says which)."""
    kind = checked_kind(kind)
    action = request.form.get("action", "rename")
    if action == "archive":
        changes, text = {"is_archived": True}, _("Archived: it is no longer offered for new cards.")
    elif action == "restore":
        changes, text = {"is_archived": False}, _("Restored.")
    else:
        name = request.form.get("name", "").strip()
        changes, text = {"name": name}, _("Renamed to “%(name)s”.", name=name)
    return changed(kind, lambda: rpc.call("counterparties", "update_reference_value", g.actor, kind,
                                          str(value_id), changes), text)


@bp.route("/reference-books/<kind>/<uuid:value_id>/merge", methods=["POST"])
@auth.page_login_required
def merge_reference_value(kind, value_id):
    kind = checked_kind(kind)
    into_id = request.form.get("into_id", "")
    return changed(kind, lambda: rpc.call("counterparties", "merge_reference_value", g.actor, kind,
                                          str(value_id), {"into_id": into_id}),
                   _("Merged: its counterparties now have the value chosen."))


@bp.route("/reference-books/<kind>/<uuid:value_id>/delete", methods=["POST"])
@auth.page_login_required
def delete_reference_value(kind, value_id):
    kind = checked_kind(kind)
    return changed(kind, lambda: rpc.call("counterparties", "delete_reference_value", g.actor, kind,
                                          str(value_id)),
                   _("Deleted."))
