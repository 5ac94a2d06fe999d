"""Activity results by responsible employee for a period: the managers' dashboard figures.

Counts only the activities the actor may see (the same rule as every list) that happened
within the period (done, missed or cancelled in it) or, still planned, are planned within it,
by their status now: done, missed, cancelled, still planned (and of those, overdue). A
department head asks for their department; directors for any or all.
"""
from datetime import datetime, timezone

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy import and_, case, func, select

from . import access
from .models import Activity, StaffMember

MAX_DAYS = 366


class ActivityResultsQuerySchema(Schema):
    since = fields.AwareDateTime(required=True)
    until = fields.AwareDateTime(required=True)
    department_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))

    @validates_schema
    def a_real_period(self, data, **kwargs):
        if "since" in data and "until" in data:
            if data["until"] <= data["since"]:
                raise ValidationError("The period must end after it starts.", "until")
            if (data["until"] - data["since"]).days > MAX_DAYS:
                raise ValidationError(f"A period of at most {MAX_DAYS} days.", "until")


class ActivityResultRowSchema(Schema):
    responsible_id = fields.UUID()
    total = fields.Integer()
    done = fields.Integer()
    missed = fields.Integer()
    cancelled = fields.Integer()
    planned = fields.Integer()
    overdue = fields.Integer()


class ActivityResultsSchema(Schema):
    since = fields.AwareDateTime()
    until = fields.AwareDateTime()
    rows = fields.List(fields.Nested(ActivityResultRowSchema))


def activity_results(session, *, actor, since, until, department_id=None, limit=100):
    now = datetime.now(timezone.utc)

    def count(condition):
        return func.count(case((condition, 1)))

    # an activity counts in the period it was done, missed or cancelled in; a planned one in
    # the period it is planned for (a call planned for next week and made today is today's)
    happened = func.coalesce(Activity.completed_at, Activity.planned_at)

    query = (select(Activity.responsible_id, func.count().label("total"),
                    count(Activity.status == "done").label("done"),
                    count(Activity.status == "missed").label("missed"),
                    count(Activity.status == "cancelled").label("cancelled"),
                    count(Activity.status == "planned").label("planned"),
                    count(and_(Activity.status == "planned", Activity.planned_at < now)).label("overdue"))
             .where(access.activity_condition(actor), happened >= since, happened < until)
             .group_by(Activity.responsible_id))
    if department_id is not None:
        query = query.where(Activity.responsible_id.in_(
            select(StaffMember.employee_id).where(StaffMember.department_id == department_id)))
    rows = session.execute(query.order_by(func.count().desc(), Activity.responsible_id).limit(limit)).all()
    return {"since": since, "until": until, "rows": [row._asdict() for row in rows]}
