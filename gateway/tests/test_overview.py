"""The unified counterparty view: every part that answers, and the name of each that did not."""
import uuid

import pytest

from chancery_common.errors import NotFound
from chancery_gateway import rpc
from chancery_gateway.compose import overview

ACTOR = {"id": str(uuid.uuid4()), "roles": ["manager"], "department_id": None, "full_name": "Anna"}


@pytest.fixture
def people():
    return {"responsible": str(uuid.uuid4()), "author": str(uuid.uuid4()), "approver": str(uuid.uuid4())}


@pytest.fixture
def services(bus, people):
    """Every service answering about one counterparty."""
    counterparty_id = str(uuid.uuid4())
    bus.answers.update({
        ("counterparties", "overview_part"): {
            "counterparty": {"id": counterparty_id, "name": "Romashka",
                             "responsible_employee_id": people["responsible"]},
            "history": {"items": [{"actor_id": people["author"]}, {"actor_id": people["approver"]}],
                        "records": [None, ["approvals", "a1"]],
                        "counts": {"own": 1, "entries": 2, "records": {"documents": {}, "approvals": {"a1": 1}}},
                        "page_size": 30},
            "contact_persons": [],
            "activities": {"items": [], "total": 0},
            "negotiation": {"items": [], "total": 0, "current_stage": None}},
        ("documents", "overview_part"): {
            "documents": {"items": [{"id": "d1", "responsible_id": people["author"]}], "total": 1},
            "paper_copies": {"items": [], "total": 0},
            "completeness": {"d1": {"complete": True}},
            "execution": {"d1": {"overdue": {"milestones": 1, "payments": 0}}},
            "records_seen": {"visible": ["d1"], "hidden": [], "complete": True}},
        ("approvals", "overview_part"): {
            "approvals": {"items": [{"initiator_id": people["author"], "stages": [
                {"tasks": [{"approver_id": people["approver"]}]}]}], "total": 1},
            "records_seen": {"visible": ["a1"], "hidden": [], "complete": True}},
        ("notifications", "list_notifications"): {"items": [], "total": 0},
        ("staff", "employee_names_since"): lambda version: {
            "version": 7, "names": {employee_id: f"Name of {employee_id}" for employee_id in people.values()}},
    })
    return counterparty_id


def test_the_view_has_every_part_and_the_names_of_everyone_shown(bus, services, people):
    view = overview.compose(ACTOR, services)

    assert view["unavailable"] == []
    assert view["counterparty"]["name"] == "Romashka"
    assert view["history"]["total"] == 2 and view["negotiation"]["current_stage"] is None
    assert view["documents"]["items"][0]["id"] == "d1"
    assert view["completeness"] == {"d1": {"complete": True}}
    assert view["execution"] == {"d1": {"overdue": {"milestones": 1, "payments": 0}}}
    assert view["employees"] == {employee_id: f"Name of {employee_id}" for employee_id in people.values()}


def test_each_service_is_asked_about_the_counterparty_once(bus, services):
    overview.compose(ACTOR, services)

    asked = [(service, method) for service, method, _ in bus.calls]
    assert sorted(asked) == [("approvals", "overview_part"), ("counterparties", "overview_part"),
                             ("documents", "overview_part"), ("notifications", "list_notifications"),
                             ("staff", "employee_names_since")]
    arguments = {(service, method): args for service, method, args in bus.calls}
    assert arguments[("counterparties", "overview_part")] == (ACTOR, services)
    assert arguments[("documents", "overview_part")] == (ACTOR, services)
    assert arguments[("approvals", "overview_part")] == (ACTOR, services)
    assert arguments[("notifications", "list_notifications")][1] == {
        "counterparty_id": services, "limit": 30, "with_unread": False}


def test_an_unavailable_service_names_each_of_its_parts_while_the_others_are_returned(bus, services):
    bus.answers[("documents", "overview_part")] = rpc.ServiceUnavailable.of("documents", "no answer within 10 s")

    view = overview.compose(ACTOR, services)

    assert view["documents"] is None and view["paper_copies"] is None and view["completeness"] == {}
    assert view["execution"] == {}
    assert view["contract_trees"] == []
    assert view["unavailable"] == [
        {"part": part, "service": "documents", "reason": "no answer within 10 s"}
        for part in ("documents", "paper_copies", "completeness", "execution")]
    assert view["counterparty"]["name"] == "Romashka"
    assert view["approvals"]["total"] == 1


def test_a_history_whose_records_owner_did_not_answer_leaves_them_out_and_is_named_unavailable(bus, services):
    bus.answers[("approvals", "overview_part")] = rpc.ServiceUnavailable.of(
        "approvals", "the approvals service is not running")

    view = overview.compose(ACTOR, services)

    own = bus.answers[("counterparties", "overview_part")]["history"]["items"][0]
    assert view["history"] == {"items": [own], "total": 1}
    assert view["unavailable"] == [
        {"part": "approvals", "service": "approvals", "reason": "the approvals service is not running"},
        {"part": "history", "service": "approvals", "reason": "the approvals service is not running"}]


def test_an_unavailable_staff_service_leaves_the_names_out(bus, services):
    bus.answers[("staff", "employee_names_since")] = rpc.ServiceUnavailable.of("staff", "no instance is running")

    view = overview.compose(ACTOR, services)

    assert view["employees"] == {}
    assert view["unavailable"] == [{"part": "employees", "service": "staff", "reason": "no instance is running"}]


def test_an_unknown_counterparty_is_not_found(bus, services):
    bus.answers[("counterparties", "overview_part")] = NotFound("counterparty not found")

    with pytest.raises(NotFound):
        overview.compose(ACTOR, services)


def test_the_overview_endpoint_answers_with_the_unavailable_parts(client, sign_in, bus, services):
    sign_in()
    bus.answers[("notifications", "list_notifications")] = rpc.ServiceUnavailable.of(
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

    assert [node["document_id"] for node in trees] == ["o", "c"]
    [_, root] = trees
    assert [child["document_id"] for child in root["children"]] == ["t", "a"]
    assert [grandchild["document_id"] for grandchild in root["children"][0]["children"]] == ["i"]


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
