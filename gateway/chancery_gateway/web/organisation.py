"""Administration of the organisation: departments and legal entities, absences with
deputies, and which roles have the configurable permissions."""
from datetime import date

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound, PreconditionFailed

from .. import rpc
from . import admin_texts, bp, changed_meanwhile, forms
from .admin import admin_page, shown, staff_list

DEPARTMENT_FIELDS = ("name", "legal_entity_id", "parent_id", "head_id")
LEGAL_ENTITY_FIELDS = ("name", "short_name", "tax_id", "registration_number", "address")
ABSENCE_FIELDS = ("employee_id", "deputy_id", "starts_on", "ends_on", "reason")


def render_departments(status=200, department_values=None, department_errors=None,
                       entity_values=None, entity_errors=None):
    """Departments and legal entities on one page, each with its form for adding one."""
    results = rpc.fan_out({"departments": ("staff", "list_departments", g.actor),
                           "entities": ("staff", "list_legal_entities", g.actor)})
    for result in results.values():
        if isinstance(result, Exception):
            raise result
    people = staff_list()
    employees = {e["id"]: e for e in people}
    headcount = {}
    for employee in people:
        if employee["is_active"]:
            headcount[employee["department_id"]] = headcount.get(employee["department_id"], 0) + 1
    return render_template(
        "admin/departments.html", departments=results["departments"], entities=results["entities"],
        department_names={d["id"]: d["name"] for d in results["departments"]},
        entity_names={e["id"]: e["short_name"] or e["name"] for e in results["entities"]},
        employees=employees, staff=[e for e in people if e["is_active"]], headcount=headcount,
        values=department_values or {}, errors=department_errors or {},
        entity_values=entity_values or {}, entity_errors=entity_errors or {}), status


@bp.route("/admin/departments", methods=["GET", "POST"])
@admin_page()
def admin_departments():
    if request.method == "GET":
        return render_departments()
    try:
        created = rpc.call("staff", "save_department", g.actor, forms.values(DEPARTMENT_FIELDS))
    except (InvalidInput, Conflict) as exc:
        return render_departments(422, request.form, admin_texts.field_errors(exc.details or {}))
    flash(_("Department “%(name)s” added.", name=created["name"]), "success")
    return redirect(url_for("web.admin_departments"))


@bp.route("/admin/departments/<uuid:department_id>", methods=["GET", "POST"])
@admin_page()
def admin_department(department_id):
    department_id = str(department_id)
    departments = rpc.call("staff", "list_departments", g.actor)
    department = next((d for d in departments if d["id"] == department_id), None)
    if department is None:
        raise NotFound(f"department {department_id} not found")
    values, errors, status, conflict = shown(department), {}, 200, None
    if request.method == "POST":
        changes = {name: request.form.get(name, "").strip() or None for name in DEPARTMENT_FIELDS}
        try:
            saved = rpc.call("staff", "save_department", g.actor, changes, department_id,
                             expected_version=changed_meanwhile.form_version())
        except (InvalidInput, Conflict) as exc:
            values, errors, status = request.form, admin_texts.field_errors(exc.details or {}), 422
        except PreconditionFailed as exc:
            conflict = changed_meanwhile.notice(exc, DEPARTMENT_FIELDS, changes, shown=department_value(departments))
            values, status = request.form, 409
        else:
            flash(_("Department “%(name)s” saved.", name=saved["name"]), "success")
            return redirect(url_for("web.admin_departments"))
    return render_template(
        "admin/department.html", department=department, values=values, errors=errors, conflict=conflict,
        departments=[d for d in departments if d["id"] != department_id],
        entities=rpc.call("staff", "list_legal_entities", g.actor),
        staff=[e for e in staff_list() if e["is_active"]]), status


def department_value(departments):
    """How a field of a department reads in the differences: departments, heads and legal entities by name."""
    names = {d["id"]: d["name"] for d in departments}
    names.update({e["id"]: e["full_name"] for e in staff_list()})
    names.update({e["id"]: e["short_name"] or e["name"] for e in rpc.call("staff", "list_legal_entities", g.actor)})
    return lambda field, value: names.get(value, value)


@bp.route("/admin/legal-entities", methods=["POST"])
@admin_page()
def admin_new_legal_entity():
    try:
        created = rpc.call("staff", "create_legal_entity", g.actor, forms.values(LEGAL_ENTITY_FIELDS))
    except (InvalidInput, Conflict) as exc:
        return render_departments(422, entity_values=request.form,
                                  entity_errors=admin_texts.field_errors(exc.details or {}))
    flash(_("Legal entity “%(name)s” added.", name=created["name"]), "success")
    return redirect(url_for("web.admin_departments", _anchor="legal-entities"))


# absences ------------------------------------------------------------------------------------

def render_absences(status=200, values=None, errors=None):
    """Absences that have not ended yet (current ones first), and the form to record one."""
    today = date.today().isoformat()
    absences = [a for a in rpc.call("staff", "list_absences", g.actor) if a["ends_on"] >= today]
    people = staff_list()
    return render_template(
        "admin/absences.html", absences=absences, today=today, values=values or {},
        errors=errors or {}, staff=[e for e in people if e["is_active"]],
        employees={e["id"]: e["full_name"] for e in people}), status


@bp.route("/admin/absences", methods=["GET", "POST"])
@admin_page()
def admin_absences():
    if request.method == "GET":
        return render_absences()
    try:
        rpc.call("staff", "add_absence", g.actor, forms.values(ABSENCE_FIELDS))
    except InvalidInput as exc:
        return render_absences(422, request.form, admin_texts.field_errors(exc.details or {}))
    except Conflict as exc:
        return render_absences(409, request.form, {"_": [admin_texts.say(exc.message)]})
    flash(_("Absence recorded. The deputy receives the absent employee's approval tasks meanwhile."),
          "success")
    return redirect(url_for("web.admin_absences"))


@bp.route("/admin/absences/<uuid:absence_id>/cancel", methods=["POST"])
@admin_page()
def admin_cancel_absence(absence_id):
    rpc.call("staff", "cancel_absence", g.actor, str(absence_id))
    flash(_("Absence cancelled."), "success")
    return redirect(url_for("web.admin_absences"))


# role settings --------------------------------------------------------------------------------

@bp.route("/admin/roles", methods=["GET", "POST"])
@admin_page()
def admin_roles():
    """One checkbox per permission and role; saving sends only the permissions that changed."""
    settings = rpc.call("staff", "role_settings", g.actor)
    if request.method == "POST":
        changed = []
        for permission in admin_texts.PERMISSIONS:
            roles = sorted(set(request.form.getlist(permission)) | {"administrator"})
            if roles != sorted(set(settings.get(permission, [])) | {"administrator"}):
                rpc.call("staff", "set_role_permission", g.actor,
                         {"permission": permission, "roles": roles})
                changed.append(str(admin_texts.permission_label(permission)))
        if changed:
            flash(_("Role settings saved: %(what)s. Employees get the change within a few "
                    "seconds.", what=", ".join(changed)), "success")
        else:
            flash(_("Nothing changed."), "success")
        return redirect(url_for("web.admin_roles"))
    return render_template("admin/roles.html", settings=settings,
                           permissions=admin_texts.PERMISSIONS, roles=admin_texts.ROLES)
