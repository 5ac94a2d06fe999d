"""The agenda (the first screen after sign-in) and the life of an activity.

My planned contacts for a day grouped by type with the overdue ones, any other day, a
week or month calendar; a department head (directors, administrators) picks a colleague
to see their agenda. Activities are scheduled (for oneself, or by managers for a
colleague), completed with a result and next step (with "plan follow-up" in the same
form), cancelled or marked missed.

Days run from midnight to midnight in the employee's own time zone (from their card).
"""
from calendar import Calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, PermissionDenied

from .. import auth, rpc
from . import admin_texts, bp, forms
from .lookups import counterparty_names, employee_names

KINDS = ("call", "meeting", "email", "fax", "letter", "task")
VIEWS = ("day", "week", "month")
PLANNERS_FOR_ANYONE = ("administrator", "director")
ACTIVITY_FIELDS = ("kind", "subject", "description", "phone_or_place", "contact_person_id",
                   "duration_minutes", "responsible_id")


# time ----------------------------------------------------------------------------------------

def zone():
    """The signed-in employee's time zone (UTC when their card names none we know)."""
    try:
        return ZoneInfo((auth.current_employee() or {}).get("time_zone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def today():
    return datetime.now(zone()).date()


def parse_day(text):
    try:
        return date.fromisoformat(text) if text else today()
    except ValueError:
        return today()


def day_bounds(first, last_exclusive):
    tz = zone()
    return (datetime.combine(first, time.min, tz).isoformat(),
            datetime.combine(last_exclusive, time.min, tz).isoformat())


def local(value):
    """A stored time (ISO, UTC) as an aware datetime in the employee's zone."""
    return datetime.fromisoformat(str(value)).astimezone(zone())


@bp.app_template_filter("clock")
def clock(value):
    """Hours and minutes of a stored time in the employee's zone (the agenda's column)."""
    return local(value).strftime("%H:%M") if value else ""


@bp.app_template_filter("local_input")
def local_input(value):
    """A stored time as the value of a datetime-local input in the employee's zone."""
    return local(value).strftime("%Y-%m-%dT%H:%M") if value else ""


def parse_local(text, field):
    """A datetime-local input (in the employee's zone) as an ISO time with offset."""
    try:
        return datetime.fromisoformat(text).replace(tzinfo=zone()).isoformat()
    except (TypeError, ValueError):
        raise InvalidInput(f"Invalid input: {field}", {field: [_("Enter a date and time.")]}) from None


# who ----------------------------------------------------------------------------------------

def colleagues(actor):
    """The employees whose agenda the actor may open and plan for, the actor first.

    Administrators and directors: everyone; a department head: the people of their
    departments; anyone else: only themselves (an empty list: no selector is shown).
    """
    roles = set(actor["roles"])
    if not roles & {*PLANNERS_FOR_ANYONE, "department_head"}:
        return []
    try:
        everyone = rpc.call("staff", "list_employees", {"limit": 500})["items"]
    except rpc.ServiceUnavailable:
        return []
    if not roles & set(PLANNERS_FOR_ANYONE):
        departments = set(actor.get("visible_department_ids") or [])
        everyone = [e for e in everyone if e.get("department_id") in departments or e["id"] == actor["id"]]
    me = [e for e in everyone if e["id"] == actor["id"]]
    return me + sorted((e for e in everyone if e["id"] != actor["id"]), key=lambda e: e["full_name"])


TEAM = "team"  # ?employee=team: everyone of the head's departments at once


def chosen_employee(actor, team):
    """The employee whose agenda is asked for (``?employee=``): the actor, a colleague, or the team."""
    wanted = request.args.get("employee") or actor["id"]
    if wanted == TEAM and team:
        return TEAM
    if wanted != actor["id"] and wanted not in {e["id"] for e in team}:
        abort(404)
    return wanted


def calendar_items(actor, employee_id, planned_from, planned_to, status=None):
    """Activities in a range from the calendar RPC: mine (with those I deputise for), a colleague's
    or the team's. Each item carries ``on_behalf_of`` when it is someone else's I stand in for."""
    query = {"planned_from": planned_from, "planned_to": planned_to}
    if employee_id == TEAM:
        query["team"] = True
    elif employee_id != actor["id"]:
        query["employee_id"] = employee_id
    if status:
        query["status"] = status
    return rpc.call("counterparties", "activity_calendar", actor, query)


# agenda -------------------------------------------------------------------------------------

OVERDUE_DAYS = 61  # how far back the team's agenda looks for overdue ones (the calendar's range)


def day_agenda(actor, employee_id, day):
    """{"today": [(kind, [activities])], "overdue": [...]} of one employee (or the team) for one day.

    My own agenda also holds the activities of colleagues I deputise for while they are away.
    """
    start, end = day_bounds(day, day + timedelta(days=1))
    now = datetime.now(zone()).isoformat()
    if employee_id == TEAM:
        today_items = calendar_items(actor, TEAM, start, end, "planned")["items"]
        since = datetime.fromisoformat(start) - timedelta(days=OVERDUE_DAYS)
        until = min(start, now)
        overdue = (calendar_items(actor, TEAM, since.isoformat(), until, "planned")["items"]
                   if until > since.isoformat() else [])
    else:
        found = rpc.call("counterparties", "agenda", actor, {
            "day_from": start, "day_to": end, "overdue_before": min(start, now),
            "employee_id": None if employee_id == actor["id"] else employee_id})
        today_items, overdue = found["today"], found["overdue"]
    groups = [(kind, [a for a in today_items if a["kind"] == kind]) for kind in KINDS]
    return {"today": [(kind, items) for kind, items in groups if items], "overdue": overdue,
            "count": len(today_items)}


def period(view, day):
    """(first day, day after the last) of the week or month around ``day``, and its weeks."""
    if view == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=7), [[first + timedelta(days=i) for i in range(7)]]
    weeks = Calendar().monthdatescalendar(day.year, day.month)
    return weeks[0][0], weeks[-1][-1] + timedelta(days=1), weeks


def calendar_agenda(actor, employee_id, view, day):
    """Every activity (any status) of the employee in the week or month, by day."""
    first, after, weeks = period(view, day)
    start, end = day_bounds(first, after)
    found = calendar_items(actor, employee_id, start, end)
    by_day = {}
    for activity in found["items"]:
        by_day.setdefault(local(activity["planned_at"]).date(), []).append(activity)
    return {"weeks": weeks, "by_day": by_day, "first": first, "last": after - timedelta(days=1),
            "total": found["total"]}


def contact_names(actor, activities):
    """Names and phones of the contact persons the activities name, one call per counterparty."""
    counterparty_ids = sorted({a["counterparty_id"] for a in activities if a.get("contact_person_id")})[:40]
    if not counterparty_ids:
        return {}
    results = rpc.fan_out({cid: ("counterparties", "list_contact_persons", actor, cid) for cid in counterparty_ids})
    people = {}
    for result in results.values():
        if not isinstance(result, Exception):
            people.update({p["id"]: p for p in result})
    return people


def names_for(actor, activities):
    return {
        "counterparties": counterparty_names(a["counterparty_id"] for a in activities),
        "employees": employee_names([a["responsible_id"] for a in activities]
                                    + [a.get("scheduled_by") for a in activities]),
        "persons": contact_names(actor, activities),
    }


def agenda_context(actor, view="day", day=None, employee_id=None):
    team = colleagues(actor)
    employee_id = employee_id or actor["id"]
    day = day or today()
    context = {"view": view, "day": day, "today": today(), "team": team, "employee_id": employee_id,
               "employee_name": next((e["full_name"] for e in team if e["id"] == employee_id), None),
               "zone": str(zone()), "kinds": KINDS}
    if view == "day":
        agenda = day_agenda(actor, employee_id, day)
        shown = [a for _kind, items in agenda["today"] for a in items] + agenda["overdue"]
    else:
        agenda = calendar_agenda(actor, employee_id, view, day)
        shown = [a for items in agenda["by_day"].values() for a in items]
    context.update(agenda=agenda, names=names_for(actor, shown) if view == "day" else {
        "counterparties": counterparty_names(a["counterparty_id"] for a in shown),
        "employees": employee_names(a["responsible_id"] for a in shown) if employee_id == TEAM else {},
        "persons": {}})
    step = {"day": timedelta(days=1), "week": timedelta(days=7)}.get(view)
    if step:
        context.update(previous=day - step, following=day + step)
    else:
        first_of_month = day.replace(day=1)
        context.update(previous=(first_of_month - timedelta(days=1)).replace(day=1),
                       following=(first_of_month + timedelta(days=32)).replace(day=1))
    return context


@bp.route("/agenda")
@auth.page_login_required
def agenda():
    view = request.args.get("view", "day")
    if view not in VIEWS:
        view = "day"
    team = colleagues(g.actor)
    employee_id = chosen_employee(g.actor, team)
    context = agenda_context(g.actor, view, parse_day(request.args.get("date")), employee_id)
    if forms.is_fragment("agenda"):
        return render_template("agenda/_agenda.html", **context)
    return render_template("agenda/index.html", **context)


# scheduling ---------------------------------------------------------------------------------

def activity_form_context(actor, values, errors, counterparty=None):
    counterparty_id = values.get("counterparty_id") or (counterparty or {}).get("id")
    if counterparty is None and counterparty_id:
        try:
            counterparty = rpc.call("counterparties", "get_counterparty", actor, counterparty_id)
        except Exception:  # noqa: BLE001  (a counterparty gone or hidden: pick another)
            counterparty = None
    return {"values": values, "errors": errors, "counterparty": counterparty, "kinds": KINDS,
            "team": colleagues(actor),
            "persons": person_choices(actor, counterparty["id"]) if counterparty else []}


def person_choices(actor, counterparty_id):
    try:
        return [p for p in rpc.call("counterparties", "list_contact_persons", actor, counterparty_id)
                if not p.get("anonymised_at")]
    except Exception:  # noqa: BLE001  (no choices; the activity can still be planned)
        return []


def activity_data(form_values):
    data = {key: form_values[key] for key in (*ACTIVITY_FIELDS, "counterparty_id") if form_values.get(key)}
    data["planned_at"] = parse_local(form_values.get("planned_at"), "planned_at")
    if "duration_minutes" in data:
        try:
            data["duration_minutes"] = int(data["duration_minutes"])
        except ValueError:
            raise InvalidInput("Invalid input: duration_minutes",
                               {"duration_minutes": [_("Enter the duration in whole minutes.")]}) from None
    if not data.get("counterparty_id"):
        raise InvalidInput("Invalid input: counterparty_id", {"counterparty_id": [_("Choose the counterparty.")]})
    return data


@bp.route("/activities/new", methods=["GET", "POST"])
@auth.page_login_required
def new_activity():
    if request.method == "GET":
        values = {"kind": request.args.get("kind", "call"), "counterparty_id": request.args.get("counterparty_id"),
                  "responsible_id": request.args.get("responsible_id") or g.actor["id"],
                  "planned_at": parse_day(request.args.get("date")).isoformat() + "T10:00",
                  "contact_person_id": request.args.get("contact_person_id")}
        return render_template("agenda/new.html", **activity_form_context(g.actor, values, {}))
    values = request.form.to_dict()
    try:
        created = rpc.call("counterparties", "plan_activity", g.actor, activity_data(values))
    except InvalidInput as exc:
        return render_template("agenda/new.html", **activity_form_context(
            g.actor, values, admin_texts.field_errors(exc.details or {}))), 422
    except PermissionDenied as exc:
        return render_template("agenda/new.html", **activity_form_context(
            g.actor, values, {"responsible_id": [admin_texts.say(exc.message)]})), 403
    flash(_("Planned: %(subject)s.", subject=created["subject"]), "success")
    return redirect(forms.local_path(request.form.get("next"),
                                     url_for("web.activity", activity_id=created["id"])))


@bp.route("/activities/contact-choices")
@auth.page_login_required
def activity_contact_choices():
    """The contact persons of the counterparty just picked, for the activity form."""
    counterparty_id = request.args.get("counterparty_id")
    persons = person_choices(g.actor, counterparty_id) if counterparty_id else []
    return render_template("agenda/_person_choices.html", persons=persons, values={})


# one activity: complete, cancel, mark missed ------------------------------------------------

@bp.route("/activities/<uuid:activity_id>")
@auth.page_login_required
def activity(activity_id):
    return render_activity(str(activity_id))


def render_activity(activity_id, status=200, errors=None, values=None):
    activity = rpc.call("counterparties", "get_activity", g.actor, activity_id)
    names = names_for(g.actor, [activity])
    defaults = {"follow_kind": activity["kind"], "new_planned_at": local_input(activity["planned_at"]),
                "follow_planned_at": (datetime.now(zone()) + timedelta(days=1)).strftime("%Y-%m-%dT10:00")}
    return render_template("agenda/activity.html", activity=activity, names=names,
                           errors=errors or {}, values={**defaults, **(values or {})}, kinds=KINDS), status


@bp.route("/activities/<uuid:activity_id>/complete", methods=["POST"])
@auth.page_login_required
def complete_activity(activity_id):
    """Done (with result and next step, and the follow-up when asked), cancelled or missed."""
    values = request.form.to_dict()
    status = values.get("status", "done")
    completion = {"status": status if status in ("done", "cancelled", "missed") else "done",
                  "result": values.get("result", "").strip(),
                  "next_step": values.get("next_step", "").strip() or None}
    try:
        if status == "done" and values.get("follow_up") == "1":
            completion["follow_up"] = {
                "kind": values.get("follow_kind") or None,
                "subject": values.get("follow_subject", "").strip(),
                "description": values.get("follow_description", "").strip() or None,
                "planned_at": parse_local(values.get("follow_planned_at"), "follow_planned_at")}
        if completion["status"] == "cancelled":
            # cancel_activity tells the other services (reminders are dropped) and keeps the reason
            cancelled = rpc.call("counterparties", "cancel_activity", g.actor, str(activity_id),
                                 {"reason": completion["result"]})
            done = {"activity": cancelled, "follow_up": None}
        else:
            done = rpc.call("counterparties", "complete_activity", g.actor, str(activity_id), completion)
    except InvalidInput as exc:
        errors = admin_texts.field_errors(exc.details or {})
        if "reason" in errors:
            errors["result"] = errors.pop("reason")
        follow = errors.pop("follow_up", None)
        if isinstance(follow, dict):
            errors.update({f"follow_{key}": value for key, value in follow.items()})
        elif follow:
            errors["follow_subject"] = follow
        return render_activity(str(activity_id), 422, errors, values)
    except Conflict as exc:
        flash(admin_texts.say(exc.message), "error")
        return redirect(url_for("web.activity", activity_id=activity_id))
    messages = {"done": _("Result recorded."), "cancelled": _("Activity cancelled."),
                "missed": _("Marked as missed.")}
    flash(messages[completion["status"]], "success")
    if done.get("follow_up"):
        flash(_("Follow-up planned: %(subject)s.", subject=done["follow_up"]["subject"]), "success")
        return redirect(url_for("web.activity", activity_id=done["follow_up"]["id"]))
    return redirect(forms.local_path(values.get("next"), url_for("web.activity", activity_id=activity_id)))


@bp.route("/activities/<uuid:activity_id>/reschedule", methods=["POST"])
@auth.page_login_required
def reschedule_activity(activity_id):
    """Move a planned activity to another time (the responsible's reminder follows)."""
    values = request.form.to_dict()
    try:
        change = {"planned_at": parse_local(values.get("new_planned_at"), "new_planned_at"),
                  "reason": values.get("reschedule_reason", "").strip() or None}
        if values.get("new_duration_minutes", "").strip():
            change["duration_minutes"] = values["new_duration_minutes"].strip()
        moved = rpc.call("counterparties", "reschedule_activity", g.actor, str(activity_id), change)
    except InvalidInput as exc:
        errors = {f"new_{key}" if key in ("planned_at", "duration_minutes") else
                  ("reschedule_reason" if key == "reason" else key): value
                  for key, value in admin_texts.field_errors(exc.details or {}).items()}
        return render_activity(str(activity_id), 422, errors, values)
    except Conflict as exc:
        flash(admin_texts.say(exc.message), "error")
    else:
        flash(_("Moved to %(when)s.", when=local(moved["planned_at"]).strftime("%Y-%m-%d %H:%M")), "success")
    return redirect(url_for("web.activity", activity_id=activity_id))
