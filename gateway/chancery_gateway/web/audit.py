"""The audit log: searching it across services, checking its chains, the "History of changes"
of one record on its card, and "why can (not) this employee see this record"."""
import re

from flask import g, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, NotFound, PermissionDenied

from .. import auth, i18n, rpc
from ..compose import access
from . import admin_texts, bp, formatting, forms, texts
from .admin import admin_page, day_start, department_names, profile_zone, staff_list
from .lookups import counterparty_names, employee_names
from .reference_books import KINDS, book_values

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
FRAGMENT_SIZE = 20
DEPARTMENT_FIELDS = ("department_id", "parent_id")
BOOK_FIELDS = {f"{kind}_id" for kind in KINDS}
# fields whose values are codes with labels: field -> label group, by record type
CODED = {"kind": {None: "kind", "counterparty": "kind", "activity": "activity", "document": "document_entry_kind"},
         "status": {"document": "document", "approval": "approval", "counterparty": "counterparty",
                    "activity": "activity_status"},
         "decision": {"approval": "decided"}, "we_are": {"document": "we_are"}, "outcome": {None: "approval"}}
# a status code the record's own labels do not know: a paper copy's, a milestone's, a payment's...
OTHER_STATUS_GROUPS = ("paper_copy", "milestone", "payment", "task", "stage")
# technical ids the history does not show: what they point at is named by the entry's other fields
HIDDEN_FIELDS = {"file_id", "version_id", "task_id", "milestone_id", "payment_id", "paper_copy_id"}
DATE_FIELDS = {"document_date", "signing_date", "valid_from", "valid_to", "birthday", "starts_on", "ends_on",
               "due_on", "completed_on", "on", "expected_return_on"}
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?")
CONTENT_TYPES = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "text/plain": "TXT",
                 "application/msword": "DOC", "application/vnd.ms-excel": "XLS", "message/rfc822": "EML",
                 "application/zip": "ZIP", "text/csv": "CSV",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX"}
EXPLAINED = ("counterparty", "contact_person", "activity", "document", "approval", "notification")
# the page each kind of record has: (endpoint, its id argument)
PAGES = {
    "counterparty": ("web.counterparty", "counterparty_id"),
    "contact_person": ("web.contact_person", "contact_person_id"),
    "document": ("web.document", "document_id"), "approval": ("web.approval", "approval_id"),
    "employee": ("web.admin_employee", "employee_id"),
    "department": ("web.admin_department", "department_id"),
}


def record_url(record_type, record_id):
    """The page of an audited record, or None when it has none of its own."""
    if record_type not in PAGES or not record_id:
        return None
    endpoint, argument = PAGES[record_type]
    return url_for(endpoint, **{argument: record_id})


def mentioned_ids(entries):
    """Every id an audit page names: who acted, and ids among the changed values."""
    found = set()

    def collect(value):  # ids anywhere in a value: an approval's stages hold their approvers'
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, str) and UUID.fullmatch(value):
            found.add(value)

    for entry in entries:
        found.update(filter(None, (entry.get("actor_id"), entry.get("on_behalf_of"))))
        for change in (entry.get("changes") or {}).values():
            collect(change)
    return found


def shown_value(name, value, names, record_type=None):
    """One value of a change as people read it: names for ids, labels for codes, yes/no."""
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(shown_value(name, item, names, record_type) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{admin_texts.word('field', k)}: {shown_value(k, v, names, record_type)}"
                         for k, v in sorted(value.items()))
    if name == "roles" or name in admin_texts.PERMISSIONS:
        return str(admin_texts.word("role", value))
    if name == "locale":
        return i18n.LANGUAGES.get(value, value)
    if name in CODED:
        groups = CODED[name]
        shown = texts.label(groups.get(record_type, groups.get(None, record_type)), value)
        for group in OTHER_STATUS_GROUPS if name == "status" and shown == value else ():
            shown = texts.label(group, value)
            if shown != value:
                break
        return str(shown)
    if name == "content_type":
        return CONTENT_TYPES.get(value, value)
    if name == "amount" and re.fullmatch(r"-?\d+(\.\d+)?", str(value)):
        return formatting.money(value, None)
    if name == "size" and isinstance(value, int):
        return formatting.filesize(value)
    if name in ("source", "second_factor") and value in admin_texts.LABELS["sign_in_source"]:
        return str(admin_texts.word("sign_in_source", value))
    if name == "reason" and value in admin_texts.LABELS["participant_reason"]:
        return str(admin_texts.word("participant_reason", value))
    text = str(value)
    if name in DATE_FIELDS and re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return formatting.day(text)
    if ISO_MOMENT.fullmatch(text):
        return formatting.moment(text)
    if UUID.fullmatch(text):
        return names.get(text.lower()) or names.get(text) or _("not shown")
    return names.get(text, text if len(text) <= 160 else text[:157] + "…")


