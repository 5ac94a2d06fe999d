"""The approvals service's RPC contract."""
from chancery_common.audit import AuditEntrySchema, audit_query_schema  # noqa: F401  (shared)
from marshmallow import Schema, fields, validate

DECISIONS = ("approve", "approve_with_remarks", "reject", "return_for_revision")
STATUSES = ("in_progress", "approved", "rejected", "returned", "withdrawn")


class DocumentSnapshotSchema(Schema):
    id = fields.UUID(required=True)
    type_id = fields.UUID(allow_none=True, load_default=None)
    title = fields.String(required=True, validate=validate.Length(min=1, max=500))
    number = fields.String(allow_none=True, load_default=None)
    counterparty_id = fields.UUID(allow_none=True, load_default=None)


class StageRequestSchema(Schema):
    name = fields.String(load_default=None, validate=validate.Length(max=200))
    approver_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(min=1, max=50))
    completion = fields.String(load_default="all", validate=validate.OneOf(("all", "any")))
    deadline_hours = fields.Integer(load_default=24, allow_none=True, validate=validate.Range(min=1, max=24 * 90))


class StartApprovalSchema(Schema):
    document = fields.Nested(DocumentSnapshotSchema, required=True)
    stages = fields.List(fields.Nested(StageRequestSchema), load_default=None,
                         validate=validate.Length(min=1, max=20),
                         metadata={"description": "default: the route of the document's type"})
    comment = fields.String(load_default=None, validate=validate.Length(max=2000))


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    comment = fields.String(load_default=None, validate=validate.Length(max=5000))


class WithdrawSchema(Schema):
    reason = fields.String(load_default=None, validate=validate.Length(max=2000))


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


class StageSchema(Schema):
    id = fields.UUID()
    position = fields.Integer()
    name = fields.String()
    completion = fields.String()
    deadline_hours = fields.Integer(allow_none=True)
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


class ApprovalSchema(Schema):
    id = fields.UUID()
    route_version_id = fields.UUID(allow_none=True)
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


# The records this service's audit rows are about.
AUDITED_RECORD_TYPES = ("approval", "route", "contact_person")
AuditQuerySchema = audit_query_schema(AUDITED_RECORD_TYPES)


class ExplainQuerySchema(Schema):
    record_type = fields.String(required=True, validate=validate.OneOf(("approval",)))
    record_id = fields.UUID(required=True)


