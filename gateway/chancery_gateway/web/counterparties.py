"""Counterparties: the directory (search, filters by reference books, responsible and status,
sorting, paging, saved filters, handing over), quick entry with a duplicate warning, and the
card with its sections edited over time and the relationship history page by page."""
from urllib.parse import urlencode

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, PreconditionFailed

from .. import auth, permissions, rpc
from ..compose import overview
from . import admin_texts, bp, changed_meanwhile, forms, texts
from .agenda import colleagues
from .jobs import start_import, started
from .lookups import employee_names
from .pipeline import CURRENCIES, deal_errors, deal_from_form
from .reference_books import KINDS as BOOKS
from .reference_books import book_values

FIELDS = ("name", "kind", "short_name", "tax_id", "registration_number", "phone", "fax", "email", "website",
          "legal_address", "main_contact", "notes")
DUPLICATE_KEYS = ("name", "tax_id", "phone", "email")
SORTS = ("name", "-name", "-created_at", "created_at", "-updated_at")
STATUSES = ("active", "archived")
HISTORY_PAGE = 20

# The card's sections, each edited on its own: (code, title, fields)
SECTIONS = {
    "main": ("name", "short_name", "kind", "main_contact", "notes"),
    "legal": ("country", "tax_id", "registration_number", "kpp", "legal_address", "postal_address"),
    "contacts": ("phone", "fax", "email", "website"),
    "characteristics": tuple(f"{kind}_id" for kind in BOOKS),
    "responsible": ("responsible_employee_id", "additional_responsible_ids"),
}


# the directory ------------------------------------------------------------------------------

def directory_filters():
    """The filters of the list from the address: what the page shows and what the service gets."""
    args = request.args
    chosen = {
        "q": args.get("q", "").strip(),
        "status": args.get("status") if args.get("status") in STATUSES else "",
        "responsible_employee_id": args.get("responsible_employee_id", ""),
        "sort": args.get("sort") if args.get("sort") in SORTS else "name",
    }
    for kind in BOOKS:
        chosen[f"{kind}_id"] = [value for value in args.getlist(f"{kind}_id") if value]
    return chosen


def service_query(chosen):
    """The list_counterparties (and saved filter) query of the chosen filters; empty ones left out."""
    query = {"sort": chosen["sort"]}
    if chosen["q"]:
        query["search"] = chosen["q"]
    if chosen["status"]:
        query["status"] = chosen["status"]
    if chosen["responsible_employee_id"]:
        query["responsible_employee_id"] = chosen["responsible_employee_id"]
    for kind in BOOKS:
        if chosen[f"{kind}_id"]:
            query[f"{kind}_id"] = chosen[f"{kind}_id"]
    return query


def address_args(query):
    """A saved filter's query as the list's address arguments (search is ``q``)."""
    args = {key: value for key, value in query.items() if key != "search" and value not in (None, [], "")}
    if query.get("search"):
        args["q"] = query["search"]
    return args


def everyone():
    try:
        return rpc.call("staff", "list_employees", {"limit": 500})["items"]
    except rpc.ServiceUnavailable:
        return []


@bp.route("/counterparties")
@auth.page_login_required
def counterparties():
    chosen = directory_filters()
    page, query = forms.paging()
    query.update(service_query(chosen))
    try:
        found = rpc.call("counterparties", "list_counterparties", g.actor, query)
    except InvalidInput as exc:  # a hand-made address with a bad id
        flash(admin_texts.say(exc.message), "error")
        found = {"items": [], "total": 0}
    books = book_values(g.actor, include_archived=True)
    context = {
        "counterparties": found["items"], "search": chosen["q"], "chosen": chosen,
        "paging": forms.pages(found["total"], page),
        "employees": employee_names(c["responsible_employee_id"] for c in found["items"]),
        "books": books, "book_names": {v["id"]: v["name"] for values in books.values() for v in values},
        "handover_team": colleagues(g.actor),
        "filtered": any(chosen[key] for key in chosen if key != "sort") or chosen["sort"] != "name",
        "export": export_links(chosen),
    }
    if forms.is_fragment("results"):
        return render_template("counterparties/_results.html", **context)
    try:
        saved = rpc.call("counterparties", "list_saved_filters", g.actor)
    except rpc.ServiceUnavailable:
        saved = None
    return render_template("counterparties/list.html", saved_filters=saved, staff=everyone(),
                           sorts=SORTS, statuses=STATUSES, address_args=address_args, **context)


