"""The approvals service's RPC contract."""
from datetime import datetime, timezone

from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from . import engine

DECISIONS = ("approve", "approve_with_remarks", "reject", "return_for_revision")
STATUSES = ("in_progress", "approved", "rejected", "returned", "withdrawn")
DECIDED = ("approved", "approved_with_remarks", "rejected", "returned")


class DocumentSnapshotSchema(Schema):
    """The document as the gateway read it from the documents service (never from the client)."""

    id = fields.UUID(required=True)
    type_id = fields.UUID(allow_none=True, load_default=None)
    type_code = fields.String(allow_none=True, load_default=None)
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    number = fields.String(allow_none=True, load_default=None)
    counterparty_id = fields.UUID(allow_none=True, load_default=None)
    amount = fields.String(allow_none=True, load_default=None)
    currency = fields.String(allow_none=True, load_default=None)
    department_id = fields.UUID(allow_none=True, load_default=None)
    legal_entity_id = fields.UUID(allow_none=True, load_default=None)
    responsible_id = fields.UUID(allow_none=True, load_default=None)
    extra_fields = fields.Dict(data_key="fields", load_default=dict, metadata={
        "description": "the extra fields of the document's type, by code"})


class ApproverSpecSchema(Schema):
    """Who approves: a named employee, the holders of a position, the holders of a role in the
    document's department or legal entity, the head of the document's (or the initiator's)
    department, or the document's responsible person."""

    kind = fields.String(required=True, validate=validate.OneOf(engine.APPROVER_KINDS))
    employee_id = fields.UUID(load_default=None)
    position = fields.String(load_default=None, validate=validate.Length(min=1, max=200))
    role = fields.String(load_default=None, validate=validate.Length(min=1, max=50))
    scope = fields.String(load_default=None, validate=validate.OneOf(("department", "legal_entity", "any")))

    @validates_schema
    def complete(self, data, **kwargs):
        needs = {"employee": "employee_id", "position": "position", "role": "role"}.get(data["kind"])
        if needs and not data.get(needs):
            raise ValidationError(f"An approver of kind {data['kind']} needs {needs}.", needs)


class ConditionSchema(Schema):
    field = fields.String(required=True, validate=validate.Length(min=1, max=100), metadata={
        "description": "type_code, amount, currency, department_id, legal_entity_id, or fields.<code>"})
    op = fields.String(required=True, validate=validate.OneOf(engine.CONDITION_OPS))
    value = fields.Raw(load_default=None)


class StageRequestSchema(Schema):
    name = fields.String(load_default=None, validate=validate.Length(max=200))
    mode = fields.String(load_default=None, validate=validate.OneOf(engine.MODES))
    approver_ids = fields.List(fields.UUID(), load_default=None, validate=validate.Length(min=1, max=50))
    approvers = fields.List(fields.Nested(ApproverSpecSchema), load_default=None,
                            validate=validate.Length(min=1, max=50))
    completion = fields.String(load_default="all", validate=validate.OneOf(engine.COMPLETIONS))
    quorum = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=50))
    deadline_hours = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=24 * 90))
    deadline_unit = fields.String(load_default=None, validate=validate.OneOf(engine.DEADLINE_UNITS))
    deadline_value = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=1, max=24 * 90))
    conditions = fields.List(fields.Nested(ConditionSchema), load_default=list, validate=validate.Length(max=10))
    allow_adding = fields.Boolean(load_default=False)
    on_return = fields.String(load_default="first_stage", validate=validate.OneOf(engine.ON_RETURN))

    @validates_schema
    def complete(self, data, **kwargs):
        if not data.get("approvers") and not data.get("approver_ids"):
            raise ValidationError("Name at least one approver.", "approvers")
        if data.get("completion") == "quorum" and not data.get("quorum"):
            raise ValidationError("A quorum stage needs the number of approvals.", "quorum")
        if data.get("completion") == "quorum" and data.get("approvers") is not None and data.get("quorum") \
                and all(a["kind"] == "employee" for a in data["approvers"]) and data["quorum"] > len(data["approvers"]):
            raise ValidationError("The quorum exceeds the number of approvers.", "quorum")

    @post_load
    def canonical(self, data, **kwargs):
        """The engine's form of a stage (approvers as specs, deadline as unit and value)."""
        if data.get("approvers") is None:
            data["approvers"] = [{"kind": "employee", "employee_id": a} for a in data["approver_ids"]]
        data["approvers"] = [{k: v for k, v in a.items() if v is not None} for a in data["approvers"]]
        if data.get("deadline_unit") is None:
            data["deadline_unit"] = "hours"
            if data.get("deadline_value") is None:
                data["deadline_value"] = data.get("deadline_hours") or 24
        data.pop("approver_ids", None)
        data.pop("deadline_hours", None)
        return engine.normalize_stage(data)