def stages_text(stages, names):
    """An approval's stages as their names, in order, each with its approvers' names."""
    parts = []
    for stage in stages if isinstance(stages, list) else []:
        people = [names.get(a.get("employee_id")) for a in stage.get("approvers") or [] if isinstance(a, dict)]
        people = [p for p in people if p]
        name = texts.service_text(stage.get("name") or "")
        parts.append(f"{name} ({', '.join(people)})" if people else name)
    return " → ".join(parts)


def participants_text(participants, names):
    return ", ".join(f"{names.get(p.get('employee_id')) or _('Unknown employee')}: "
                     f"{admin_texts.word('participant_reason', p.get('reason'))}"
                     for p in participants if isinstance(p, dict))


def describe_changes(changes, names, record_type=None):
    """(field, before, after) per change: before is None for a plain value, "changed" stands
    for personal fields whose values the log never holds."""
    lines = []
    for name, change in sorted((changes or {}).items()):
        if name in HIDDEN_FIELDS:
            continue
        field = (admin_texts.permission_label(name) if name in admin_texts.PERMISSIONS
                 else admin_texts.word("field", name))
        value = change.get("to") if isinstance(change, dict) and set(change) <= {"from", "to"} else change
        if name in ("stages", "participants") and isinstance(value, list):
            lines.append((field, None, (stages_text if name == "stages" else participants_text)(value, names)))
            continue
        if isinstance(change, dict) and change.get("changed") is True:
            lines.append((field, None, _("changed")))
        elif isinstance(change, dict) and set(change) <= {"from", "to"}:
            before = change.get("from")
            lines.append((field, None if before in (None, "", [])
                          else shown_value(name, before, names, record_type),
                          shown_value(name, change.get("to"), names, record_type)))
        else:
            lines.append((field, None, shown_value(name, change, names, record_type)))
    return lines


def _ids_of(entries, fields):
    found = set()
    for entry in entries:
        for name, change in (entry.get("changes") or {}).items():
            if name in fields:
                values = [change.get("from"), change.get("to")] if isinstance(change, dict) else [change]
                found.update(v for v in values if isinstance(v, str) and UUID.fullmatch(v))
    return found


def record_names(entries, unnamed):
    """Names of the other records the entries point at: counterparties, contact persons,
    documents, document types, legal entities and reference-book values (each asked only when mentioned; a service
    that does not answer leaves its ids unnamed)."""
    names = {}
    if not unnamed:
        return names
    counterparties = _ids_of(entries, {"counterparty_id"}) & unnamed
    if counterparties:
        names.update(counterparty_names(counterparties))
    documents = _ids_of(entries, {"document_id", "parent_id", "act_id", "invoice_id", "related_document_id"}) & unnamed
    if documents:
        try:
            found = rpc.call("documents", "list_documents", g.actor, {"ids": sorted(documents),
                                                                      "limit": len(documents)})
            names.update((d["id"], " ".join(p for p in (d.get("number"), d.get("title")) if p))
                         for d in found["items"])
        except (rpc.ServiceUnavailable, InvalidInput):
            pass
    if _ids_of(entries, {"type_id"}) & unnamed:
        try:
            names.update((t["id"], texts.service_text(t["name"]))
                         for t in rpc.call("documents", "list_document_types", g.actor))
        except rpc.ServiceUnavailable:
            pass
    if _ids_of(entries, {"legal_entity_id"}) & unnamed:
        try:
            names.update((e["id"], e.get("short_name") or e["name"])
                         for e in rpc.call("staff", "list_legal_entities", g.actor))
        except (rpc.ServiceUnavailable, TypeError):
            pass
    for person_id in sorted(_ids_of(entries, {"contact_person_id"}) & unnamed):
        try:  # a person seen on the record's own page (the read is audited as that page's is)
            names[person_id] = rpc.call("counterparties", "get_contact_person", g.actor, person_id)["full_name"]
        except (rpc.ServiceUnavailable, NotFound, PermissionDenied):
            pass
    if _ids_of(entries, BOOK_FIELDS) & unnamed:
        names.update((v["id"], v["name"]) for values in book_values(g.actor, include_archived=True).values()
                     for v in values)
    return names


def render_entries(template, entries, **context):
    """Entries with their changes described; ids named (employees, and departments when the
    entries mention them)."""
    mentioned = mentioned_ids(entries)
    names = employee_names(mentioned)
    if any(key in DEPARTMENT_FIELDS for entry in entries for key in entry.get("changes") or {}):
        names.update(department_names())
    names.update(record_names(entries, mentioned - set(names)))
    for entry in entries:
        entry["lines"] = describe_changes(entry.get("changes"), names, entry.get("record_type"))
    return render_template(template, entries=entries, names=names, **context)


# the history of one record, on its card ---------------------------------------------------------

