"""Approvals and approval routes."""

from marshmallow import Schema, fields, validate

from .common import ID, PageArgs


APPROVER_KINDS = ("employee", "position", "role", "department_head", "initiator_head", "responsible")
DECISIONS = ("approve", "approve_with_remarks", "reject", "return_for_revision")


class ApproverSpecSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(APPROVER_KINDS), metadata={
        "description": "employee (employee_id), position (position: its holders today), role (role, in the "
                       "document's department or legal entity: scope), department_head (of the document's "
                       "department), initiator_head, responsible (the document's responsible person)"})
    employee_id = ID(allow_none=True)
    position = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    scope = fields.String(allow_none=True, validate=validate.OneOf(("department", "legal_entity", "any")))


class ConditionSchema(Schema):
    field = fields.String(required=True, metadata={
        "description": "type_code, amount, currency, department_id, legal_entity_id or fields.<extra field code>"})
    op = fields.String(required=True, validate=validate.OneOf(
        ("eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "present", "absent")))
    value = fields.Raw(allow_none=True)


class StageRequestSchema(Schema):
    name = fields.String(allow_none=True)
    mode = fields.String(allow_none=True, validate=validate.OneOf(("sequential", "parallel")), metadata={
        "description": "sequential: one approver after another; parallel: all at once"})
    approvers = fields.List(fields.Nested(ApproverSpecSchema))
    approver_ids = fields.List(ID(), metadata={"description": "shorthand for approvers of kind employee"})
    completion = fields.String(validate=validate.OneOf(("all", "any", "quorum")), metadata={
        "description": "when a parallel stage completes: all, any one, or a quorum of approvals"})
    quorum = fields.Integer(allow_none=True)
    deadline_unit = fields.String(validate=validate.OneOf(("hours", "working_days")))
    deadline_value = fields.Integer(allow_none=True)
    deadline_hours = fields.Integer(allow_none=True, metadata={"description": "shorthand: deadline in hours"})
    conditions = fields.List(fields.Nested(ConditionSchema), metadata={
        "description": "the stage runs only when all hold for the document"})
    allow_adding = fields.Boolean(metadata={"description": "the initiator may add approvers to this stage"})
    on_return = fields.String(validate=validate.OneOf(("first_stage", "this_stage")), metadata={
        "description": "where a document returned at this stage restarts when resubmitted"})


class StartApprovalSchema(Schema):
    document_id = ID(required=True)
    approver_ids = fields.List(ID(), metadata={"description": "one sequential stage per approver"})
    stages = fields.List(fields.Nested(StageRequestSchema), metadata={
        "description": "explicit stages; without them and approver_ids, the route of the document's type"})
    comment = fields.String(allow_none=True)


class TaskSchema(Schema):
    id = ID()
    approval_id = ID()
    stage_id = ID()
    approver_id = ID()
    on_behalf_of = ID(allow_none=True, metadata={
        "description": "the approver the route named, when approver_id stands in for them"})
    status = fields.String()
    decision = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    delay_reason = fields.String(allow_none=True)
    remarks_file_id = ID(allow_none=True, metadata={"description": "a file of the document with the remarks"})
    assigned_at = fields.String(allow_none=True)
    due_at = fields.String(allow_none=True)
    decided_at = fields.String(allow_none=True)
    decided_by = ID(allow_none=True)
    round = fields.Integer(metadata={"description": "1, and one more after each resubmission"})
    position = fields.Integer()
    added_by = ID(allow_none=True)
    overdue = fields.Boolean()
    hours_held = fields.Float(allow_none=True)
    extension_requested_due_at = fields.String(allow_none=True)
    extension_reason = fields.String(allow_none=True)
    extension_status = fields.String(allow_none=True)


class StageSchema(Schema):
    id = ID()
    position = fields.Integer()
    name = fields.String()
    mode = fields.String()
    completion = fields.String()
    quorum = fields.Integer(allow_none=True)
    deadline_hours = fields.Integer(allow_none=True)
    deadline_unit = fields.String()
    deadline_value = fields.Integer(allow_none=True)
    approvers = fields.List(fields.Dict())
    conditions = fields.List(fields.Dict())
    allow_adding = fields.Boolean()
    on_return = fields.String()
    due_at = fields.String(allow_none=True)
    status = fields.String(metadata={
        "description": "waiting, active, stalled (nobody to approve), completed, rejected, returned, skipped, "
                       "cancelled"})
    started_at = fields.String(allow_none=True)
    finished_at = fields.String(allow_none=True)
    tasks = fields.List(fields.Nested(TaskSchema))


class RouteRequestSchema(Schema):
    document_type_id = ID(required=True)
    name = fields.String(required=True)
    stages = fields.List(fields.Nested(StageRequestSchema), required=True)


class RouteVersionSchema(Schema):
    id = ID()
    version = fields.Integer()
    stages = fields.List(fields.Dict())
    created_by = ID()
    created_at = fields.String()


class RouteSchema(Schema):
    id = ID()
    document_type_id = ID()
    name = fields.String()
    created_at = fields.String()
    versions = fields.List(fields.Nested(RouteVersionSchema), metadata={"description": "newest first"})


class ApprovalSummarySchema(Schema):
    """An approval without its stages (in a list of tasks)."""
    id = ID()
    route_version_id = ID(allow_none=True)
    route_version = fields.Integer(allow_none=True, metadata={"description": "the route version followed"})
    document_type_id = ID(allow_none=True)
    round = fields.Integer()
    document_id = ID()
    counterparty_id = ID(allow_none=True)
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    initiator_id = ID()
    status = fields.String(metadata={"description": "in_progress, returned, approved, rejected, withdrawn"})
    outcome = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    started_at = fields.String()
    finished_at = fields.String(allow_none=True)


class ApprovalSchema(ApprovalSummarySchema):
    stages = fields.List(fields.Nested(StageSchema))
    updated_at = fields.String(allow_none=True, metadata={
        "description": "When the approval, one of its stages or tasks last changed (a sync's `updated_since`)."})
    updated_at = fields.String(allow_none=True, metadata={
        "description": "When the approval, one of its stages or tasks last changed (a sync's `updated_since`)."})


class MyTaskSchema(TaskSchema):
    stage_name = fields.String()
    approval = fields.Nested(ApprovalSummarySchema, metadata={
        "description": "the task's approval without its stages (GET /approvals/{id} has them)"})


class ApprovalQueryArgs(PageArgs):
    document_id = ID()
    counterparty_id = ID()
    status = fields.String()


class TaskQueryArgs(PageArgs):
    status = fields.String(validate=validate.OneOf(("pending", "decided", "all")))


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    comment = fields.String(allow_none=True)
    delay_reason = fields.String(allow_none=True, metadata={"description": "required after the deadline"})
    remarks_file_id = ID(allow_none=True, metadata={"description": "a file of the document holding the remarks"})
    request_id = fields.String(allow_none=True, metadata={
        "description": "idempotency key: the same decision sent again counts once (without one, the "
                       "request's Idempotency-Key header counts)"})


class WithdrawSchema(Schema):
    reason = fields.String(allow_none=True)


class ResubmitSchema(Schema):
    comment = fields.String(allow_none=True)


class AddApproverSchema(Schema):
    stage_id = ID(required=True)
    employee_id = ID(required=True)


class ExtensionRequestSchema(Schema):
    due_at = fields.AwareDateTime(required=True)
    reason = fields.String(required=True)


class ExtensionDecisionSchema(Schema):
    grant = fields.Boolean(required=True)


class ReportArgs(Schema):
    since = fields.AwareDateTime()
    until = fields.AwareDateTime()
    department_id = ID()
    approver_id = ID()
    limit = fields.Integer(validate=validate.Range(min=1, max=1000))


class HeldRowSchema(Schema):
    task_id = ID()
    approval_id = ID()
    document_id = ID()
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    stage_name = fields.String()
    approver_id = ID()
    on_behalf_of = ID(allow_none=True)
    department_id = ID(allow_none=True)
    status = fields.String()
    assigned_at = fields.String()
    decided_at = fields.String(allow_none=True)
    due_at = fields.String(allow_none=True)
    hours = fields.Float()
    overdue = fields.Boolean()
    delay_reason = fields.String(allow_none=True)


class OverdueRowSchema(Schema):
    approver_id = ID()
    department_id = ID(allow_none=True)
    tasks = fields.Integer()
    overdue = fields.Integer(metadata={"description": "decided late or still open past the deadline"})
    open_overdue = fields.Integer()
    hours = fields.Float()


class ReportSchema(Schema):
    held = fields.List(fields.Nested(HeldRowSchema), metadata={"description": "who held which document how long"})
    by_employee = fields.List(fields.Nested(OverdueRowSchema))
    by_department = fields.List(fields.Nested(OverdueRowSchema))
