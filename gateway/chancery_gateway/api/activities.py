"""Planned calls, meetings, e-mails, faxes, letters and tasks, and the daily agenda."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import g
from flask_smorest import Blueprint

from chancery_common.errors import InvalidInput

from .. import rpc
from .payload import jsonable
from .schemas import (
    ActivityQueryArgs, ActivitySchema, AgendaArgs, AgendaSchema, CompletedActivitySchema,
    CompletionSchema, page_of,
)

blp = Blueprint("activities", __name__, url_prefix="/api/v1/activities",
                description="Contacts with counterparties: planned, done, and the agenda.")

ActivityPage = page_of(ActivitySchema, "ActivityPage")


@blp.route("/")
@blp.arguments(ActivityQueryArgs, location="query")
@blp.response(200, ActivityPage)
def list_activities(args):
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
    return build_agenda(g.actor, args.get("date"), args["tz"])


def build_agenda(actor, day, tz_name):
    """My planned activities of the day grouped by kind, and the overdue ones; while I deputise
    for someone away, theirs too, each marked with ``on_behalf_of``."""
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("Invalid input: tz", {"tz": [f"Unknown time zone {tz_name!r}."]}) from None
    day = day or datetime.now(zone).date()
    start = datetime.combine(day, time.min, zone)
    end = start + timedelta(days=1)
    windows = {"today": {"planned_from": start.isoformat(), "planned_to": end.isoformat()},
               "overdue": {"planned_to": min(start, datetime.now(zone)).isoformat()}}
    people = [actor["id"], *actor.get("acting_for", [])]
    results = rpc.fan_out({
        (window, person): ("counterparties", "list_activities", actor,
                           {"responsible_id": person, "status": "planned", "limit": 500, **bounds})
        for window, bounds in windows.items() for person in people})
    found = {"today": [], "overdue": []}
    for (window, person), result in results.items():
        if isinstance(result, Exception):
            raise result
        for activity in result["items"]:
            on_behalf_of = None if person == actor["id"] else person
            found[window].append({**activity, "on_behalf_of": on_behalf_of})
    grouped = {}
    for activity in sorted(found["today"], key=lambda a: a["planned_at"]):
        grouped.setdefault(activity["kind"], []).append(activity)
    return {"date": day.isoformat(), "time_zone": tz_name, "today": grouped,
            "overdue": sorted(found["overdue"], key=lambda a: a["planned_at"])}


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