@bp.route("/audit/fragment")
@auth.page_login_required
def audit_fragment():
    """The "History of changes" panel of a record, for whoever sees the record (the owning
    service decides); anyone else, or a bad address, gets nothing at all."""
    record_type, record_id = request.args.get("record_type", ""), request.args.get("record_id", "")
    if record_type not in access.OWNER or not UUID.fullmatch(record_id):
        return ""
    record_id = record_id.lower()
    query = {"record_type": record_type, "record_id": record_id, "limit": FRAGMENT_SIZE, "offset": 0}
    try:
        page = access.audit_entries(g.actor, query)
    except (PermissionDenied, NotFound, InvalidInput):
        return ""
    except rpc.ServiceUnavailable:
        return render_template("_audit.html", entries=None, record_type=record_type)
    return render_entries("_audit.html", page["items"], total=page["total"], record_type=record_type,
                          record_id=record_id, full_log="view_audit" in g.actor["permissions"])


# searching the whole log -----------------------------------------------------------------------

def audit_query(args, zone):
    """The search form as the services' audit query, and the errors of its fields."""
    query, errors = {}, {}
    record_type = args.get("record_type", "")
    if record_type in access.OWNER:
        query["record_type"] = record_type
    record = args.get("record_id", "").strip()
    if record:
        found = UUID.search(record)
        if found is None:
            errors["record_id"] = [_("Paste the record's id or the address of its page.")]
        elif not record_type:
            errors["record_type"] = [_("Choose the type of the record.")]
        else:
            query["record_id"] = found.group(0).lower()
    if args.get("actor_id") and UUID.fullmatch(args["actor_id"]):
        query["actor_id"] = args["actor_id"]
    if args.get("action"):
        query["action"] = args["action"]
    for name, bound, later in (("since", "from", 0), ("until", "to", 1)):
        if args.get(bound):
            query[name] = day_start(args[bound], zone, days_later=later)
            if query[name] is None:
                errors[bound] = ["Not a valid date."]
    return query, errors


@bp.route("/admin/audit")
@admin_page("view_audit")
def admin_audit():
    zone = profile_zone()
    query, errors = audit_query(request.args, zone)
    service = request.args.get("service", "")
    page, paging = forms.paging()
    found = {"items": [], "total": 0, "unavailable": []}
    services = (access.auditing_services(query["record_type"]) if "record_type" in query
                else access.SERVICES)
    if service in access.SERVICES:
        services = tuple(s for s in services if s == service)
    if not errors and services:
        try:
            found = access.audit_entries(g.actor, {**query, **paging}, services)
        except InvalidInput as exc:
            errors.update(admin_texts.field_errors(exc.details or {}))
    people = staff_list()
    return render_entries(
        "admin/audit.html", found["items"], total=found["total"],
        unavailable=[part["service"] for part in found["unavailable"]],
        errors=errors, values=request.args, zone=str(zone), staff=people,
        paging=forms.pages(found["total"], page), record_types=access.OWNER,
        services=access.SERVICES,
        actions=sorted(((code, str(text)) for code, text in admin_texts.LABELS["action"].items()),
                       key=lambda pair: pair[1]))


@bp.route("/admin/audit/verify")
@admin_page("view_audit")
def admin_verify_audit():
    """Each service's chain checked now: intact, broken at a row, or not answering."""
    results = access.verify_chains(g.actor)
    return render_template("admin/_chains.html", results=results, services=access.SERVICES,
                           failed={s for s, r in results.items() if isinstance(r, Exception)})


# why can (not) they see it ------------------------------------------------------------------------

@bp.route("/admin/access")
@admin_page()
def admin_access():
    """Ask the owning service whether an employee sees a record, and by which rule."""
    args, errors, answer = request.args, {}, None
    if args.get("employee_id") or args.get("record_id"):
        record = UUID.search(args.get("record_id", ""))
        if not UUID.fullmatch(args.get("employee_id", "")):
            errors["employee_id"] = [_("Choose the employee.")]
        if args.get("record_type") not in EXPLAINED:
            errors["record_type"] = [_("Choose the type of the record.")]
        if record is None:
            errors["record_id"] = [_("Paste the record's id or the address of its page.")]
        if not errors:
            try:
                answer = access.explain_access(g.actor, args["employee_id"], args["record_type"],
                                               record.group(0).lower())
            except NotFound:
                errors["record_id"] = [_("There is no such record of this type.")]
            except InvalidInput as exc:
                errors.update(admin_texts.field_errors(exc.details or {}))
    departments = department_names() if answer else {}
    reasons = [admin_texts.say(reason, departments) for reason in (answer or {}).get("reasons", [])]
    return render_template("admin/access.html", values=args, errors=errors, answer=answer,
                           reasons=reasons, staff=staff_list(), record_types=EXPLAINED,
                           record_link=record_url(args.get("record_type"), answer and answer["record_id"]))
