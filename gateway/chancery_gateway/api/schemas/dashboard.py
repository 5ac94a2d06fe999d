"""The managers' dashboard."""

from marshmallow import Schema, ValidationError, fields, validates_schema

from .common import ID
from .negotiations import FunnelStepSchema
from .common import UnavailablePartSchema


class DashboardArgs(Schema):
    since = fields.AwareDateTime(load_default=None, metadata={"description": "default: 30 days before `until`"})
    until = fields.AwareDateTime(load_default=None, metadata={"description": "default: the end of today (UTC)"})
    department_id = ID(load_default=None, metadata={
        "description": "directors and administrators: one department; a head always gets their own"})

    @validates_schema
    def a_real_period(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["until"] <= data["since"]:
            raise ValidationError("The period must end after it starts.", "until")


class OverdueByDepartmentRowSchema(Schema):
    department_id = ID(allow_none=True)
    tasks = fields.Integer()
    overdue = fields.Integer(metadata={"description": "decided late or still open past the deadline"})
    open_overdue = fields.Integer()
    hours = fields.Float(metadata={"description": "hours the tasks were held in all"})


class OverdueByEmployeeRowSchema(Schema):
    approver_id = ID()
    tasks = fields.Integer()
    overdue = fields.Integer(metadata={"description": "decided late or still open past the deadline"})
    open_overdue = fields.Integer()
    hours = fields.Float(metadata={"description": "hours the tasks were held in all"})


class ExpiringContractSchema(Schema):
    id = ID()
    number = fields.String(allow_none=True)
    title = fields.String()
    counterparty_id = ID(allow_none=True)
    valid_to = fields.String()
    days_left = fields.Integer()
    responsible_id = ID(allow_none=True)
    amount = fields.String(allow_none=True)
    currency = fields.String(allow_none=True)


class ActivityResultRowSchema(Schema):
    responsible_id = ID()
    total = fields.Integer()
    done = fields.Integer()
    missed = fields.Integer()
    cancelled = fields.Integer()
    planned = fields.Integer()
    overdue = fields.Integer()


class OverdueObligationsRowSchema(Schema):
    responsible_id = ID(allow_none=True, metadata={"description": "the contracts' responsible; null: nobody"})
    milestones = fields.Integer(metadata={"description": "milestones past their deadline and not done"})
    payments = fields.Integer(metadata={"description": "planned payments past their date and not covered"})
    amounts = fields.Dict(keys=fields.String(), values=fields.String(),
                          metadata={"description": "currency -> the amount of those payments not covered"})
    most_days_overdue = fields.Integer()


class DashboardSchema(Schema):
    department_id = ID(allow_none=True, metadata={"description": "the department shown; null: the company"})
    since = fields.String()
    until = fields.String()
    overdue_by_department = fields.List(fields.Nested(OverdueByDepartmentRowSchema))
    overdue_by_employee = fields.List(fields.Nested(OverdueByEmployeeRowSchema))
    expiring_contracts = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(ExpiringContractSchema)),
                                     metadata={"description": "\"30\", \"60\", \"90\": contracts whose validity "
                                                              "ends within that many days (and not sooner)"})
    activity_results = fields.List(fields.Nested(ActivityResultRowSchema))
    overdue_obligations = fields.List(fields.Nested(OverdueObligationsRowSchema), metadata={
        "description": "contracts' overdue milestones and payments by responsible employee (of the 500 most "
                       "overdue)"})
    overdue_obligations_total = fields.Integer(metadata={"description": "how many are overdue in all"})
    funnel = fields.List(fields.Nested(FunnelStepSchema), metadata={
        "description": "the negotiation funnel of the period: per stage (in the book's order) the counterparties "
                       "that reached it and the share that went on to the next (as GET /api/v1/negotiations/funnel)"})
    departments = fields.Dict(keys=fields.String(), values=fields.String())
    employees = fields.Dict(keys=fields.String(), values=fields.String())
    unavailable = fields.List(fields.Nested(UnavailablePartSchema))