@bp.route("/counterparties/filters", methods=["POST"])
@auth.page_login_required
def save_counterparty_filter():
    """Keep the list's current filters under a name, for this employee only."""
    name = request.form.get("filter_name", "").strip()
    back = forms.local_path(request.form.get("next"), url_for("web.counterparties"))
    try:
        query = service_query({
            "q": request.form.get("q", "").strip(), "status": request.form.get("status", ""),
            "responsible_employee_id": request.form.get("responsible_employee_id", ""),
            "sort": request.form.get("sort") or "name",
            **{f"{kind}_id": [v for v in request.form.getlist(f"{kind}_id") if v] for kind in BOOKS}})
        rpc.call("counterparties", "save_filter", g.actor, {"name": name, "query": query})
    except (InvalidInput, Conflict) as exc:
        details = getattr(exc, "details", None) or {}
        message = "; ".join(admin_texts.say(m) for m in details.get("name", [])) or admin_texts.say(exc.message)
        flash(_("The filter is not saved: %(why)s", why=message), "error")
    else:
        flash(_("Filter “%(name)s” saved.", name=name), "success")
    return redirect(back)


@bp.route("/counterparties/filters/<uuid:filter_id>/delete", methods=["POST"])
@auth.page_login_required
def delete_counterparty_filter(filter_id):
    try:
        rpc.call("counterparties", "delete_saved_filter", g.actor, str(filter_id))
    except NotFound:
        pass  # already gone
    flash(_("Saved filter deleted."), "success")
    return redirect(url_for("web.counterparties"))


@bp.route("/counterparties/handover", methods=["POST"])
@auth.page_login_required
def hand_over_counterparties():
    """Hand the counterparties ticked in the list (and their open activities) to another employee."""
    back = forms.local_path(request.form.get("next"), url_for("web.counterparties"))
    ids = [value for value in request.form.getlist("counterparty_ids") if value]
    to_id = request.form.get("to_employee_id", "")
    from_id = request.form.get("from_employee_id", "")
    if not ids:
        flash(_("Tick the counterparties to hand over first."), "error")
        return redirect(back)
    if not from_id:
        # by default: from their common primary responsible employee
        found = rpc.call("counterparties", "list_counterparties", g.actor, {"ids": ids, "limit": len(ids)})
        owners = {c["responsible_employee_id"] for c in found["items"]}
        if len(owners) != 1 or None in owners:
            flash(_("The counterparties ticked have different responsible employees: choose whose "
                    "counterparties to hand over."), "error")
            return redirect(back)
        from_id = owners.pop()
    try:
        result = rpc.call("counterparties", "hand_over", g.actor, {
            "counterparty_ids": ids, "from_employee_id": from_id, "to_employee_id": to_id,
            "include_open_activities": request.form.get("include_open_activities") == "1",
            "reason": request.form.get("reason", "").strip() or None})
    except InvalidInput as exc:
        messages = [admin_texts.say(m) for values in (exc.details or {}).values()
                    for m in (values if isinstance(values, list) else [values]) if isinstance(m, str)]
        flash(_("Not handed over: %(why)s", why="; ".join(messages) or admin_texts.say(exc.message)), "error")
    except (Conflict, PermissionDenied, NotFound) as exc:
        flash(_("Not handed over: %(why)s", why=admin_texts.say(exc.message)), "error")
    else:
        name = employee_names([to_id]).get(to_id, "")
        flash(_("%(count)s counterparties handed over to %(name)s, with %(moved)s planned activities.",
                count=len(result["counterparty_ids"]), name=name, moved=result["activities_moved"]), "success")
    return redirect(back)


