"""Notification preferences, reminder schemes of document types and reminders set by hand
(the notifications service owns them all)."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput, NotFound, PermissionDenied

from .. import auth, rpc
from ..compose.reminders import STANDARD_DATE_FIELDS, date_fields_of
from . import bp, forms, lookups, texts

DOCUMENT_STATUSES = ("draft", "on_approval", "approved", "rejected", "signed", "in_execution", "completed",
                     "terminated", "archived")
ROLES = ("administrator", "director", "department_head", "manager", "lawyer", "secretary", "accountant", "employee")


def _time(value):
    return (value or "").strip()[:5] or None


# Preferences ----------------------------------------------------------------------------------

@bp.route("/account/notifications", methods=["GET", "POST"])
@auth.page_login_required
def notification_preferences():
    errors = {}
    preferences = rpc.call("notifications", "get_preferences", g.actor)
    if request.method == "POST":
        form = request.form
        kinds = preferences["kinds"]
        data = {
            "channels": {kind: [c for c in preferences["channels_available"] if form.get(f"{c}:{kind}")]
                         for kind in kinds},
            "digest_kinds": [kind for kind in kinds if form.get(f"digest:{kind}")],
            "quiet_start": _time(form.get("quiet_start")), "quiet_end": _time(form.get("quiet_end")),
            "digest_enabled": bool(form.get("digest_enabled")),
        }
        for name in ("digest_hour", "activity_minutes"):
            try:
                data[name] = int(form.get(name, ""))
            except ValueError:
                errors[name] = [_("Enter a whole number.")]
        if not errors:
            try:
                rpc.call("notifications", "save_preferences", g.actor, data)
            except InvalidInput as exc:
                errors = exc.details or {"channels": [str(exc)]}
            else:
                flash(_("Your notification preferences are saved."), "success")
                return redirect(url_for("web.notification_preferences"))
    return render_template("notifications/preferences.html", preferences=preferences,
                           errors=errors), 422 if errors else 200


# Reminder schemes of a document type ----------------------------------------------------------

def _scheme_from_form(type_id):
    form = request.form
    errors = {}
    offsets = []
    for part in (form.get("offsets") or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            offsets.append(int(part))
        except ValueError:
            errors["offsets"] = [_("Offsets are whole numbers of days, e.g. -30, -7, -1, 0, 3.")]
    data = {
        "document_type_id": str(type_id), "name": (form.get("name") or "").strip(),
        "date_field": form.get("date_field") or "", "offsets": offsets,
        "at_time": _time(form.get("at_time")) or "09:00",
        "recipients": {
            "responsible": bool(form.get("responsible")),
            "counterparty_responsible": bool(form.get("counterparty_responsible")),
            "employee_ids": form.getlist("employee_ids"), "department_ids": form.getlist("department_ids"),
            "roles": form.getlist("roles"),
        },
        "stop_statuses": form.getlist("stop_statuses"), "message": form.get("message") or "",
        "is_active": True,
    }
    return data, errors


@bp.route("/reminder-schemes/<uuid:type_id>", methods=["GET", "POST"])
@auth.page_login_required
def reminder_schemes(type_id):

    try:
        document_type, date_fields = date_fields_of(g.actor, type_id)
    except NotFound:
        abort(404)
    errors, values = {}, {}
    if request.method == "POST":
        values, errors = _scheme_from_form(type_id)
        if not errors:
            try:
                rpc.call("notifications", "save_reminder_scheme", g.actor, values,
                         request.form.get("scheme_id") or None)
            except InvalidInput as exc:
                errors = exc.details or {"name": [str(exc)]}
            except PermissionDenied:
                errors = {"name": [_("Configuring reminder schemes needs the right to configure document types.")]}
            else:
                flash(_("The reminder scheme is saved; its reminders are planned for the documents of this type."),
                      "success")
                return redirect(url_for("web.reminder_schemes", type_id=type_id))
    schemes = rpc.call("notifications", "list_reminder_schemes", g.actor, str(type_id))
    try:
        employees = rpc.call("staff", "list_employees", {"limit": 500})["items"]
        departments = rpc.call("staff", "list_departments", g.actor)
    except rpc.ServiceUnavailable:
        employees, departments = [], []
    may_configure = "configure_document_types" in (g.identity or {}).get("permissions", ())
    return render_template(
        "notifications/schemes.html", document_type=document_type, date_fields=date_fields,
        labels=dict((f["code"], f["label"]) for f in date_fields), schemes=schemes, errors=errors, values=values,
        employees=employees, departments=departments, roles=ROLES, statuses=DOCUMENT_STATUSES,
        may_configure=may_configure, standard=dict(STANDARD_DATE_FIELDS)), 422 if errors else 200


@bp.route("/reminder-schemes/<uuid:type_id>/<uuid:scheme_id>/delete", methods=["POST"])
@auth.page_login_required
def delete_reminder_scheme(type_id, scheme_id):
    try:
        rpc.call("notifications", "delete_reminder_scheme", g.actor, str(scheme_id))
    except PermissionDenied:
        flash(_("Configuring reminder schemes needs the right to configure document types."), "error")
    else:
        flash(_("The reminder scheme is deleted with its pending reminders."), "success")
    return redirect(url_for("web.reminder_schemes", type_id=type_id))


# Reminders of a record (a fragment the document card includes) and reminders set by hand ------

def _reminders_of(subject_type, subject_id):
    found = rpc.call("notifications", "list_reminders", g.actor,
                     {"subject_type": subject_type, "subject_id": str(subject_id)})["items"]
    for reminder in found:  # the service's own titles ("Paper copy not returned: ...") in the viewer's words
        reminder["title"] = texts.service_text(reminder.get("title"))
    names = lookups.employee_names(r["recipient_id"] for r in found)
    return found, names


@bp.route("/reminders/<subject_type>/<uuid:subject_id>", methods=["GET", "POST"])
@auth.page_login_required
def record_reminders(subject_type, subject_id):
    """The upcoming reminders about a record, and a form to set one (an htmx fragment)."""
    if subject_type not in ("document", "counterparty", "contact_person", "activity", "approval"):
        abort(404)
    errors, values = {}, {}
    if request.method == "POST":
        values = {"title": (request.form.get("title") or "").strip(), "note": request.form.get("note") or "",
                  "due_at": request.form.get("due_at") or "", "subject_type": subject_type,
                  "subject_id": str(subject_id)}
        due = values["due_at"]
        if due and len(due) == 16:  # a datetime-local field: the employee's local time
            values["due_at"] = due + ":00" + (request.form.get("offset") or "+00:00")
        try:
            rpc.call("notifications", "create_reminder", g.actor, values)
        except InvalidInput as exc:
            errors = exc.details or {"title": [str(exc)]}
        else:
            values = {}
        if not errors and not request.headers.get("HX-Request"):
            return redirect(url_for("web.record_reminders", subject_type=subject_type, subject_id=subject_id))
    reminders, names = _reminders_of(subject_type, subject_id)
    template = ("notifications/_record_reminders.html" if request.headers.get("HX-Request")
                else "notifications/record_reminders.html")
    return render_template(template, reminders=reminders, names=names, subject_type=subject_type,
                           subject_id=subject_id, errors=errors, values=values), 422 if errors else 200


@bp.route("/reminders/<uuid:reminder_id>/delete", methods=["POST"])
@auth.page_login_required
def delete_my_reminder(reminder_id):
    try:
        rpc.call("notifications", "delete_reminder", g.actor, str(reminder_id))
    except (NotFound, InvalidInput):
        flash(_("The reminder is no longer there."), "error")
    return redirect(forms.local_path(request.form.get("next"), url_for("web.inbox")))
