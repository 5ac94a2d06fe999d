"""Approvals of documents and the signed-in employee's approval tasks."""
from flask import g
from .blueprint import Blueprint

from .. import rpc
from ..compose.approvals import decide_task, resubmit_approval, start
from ..payload import jsonable
from .paging import listing, sync_request
from .schemas.approvals import (
    AddApproverSchema, ApprovalQueryArgs, ApprovalSchema, DecisionSchema, ExtensionDecisionSchema,
    ExtensionRequestSchema, MyTaskSchema, ReportArgs, ReportSchema, ResubmitSchema, StartApprovalSchema,
    TaskQueryArgs, WithdrawSchema
)
from .schemas.common import SyncFields, page_of

blp = Blueprint("approvals", __name__, url_prefix="/api/v1/approvals",
                description="Sending documents through their approvers.")

ApprovalPage = page_of(ApprovalSchema, "ApprovalPage", sync=True)


class ApprovalListArgs(ApprovalQueryArgs, SyncFields):
    """The approvals' filters, or a sync."""

TaskPage = page_of(MyTaskSchema, "MyTaskPage")

@blp.route("/")
@blp.arguments(ApprovalListArgs, location="query")
@blp.response(200, ApprovalPage)
@listing
def list_approvals(args):
    """The approvals the caller sees, newest first, by document, counterparty or status.

    Or sync (`updated_since`, then `after`): every approval the caller sees, with its stages and tasks, in the
    order they changed (a decision moves its approval); never deleted, so no tombstones (docs/api.md,
    "Sync by change")."""
    sync = sync_request(args)
    if sync:
        return rpc.call("approvals", "sync_approvals", g.actor, sync)
    return rpc.call("approvals", "list_approvals", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(StartApprovalSchema)
@blp.response(201, ApprovalSchema)
def start_approval(data):
    """Send a document for approval: `approver_ids` (one stage each, in order), explicit `stages`, or
    (neither) the current version of its type's route. The document's status becomes on approval."""
    return start(g.actor, data)


@blp.route("/<uuid:approval_id>")
@blp.response(200, ApprovalSchema)
def get_approval(approval_id):
    """The approval sheet: every stage, approver, decision, comment, delay reason and on-behalf-of."""
    return rpc.call("approvals", "get_approval", g.actor, str(approval_id))


@blp.route("/<uuid:approval_id>/withdraw", methods=["POST"])
@blp.arguments(WithdrawSchema)
@blp.response(200, ApprovalSchema)
def withdraw(data, approval_id):
    """The initiator takes the document back from approval."""
    return rpc.call("approvals", "withdraw", g.actor, str(approval_id), jsonable(data))


@blp.route("/<uuid:approval_id>/resubmit", methods=["POST"])
@blp.arguments(ResubmitSchema)
@blp.response(200, ApprovalSchema)
def resubmit(data, approval_id):
    """The initiator sends a document returned for revision back; the route restarts from the stage it names."""
    return resubmit_approval(g.actor, approval_id, data)


@blp.route("/<uuid:approval_id>/approvers", methods=["POST"])
@blp.arguments(AddApproverSchema)
@blp.response(200, ApprovalSchema)
def add_approver(data, approval_id):
    """The initiator adds an approver to the running stage (where the route allows it), or the initiator
    or an administrator to a stage waiting for want of approvers."""
    return rpc.call("approvals", "add_approver", g.actor, str(approval_id), jsonable(data))


@blp.route("/tasks")
@blp.arguments(TaskQueryArgs, location="query")
@blp.response(200, TaskPage)
@listing
def my_tasks(args):
    """My approvals: the tasks waiting for my decision (and for those I stand in for today), soonest due first."""
    return rpc.call("approvals", "list_my_tasks", g.actor, jsonable(args))


@blp.route("/tasks/<uuid:task_id>")
@blp.response(200, MyTaskSchema)
def get_task(task_id):
    """One task with its stage and its approval's summary, for its approver, their deputy today,
    and whoever sees the approval."""
    return rpc.call("approvals", "get_task", g.actor, str(task_id))


@blp.route("/tasks/<uuid:task_id>/decision", methods=["POST"])
@blp.arguments(DecisionSchema)
@blp.response(200, ApprovalSchema)
def decide(data, task_id):
    """Approve, approve with remarks, reject or return for revision (a comment is needed for the last two;
    after the deadline a `delay_reason` too). A repeated request (same `request_id` or Idempotency-Key)
    counts once; a decision on a stage no longer active answers 409."""
    return decide_task(g.actor, task_id, data)


@blp.route("/tasks/<uuid:task_id>/extension", methods=["POST"])
@blp.arguments(ExtensionRequestSchema)
@blp.response(200, ApprovalSchema)
def request_extension(data, task_id):
    """The approver asks the initiator for a later deadline."""
    return rpc.call("approvals", "request_extension", g.actor, str(task_id), jsonable(data))


@blp.route("/tasks/<uuid:task_id>/extension/decision", methods=["POST"])
@blp.arguments(ExtensionDecisionSchema)
@blp.response(200, ApprovalSchema)
def decide_extension(data, task_id):
    """The initiator grants or refuses the extension asked for."""
    return rpc.call("approvals", "decide_extension", g.actor, str(task_id), jsonable(data))


@blp.route("/report")
@blp.arguments(ReportArgs, location="query")
@blp.response(200, ReportSchema)
def report(args):
    """Who held which documents for how long; overdue by employee and by department (directors and
    administrators see everyone, others themselves)."""
    return rpc.call("approvals", "report", g.actor, jsonable(args))