# quick entry --------------------------------------------------------------------------------

@bp.route("/counterparties/new", methods=["GET", "POST"])
@auth.page_login_required
def new_counterparty():
    if request.method == "GET":
        return render_template("counterparties/new.html", values={"kind": "organisation"},
                               errors={}, duplicates=None, confirm=False)
    data = forms.values(FIELDS)
    if request.form.get("save_anyway") != "1":
        # a look-alike the person has not seen yet (the hint beside the tax ID lists those seen)
        duplicates = likely_duplicates(data)
        seen = set(request.form.get("duplicates_seen", "").split())
        shown = {c["id"] for c in (duplicates or {}).get("items", [])}
        if duplicates and (shown - seen or (duplicates.get("hidden_matches") and not seen)):
            return render_template("counterparties/new.html", values=request.form, errors={},
                                   duplicates=duplicates, confirm=True), 409
    # the same tax ID as another counterparty: saved only with "Create anyway" ticked
    data["allow_duplicate"] = request.form.get("allow_duplicate") == "1"
    try:
        created = rpc.call("counterparties", "create_counterparty", g.actor, data)
    except InvalidInput as exc:
        return render_template("counterparties/new.html", values=request.form,
                               errors=exc.details or {}, duplicates=likely_duplicates(data), confirm=False), 422
    except Conflict:
        errors = {"tax_id": [_("Another counterparty has this tax ID. Open it, or tick “Create anyway” if yours "
                               "is a different one.")]}
        return render_template("counterparties/new.html", values=request.form, errors=errors,
                               duplicates=likely_duplicates(data), confirm=True), 409
    flash(_("Counterparty “%(name)s” created.", name=created["name"]), "success")
    return redirect(url_for("web.counterparty", counterparty_id=created["id"]))


def likely_duplicates(data, exclude_id=None):
    """Look-alikes of ``data``: ``{"items": visible ones, "hidden_matches": how many others}``.

    Fields the service finds invalid are left out of the comparison, not reported twice.
    """
    probe = {key: data[key] for key in DUPLICATE_KEYS if data.get(key)}
    for _attempt in range(2):
        if not probe:
            break
        try:
            return rpc.call("counterparties", "find_duplicates", g.actor, probe, exclude_id)
        except InvalidInput as exc:
            probe = {key: value for key, value in probe.items() if key not in (exc.details or {})}
    return None


@bp.route("/counterparties/duplicates", methods=["POST"])
@auth.page_login_required
def counterparty_duplicates():
    """The duplicate hint under the new-counterparty form, refreshed by htmx as fields change."""
    entered = forms.values(DUPLICATE_KEYS)
    return render_template("counterparties/_duplicates.html", duplicates=likely_duplicates(entered),
                           entered=entered, live=True)


@bp.route("/counterparties/choices")
@auth.page_login_required
def counterparty_choices():
    """Counterparties matching what was typed, to pick one for a new document or activity."""
    search = request.args.get("q", "").strip()
    if request.args.get("purpose") == "registration" and permissions.may("register_documents"):
        # whoever registers documents names any counterparty of the directory (registration.py)
        items = rpc.call("counterparties", "registration_choices", g.actor,
                         {"search": search, "limit": 8} if search else {"limit": 8})
    else:
        items = rpc.call("counterparties", "list_counterparties", g.actor,
                         {"search": search, "limit": 8} if search else {"limit": 8})["items"]
    return render_template("counterparties/_choices.html", counterparties=items, search=search)


# the card -----------------------------------------------------------------------------------

