"""The life of an approval: stages in order, tasks for approvers, decisions and outcome."""
import uuid

import pytest

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from approvals import events, logic


@pytest.fixture
def statuses(stored):
    """Each stage's committed status, in order, with its approvers' task statuses."""
    def of(approval):
        return [(stage.status, {task.approver_id: task.status for task in stage.tasks})
                for stage in stored(approval).stages]
    return of


@pytest.fixture
def approvers(make_actor):
    return make_actor("lawyer"), make_actor("accountant"), make_actor("director")


def test_starting_activates_only_the_first_stage(start, approvers, outbox_events, statuses):
    lawyer, accountant, _ = approvers

    approval = start([lawyer], [accountant])

    assert approval.status == "in_progress"
    # the later stage's people are resolved when it starts
    assert statuses(approval) == [("active", {lawyer.id: "pending"}), ("waiting", {})]
    assert [p["approver_id"] for _, _, p in outbox_events(approval.id, events.APPROVAL_TASK_ASSIGNED)] == [
        str(lawyer.id)]
    [(_, _, started)] = outbox_events(approval.id, events.APPROVAL_STARTED)
    assert started["approver_ids"] == [str(lawyer.id)]
    [(_, _, stage_started)] = outbox_events(approval.id, events.APPROVAL_STAGE_STARTED)
    assert (stage_started["position"], stage_started["mode"], stage_started["completion"]) == (
        1, "sequential", "all")
    assert [t["approver_id"] for t in stage_started["tasks"]] == [str(lawyer.id)]


def test_an_approval_moves_the_document_to_the_next_stage(start, decide, approvers, outbox_events, statuses):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])

    approval = decide(lawyer, approval, "approve")

    assert approval.status == "in_progress"
    assert statuses(approval) == [("completed", {lawyer.id: "approved"}), ("active", {accountant.id: "pending"})]
    assigned = [p for _, _, p in outbox_events(approval.id, events.APPROVAL_TASK_ASSIGNED)]
    assert [p["approver_id"] for p in assigned] == [str(lawyer.id), str(accountant.id)]
    assert assigned[1]["stage_name"] == "Stage 2"
    assert assigned[1]["due_at"] is not None


def test_the_last_approval_approves(start, decide, approvers, outbox_events, statuses):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])
    decide(lawyer, approval, "approve")

    approval = decide(accountant, approval, "approve_with_remarks", "Check the annex")

    assert (approval.status, approval.outcome) == ("approved", "approved")
    assert approval.finished_at is not None
    assert statuses(approval) == [
        ("completed", {lawyer.id: "approved"}), ("completed", {accountant.id: "approved_with_remarks"})]
    [(_, _, finished)] = outbox_events(approval.id, events.APPROVAL_FINISHED)
    assert (finished["outcome"], finished["decided_by"], finished["comment"]) == (
        "approved", str(accountant.id), "Check the annex")


@pytest.mark.parametrize("decision", ["reject", "return_for_revision"])
@pytest.mark.parametrize("comment", [None, ""])
def test_rejecting_or_returning_needs_a_comment(start, decide, approvers, task, session, decision, comment):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])

    with pytest.raises(InvalidInput) as refused:
        decide(lawyer, approval, decision, comment)

    assert refused.value.message == "Invalid input: comment"
    assert set(refused.value.details) == {"comment"}
    assert task(session, approval, lawyer).status == "pending"


def test_a_rejection_finishes_the_approval_and_cancels_what_remains(start, decide, approvers, outbox_events,
                                                                    statuses):
    lawyer, accountant, director = approvers
    approval = start([lawyer, director], [accountant])

    approval = decide(lawyer, approval, "reject", "The penalty clause is unacceptable")

    assert (approval.status, approval.outcome) == ("rejected", "rejected")
    assert statuses(approval) == [
        ("rejected", {lawyer.id: "rejected", director.id: "cancelled"}), ("skipped", {})]
    [(_, _, finished)] = outbox_events(approval.id, events.APPROVAL_FINISHED)
    assert (finished["outcome"], finished["comment"]) == ("rejected", "The penalty clause is unacceptable")


def test_a_return_for_revision_keeps_the_approval_open_for_the_initiator(start, decide, approvers, outbox_events):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])

    approval = decide(lawyer, approval, "return_for_revision", "Fix the dates")

    assert (approval.status, approval.outcome) == ("returned", None)
    [(_, _, returned)] = outbox_events(approval.id, events.APPROVAL_RETURNED)
    assert (returned["returned_by"], returned["comment"]) == (str(lawyer.id), "Fix the dates")
    assert outbox_events(approval.id, events.APPROVAL_FINISHED) == []


def test_an_all_stage_waits_for_every_approver(start, decide, approvers, statuses):
    lawyer, accountant, director = approvers
    approval = start([lawyer, accountant], [director])

    approval = decide(lawyer, approval, "approve")

    assert statuses(approval) == [
        ("active", {lawyer.id: "approved", accountant.id: "pending"}), ("waiting", {})]