class StartApprovalSchema(Schema):
    document = fields.Nested(DocumentSnapshotSchema, required=True)
    stages = fields.List(fields.Nested(StageRequestSchema), load_default=None,
                         validate=validate.Length(min=1, max=20),
                         metadata={"description": "default: the route of the document's type"})
    comment = fields.String(load_default=None, validate=validate.Length(max=2000))
    document_status = fields.String(load_default=None, metadata={
        "description": "the document's status as the documents service answered it; checked after a "
                       "retried attempt is recognised, so a retry of a started approval returns it"})


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    comment = fields.String(load_default=None, validate=validate.Length(max=5000))
    delay_reason = fields.String(load_default=None, validate=validate.Length(max=5000))
    remarks_file_id = fields.UUID(load_default=None)
    request_id = fields.String(load_default=None, validate=validate.Length(min=1, max=100), metadata={
        "description": "an idempotency key: the same decision sent again counts once"})


class WithdrawSchema(Schema):
    reason = fields.String(load_default=None, validate=validate.Length(max=2000))


class ResubmitSchema(Schema):
    comment = fields.String(load_default=None, validate=validate.Length(max=2000))
    document = fields.Nested(DocumentSnapshotSchema, load_default=None)


class AddApproverSchema(Schema):
    stage_id = fields.UUID(required=True)
    employee_id = fields.UUID(required=True)