@bp.route("/counterparties/<uuid:counterparty_id>")
@auth.page_login_required
def counterparty(counterparty_id):
    view = overview.compose(g.actor, str(counterparty_id))
    unavailable = {part["part"] for part in view["unavailable"]}
    counterparty = view["counterparty"]
    extra_ids = (counterparty or {}).get("additional_responsible_ids") or []
    employees = {**view["employees"], **employee_names(extra_ids)}
    books, negotiation = {}, None
    if counterparty:
        # the negotiation stages to choose from come in the same round as the books
        books, more = book_values(g.actor, include_archived=True, also={"stages": (
            "counterparties", "list_reference_values", g.actor, "negotiation_stage", {"include_archived": False})})
        negotiation = negotiation_panel(view, more["stages"])
    history = view["history"]
    documents_by_id = {d["id"]: d for d in (view["documents"] or {}).get("items", [])}  # for the trees
    return render_template("counterparties/card.html", view={**view, "employees": employees},
                           negotiation=negotiation, currencies=CURRENCIES, documents_by_id=documents_by_id,
                           unavailable=unavailable, counterparty=counterparty, books=BOOKS,
                           book_names={v["id"]: v["name"] for values in books.values() for v in values},
                           history=history, history_page=history_paging(history, 1, len((history or {})
                                                                                      .get("items", []))))


def history_paging(history, page, size):
    if not history:
        return None
    shown = (page - 1) * HISTORY_PAGE + size
    return {"page": page, "more": shown < history["total"], "total": history["total"]}


@bp.route("/counterparties/<uuid:counterparty_id>/history")
@auth.page_login_required
def counterparty_history(counterparty_id):
    """One page of the relationship timeline (the card loads further pages with htmx)."""
    page, _query = forms.paging()
    # the card shows the newest 30 at first; further pages follow from there
    offset = 30 + (page - 2) * HISTORY_PAGE if page > 1 else 0
    limit = 30 if page == 1 else HISTORY_PAGE
    history = rpc.call("counterparties", "get_history", g.actor, str(counterparty_id),
                       {"limit": limit, "offset": offset})
    employees = employee_names(entry.get("actor_id") for entry in history["items"])
    more = offset + len(history["items"]) < history["total"]
    return render_template("counterparties/_history.html", history=history, employees=employees,
                           counterparty_id=str(counterparty_id),
                           history_page={"page": page, "more": more, "total": history["total"]})


@bp.route("/counterparties/<uuid:counterparty_id>/edit/<section>", methods=["GET", "POST"])
@auth.page_login_required
def edit_counterparty(counterparty_id, section):
    """Edit one section of the card: main, legal details, contacts, characteristics, responsible."""
    if section not in SECTIONS:
        abort(404)
    counterparty = rpc.call("counterparties", "get_counterparty", g.actor, str(counterparty_id))
    if request.method == "GET":
        return render_section(counterparty, section,
                              {key: "" if value is None else value for key, value in counterparty.items()}, {})
    changes = section_changes(section)
    values = {**request.form.to_dict(),
              "additional_responsible_ids": request.form.getlist("additional_responsible_ids")}
    try:
        rpc.call("counterparties", "update_counterparty", g.actor, str(counterparty_id), changes,
                 expected_version=changed_meanwhile.form_version())
    except InvalidInput as exc:
        return render_section(counterparty, section, values, admin_texts.field_errors(exc.details or {}), 422)
    except PreconditionFailed as exc:
        conflict = changed_meanwhile.notice(exc, SECTIONS[section], changes, shown=section_value(section))
        return render_section(counterparty, section, values, {}, 409, conflict=conflict)
    except (Conflict, PermissionDenied) as exc:
        flash(admin_texts.say(exc.message), "error")
        return redirect(url_for("web.counterparty", counterparty_id=counterparty_id))
    flash(_("The card is saved."), "success")
    return redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="details"))


def section_changes(section):
    """The section's fields from the form: an emptied field is cleared (None), not left as it was."""
    changes = {}
    for name in SECTIONS[section]:
        if name == "additional_responsible_ids":
            changes[name] = [value for value in request.form.getlist(name) if value]
        elif name in ("name", "kind", "country"):
            changes[name] = request.form.get(name, "").strip()
        else:
            changes[name] = request.form.get(name, "").strip() or None
    return changes


