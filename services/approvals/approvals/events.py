"""Events the approvals service publishes (exchange ``approvals.events``)."""
from marshmallow import Schema, fields

from chancery_common.outbox import EventCatalog

from .models import outbox

APPROVAL_STARTED = "approval.started"
APPROVAL_TASK_ASSIGNED = "approval.task_assigned"
APPROVAL_DECISION_RECORDED = "approval.decision_recorded"
APPROVAL_COMPLETED = "approval.completed"
APPROVAL_WITHDRAWN = "approval.withdrawn"


class ApprovalRef(Schema):
    approval_id = fields.UUID(required=True)
    document_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(allow_none=True, required=True)
    document_title = fields.String(required=True)
    document_number = fields.String(allow_none=True, required=True)
    initiator_id = fields.UUID(required=True)


class ApprovalStartedV1(ApprovalRef):
    """A document was sent for approval; `approver_ids` lists every approver of every stage."""

    approver_ids = fields.List(fields.UUID(), required=True)


class TaskAssignedV1(ApprovalRef):
    """A stage started: this approver now has to decide, by `due_at`."""

    task_id = fields.UUID(required=True)
    stage_name = fields.String(required=True)
    approver_id = fields.UUID(required=True)
    on_behalf_of = fields.UUID(allow_none=True, metadata={
        "description": "the approver named by the route, when approver_id is their deputy"})
    due_at = fields.AwareDateTime(allow_none=True, required=True)


class DecisionRecordedV1(ApprovalRef):
    """An approver decided: approve, approve_with_remarks, reject or return_for_revision."""

    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    on_behalf_of = fields.UUID(allow_none=True)
    decision = fields.String(required=True)
    comment = fields.String(allow_none=True)


class ApprovalCompletedV1(ApprovalRef):
    """The approval ended with an outcome: approved, rejected or returned (for revision)."""

    outcome = fields.String(required=True, metadata={"enum": ["approved", "rejected", "returned"]})
    decided_by = fields.UUID(allow_none=True)
    comment = fields.String(allow_none=True)


class ApprovalWithdrawnV1(ApprovalRef):
    """The initiator withdrew the document from approval."""

    reason = fields.String(allow_none=True)


catalog = EventCatalog(outbox, {
    (APPROVAL_STARTED, 1): ApprovalStartedV1,
    (APPROVAL_TASK_ASSIGNED, 1): TaskAssignedV1,
    (APPROVAL_DECISION_RECORDED, 1): DecisionRecordedV1,
    (APPROVAL_COMPLETED, 1): ApprovalCompletedV1,
    (APPROVAL_WITHDRAWN, 1): ApprovalWithdrawnV1,
})


def approval_ref(approval):
    return {
        "approval_id": approval.id, "document_id": approval.document_id,
        "counterparty_id": approval.counterparty_id, "document_title": approval.document_title,
        "document_number": approval.document_number, "initiator_id": approval.initiator_id,
    }
