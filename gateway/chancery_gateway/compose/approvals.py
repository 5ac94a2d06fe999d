"""Starting, deciding and resubmitting approvals, for the API and the pages alike: the
document's card is read from the documents service (never from the client) for the
approval's conditions and approver resolution."""
from chancery_common.errors import InvalidInput

from .. import rpc
from ..payload import jsonable


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