def section_value(section):
    """How a field of the section reads in the differences: reference values and employees by name."""
    if section == "characteristics":
        books = book_values(g.actor, include_archived=True)
        names = {value["id"]: value["name"] for kind in BOOKS for value in books.get(kind) or []}
    elif section == "responsible":
        names = {person["id"]: person["full_name"] for person in everyone()}
    else:
        return None
    return lambda field, value: [names.get(v, v) for v in value] if isinstance(value, list) else names.get(value,
                                                                                                         value)


def render_section(counterparty, section, values, errors, status=200, conflict=None):
    context = {"counterparty": counterparty, "card_section": section, "values": values, "errors": errors,
               "fields": SECTIONS[section], "conflict": conflict}
    if section == "characteristics":
        context["books"] = book_values(g.actor, include_archived=True)
        context["kinds"] = BOOKS
    if section == "responsible":
        context["staff"] = everyone()
    return render_template("counterparties/edit.html", **context), status


# the negotiation log and merging, on the card -------------------------------------------------

def negotiation_panel(view, stages):
    """The card's negotiation panel: the latest notes with the current stage, as the composed
    view has them (their authors' names among its employees), and the stages to choose from
    (None: either is unavailable)."""
    if view.get("negotiation") is None or isinstance(stages, Exception):
        return None
    return {"notes": view["negotiation"], "stages": stages}


@bp.route("/counterparties/<uuid:counterparty_id>/negotiation-notes", methods=["POST"])
@auth.page_login_required
def add_negotiation_note(counterparty_id):
    """A note on where a negotiation stands, so that anyone can pick it up."""
    note = {"stage_id": request.form.get("stage_id", ""), "text": request.form.get("text", "").strip(),
            "decided": request.form.get("decided", "").strip() or None,
            "client_priorities": request.form.get("client_priorities", "").strip() or None}
    if "expected_amount" in request.form:  # the form shows the expected deal: it is sent as it stands
        note.update(deal_from_form(request.form))
    try:
        rpc.call("counterparties", "add_negotiation_note", g.actor, str(counterparty_id), note)
    except InvalidInput as exc:
        flash(_("The note is not saved: %(why)s", why=deal_errors(exc)), "error")
    else:
        flash(_("Negotiation note saved."), "success")
    return redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="negotiations"))


# the card's fields a merge may take from either counterparty, in the card's order
MERGE_FIELDS = ("kind", "name", "short_name", "country", "tax_id", "kpp", "registration_number", "legal_address",
                "postal_address", "phone", "fax", "email", "website", "main_contact", "responsible_employee_id",
                "activity_type_id", "region_id", "group_id", "category_id", "advertising_source_id", "notes")
MERGE_LABELS = {"country": _l("Country"), "kpp": _l("KPP"), **{
    f"{book}_id": label for book, label in texts.LABELS["reference_field"].items()}}


@bp.route("/counterparties/<uuid:counterparty_id>/merge")
@auth.page_login_required
def merge_compare(counterparty_id):
    """The two cards side by side, field by field where they differ: which value the merged
    card keeps (this card's when it has one, else the duplicate's; notes joined)."""
    merged_id = request.args.get("counterparty_id", "")
    back = redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="merge"))
    if not merged_id:
        flash(_("Choose the duplicate to merge into this counterparty."), "error")
        return back
    try:
        survivor = rpc.call("counterparties", "get_counterparty", g.actor, str(counterparty_id))
        merged = rpc.call("counterparties", "get_counterparty", g.actor, merged_id)
    except (NotFound, InvalidInput):
        flash(_("The duplicate was not found."), "error")
        return back
    if merged["id"] == survivor["id"]:
        flash(_("Not merged: %(why)s", why=_("a counterparty cannot be merged into itself.")), "error")
        return back
    books = book_values(g.actor, include_archived=True)
    names = {**{v["id"]: v["name"] for values in books.values() for v in values},
             **employee_names([survivor.get("responsible_employee_id"), merged.get("responsible_employee_id")])}

    def shown(field, value):
        if value in (None, ""):
            return None
        if field == "kind":
            return texts.label("kind", value)
        return names.get(value, value) if field.endswith("_id") else value
    rows = []
    for field in MERGE_FIELDS:
        mine, theirs = survivor.get(field), merged.get(field)
        if (mine or None) == (theirs or None):
            continue
        rows.append({"field": field, "label": MERGE_LABELS.get(field) or texts.label("field", field),
                     "mine": shown(field, mine), "theirs": shown(field, theirs),
                     "default": "" if field == "notes" and mine and theirs
                     else ("survivor" if mine not in (None, "") else "merged")})
    return render_template("counterparties/merge.html", survivor=survivor, merged=merged, rows=rows)