def test_an_any_stage_completes_with_the_first_approval(start, decide, approvers, statuses):
    lawyer, accountant, director = approvers
    approval = start({"approver_ids": [lawyer, accountant], "completion": "any"}, [director])

    approval = decide(accountant, approval, "approve")

    assert statuses(approval) == [
        ("completed", {lawyer.id: "cancelled", accountant.id: "approved"}), ("active", {director.id: "pending"})]


def test_an_approver_named_twice_in_a_stage_gets_one_task(start, approvers, statuses):
    lawyer, _, _ = approvers

    approval = start([lawyer, lawyer])

    assert statuses(approval) == [("active", {lawyer.id: "pending"})]


def test_someone_elses_task_is_not_found(start, decide, approvers, task, session):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])

    with pytest.raises(NotFound):
        decide(accountant, approval, "approve", task_id=task(session, approval, lawyer).id)


def test_a_task_still_waiting_for_its_turn_cannot_be_decided(start, decide, approvers):
    lawyer, accountant, _ = approvers
    approval = start({"approver_ids": [lawyer, accountant], "mode": "sequential"})

    with pytest.raises(Conflict) as refused:
        decide(accountant, approval, "approve")
    assert "waits for its turn" in refused.value.message


def test_deciding_twice_is_a_conflict(start, decide, approvers):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])
    decide(lawyer, approval, "approve")

    with pytest.raises(Conflict):
        decide(lawyer, approval, "reject", "changed my mind")


def test_a_document_is_on_one_running_approval_at_a_time(start, approvers, session, director):
    lawyer, _, _ = approvers
    document_id = uuid.uuid4()
    start([lawyer], document_id=document_id)

    with pytest.raises(Conflict):
        start([lawyer], document_id=document_id)

    with session.begin():
        items, total = logic.list_approvals(session, actor=director, document_id=document_id)
    assert total == 1


def test_a_finished_approval_lets_the_document_be_sent_again(start, decide, approvers):
    lawyer, _, _ = approvers
    document_id = uuid.uuid4()
    decide(lawyer, start([lawyer], document_id=document_id), "reject", "No")

    again = start([lawyer], document_id=document_id)

    assert again.status == "in_progress"


def test_the_initiator_withdraws_and_open_tasks_are_cancelled(start, approvers, initiator, session, outbox_events,
                                                              statuses):
    lawyer, accountant, _ = approvers
    approval = start([lawyer], [accountant])

    with session.begin():
        approval = logic.withdraw(session, approval_id=approval.id, reason="Wrong file", actor=initiator)

    assert approval.status == "withdrawn"
    assert statuses(approval) == [("cancelled", {lawyer.id: "cancelled"}), ("cancelled", {})]
    [(_, _, finished)] = outbox_events(approval.id, events.APPROVAL_FINISHED)
    assert (finished["outcome"], finished["comment"], finished["decided_by"]) == (
        "withdrawn", "Wrong file", str(initiator.id))


@pytest.mark.parametrize("who", ["an approver", "a director"])
def test_only_the_initiator_may_withdraw(start, approvers, make_actor, session, task, who):
    lawyer, _, _ = approvers
    approval = start([lawyer])
    someone = lawyer if who == "an approver" else make_actor("director")

    with pytest.raises(PermissionDenied), session.begin():
        logic.withdraw(session, approval_id=approval.id, reason=None, actor=someone)
    assert task(session, approval, lawyer).status == "pending"


def test_a_finished_approval_cannot_be_withdrawn(start, decide, approvers, initiator, session):
    lawyer, _, _ = approvers
    approval = decide(lawyer, start([lawyer]), "approve")

    with pytest.raises(Conflict), session.begin():
        logic.withdraw(session, approval_id=approval.id, reason=None, actor=initiator)


def test_the_pending_tasks_of_an_approver_are_listed(start, decide, approvers, session):
    lawyer, accountant, _ = approvers
    first = start([lawyer])
    start([accountant], [lawyer])

    with session.begin():
        tasks, total = logic.list_tasks(session, approver_id=lawyer.id)
    assert [t.approval_id for t in tasks] == [first.id]
    decide(lawyer, first, "approve")
    with session.begin():
        assert logic.list_tasks(session, approver_id=lawyer.id)[1] == 0
        assert [t.approval_id for t in logic.list_tasks(session, approver_id=lawyer.id, status="decided")[0]] == [
            first.id]


def test_every_event_of_an_approval_keeps_its_published_contract(start, decide, approvers, outbox_events):
    lawyer, accountant, director = approvers
    approval = start({"approver_ids": [lawyer, director], "completion": "any", "name": "Legal"}, [accountant])
    decide(lawyer, approval, "approve_with_remarks", "Minor remarks")
    decide(accountant, approval, "reject", "Budget exceeded")

    recorded = outbox_events(approval.id)

    assert [event_type for event_type, _, _ in recorded] == [
        "approval.started", "approval.stage_started", "approval.task_assigned", "approval.task_assigned",
        "approval.decision_made", "approval.stage_started", "approval.task_assigned",
        "approval.decision_made", "approval.finished"]
    for event_type, version, payload in recorded:
        # the consumer's view: the stored payload loads through the published schema
        events.catalog.schemas[(event_type, version)]().load(payload)
