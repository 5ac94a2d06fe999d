"""Approvals of documents and the signed-in employee's approval tasks."""
from flask import g
from flask_smorest import Blueprint

from chancery_common.errors import InvalidInput

from .. import rpc
from .payload import jsonable
from .paging import listing
from .schemas.approvals import (
    AddApproverSchema, ApprovalQueryArgs, ApprovalSchema, DecisionSchema, ExtensionDecisionSchema,
    ExtensionRequestSchema, MyTaskSchema, ReportArgs, ReportSchema, ResubmitSchema, StartApprovalSchema,
    TaskQueryArgs, WithdrawSchema
)
from .schemas.common import page_of

blp = Blueprint("approvals", __name__, url_prefix="/api/v1/approvals",
                description="Sending documents through their approvers.")

ApprovalPage = page_of(ApprovalSchema, "ApprovalPage")
TaskPage = page_of(MyTaskSchema, "MyTaskPage")

def snapshot(document):
    """What the approval's conditions and approver resolution read, from the documents
    service's answer (never from the client)."""
    extra = document.get("extra_fields") or []
    values = ({field["code"]: field.get("value") for field in extra if isinstance(field, dict) and "code" in field}
              if isinstance(extra, list) else dict(extra))
    return {"id": document["id"], "type_id": document.get("type_id"),
            "type_code": (document.get("type") or {}).get("code"), "title": document["title"],
            "number": document.get("number"), "counterparty_id": document.get("counterparty_id"),
            "amount": document.get("amount"), "currency": document.get("currency"),
            "department_id": document.get("department_id"), "legal_entity_id": document.get("legal_entity_id"),
            "responsible_id": document.get("responsible_id"), "fields": values}


def start(actor, data):
    """Start an approval of a document with the given approvers, stages, or its type's route."""
    if "approver_ids" in data and not data["approver_ids"]:
        raise InvalidInput("Invalid input: approver_ids",
                           {"approver_ids": ["Name at least one approver."]})
    document = rpc.call("documents", "get_document", actor, str(data["document_id"]))
    stages = data.get("stages") or [
        {"approver_ids": [approver], "name": f"Approval {index}"}
        for index, approver in enumerate(data.get("approver_ids") or [], start=1)] or None
    return rpc.call("approvals", "start_approval", actor, jsonable({
        "document": snapshot(document), "stages": stages, "comment": data.get("comment"),
        # checked by the approvals service after it recognises a retried attempt
        "document_status": document["status"],
    }))


def decide_task(actor, task_id, data):
    """A decision (counted once per ``request_id``, or per Idempotency-Key: the actor carries its
    attempt id). A file of remarks must be one of the document's files (uploaded to the document first)."""
    if data.get("remarks_file_id"):
        check_remarks_file(actor, task_id, str(data["remarks_file_id"]))
    return rpc.call("approvals", "decide", actor, str(task_id), jsonable(data))


def check_remarks_file(actor, task_id, file_id):
    task = rpc.call("approvals", "get_task", actor, str(task_id))
    document = rpc.call("documents", "get_document", actor, task["approval"]["document_id"])
    if file_id not in {f["id"] for f in document.get("files") or []}:
        name = document.get("number") or document.get("title")
        raise InvalidInput("Invalid input: remarks_file_id", {"remarks_file_id": [
            f"File {file_id} is not a file of the document {name}: upload the remarks to the document "
            f"(POST /api/v1/documents/{document['id']}/files) and name the file it answers."]})


def resubmit_approval(actor, approval_id, data):
    """The initiator resubmits the revised document: its card is read again for the conditions."""
    approval = rpc.call("approvals", "get_approval", actor, str(approval_id))
    document = rpc.call("documents", "get_document", actor, approval["document_id"])
    return rpc.call("approvals", "resubmit", actor, str(approval_id), jsonable({
        "comment": data.get("comment"), "document": snapshot(document)}))


@blp.route("/")
@blp.arguments(ApprovalQueryArgs, location="query")
@blp.response(200, ApprovalPage)
@listing
def list_approvals(args):
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
