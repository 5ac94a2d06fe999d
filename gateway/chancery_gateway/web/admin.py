"""Administration: employees (with CSV import, password reset, dismissal) and API tokens.

Every page here needs the ``manage_staff`` permission; the staff service checks the same
calls again, so a page reached some other way still cannot change anything.
"""
import functools
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, PreconditionFailed

from .. import auth, employee_names, rpc
from ..compose import imports
from . import admin_texts, bp, changed_meanwhile, forms
from . import jobs as web_jobs

EMPLOYEE_FIELDS = ("full_name", "email", "phone", "position", "department_id", "locale", "time_zone")
CLEARABLE = ("phone", "position", "department_id")  # emptied on the form: cleared on the card
EVERYONE = {"active_only": False, "limit": 500}
NO_STORE = {"Cache-Control": "no-store"}  # pages showing a password or token once


def admin_page(permission="manage_staff"):
    """A page for employees with ``permission``: others get the 403 page, in their language."""
    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if permission not in g.actor["permissions"]:
                abort(403, description=_("Your roles do not give access to this page. Ask an "
                                         "administrator if you need it."))
            return view(*args, **kwargs)
        return auth.page_login_required(guarded)
    return decorate


def staff_list():
    """Every employee, dismissed ones too, by name (the staff service caps a page at 500)."""
    return rpc.call("staff", "list_employees", EVERYONE)["items"]


def department_names():
    return {d["id"]: d["name"] for d in rpc.call("staff", "list_departments", g.actor)}


