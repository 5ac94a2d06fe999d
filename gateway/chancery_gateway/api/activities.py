"""Planned calls, meetings, e-mails, faxes, letters and tasks, and the daily agenda."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import g
from .blueprint import Blueprint

from chancery_common.errors import InvalidInput

from .. import rpc
from ..payload import as_dumped, jsonable
from .paging import listing, sync_request
from .schemas.activities import (
    ActivityQueryArgs, ActivitySchema, AgendaArgs, AgendaSchema, CalendarArgs, CalendarSchema, CancellationSchema,
    CompletedActivitySchema, CompletionSchema, RescheduleSchema
)
from .schemas.common import page_of

blp = Blueprint("activities", __name__, url_prefix="/api/v1/activities",
                description="Contacts with counterparties: planned, done, and the agenda.")

ActivityPage = page_of(ActivitySchema, "ActivityPage", sync=True)


@blp.route("/")
@blp.arguments(ActivityQueryArgs, location="query")
@blp.response(200, ActivityPage)
@listing
def list_activities(args):
    """Activities by the filters; or sync (`updated_since`, then `after`): every one the caller sees by change."""
    sync = sync_request(args)
    if sync:
        return rpc.call("counterparties", "sync_activities", g.actor, sync)
    return rpc.call("counterparties", "list_activities", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(ActivitySchema)
@blp.response(201, ActivitySchema)
def plan_activity(data):
    """Plan an activity; `responsible_id` schedules it for another employee."""
    return rpc.call("counterparties", "plan_activity", g.actor, jsonable(data))


@blp.route("/agenda")
@blp.arguments(AgendaArgs, location="query")
@blp.response(200, AgendaSchema)
def agenda(args):
    """My planned activities of one day grouped by kind, and the overdue ones (with those of
    colleagues I deputise for while they are away, marked ``on_behalf_of``)."""
    return as_dumped(build_agenda(g.actor, args.get("date"), args["tz"]))


def build_agenda(actor, day, tz_name):
    """My planned activities of the day grouped by kind, and the overdue ones; while I deputise
    for someone away, theirs too, each marked with ``on_behalf_of``."""
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("Invalid input: tz", {"tz": [f"Unknown time zone {tz_name!r}."]}) from None
    day = day or datetime.now(zone).date()
    start = datetime.combine(day, time.min, zone)
    found = rpc.call("counterparties", "agenda", actor, {
        "day_from": start.isoformat(), "day_to": (start + timedelta(days=1)).isoformat(),
        "overdue_before": min(start, datetime.now(zone)).isoformat()})
    grouped = {}
    for activity in found["today"]:
        grouped.setdefault(activity["kind"], []).append(activity)
    return {"date": day.isoformat(), "time_zone": tz_name, "today": grouped, "overdue": found["overdue"]}


@blp.route("/calendar")
@blp.arguments(CalendarArgs, location="query")
@blp.response(200, CalendarSchema)
@listing
def calendar(args):
    """Activities from one day to another (a week, a month): mine (with those of colleagues I
    deputise for, marked ``on_behalf_of``), one employee's I may see (`employee_id`), or my
    team's (`team=true`: department heads, directors, administrators)."""
    zone = _zone(args["tz"])
    start = datetime.combine(args["date_from"], time.min, zone)
    end = datetime.combine(args["date_to"] + timedelta(days=1), time.min, zone)
    query = {"planned_from": start.isoformat(), "planned_to": end.isoformat(), "team": args["team"],
             "employee_id": str(args["employee_id"]) if args.get("employee_id") else None,
             "status": args.get("status")}
    found = rpc.call("counterparties", "activity_calendar", g.actor, query)
    return {**found, "date_from": args["date_from"].isoformat(), "date_to": args["date_to"].isoformat(),
            "time_zone": args["tz"]}


def _zone(tz_name):
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("Invalid input: tz", {"tz": [f"Unknown time zone {tz_name!r}."]}) from None


@blp.route("/<uuid:activity_id>")
@blp.response(200, ActivitySchema)
def get_activity(activity_id):
    return rpc.call("counterparties", "get_activity", g.actor, str(activity_id))


@blp.route("/<uuid:activity_id>/completion", methods=["POST"])
@blp.arguments(CompletionSchema)
@blp.response(200, CompletedActivitySchema)
def complete_activity(data, activity_id):
    """Record the result (done, cancelled, missed) and, with `follow_up`, plan the next one."""
    return rpc.call("counterparties", "complete_activity", g.actor, str(activity_id), jsonable(data))


@blp.route("/<uuid:activity_id>/reschedule", methods=["POST"])
@blp.arguments(RescheduleSchema)
@blp.response(200, ActivitySchema)
def reschedule_activity(data, activity_id):
    """Move a planned activity to another time; the responsible employee's reminder moves with it."""
    return rpc.call("counterparties", "reschedule_activity", g.actor, str(activity_id), jsonable(data))


@blp.route("/<uuid:activity_id>/cancellation", methods=["POST"])
@blp.arguments(CancellationSchema)
@blp.response(200, ActivitySchema)
def cancel_activity(data, activity_id):
    """Call off a planned activity, saying why (it is kept as the result, status cancelled)."""
    return rpc.call("counterparties", "cancel_activity", g.actor, str(activity_id), jsonable(data))
