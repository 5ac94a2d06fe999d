"""Starting an approval checks the document's status, but only after recognising a retried
attempt: a retry of a start whose first attempt was written returns that approval, although the
document is on approval by then."""
import dataclasses
import uuid

import pytest

from chancery_common.errors import load
from approvals import logic, schemas
from approvals.exceptions import Conflict


def request(document_id, status, approver):
    return load(schemas.StartApprovalSchema(), {
        "document": {"id": str(document_id), "title": "Supply contract", "number": "CTR-1",
                     "counterparty_id": str(uuid.uuid4())},
        "stages": [{"approver_ids": [str(approver.id)]}], "document_status": status})


def test_a_document_not_in_an_approvable_status_is_refused(session, initiator, make_actor):
    with pytest.raises(Conflict, match="a document in status on_approval cannot be sent for approval"):
        with session.begin():
            logic.start_approval(session, actor=initiator, **request(uuid.uuid4(), "on_approval", make_actor()))


def test_a_retried_start_returns_the_approval_its_first_attempt_made(session, initiator, make_actor):
    attempt = dataclasses.replace(initiator, idempotency_key=uuid.uuid4())
    document_id, approver = uuid.uuid4(), make_actor()
    with session.begin():
        first = logic.start_approval(session, actor=attempt, **request(document_id, "draft", approver))
    # by the retry the documents service answers "on approval": the first attempt moved it there
    with session.begin():
        again = logic.start_approval(session, actor=attempt, **request(document_id, "on_approval", approver))
    assert again.id == first.id
    with pytest.raises(Conflict):
        with session.begin():
            logic.start_approval(session, actor=dataclasses.replace(initiator, idempotency_key=uuid.uuid4()),
                                 **request(document_id, "on_approval", approver))
