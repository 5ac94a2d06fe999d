"""Documents: the list, registering a new one, and the card with files and approvals."""
from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, PreconditionFailed
from chancery_common.statuses import APPROVABLE_DOCUMENT_STATUSES

from .. import auth, files, permissions, rpc
from ..compose.approvals import start as start_approval
from . import bp, changed_meanwhile, forms, texts
from .jobs import started
from .lookups import counterparty_names, employee_names

FIELDS = ("type_id", "title", "counterparty_id", "amount", "currency", "document_date",
          "valid_from", "valid_to", "parent_id")
EDIT_FIELDS = ("title", "amount", "currency", "document_date", "signing_date", "valid_from", "valid_to",
               "responsible_id")
APPROVER_SLOTS = 3  # approvers are asked one after another, in the order chosen


REGISTRY_FILTERS = ("type_id", "journal_id", "responsible_id", "counterparty_id", "legal_entity_id", "date_from",
                    "date_to", "amount_min", "amount_max")


def registry_query(args=None):
    """The registry's filters from the page's query string, as the service takes them."""
    args = request.args if args is None else args
    query = {}
    search = args.get("q", "").strip()
    if search:
        query["search"] = search
    status = args.get("status", "")
    if status in texts.LABELS["document"]:
        query["status"] = [status]
    for name in REGISTRY_FILTERS:
        value = args.get(name, "").strip()
        if value:
            query[name] = value.replace(",", ".").replace(" ", "") if name.startswith("amount") else value
    if query.get("type_id"):
        query["type_id"] = [query["type_id"]]
    code, value = args.get("field_code", "").strip(), args.get("field_value", "").strip()
    if code and value:
        query["extra"] = {code: value}
    return query


def page_args(query):
    """A saved service query back as the page's query string."""
    args = {name: query[name] for name in REGISTRY_FILTERS if query.get(name)}
    if query.get("search"):
        args["q"] = query["search"]
    for name in ("status", "type_id"):
        if query.get(name):
            args[name] = query[name][0] if isinstance(query[name], list) else query[name]
    for code, value in (query.get("extra") or {}).items():
        args["field_code"], args["field_value"] = code, value
    return args


@bp.route("/documents")
@auth.page_login_required
def documents():
    page, paging = forms.paging()
    query = registry_query()
    errors = {}
    try:
        found = rpc.call("documents", "list_documents", g.actor, {**query, **paging, "first_file": True})
    except InvalidInput as exc:
        errors = exc.details or {}
        found = {"items": [], "total": 0}
    context = {
        "documents": found["items"], "search": query.get("search", ""), "status": request.args.get("status", ""),
        "filters": request.args, "errors": errors, "filtered": bool(query),
        "paging": forms.pages(found["total"], page),
        "counterparties": counterparty_names(d["counterparty_id"] for d in found["items"]),
        "export_url": url_for("web.export_documents", **request.args.to_dict()),
    }
    if forms.is_fragment("results"):
        return render_template("documents/_results.html", **context)
    results = rpc.fan_out({
        "types": ("documents", "list_document_types", g.actor),
        "journals": ("documents", "list_journals", g.actor),
        "saved": ("documents", "list_saved_filters", g.actor),
        "staff": ("staff", "list_employees", {"limit": 500}),
    })
    parts, _failed = forms.answered(results)
    saved = [{**f, "args": page_args(f["query"])} for f in parts["saved"] or []]
    return render_template("documents/list.html", types=parts["types"] or [], journals=parts["journals"] or [],
                           saved_filters=saved, staff=(parts["staff"] or {}).get("items", []),
                           **context)


@bp.route("/documents/export", methods=["POST"])
@auth.page_login_required
def export_documents():
    """The registry as filtered on the page (htmx sends the filter form as it is; a plain form
    posts to the page's own address), every row, as a job."""
    filters = request.form if request.headers.get("HX-Request") else request.args
    output = request.form.get("format") if request.form.get("format") in ("csv", "xlsx") else "xlsx"
    return started("documents_export", {"query": registry_query(filters), "format": output})


@bp.route("/documents/saved-filters", methods=["POST"])
@auth.page_login_required
def save_document_filter():
    name = request.form.get("name", "").strip()
    args = {k: v for k, v in request.form.items() if k not in ("csrf_token", "name") and v.strip()}
    if not name:
        flash(_("Give the filter a name."), "error")
        return redirect(url_for("web.documents", **args))
    try:
        rpc.call("documents", "save_filter", g.actor, {"name": name, "query": registry_query(request.form)})
    except InvalidInput:
        flash(_("These filters cannot be saved."), "error")
        return redirect(url_for("web.documents", **args))
    flash(_("Filter “%(name)s” saved.", name=name), "success")
    return redirect(url_for("web.documents", **args))


