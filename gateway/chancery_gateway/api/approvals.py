"""Approvals of documents and the signed-in employee's approval tasks."""
from flask import g
from flask_smorest import Blueprint

from chancery_common.errors import Conflict, InvalidInput

from .. import rpc
from .payload import jsonable
from .schemas import (
    ApprovalQueryArgs, ApprovalSchema, DecisionSchema, MyTaskSchema, StartApprovalSchema,
    TaskQueryArgs, WithdrawSchema, page_of,
)

blp = Blueprint("approvals", __name__, url_prefix="/api/v1/approvals",
                description="Sending documents through their approvers.")

ApprovalPage = page_of(ApprovalSchema, "ApprovalPage")
TaskPage = page_of(MyTaskSchema, "MyTaskPage")

# Statuses from which a document may be sent for approval.
APPROVABLE = {"draft", "rejected", "approved"}


def start(actor, data):
    """Start an approval of a document with the given approvers, stages, or its type's route."""
    if "approver_ids" in data and not data["approver_ids"]:
        raise InvalidInput("Invalid input: approver_ids",
                           {"approver_ids": ["Name at least one approver."]})
    document = rpc.call("documents", "get_document", actor, str(data["document_id"]))
    if document["status"] not in APPROVABLE:
        raise Conflict(f"a document in status {document['status']} cannot be sent for approval")
    stages = data.get("stages") or [
        {"approver_ids": [approver], "name": f"Approval {index}"}
        for index, approver in enumerate(data.get("approver_ids") or [], start=1)] or None
    return rpc.call("approvals", "start_approval", actor, jsonable({
        "document": {"id": document["id"], "type_id": document["type_id"], "title": document["title"],
                     "number": document["number"], "counterparty_id": document["counterparty_id"]},
        "stages": stages, "comment": data.get("comment"),
    }))


@blp.route("/")
@blp.arguments(ApprovalQueryArgs, location="query")
@blp.response(200, ApprovalPage)
def list_approvals(args):
    return rpc.call("approvals", "list_approvals", g.actor, jsonable(args))


@blp.route("/", methods=["POST"])
@blp.arguments(StartApprovalSchema)
@blp.response(201, ApprovalSchema)
def start_approval(data):
    """Send a document for approval: `approver_ids` (one stage each, in order) or explicit `stages`."""
    return start(g.actor, data)


@blp.route("/<uuid:approval_id>")
@blp.response(200, ApprovalSchema)
def get_approval(approval_id):
    return rpc.call("approvals", "get_approval", g.actor, str(approval_id))


@blp.route("/<uuid:approval_id>/withdraw", methods=["POST"])
@blp.arguments(WithdrawSchema)
@blp.response(200, ApprovalSchema)
def withdraw(data, approval_id):
    """The initiator takes the document back from approval."""
    return rpc.call("approvals", "withdraw", g.actor, str(approval_id), jsonable(data))


@blp.route("/tasks")
@blp.arguments(TaskQueryArgs, location="query")
@blp.response(200, TaskPage)
def my_tasks(args):
    """The signed-in employee's approval tasks (pending by default)."""
    return rpc.call("approvals", "list_my_tasks", g.actor, jsonable(args))


@blp.route("/tasks/<uuid:task_id>/decision", methods=["POST"])
@blp.arguments(DecisionSchema)
@blp.response(200, ApprovalSchema)
def decide(data, task_id):
    """Approve, approve with remarks, reject or return for revision (a comment is needed for the last two)."""
    return rpc.call("approvals", "decide", g.actor, str(task_id), jsonable(data))