@bp.route("/counterparties/<uuid:counterparty_id>/merge", methods=["POST"])
@auth.page_login_required
def merge_counterparty(counterparty_id):
    """Merge a duplicate (picked) into this counterparty: its persons, activities and history move
    here; for each field chosen on the comparison page (``field-<name>``: survivor or merged), the
    value chosen."""
    merged_id = request.form.get("counterparty_id", "")
    if not merged_id:
        flash(_("Choose the duplicate to merge into this counterparty."), "error")
        return redirect(url_for("web.counterparty", counterparty_id=counterparty_id, _anchor="merge"))
    chosen = {field: request.form[f"field-{field}"] for field in MERGE_FIELDS
              if request.form.get(f"field-{field}") in ("survivor", "merged")}
    try:
        result = rpc.call("counterparties", "merge_counterparties", g.actor, str(counterparty_id),
                          {"merged_id": merged_id, **({"fields": chosen} if chosen else {})})
    except InvalidInput as exc:
        messages = [admin_texts.say(m) for values in (exc.details or {}).values()
                    for m in (values if isinstance(values, list) else [values]) if isinstance(m, str)]
        flash(_("Not merged: %(why)s", why="; ".join(messages) or admin_texts.say(exc.message)), "error")
    except (Conflict, PermissionDenied, NotFound) as exc:
        flash(_("Not merged: %(why)s", why=admin_texts.say(exc.message)), "error")
    else:
        moved = result.get("moved") or {}
        flash(_("Merged: %(persons)s contact persons and %(activities)s activities moved here.",
                persons=moved.get("contact_persons", 0), activities=moved.get("activities", 0)), "success")
    return redirect(url_for("web.counterparty", counterparty_id=counterparty_id))


# import and export -------------------------------------------------------------------------------

def export_links(chosen):
    """Where the list's export forms post: the export job's address with the filters as now."""
    return {"action": url_for("web.export_counterparties") + "?" + urlencode(
        {key: value for key, value in {**chosen}.items() if value}, doseq=True)}


@bp.route("/counterparties/export", methods=["POST"])
@auth.page_login_required
def export_counterparties():
    """The directory as filtered (the filters in the address, as the list's), as a job."""
    what = request.form.get("what", "counterparties")
    kind = "contact_persons_export" if what == "contact_persons" else "counterparties_export"
    output = request.form.get("format") if request.form.get("format") in ("csv", "xlsx") else "csv"
    return started(kind, {"query": service_query(directory_filters()), "format": output})


@bp.route("/counterparties/import", methods=["GET", "POST"])
@auth.page_login_required
def import_counterparties():
    """Counterparties (with a contact person per row) from a CSV or XLSX file: a check first, then the import."""
    values = {"mode": request.form.get("mode", "skip"), "dry_run": request.form.get("dry_run", "1" if
                                                                                     request.method == "GET" else ""),
              "allow_partial": request.form.get("allow_partial", "")}
    if request.method == "GET":
        return render_template("counterparties/import.html", values=values, report=None, errors={}, row_errors=None)
    return start_import(values)