@bp.route("/documents/saved-filters/<uuid:filter_id>/delete", methods=["POST"])
@auth.page_login_required
def delete_document_filter(filter_id):
    try:
        rpc.call("documents", "delete_saved_filter", g.actor, str(filter_id))
    except NotFound:
        pass
    flash(_("Filter deleted."), "success")
    return redirect(url_for("web.documents"))


def document_input():
    """The new-document form as the service expects it: amounts with a dot, currency in capitals."""
    data = forms.values(FIELDS)
    if "amount" in data:
        data["amount"] = "".join(data["amount"].split()).replace(",", ".")
    if "currency" in data:
        data["currency"] = data["currency"].upper()
    extra = extra_input()
    if extra:
        data["extra"] = extra
    return data


def extra_input(keep_empty=False):
    """The extra fields of the form (``extra.<code>``) by code; empty ones left out, or as None."""
    extra = {}
    for name, value in request.form.items():
        if name.startswith("extra."):
            value = value.strip()
            if value or keep_empty:
                extra[name[len("extra."):]] = value or None
    return extra


@bp.route("/documents/new", methods=["GET", "POST"])
@auth.page_login_required
def new_document():
    if not permissions.may("create_documents"):  # refused before the form is filled, not after
        raise PermissionDenied("your roles do not allow registering documents")
    if request.method == "GET":
        values = {name: request.args.get(name, "") for name in ("counterparty_id", "type_id", "parent_id")}
        if forms.is_fragment("extra-fields"):
            return render_extra_fields(request.args.get("type_id"), {}, {})
        return render_new_document(values, {})
    data = document_input()
    try:
        created = rpc.call("documents", "create_document", g.actor, data)
    except (InvalidInput, Conflict) as exc:
        return render_new_document(request.form, exc.details or {"type_id": [exc.message]}, 422)
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
        except NotFound:  # a registrar may name a counterparty whose card they do not see
            name = counterparty_names([values["counterparty_id"]]).get(values["counterparty_id"])
            counterparty = {"id": values["counterparty_id"], "name": name} if name else None
            if counterparty is None:
                errors = {**errors, "counterparty_id": [_("This counterparty was not found; choose another.")]}
        except InvalidInput:
            errors = {**errors, "counterparty_id": [
                _("This counterparty was not found; choose another.")]}
    types = rpc.call("documents", "list_document_types", g.actor)
    parent = None
    if values.get("parent_id"):
        try:
            parent = rpc.call("documents", "get_document", g.actor, values["parent_id"])
        except (NotFound, InvalidInput):
            errors = {**errors, "parent_id": [_("The parent document was not found.")]}
    chosen = next((t for t in types if t["id"] == values.get("type_id")), None)
    if parent is not None and parent["type"].get("allowed_child_type_ids") is not None:
        allowed = set(parent["type"]["allowed_child_type_ids"])
        types = [t for t in types if t["id"] in allowed]
    return render_template("documents/new.html", values=values, errors=errors, types=types, parent=parent,
                           counterparty=counterparty, chosen=chosen, extra_values=extra_values(values),
                           extra_error_names=[k for k in errors if k.startswith("extra.")],
                           staff=staff_list()), status


def extra_values(values):
    return {k[len("extra."):]: v for k, v in values.items() if k.startswith("extra.")}


def staff_list():
    try:
        return rpc.call("staff", "list_employees", {"limit": 500})["items"]
    except rpc.ServiceUnavailable:
        return []


def render_extra_fields(type_id, values, errors):
    chosen = None
    if type_id:
        try:
            chosen = rpc.call("documents", "get_document_type", g.actor, type_id)
        except (NotFound, InvalidInput):
            chosen = None
    return render_template("documents/_extra_fields.html", chosen=chosen, extra_values=values, errors=errors,
                           staff=staff_list())


# The card's tabs, each at its own address (/documents/<id>/<tab>; the card itself at /documents/<id>)
DOCUMENT_TABS = ("card", "files", "tree", "execution", "paper-copies", "approvals", "history")
VIEWABLE_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/svg+xml")


@bp.route("/documents/<uuid:document_id>")
@auth.page_login_required
def document(document_id):
    """The card, with the chosen file (``?version=``, else the first file's current version) beside it."""
    return render_document(str(document_id))