class ExtensionRequestSchema(Schema):
    due_at = fields.AwareDateTime(required=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class ExtensionDecisionSchema(Schema):
    grant = fields.Boolean(required=True)


class ReportQuerySchema(Schema):
    since = fields.AwareDateTime(load_default=None)
    until = fields.AwareDateTime(load_default=None)
    department_id = fields.UUID(load_default=None)
    approver_id = fields.UUID(load_default=None)
    limit = fields.Integer(load_default=200, validate=validate.Range(min=1, max=1000))


class TaskSchema(Schema):
    id = fields.UUID()
    approval_id = fields.UUID()
    stage_id = fields.UUID()
    approver_id = fields.UUID()
    on_behalf_of = fields.UUID(allow_none=True)
    status = fields.String()
    decision = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    assigned_at = fields.AwareDateTime(allow_none=True)
    due_at = fields.AwareDateTime(allow_none=True)
    decided_at = fields.AwareDateTime(allow_none=True)
    decided_by = fields.UUID(allow_none=True)
    round = fields.Integer()
    position = fields.Integer()
    added_by = fields.UUID(allow_none=True)
    delay_reason = fields.String(allow_none=True)
    remarks_file_id = fields.UUID(allow_none=True)
    overdue = fields.Method("is_overdue")
    overdue_notified_at = fields.AwareDateTime(allow_none=True)
    extension_requested_due_at = fields.AwareDateTime(allow_none=True)
    extension_reason = fields.String(allow_none=True)
    extension_status = fields.String(allow_none=True)
    hours_held = fields.Method("held")

    def is_overdue(self, task):
        if task.due_at is None:
            return False
        return (task.decided_at or datetime.now(timezone.utc)) > task.due_at

    def held(self, task):
        """Hours the approver held the document: to the decision, to now, or (cancelled) to the stage's end."""
        if task.assigned_at is None:
            return None
        until = task.decided_at or (datetime.now(timezone.utc) if task.status in ("pending", "waiting")
                                    else task.stage.finished_at) or datetime.now(timezone.utc)
        return round((until - task.assigned_at).total_seconds() / 3600, 2)


class StageSchema(Schema):
    id = fields.UUID()
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
    due_at = fields.AwareDateTime(allow_none=True)
    status = fields.String()
    started_at = fields.AwareDateTime(allow_none=True)
    finished_at = fields.AwareDateTime(allow_none=True)
    tasks = fields.List(fields.Nested(TaskSchema))


class RouteRequestSchema(Schema):
    document_type_id = fields.UUID(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    stages = fields.List(fields.Nested(StageRequestSchema), required=True,
                         validate=validate.Length(min=1, max=20))


class RouteVersionSchema(Schema):
    id = fields.UUID()
    version = fields.Integer()
    stages = fields.List(fields.Dict())
    created_by = fields.UUID()
    created_at = fields.AwareDateTime()


class RouteSchema(Schema):
    id = fields.UUID()
    document_type_id = fields.UUID()
    name = fields.String()
    created_at = fields.AwareDateTime()
    versions = fields.List(fields.Nested(RouteVersionSchema))


class ApprovalSummarySchema(Schema):
    """An approval without its stages: what a list of tasks shows of each task's approval."""
    id = fields.UUID()
    route_version_id = fields.UUID(allow_none=True)
    route_version = fields.Integer(allow_none=True)
    document_type_id = fields.UUID(allow_none=True)
    round = fields.Integer()
    document_id = fields.UUID()
    counterparty_id = fields.UUID(allow_none=True)
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    initiator_id = fields.UUID()
    status = fields.String()
    outcome = fields.String(allow_none=True)
    comment = fields.String(allow_none=True)
    started_at = fields.AwareDateTime()
    finished_at = fields.AwareDateTime(allow_none=True)


class ApprovalSchema(ApprovalSummarySchema):
    snapshot = fields.Dict()
    updated_at = fields.AwareDateTime(allow_none=True)
    stages = fields.List(fields.Nested(StageSchema))


class ApprovalQuerySchema(Schema):
    document_id = fields.UUID(load_default=None)
    counterparty_id = fields.UUID(load_default=None)
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class TaskQuerySchema(Schema):
    status = fields.String(load_default="pending", validate=validate.OneOf(("pending", "decided", "all")))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class HeldRowSchema(Schema):
    task_id = fields.UUID()
    approval_id = fields.UUID()
    document_id = fields.UUID()
    document_title = fields.String()
    document_number = fields.String(allow_none=True)
    stage_name = fields.String()
    approver_id = fields.UUID()
    on_behalf_of = fields.UUID(allow_none=True)
    department_id = fields.UUID(allow_none=True)
    status = fields.String()
    assigned_at = fields.AwareDateTime()
    decided_at = fields.AwareDateTime(allow_none=True)
    due_at = fields.AwareDateTime(allow_none=True)
    hours = fields.Float()
    overdue = fields.Boolean()
    delay_reason = fields.String(allow_none=True)


class OverdueByEmployeeSchema(Schema):
    approver_id = fields.UUID()
    tasks = fields.Integer()
    overdue = fields.Integer()
    open_overdue = fields.Integer()
    hours = fields.Float()


class OverdueByDepartmentSchema(Schema):
    department_id = fields.UUID(allow_none=True)
    tasks = fields.Integer()
    overdue = fields.Integer()
    open_overdue = fields.Integer()
    hours = fields.Float()


class ReportSchema(Schema):
    held = fields.List(fields.Nested(HeldRowSchema))
    by_employee = fields.List(fields.Nested(OverdueByEmployeeSchema))
    by_department = fields.List(fields.Nested(OverdueByDepartmentSchema))


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("approval", "route", "contact_person", "counterparty")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("approval",)))
    record_id = fields.UUID(required=True)


