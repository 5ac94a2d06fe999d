"""Administration → LDAP: the holding's LDAP directory or Active Directory (the connection,
whom it signs in, how entries map onto employees, roles and departments) and its sync, run
now or previewed as a dry run. Administrators only; the staff service checks again."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound

from .. import rpc
from . import admin_texts, bp, texts
from .admin import admin_page, department_names
from .sign_in_settings import _department_map, _group_roles
from .signin import forget_directory

# sent as typed, empty too (an empty department attribute means "the OU")
TEXT_FIELDS = ("url", "bind_dn", "user_base", "login_filter", "sync_filter", "id_attribute", "login_attribute",
               "email_attribute", "name_attribute", "department_attribute", "position_attribute", "phone_attribute",
               "group_base", "group_filter", "member_attribute")
CHECKBOXES = ("enabled", "start_tls", "allow_plain", "allow_create")
NUMBERS = ("sync_interval_minutes", "max_dismissals")
DEFAULTS = {
    "start_tls": True, "login_filter": "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))",
    "sync_filter": "(objectClass=inetOrgPerson)", "id_attribute": "entryUUID", "login_attribute": "uid",
    "email_attribute": "mail", "name_attribute": "cn", "department_attribute": "", "position_attribute": "title",
    "phone_attribute": "telephoneNumber", "member_attribute": "member",
    "group_filter": "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=group))",
    "default_roles": ["employee"], "sync_interval_minutes": 60, "max_dismissals": 10,
}


def _form_values(settings, departments):
    """The stored settings as the form shows them (mappings as lines)."""
    if not settings:
        return dict(DEFAULTS)
    return {**settings,
            "group_roles": "\n".join(f"{group} = {', '.join(roles)}"
                                     for group, roles in settings["group_roles"].items()),
            "department_map": "\n".join(f"{value} = {departments.get(department_id, department_id)}"
                                        for value, department_id in settings["department_map"].items())}


def _number(name, text):
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(f"Invalid input: {name}", {name: [_("Write a whole number.")]}) from None


def _submitted(departments):
    form = request.form
    data = {name: form.get(name, "").strip() for name in TEXT_FIELDS}
    data.update({name: name in form for name in CHECKBOXES})
    data.update({name: _number(name, form.get(name, "")) for name in NUMBERS})
    data["ca_certificate"] = form.get("ca_certificate", "").strip() or None
    if form.get("bind_password"):
        data["bind_password"] = form["bind_password"]
    data["default_roles"] = form.getlist("default_roles")
    data["group_roles"] = _group_roles(form.get("group_roles", ""))
    data["department_map"] = _department_map(form.get("department_map", ""), departments)
    return data


def _page(values, errors=None, status=200, outcome=None):
    return render_template("admin/ldap.html", values=values, errors=errors or {}, outcome=outcome,
                           settings=rpc.call("staff", "ldap_directory_settings", g.actor),
                           runs=rpc.call("staff", "ldap_sync_runs", g.actor), roles=admin_texts.ROLES), status


def _administrators_only():
    if "administrator" not in g.employee["roles"]:
        abort(403, description=_("Only administrators may change how employees sign in."))


@bp.route("/admin/ldap", methods=["GET", "POST"])
@admin_page()
def admin_ldap():
    _administrators_only()
    departments = department_names()
    settings = rpc.call("staff", "ldap_directory_settings", g.actor)
    if request.method == "GET":
        return _page(_form_values(settings, departments))
    values = {**request.form.to_dict(), "default_roles": request.form.getlist("default_roles"),
              **{name: name in request.form for name in CHECKBOXES}}
    try:
        rpc.call("staff", "save_ldap_directory", g.actor, _submitted(departments))
    except InvalidInput as exc:
        return _page(values, admin_texts.field_errors(exc.details or {}), 422)
    forget_directory()
    flash(_("Directory settings saved; they apply from the next sign-in and sync."), "success")
    return redirect(url_for("web.admin_ldap"))


@bp.route("/admin/ldap/sync", methods=["POST"])
@admin_page()
def admin_ldap_sync():
    """Run the sync now, or as a dry run; the page shows what it changed or would change."""
    _administrators_only()
    dry_run = request.form.get("dry_run") == "1"
    departments = department_names()
    values = _form_values(rpc.call("staff", "ldap_directory_settings", g.actor), departments)
    try:
        outcome = rpc.call("staff", "run_ldap_sync", g.actor, {"dry_run": dry_run}, timeout=rpc.DIRECTORY_SYNC_TIMEOUT)
    except (Conflict, NotFound) as exc:
        flash(texts.service_text(exc.message), "error")
        return redirect(url_for("web.admin_ldap"))
    return _page(values, outcome=outcome)