@bp.route("/documents/<uuid:document_id>/<any(files, tree, execution, 'paper-copies', approvals, history):tab>")
@auth.page_login_required
def document_tab(document_id, tab):
    return render_document(str(document_id), tab=tab)


def shown_file(document, version_id):
    """The file version the card shows beside it, and how: ``pdf`` (pdf.js), ``image`` or ``other``;
    an office file with a PDF preview (the texts service's, by LibreOffice) is shown as its preview
    (``preview_url``), its own bytes still opened and downloaded from ``url``."""
    versions = [(file, version) for file in document["files"]
                for version in sorted(file["versions"], key=lambda v: v["version"], reverse=True)]
    chosen = next((pair for pair in versions if pair[1]["id"] == version_id), None) or (versions or [None])[0]
    if chosen is None:
        return None
    file, version = chosen
    content_type = (version.get("content_type") or "").split(";")[0].strip().lower()
    kind = "pdf" if content_type == "application/pdf" else "image" if content_type in VIEWABLE_IMAGES else "other"
    base = f"/api/v1/documents/{document['id']}/files/versions/{version['id']}"
    preview = kind == "other" and version.get("text_method") == "office" and version.get("has_searchable_pdf")
    return {"file": file, "version": version, "kind": "pdf" if preview else kind,
            "others": [v for _, v in versions if v is not version], "url": f"{base}/content",
            "preview_url": f"{base}/searchable.pdf" if preview else None}


LOCKED = ("signed", "in_execution", "completed", "terminated", "archived")
# the steps an employee takes by hand (approval steps come from the approvals service)
NEXT_STATUSES = {
    "draft": ("signed", "archived"), "approved": ("signed", "draft", "archived"), "rejected": ("draft", "archived"),
    "signed": ("in_execution", "terminated", "archived"), "in_execution": ("completed", "terminated"),
    "completed": ("archived",), "terminated": ("archived",),
}


def render_document(document_id, status=200, upload_errors=None, approval_errors=None,
                    approval_values=None, paper_errors=None, execution_form=None, tab="card"):
    """One tab of the document card; a form that failed is shown again in its tab with its errors.

    The card's kind is known only once it arrives, so its execution is asked for alongside; a
    document that is not a contract answers InvalidInput, and shows no execution section.
    """
    results = rpc.fan_out({
        "document": ("documents", "get_document", g.actor, document_id),
        "approvals": ("approvals", "list_approvals", g.actor,
                      {"document_id": document_id, "limit": 50}),
        "staff": ("staff", "list_employees", {"limit": 500}),
        "tree": ("documents", "document_tree", g.actor, document_id),
        "paper": ("documents", "list_paper_copies", g.actor, document_id),
        "completeness": ("documents", "completeness", g.actor, document_id),
        "types": ("documents", "list_document_types", g.actor),
        "execution": ("documents", "get_execution", g.actor, document_id),
    })
    if isinstance(results["document"], Exception):
        raise results["document"]
    is_contract = results["document"]["type"].get("kind") == "contract"
    if not is_contract or isinstance(results["execution"], (InvalidInput, NotFound)):
        results["execution"] = None
    if tab == "execution" and not is_contract:
        return redirect(url_for("web.document", document_id=document_id))
    parts, unavailable = forms.answered(results)
    document = parts["document"]
    approvals = (parts["approvals"] or {}).get("items", [])
    people = {document.get(key) for key in ("created_by", "registrar_id", "responsible_id")}
    people.update(v["uploaded_by"] for f in document["files"] for v in f["versions"])
    people.update(c["changed_by"] for c in document["status_changes"])
    people.update(a["initiator_id"] for a in approvals)
    paper = parts["paper"] or []
    for copy in paper:
        people.add(copy["holder_id"])
        people.update(m["to_holder"] for m in copy["movements"])
        people.update(m["by"] for m in copy["movements"])
    for field in document.get("extra_fields") or []:
        if field["kind"] == "employee":
            people.add(field["value"])
    for payment in (parts["execution"] or {}).get("payments", []):
        people.add(payment.get("cancelled_by"))
    counterparty_id = document["counterparty_id"]
    allowed = document["type"].get("allowed_child_type_ids")
    child_types = [t for t in parts["types"] or [] if allowed is None or t["id"] in allowed]
    return render_template(
        "documents/card.html", document=document, approvals=approvals, unavailable=unavailable,
        employees=employee_names(people),
        counterparty_name=counterparty_names([counterparty_id]).get(counterparty_id),
        staff=(parts["staff"] or {}).get("items", []), approver_slots=APPROVER_SLOTS,
        upload_errors=upload_errors or {}, approval_errors=approval_errors or {},
        approval_values=approval_values or {},
        can_send=document["status"] in APPROVABLE_DOCUMENT_STATUSES, tree=parts["tree"], paper_copies=paper,
        completeness=parts["completeness"], child_types=child_types,
        locked=document["status"] in LOCKED, paper_errors=paper_errors or {},
        is_contract=is_contract, execution=parts["execution"],
        execution_form=execution_form or {"name": None, "errors": {}, "values": {}},
        next_statuses=NEXT_STATUSES.get(document["status"], ()), tab=tab,
        tabs=[t for t in DOCUMENT_TABS if is_contract or t != "execution"],
        shown=shown_file(document, request.args.get("version")) if tab == "card" else None), status


