"""Events the approvals service publishes (exchange ``approvals.events``).

Every payload starts with the approval's reference (:class:`ApprovalRef`).
"""
from marshmallow import Schema, fields, validate

from chancery_common.outbox import EventCatalog

from .models import outbox

APPROVAL_STARTED = "approval.started"
APPROVAL_STAGE_STARTED = "approval.stage_started"
APPROVAL_TASK_ASSIGNED = "approval.task_assigned"
APPROVAL_DECISION_MADE = "approval.decision_made"
APPROVAL_RETURNED = "approval.returned"
APPROVAL_RESUBMITTED = "approval.resubmitted"
APPROVAL_OVERDUE = "approval.overdue"
APPROVAL_FINISHED = "approval.finished"
APPROVAL_STAGE_WAITING = "approval.stage_waiting"
APPROVAL_EXTENSION_REQUESTED = "approval.extension_requested"
APPROVAL_EXTENSION_DECIDED = "approval.extension_decided"

DECISIONS = ("approve", "approve_with_remarks", "reject", "return_for_revision")


class ApprovalRef(Schema):
    approval_id = fields.UUID(required=True)
    document_id = fields.UUID(required=True)
    counterparty_id = fields.UUID(allow_none=True, required=True)
    document_title = fields.String(required=True)
    document_number = fields.String(allow_none=True, required=True)
    document_type_id = fields.UUID(allow_none=True, required=True)
    initiator_id = fields.UUID(required=True)
    route_version = fields.Integer(allow_none=True, required=True, metadata={
        "description": "the version of the document type's route the approval follows (null: stages named "
                       "when starting)"})


class ApprovalStartedV1(ApprovalRef):
    """A document was sent for approval (its status becomes "on approval"); `approver_ids` are the
    approvers of the first stage that started."""

    approver_ids = fields.List(fields.UUID(), required=True)


class StageTask(Schema):
    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    on_behalf_of = fields.UUID(allow_none=True, required=True, metadata={
        "description": "the absent or dismissed employee this approver stands in for"})
    due_at = fields.AwareDateTime(allow_none=True, required=True)


class StageStartedV1(ApprovalRef):
    """A stage started. `tasks` are its active tasks: every approver of a parallel stage, the
    first of a sequential one (the next ones come as approval.task_assigned)."""

    stage_id = fields.UUID(required=True)
    stage_name = fields.String(required=True)
    position = fields.Integer(required=True)
    mode = fields.String(required=True, validate=validate.OneOf(("sequential", "parallel")))
    completion = fields.String(required=True, validate=validate.OneOf(("all", "any", "quorum")))
    quorum = fields.Integer(allow_none=True, required=True)
    due_at = fields.AwareDateTime(allow_none=True, required=True)
    tasks = fields.List(fields.Nested(StageTask), required=True)


class TaskAssignedV1(ApprovalRef):
    """A task became active: this approver now has to decide, by `due_at` (each person of a
    parallel stage at its start, the next person of a sequential stage, an added approver)."""

    stage_id = fields.UUID(required=True)
    stage_name = fields.String(required=True)
    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    on_behalf_of = fields.UUID(allow_none=True, required=True, metadata={
        "description": "the approver named by the route, when approver_id stands in for them"})
    due_at = fields.AwareDateTime(allow_none=True, required=True)


class DecisionMadeV1(ApprovalRef):
    """An approver decided (counted once however often the request arrives)."""

    stage_id = fields.UUID(required=True)
    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    on_behalf_of = fields.UUID(allow_none=True, required=True)
    decision = fields.String(required=True, validate=validate.OneOf(DECISIONS))
    comment = fields.String(allow_none=True, required=True)
    delay_reason = fields.String(allow_none=True, required=True, metadata={
        "description": "why the decision came after the deadline"})
    decided_at = fields.AwareDateTime(required=True)


class ReturnedV1(ApprovalRef):
    """An approver returned the document to its initiator for revision; the approval stays
    open until the initiator resubmits it (or withdraws it)."""

    returned_by = fields.UUID(required=True)
    comment = fields.String(allow_none=True, required=True)


class ResubmittedV1(ApprovalRef):
    """The initiator resubmitted the revised document; the route restarts from the stage at
    `restart_stage_position`."""

    restart_stage_position = fields.Integer(required=True)


class OverdueV1(ApprovalRef):
    """A task's deadline passed without a decision (emitted once per task)."""

    stage_id = fields.UUID(required=True)
    stage_name = fields.String(required=True)
    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    due_at = fields.AwareDateTime(required=True)
    notify_ids = fields.List(fields.UUID(), required=True, metadata={
        "description": "the approver, their department head and the initiator"})


class FinishedV1(ApprovalRef):
    """The approval ended: approved, rejected or withdrawn by its initiator."""

    outcome = fields.String(required=True, validate=validate.OneOf(("approved", "rejected", "withdrawn")))
    decided_by = fields.UUID(allow_none=True, required=True)
    comment = fields.String(allow_none=True, required=True)
    finished_at = fields.AwareDateTime(required=True)


class StageWaitingV1(ApprovalRef):
    """A stage resolved to nobody; it waits until the initiator or an administrator adds an approver."""

    stage_id = fields.UUID(required=True)
    stage_name = fields.String(required=True)
    reason = fields.String(required=True)
    notify_ids = fields.List(fields.UUID(), required=True, metadata={
        "description": "the initiator and the administrators"})


class ExtensionRequestedV1(ApprovalRef):
    """An approver asked the initiator to move their deadline."""

    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    requested_due_at = fields.AwareDateTime(required=True)
    reason = fields.String(required=True)


class ExtensionDecidedV1(ApprovalRef):
    """The initiator granted or refused an extension; `due_at` is the deadline now in force."""

    task_id = fields.UUID(required=True)
    approver_id = fields.UUID(required=True)
    granted = fields.Boolean(required=True)
    due_at = fields.AwareDateTime(allow_none=True, required=True)


catalog = EventCatalog(outbox, {
    (APPROVAL_STARTED, 1): ApprovalStartedV1,
    (APPROVAL_STAGE_STARTED, 1): StageStartedV1,
    (APPROVAL_TASK_ASSIGNED, 1): TaskAssignedV1,
    (APPROVAL_DECISION_MADE, 1): DecisionMadeV1,
    (APPROVAL_RETURNED, 1): ReturnedV1,
    (APPROVAL_RESUBMITTED, 1): ResubmittedV1,
    (APPROVAL_OVERDUE, 1): OverdueV1,
    (APPROVAL_FINISHED, 1): FinishedV1,
    (APPROVAL_STAGE_WAITING, 1): StageWaitingV1,
    (APPROVAL_EXTENSION_REQUESTED, 1): ExtensionRequestedV1,
    (APPROVAL_EXTENSION_DECIDED, 1): ExtensionDecidedV1,
})


def approval_ref(approval):
    return {
        "approval_id": approval.id, "document_id": approval.document_id,
        "counterparty_id": approval.counterparty_id, "document_title": approval.document_title,
        "document_number": approval.document_number, "document_type_id": approval.document_type_id,
        "initiator_id": approval.initiator_id, "route_version": approval.route_version,
    }
