"""Activities: planned and done, the agenda and the calendar."""

from marshmallow import Schema, fields, validate

from .common import AwareDateTime, Date, ID, Next, page_of, PageArgs, SyncFields


class ActivitySchema(Schema):
    id = ID(dump_only=True)
    counterparty_id = ID(required=True)
    contact_person_id = ID(allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(
        ("call", "meeting", "email", "fax", "letter", "task")))
    subject = fields.String(required=True)
    description = fields.String(allow_none=True)
    phone_or_place = fields.String(allow_none=True)
    planned_at = AwareDateTime(required=True)
    duration_minutes = fields.Integer(allow_none=True)
    responsible_id = ID(allow_none=True)
    scheduled_by = ID(dump_only=True)
    status = fields.String(dump_only=True)
    result = fields.String(dump_only=True, allow_none=True)
    next_step = fields.String(dump_only=True, allow_none=True)
    completed_at = fields.String(dump_only=True, allow_none=True)
    follow_up_of = ID(dump_only=True, allow_none=True)
    created_at = fields.String(dump_only=True)
    updated_at = fields.String(dump_only=True, allow_none=True)


class ActivityQueryArgs(PageArgs, SyncFields):
    counterparty_id = ID()
    responsible_id = ID()
    status = fields.String(validate=validate.OneOf(("planned", "done", "cancelled", "missed")))
    planned_from = AwareDateTime()
    planned_to = AwareDateTime()


class FollowUpSchema(Schema):
    kind = fields.String()
    subject = fields.String(required=True)
    description = fields.String(allow_none=True)
    planned_at = AwareDateTime(required=True)


class CompletionSchema(Schema):
    status = fields.String(validate=validate.OneOf(("done", "cancelled", "missed")))
    result = fields.String(required=True)
    next_step = fields.String(allow_none=True)
    follow_up = fields.Nested(FollowUpSchema, allow_none=True)


class RescheduleSchema(Schema):
    planned_at = AwareDateTime(required=True)
    duration_minutes = fields.Integer(allow_none=True)
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000))


class CancellationSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000))


class CompletedActivitySchema(Schema):
    activity = fields.Nested(ActivitySchema)
    follow_up = fields.Nested(ActivitySchema, allow_none=True)


class AgendaArgs(Schema):
    date = Date(metadata={"description": "the day (default: today in `tz`)"})
    tz = fields.String(load_default="UTC", metadata={"description": "IANA time zone, e.g. Europe/Moscow"})


class AgendaActivitySchema(ActivitySchema):
    on_behalf_of = ID(allow_none=True, metadata={
        "description": "the colleague away today whose activity this is, when I am their deputy"})


class AgendaSchema(Schema):
    date = fields.String()
    time_zone = fields.String()
    today = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(AgendaActivitySchema)),
                        metadata={"description": "the day's planned activities grouped by kind"})
    overdue = fields.List(fields.Nested(AgendaActivitySchema))


PlannedActivityPage = page_of(ActivitySchema, "PlannedActivityPage")


class CalendarArgs(Schema):
    date_from = Date(required=True, data_key="from", metadata={"description": "first day"})
    date_to = Date(required=True, data_key="to", metadata={"description": "last day (inclusive); at most 62 days"})
    employee_id = ID(metadata={"description": "an employee I may see (default: me and whom I deputise for)"})
    team = fields.Boolean(load_default=False, metadata={
        "description": "everyone in my departments (department heads, directors, administrators)"})
    status = fields.String(validate=validate.OneOf(("planned", "done", "cancelled", "missed")))
    tz = fields.String(load_default="UTC", metadata={"description": "IANA time zone the days are in"})


class CalendarSchema(Schema):
    date_from = fields.String(data_key="from")
    date_to = fields.String(data_key="to")
    time_zone = fields.String()
    employee_ids = fields.List(ID())
    items = fields.List(fields.Nested(AgendaActivitySchema), metadata={"description": "in planned order"})
    total = fields.Integer()
    truncated = fields.Boolean(metadata={"description": "more than 5,000 activities: only the first are listed"})
    next = Next()