@bp.route("/documents/<uuid:document_id>/files", methods=["POST"])
@auth.page_login_required
def upload_document_file(document_id):
    settings = current_app.config["CHANCERY"]
    try:
        version = files.upload(g.actor, str(document_id), request.files.get("file"),
                               settings.max_upload_bytes, settings.upload_timeout,
                               request.form.get("file_id") or None)
    except InvalidInput as exc:
        return render_document(str(document_id), 422, upload_errors=exc.details or {}, tab="files")
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document_tab", document_id=document_id, tab="files"))
    flash(_("“%(name)s” uploaded as version %(version)s.", name=version["filename"],
            version=version["version"]), "success")
    return redirect(url_for("web.document_tab", document_id=document_id, tab="files"))


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
        approval = start_approval(g.actor, data)
    except InvalidInput as exc:
        errors = exc.details or {}
        if "stages" in errors:  # no route for the type, or an approver id the service refused
            stages = errors["stages"]
            said = [m for m in stages if isinstance(m, str)] if isinstance(stages, list) else []
            errors = {"approver_ids": said or [_("Choose the approvers from the list.")]}
        return render_document(str(document_id), 422, approval_errors=errors,
                               approval_values=request.form, tab="approvals")
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document_tab", document_id=document_id, tab="approvals"))
    flash(_("Sent for approval."), "success")
    return redirect(url_for("web.approval", approval_id=approval["id"]))


# Editing the card ----------------------------------------------------------------------------

@bp.route("/documents/<uuid:document_id>/edit", methods=["GET", "POST"])
@auth.page_login_required
def edit_document(document_id):
    document = rpc.call("documents", "get_document", g.actor, str(document_id))
    if request.method == "GET":
        values = {name: document.get(name) or "" for name in EDIT_FIELDS}
        values.update({f"extra.{f['code']}": f["value"] if f["value"] is not None else ""
                       for f in document.get("extra_fields") or []})
        values[changed_meanwhile.FIELD] = document["version"]
        return render_edit(document, values, {})
    changes = {}
    for name in EDIT_FIELDS:
        value = request.form.get(name, "").strip()
        if name == "amount" and value:
            value = "".join(value.split()).replace(",", ".")
        if name == "currency":
            value = value.upper()
        before = document.get(name) or ""
        if value != before:
            changes[name] = value or (None if name != "title" else value)
    extra = extra_input(keep_empty=True)
    shown = {f["code"]: f["value"] for f in document.get("extra_fields") or []}
    extra = {code: value for code, value in extra.items()
             if (value or None) != (None if shown.get(code) is None else str(shown.get(code)))}
    if extra:
        changes["extra"] = extra
    try:
        rpc.call("documents", "update_document", g.actor, str(document_id), changes,
                 expected_version=changed_meanwhile.form_version())
    except InvalidInput as exc:
        return render_edit(document, request.form, exc.details or {}, 422)
    except PreconditionFailed as exc:
        fields = [*EDIT_FIELDS, *(f"extra.{f['code']}" for f in document.get("extra_fields") or [])]
        conflict = changed_meanwhile.notice(exc, fields, request.form.to_dict(), shown=document_value(document),
                                            labels={f"extra.{f['code']}": f["label"]
                                                    for f in document.get("extra_fields") or []})
        return render_edit(document, request.form, {}, 409, conflict=conflict)
    except Conflict as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.document", document_id=document_id))
    flash(_("Changes saved."), "success")
    return redirect(url_for("web.document", document_id=document_id))


def document_value(document):
    """How a field of the card reads in the differences: employees by name, extra fields' labels."""
    names = {person["id"]: person["full_name"] for person in staff_list()}
    return lambda field, value: names.get(value, value) if isinstance(value, str) else value


def render_edit(document, values, errors, status=200, conflict=None):
    return render_template("documents/edit.html", document=document, values=values, errors=errors, conflict=conflict,
                           chosen=document["type"], extra_values=extra_values(values), staff=staff_list(),
                           known_errors=[*EDIT_FIELDS, *(k for k in errors if k.startswith("extra."))]), status


