"""Administration → Sign-in: the holding's OpenID Connect provider and how its claims map
onto employees, roles and departments; the two-factor policy (its form posts to
web/two_factor.py). Administrators only; the staff service checks again."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import InvalidInput

from .. import oidc, rpc
from . import admin_texts, bp, forms
from .admin import admin_page, department_names, staff_list
from .signin import public_url

TEXT_FIELDS = ("display_name", "issuer", "client_id", "client_secret", "scopes", "email_claim",
               "name_claim", "groups_claim", "department_claim", "position_claim")


def _lines(text):
    """(line number, left, right) of each ``left = right`` line; ValueError names a bad line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        left, sep, right = line.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise ValueError(number)
        yield number, left.strip(), right.strip()


def _group_roles(text):
    found = {}
    try:
        for _number, group, roles in _lines(text):
            found[group] = [role.strip() for role in roles.split(",") if role.strip()]
    except ValueError as bad:
        raise InvalidInput("Invalid input: group_roles", {"group_roles": [
            _("Line %(number)s: write “group = role, role”.", number=bad.args[0])]}) from None
    return found


def _department_map(text, departments):
    by_name = {name.lower(): department_id for department_id, name in departments.items()}
    found = {}
    try:
        for number, value, name in _lines(text):
            if name.lower() not in by_name:
                raise InvalidInput("Invalid input: department_map", {"department_map": [
                    _("Line %(number)s: there is no department “%(name)s”.", number=number, name=name)]})
            found[value] = by_name[name.lower()]
    except ValueError as bad:
        raise InvalidInput("Invalid input: department_map", {"department_map": [
            _("Line %(number)s: write “value = department”.", number=bad.args[0])]}) from None
    return found


def _form_values(settings, departments):
    """The stored settings as the form shows them (mappings as lines)."""
    if not settings:
        return {"scopes": "openid email profile", "email_claim": "email", "name_claim": "name",
                "groups_claim": "groups", "department_claim": "department", "position_claim": "position",
                "default_roles": ["employee"]}
    return {**settings,
            "group_roles": "\n".join(f"{group} = {', '.join(roles)}"
                                     for group, roles in settings["group_roles"].items()),
            "department_map": "\n".join(f"{value} = {departments.get(department_id, department_id)}"
                                        for value, department_id in settings["department_map"].items())}


@bp.route("/admin/sign-in", methods=["GET", "POST"])
@admin_page()
def admin_sign_in():
    if "administrator" not in g.employee["roles"]:
        abort(403, description=_("Only administrators may change how employees sign in."))
    departments = department_names()
    settings = rpc.call("staff", "sign_in_provider_settings", g.actor)
    values, errors, status = _form_values(settings, departments), {}, 200
    if request.method == "POST":
        values = {**request.form.to_dict(), "default_roles": request.form.getlist("default_roles"),
                  "enabled": "enabled" in request.form, "allow_create": "allow_create" in request.form}
        try:
            data = {**forms.values(TEXT_FIELDS), "enabled": values["enabled"],
                    "allow_create": values["allow_create"], "default_roles": values["default_roles"],
                    "group_roles": _group_roles(values.get("group_roles", "")),
                    "department_map": _department_map(values.get("department_map", ""), departments)}
            rpc.call("staff", "save_sign_in_provider", g.actor, data)
        except InvalidInput as exc:
            errors, status = admin_texts.field_errors(exc.details or {}), 422
        else:
            oidc.forget_provider()
            flash(_("Sign-in settings saved; they apply from the next sign-in."), "success")
            return redirect(url_for("web.admin_sign_in"))
    return render_template("admin/sign_in.html", values=values, errors=errors, settings=settings,
                           policy=rpc.call("staff", "sign_in_policy", g.actor),
                           administrators=[person for person in staff_list()
                                           if person["is_active"] and "administrator" in person["roles"]],
                           roles=admin_texts.ROLES, redirect_uri=public_url("web.oidc_callback"),
                           logout_uri=public_url("web.login")), status
