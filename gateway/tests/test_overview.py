"""The unified counterparty view: every part that answers, and the name of each that did not."""
import uuid

import pytest

from chancery_common.errors import NotFound
from chancery_gateway import overview, rpc

ACTOR = {"id": str(uuid.uuid4()), "roles": ["manager"], "department_id": None, "full_name": "Anna"}


@pytest.fixture
def people():
    return {"responsible": str(uuid.uuid4()), "author": str(uuid.uuid4()), "approver": str(uuid.uuid4())}


@pytest.fixture
def services(bus, people):
    """Every service answering about one counterparty."""
    counterparty_id = str(uuid.uuid4())
    bus.answers.update({
        ("counterparties", "get_counterparty"): {
            "id": counterparty_id, "name": "Romashka", "responsible_employee_id": people["responsible"]},
        ("counterparties", "get_history"): {"items": [{"actor_id": people["author"]}], "total": 1},
        ("counterparties", "list_contact_persons"): {"items": [], "total": 0},
        ("counterparties", "list_activities"): {"items": [], "total": 0},
        ("documents", "list_documents"): {"items": [{"id": "d1", "responsible_id": people["author"]}], "total": 1},
        ("approvals", "list_approvals"): {"items": [{"initiator_id": people["author"], "stages": [
            {"tasks": [{"approver_id": people["approver"]}]}]}], "total": 1},
        ("notifications", "list_notifications"): {"items": [], "total": 0, "unread": 0},
        ("counterparties", "list_negotiation_notes"): {"items": [], "total": 0, "current_stage": None},
        ("documents", "paper_copies"): {"items": [], "total": 0},
        ("staff", "list_employees"): lambda query: {"items": [
            {"id": employee_id, "full_name": f"Name of {employee_id}"} for employee_id in query["ids"]]},
    })
    return counterparty_id


def test_the_view_has_every_part_and_the_names_of_everyone_shown(bus, services, people):
    view = overview.compose(ACTOR, services)

    assert view["unavailable"] == []
    assert view["counterparty"]["name"] == "Romashka"
    assert view["documents"]["items"][0]["id"] == "d1"
    assert view["employees"] == {employee_id: f"Name of {employee_id}" for employee_id in people.values()}


def test_each_service_is_asked_about_the_counterparty(bus, services):
    overview.compose(ACTOR, services)

    asked = {(service, method): args for service, method, args in bus.calls}
    assert asked[("documents", "list_documents")][1]["counterparty_id"] == services
    assert asked[("approvals", "list_approvals")][1]["counterparty_id"] == services
    assert asked[("notifications", "list_notifications")][1]["counterparty_id"] == services
    assert all(args[0] == ACTOR for (service, _), args in asked.items() if service != "staff")


def test_an_unavailable_service_is_named_while_the_other_parts_are_returned(bus, services):
    bus.answers[("documents", "list_documents")] = rpc.ServiceUnavailable("documents", "no answer within 10 s")

    view = overview.compose(ACTOR, services)

    assert view["documents"] is None
    assert view["unavailable"] == [
        {"part": "documents", "service": "documents", "reason": "no answer within 10 s"}]
    assert view["counterparty"]["name"] == "Romashka"
    assert view["approvals"]["total"] == 1


def test_an_unavailable_staff_service_leaves_the_names_out(bus, services):
    bus.answers[("staff", "list_employees")] = rpc.ServiceUnavailable("staff", "no instance is running")

    view = overview.compose(ACTOR, services)

    assert view["employees"] == {}
    assert view["unavailable"] == [{"part": "employees", "service": "staff", "reason": "no instance is running"}]


def test_an_unknown_counterparty_is_not_found(bus, services):
    bus.answers[("counterparties", "get_counterparty")] = NotFound("counterparty not found")
    bus.answers[("counterparties", "get_history")] = NotFound("counterparty not found")

    with pytest.raises(NotFound):
        overview.compose(ACTOR, services)


def test_the_overview_endpoint_answers_with_the_unavailable_parts(client, sign_in, bus, services):
    sign_in()
    bus.answers[("notifications", "list_notifications")] = rpc.ServiceUnavailable(
        "notifications", "no answer within 10 s")

    response = client.get(f"/api/v1/counterparties/{services}/overview")

    assert response.status_code == 200
    assert response.json["notifications"] is None
    assert response.json["unavailable"] == [
        {"part": "notifications", "service": "notifications", "reason": "no answer within 10 s"}]


def test_documents_become_contract_trees():
    contract = {"id": "c", "parent_id": None, "created_at": "2026-01-01T00:00:00+00:00"}
    annex = {"id": "a", "parent_id": "c", "created_at": "2026-02-01T00:00:00+00:00"}
    act = {"id": "t", "parent_id": "c", "created_at": "2026-01-15T00:00:00+00:00"}
    invoice_of_act = {"id": "i", "parent_id": "t", "created_at": "2026-01-16T00:00:00+00:00"}
    orphan = {"id": "o", "parent_id": "not-shown", "created_at": "2025-12-01T00:00:00+00:00"}

    trees = overview.contract_trees([annex, invoice_of_act, contract, orphan, act])

    assert [node["document"]["id"] for node in trees] == ["o", "c"]
    [_, root] = trees
    assert [child["document"]["id"] for child in root["children"]] == ["t", "a"]
    assert [grandchild["document"]["id"] for grandchild in root["children"][0]["children"]] == ["i"]


def test_a_running_approval_names_its_stage_holders_and_whether_it_is_late():
    approvals = [
        {"id": "1", "document_id": "d1", "document_title": "Contract", "status": "in_progress",
         "started_at": "2026-01-01T00:00:00+00:00", "stages": [
             {"name": "Legal", "status": "completed", "tasks": [{"approver_id": "x", "status": "approved"}]},
             {"name": "Finance", "status": "active", "started_at": "2026-01-02T00:00:00+00:00",
              "due_at": "2020-01-03T00:00:00+00:00", "tasks": [
                  {"approver_id": "y", "status": "pending"}, {"approver_id": "z", "status": "approved"}]}]},
        {"id": "2", "document_id": "d2", "document_title": "Old", "status": "approved", "stages": []},
    ]

    [running] = overview.approvals_in_progress(approvals)

    assert (running["stage_name"], running["holder_ids"], running["overdue"]) == ("Finance", ["y"], True)
    assert running["since"] == "2026-01-02T00:00:00+00:00"