@bp.route("/documents/<uuid:document_id>/status", methods=["POST"])
@auth.page_login_required
def change_document_status(document_id):
    try:
        rpc.call("documents", "change_status", g.actor, str(document_id),
                 {"status": request.form.get("status", ""), "reason": request.form.get("reason") or None})
    except (InvalidInput, Conflict) as exc:
        flash(texts.service_text(exc.message), "error")
    return redirect(url_for("web.document", document_id=document_id))


@bp.route("/documents/<uuid:document_id>/links", methods=["POST"])
@auth.page_login_required
def link_document(document_id):
    other = request.form.get("number", "").strip()
    found = rpc.call("documents", "list_documents", g.actor, {"search": other, "limit": 5}) if other else None
    match = next((d for d in (found or {}).get("items", []) if d["number"] == other), None)
    if match is None:
        flash(_("No document with the number “%(number)s”.", number=other), "error")
        return redirect(url_for("web.document_tab", document_id=document_id, tab="tree"))
    try:
        rpc.call("documents", "add_link", g.actor, str(document_id),
                 {"document_id": match["id"], "note": request.form.get("note") or None})
    except (InvalidInput, Conflict) as exc:
        flash(texts.service_text(exc.message), "error")
    return redirect(url_for("web.document_tab", document_id=document_id, tab="tree"))


# Paper copies ---------------------------------------------------------------------------------

@bp.route("/documents/<uuid:document_id>/paper-copies", methods=["POST"])
@auth.page_login_required
def add_paper_copy(document_id):
    try:
        rpc.call("documents", "add_paper_copy", g.actor, str(document_id),
                 {"kind": request.form.get("kind", ""), "location": request.form.get("location", "").strip()})
    except InvalidInput as exc:
        return render_document(str(document_id), 422, paper_errors=exc.details or {}, tab="paper-copies")
    flash(_("Paper copy recorded."), "success")
    return redirect(url_for("web.document_tab", document_id=document_id, tab="paper-copies"))


@bp.route("/paper-copies/<uuid:paper_copy_id>/move", methods=["POST"])
@auth.page_login_required
def move_paper_copy(paper_copy_id):
    """Hand the copy to a colleague (until a date) or return it to a place."""
    document_id = request.form.get("document_id", "")
    movement = {"reason": request.form.get("reason", "").strip() or None}
    if request.form.get("to_holder"):
        movement["to_holder"] = request.form["to_holder"]
        movement["expected_return_on"] = request.form.get("expected_return_on") or None
    else:
        movement["to_location"] = request.form.get("to_location", "").strip()
    try:
        rpc.call("documents", "move_paper_copy", g.actor, str(paper_copy_id), movement)
    except (InvalidInput, Conflict) as exc:
        details = getattr(exc, "details", None) or {}
        said = [m for messages in details.values() for m in (messages if isinstance(messages, list) else [])]
        flash(texts.service_text(said[0] if said else exc.message), "error")
    else:
        flash(_("Paper copy handed over.") if "to_holder" in movement else _("Paper copy returned."), "success")
    return redirect(forms.local_path(f"/documents/{document_id}/paper-copies", url_for("web.paper_copies")))


@bp.route("/paper-copies/<uuid:paper_copy_id>/lost", methods=["POST"])
@auth.page_login_required
def lose_paper_copy(paper_copy_id):
    document_id = request.form.get("document_id", "")
    try:
        rpc.call("documents", "mark_paper_copy_lost", g.actor, str(paper_copy_id),
                 {"reason": request.form.get("reason", "")})
    except (InvalidInput, Conflict) as exc:
        flash(texts.service_text(exc.message), "error")
    else:
        flash(_("Paper copy marked lost."), "success")
    return redirect(forms.local_path(f"/documents/{document_id}/paper-copies", url_for("web.paper_copies")))


@bp.route("/paper-copies")
@auth.page_login_required
def paper_copies():
    """Paper copies out: overdue first; or those lost."""
    show = request.args.get("show", "out")
    query = {"lost": True} if show == "lost" else {"overdue": True} if show == "overdue" else {"out": True}
    page, paging = forms.paging()
    found = rpc.call("documents", "paper_copies", g.actor, {**query, **paging})
    people = {c["holder_id"] for c in found["items"]}
    return render_template("documents/paper_copies.html", copies=found["items"], show=show,
                           paging=forms.pages(found["total"], page), employees=employee_names(people))