def profile_zone():
    """The signed-in employee's time zone from their card (UTC when unset or unknown)."""
    try:
        return ZoneInfo(g.employee.get("time_zone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def day_start(text, zone, days_later=0):
    """Midnight of a ``YYYY-MM-DD`` day in ``zone``, as ISO; None when the text is no date."""
    try:
        day = date.fromisoformat(text) + timedelta(days=days_later)
    except ValueError:
        return None
    return datetime.combine(day, time(), zone).isoformat()


@bp.route("/admin")
@admin_page()
def admin():
    return redirect(url_for("web.admin_employees"))


# employees -------------------------------------------------------------------------------

@bp.route("/admin/employees")
@admin_page()
def admin_employees():
    search = request.args.get("q", "").strip()
    dismissed = request.args.get("dismissed") == "1"
    page, query = forms.paging()
    query["active_only"] = not dismissed
    if search:
        query["search"] = search
    found = rpc.call("staff", "list_employees", query)
    context = {"employees": found["items"], "search": search, "dismissed": dismissed,
               "departments": department_names(), "paging": forms.pages(found["total"], page)}
    if forms.is_fragment("results"):
        return render_template("admin/_employees.html", **context)
    return render_template("admin/employees.html", **context)


def employee_input(new):
    """The employee form as the service expects it; on editing, emptied fields are cleared."""
    data = forms.values(EMPLOYEE_FIELDS)
    data["roles"] = request.form.getlist("roles")
    if new and request.form.get("password"):
        data["password"] = request.form["password"]
    if not new:
        data.update({name: None for name in CLEARABLE if name not in data})
    return data


def shown(record):
    """A record as form values: what is not set shows as an empty field, not as "None"."""
    return {key: value for key, value in record.items() if value is not None}


def employee_value():
    """How a field of the employee's card reads in the differences: departments and roles by name."""
    departments = {d["id"]: d["name"] for d in rpc.call("staff", "list_departments", g.actor)}

    def readable(field, value):
        if field == "department_id":
            return departments.get(value, value)
        if field == "roles":
            return [admin_texts.word("role", role) for role in value or []]
        return value
    return readable


def render_employee_form(employee, values, errors, status=200, new_password=None, conflict=None):
    found = rpc.fan_out({"departments": ("staff", "list_departments", g.actor),
                         "positions": ("staff", "list_positions", g.actor)})
    if isinstance(found["departments"], Exception):
        raise found["departments"]
    positions = [] if isinstance(found["positions"], Exception) else found["positions"]
    return render_template(
        "admin/employee.html", employee=employee, values=values, errors=errors, conflict=conflict,
        departments=found["departments"], positions=positions, roles=admin_texts.ROLES,
        new_password=new_password), status, NO_STORE if new_password else {}


@bp.route("/admin/employees/new", methods=["GET", "POST"])
@admin_page()
def admin_new_employee():
    if request.method == "GET":
        return render_employee_form(None, {"roles": ["employee"], "locale": "ru",
                                           "time_zone": "Europe/Moscow"}, {})
    values = {**request.form.to_dict(), "roles": request.form.getlist("roles"), "password": ""}
    try:
        created = rpc.call("staff", "create_employee", g.actor, employee_input(new=True))
        employee_names.changed()
    except (InvalidInput, Conflict) as exc:
        return render_employee_form(None, values, admin_texts.field_errors(exc.details or {}), 422)
    flash(_("Employee “%(name)s” added.", name=created["full_name"]), "success")
    return redirect(url_for("web.admin_employee", employee_id=created["id"]))


@bp.route("/admin/employees/<uuid:employee_id>", methods=["GET", "POST"])
@admin_page()
def admin_employee(employee_id):
    employee = rpc.call("staff", "get_employee", str(employee_id))
    if request.method == "GET":
        return render_employee_form(employee, shown(employee), {})
    values = {**request.form.to_dict(), "roles": request.form.getlist("roles")}
    changes = employee_input(new=False)
    try:
        rpc.call("staff", "update_employee", g.actor, str(employee_id), changes,
                 expected_version=changed_meanwhile.form_version())
        employee_names.changed()
    except (InvalidInput, Conflict) as exc:
        return render_employee_form(employee, values, admin_texts.field_errors(exc.details or {}), 422)
    except PreconditionFailed as exc:
        conflict = changed_meanwhile.notice(exc, [*EMPLOYEE_FIELDS, "roles"], changes, shown=employee_value())
        return render_employee_form(employee, values, {}, 409, conflict=conflict)
    flash(_("Changes to “%(name)s” saved.", name=values.get("full_name") or employee["full_name"]),
          "success")
    return redirect(url_for("web.admin_employee", employee_id=employee_id))


@bp.route("/admin/employees/<uuid:employee_id>/password", methods=["POST"])
@admin_page()
def admin_reset_password(employee_id):
    """A generated password, shown in this answer only: it is never stored where it could leak."""
    result = rpc.call("staff", "reset_password", g.actor, str(employee_id), {})
    employee = result["employee"]
    return render_employee_form(employee, shown(employee), {},
                                new_password=result["generated_password"])


@bp.route("/admin/employees/<uuid:employee_id>/deactivate", methods=["POST"])
@admin_page()
def admin_deactivate_employee(employee_id):
    employee = rpc.call("staff", "deactivate_employee", g.actor, str(employee_id))
    flash(_("“%(name)s” is dismissed: their sessions have ended and their API tokens are revoked.",
            name=employee["full_name"]), "success")
    return redirect(url_for("web.admin_employee", employee_id=employee_id))


@bp.route("/admin/employees/import", methods=["GET", "POST"])
@admin_page()
def admin_import_employees():
    """Employees from a CSV or XLSX file, all rows or none, as a background job: a check first (the
    dry run), then the import; the job's page shows the report. A file that cannot be read is
    refused here at once."""
    dry_run = request.form.get("dry_run", "1" if request.method == "GET" else "") == "1"
    if request.method == "GET":
        return render_template("admin/import.html", errors={}, dry_run=dry_run, roles=admin_texts.ROLES)
    try:
        content, filename = imports.uploaded(request.files.get("file"))
        params = imports.employees_import_params(content, filename, dry_run=dry_run)
    except InvalidInput as exc:
        errors = admin_texts.field_errors(exc.details or {})
        return render_template("admin/import.html", roles=admin_texts.ROLES, errors=errors, dry_run=dry_run), 422
    return web_jobs.started("employees_import", params)


# API tokens --------------------------------------------------------------------------------

@bp.route("/admin/api-tokens", methods=["GET", "POST"])
@admin_page()
def admin_api_tokens():
    """Tokens of other systems; a new token is shown in the answer that creates it, once."""
    values, errors, created, status = {"scopes": ["read"]}, {}, None, 200
    if request.method == "POST":
        values = {**request.form.to_dict(), "scopes": request.form.getlist("scopes")}
        data = {**forms.values(("name", "employee_id")), "scopes": values["scopes"]}
        expires_on = request.form.get("expires_on", "").strip()
        if expires_on:  # valid until the end of the chosen day
            data["expires_at"] = day_start(expires_on, profile_zone(), days_later=1)
        if expires_on and data["expires_at"] is None:
            errors, status = {"expires_on": ["Not a valid date."]}, 422
        else:
            try:
                created = rpc.call("staff", "create_api_token", g.actor, data)
                values = {"scopes": ["read"]}
            except InvalidInput as exc:
                errors, status = admin_texts.field_errors(exc.details or {}), 422
                if "expires_at" in errors:
                    errors["expires_on"] = errors.pop("expires_at")
    tokens = rpc.call("staff", "list_api_tokens", g.actor)
    people = staff_list()
    return render_template("admin/api_tokens.html", tokens=tokens, created=created, values=values,
                           errors=errors, staff=[e for e in people if e["is_active"]],
                           employees={e["id"]: e["full_name"] for e in people}), status, \
        NO_STORE if created else {}


@bp.route("/admin/api-tokens/<uuid:token_id>/revoke", methods=["POST"])
@admin_page()
def admin_revoke_api_token(token_id):
    token = rpc.call("staff", "revoke_api_token", g.actor, str(token_id))
    flash(_("The token “%(name)s” is revoked: systems using it are refused from now on.",
            name=token["name"]), "success")
    return redirect(url_for("web.admin_api_tokens"))
