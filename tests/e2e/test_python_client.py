"""The generated Python client (clients/python) against the running system, as an
integrator would use it: signed in by an API token, the holding scenario end to end
(counterparty, contract, its file, an approval decided by the approver, the unified view),
typed answers, and an error answered as a typed problem."""
import uuid

import pytest

from chancery_client import AuthenticatedClient
from chancery_client.api.approvals import approvals_decide, approvals_my_tasks, approvals_start_approval
from chancery_client.api.counterparties import (
    counterparties_create_counterparty, counterparties_get_counterparty, counterparties_get_overview,
)
from chancery_client.api.document_types import document_types_list_document_types
from chancery_client.api.documents import documents_create_document, documents_get_document, documents_upload_file
from chancery_client.models import (
    CounterpartyCard, Decision, DecisionDecision, DocumentsUploadFileFilesBody, NewDocumentRequest, Problem,
    StartApproval,
)
from chancery_client.types import File

pytestmark = pytest.mark.system

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 16


def token_client(admin, base_url, employee_id, name):
    token = admin.post("/api-tokens/", json={"name": name, "employee_id": employee_id,
                                             "scopes": ["read", "write"]})
    assert token.status_code == 201, token.text
    return AuthenticatedClient(base_url=base_url, token=token.json()["token"], timeout=30.0)


def test_the_holding_scenario_through_the_generated_client(admin, employee, base_url, unique, eventually):
    me = admin.get("/auth/me").json()["employee"]
    approver, _ = employee("Ada Approver", roles=["lawyer"])
    erp = token_client(admin, base_url, me["id"], f"ERP {unique}")
    approver_erp = token_client(admin, base_url, approver["id"], f"ERP approver {unique}")

    counterparty = counterparties_create_counterparty.sync(
        client=erp, body=CounterpartyCard(name=f"Client LLC {unique}"), idempotency_key=str(uuid.uuid4()))
    assert isinstance(counterparty, CounterpartyCard), counterparty
    assert counterparty.name == f"Client LLC {unique}"

    types = document_types_list_document_types.sync(client=erp)
    contract_type = next(t for t in types.items if t.code == "contract")
    document = documents_create_document.sync(client=erp, body=NewDocumentRequest(
        title=f"Supply contract {unique}", type_id=contract_type.id, counterparty_id=counterparty.id,
        amount="250000.00", currency="RUB"))
    assert not isinstance(document, Problem), document
    assert document.number.startswith("CTR-")

    version = documents_upload_file.sync(
        document.id, client=erp,
        body=DocumentsUploadFileFilesBody(file=File(payload=PDF, file_name="contract.pdf",
                                                    mime_type="application/pdf")))
    assert not isinstance(version, Problem), version
    assert version.size == len(PDF) and version.content_type == "application/pdf"

    approval = approvals_start_approval.sync(client=erp, body=StartApproval(
        document_id=document.id, approver_ids=[uuid.UUID(approver["id"])]))
    assert not isinstance(approval, Problem), approval

    def my_task():
        page = approvals_my_tasks.sync(client=approver_erp)
        return next((t for t in page.items if t.approval_id == approval.id), None)

    task = eventually(my_task)
    decided = approvals_decide.sync(task.id, client=approver_erp,
                                    body=Decision(decision=DecisionDecision.APPROVE, comment="Fine"))
    assert not isinstance(decided, Problem), decided
    assert eventually(lambda: documents_get_document.sync(document.id, client=erp).status == "approved")

    view = counterparties_get_overview.sync(counterparty.id, client=erp)
    assert not isinstance(view, Problem), view
    assert view.counterparty.name == counterparty.name
    assert [d.id for d in view.documents.items] == [document.id]
    assert view.documents.items[0].file_count == 1


def test_an_error_is_a_typed_problem(admin, base_url, unique):
    me = admin.get("/auth/me").json()["employee"]
    erp = token_client(admin, base_url, me["id"], f"ERP problems {unique}")

    missing = counterparties_get_counterparty.sync(uuid.uuid4(), client=erp)

    assert isinstance(missing, Problem)
    assert missing.status == 404 and missing.type_.endswith("/api/v1/problems/not-found")
    assert missing.detail
