"""Approvers are resolved (a call to the staff service) only while this service holds no row
locks: a decision that starts the next stage, a resubmission and an added approver each resolve
with no transaction open, probed from a second connection that tries to lock the approval."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from chancery_common.errors import load
from approvals import logic, schemas


@pytest.fixture
def probing_resolver(engine):
    """A resolver (named employees) that records, at each call, whether the approval row is locked."""
    calls = []

    def resolve(specs, context):
        with engine.connect() as probe:
            try:
                probe.execute(text("SELECT 1 FROM approvals FOR UPDATE NOWAIT"))
                calls.append("free")
            except OperationalError:
                calls.append("locked")
            probe.rollback()
        return logic.named_employees(specs, context)
    return resolve, calls


def decide_as_the_service(session, task_of, approver, approval, resolve, *, look_ahead):
    task_id = task_of(session, approval, approver).id
    session.rollback()  # reading the id began a transaction; the service starts with none
    known = {}
    if look_ahead:
        with session.begin():
            ahead = logic.approvers_after(session, task_id=task_id)
        known = {logic.resolution_key(*ahead): resolve(*ahead)} if ahead else {}
    data = load(schemas.DecisionSchema(), {"decision": "approve"})
    return logic.resolving_outside_locks(session, lambda resolver: logic.decide(
        session, task_id=task_id, actor=approver, resolve=resolver, **data), resolve, known)


@pytest.mark.parametrize("look_ahead", [True, False])
def test_the_next_stage_is_resolved_with_no_row_locked(session, start, task, make_actor, probing_resolver, look_ahead):
    first, second = make_actor(), make_actor()
    approval = start([first], [second])
    resolve, calls = probing_resolver
    calls.clear()
    decide_as_the_service(session, task, first, approval, resolve, look_ahead=look_ahead)
    assert calls == ["free"]  # resolved once, before (look-ahead) or between the two runs
    assert task(session, approval, second).status == "pending"


def test_the_last_decision_resolves_nobody(session, start, task, make_actor, probing_resolver):
    only = make_actor()
    approval = start([only])
    resolve, calls = probing_resolver
    calls.clear()
    decided = decide_as_the_service(session, task, only, approval, resolve, look_ahead=True)
    assert calls == [] and decided.status == "approved"


def test_an_added_approver_is_resolved_with_no_row_locked(session, start, task, make_actor, initiator,
                                                           probing_resolver):
    approver, added = make_actor(), make_actor()
    approval = start({"approver_ids": [approver], "mode": "parallel", "allow_adding": True})
    resolve, calls = probing_resolver
    calls.clear()
    approval_id, stage_id = approval.id, approval.stages[0].id
    session.rollback()
    logic.resolving_outside_locks(session, lambda resolver: logic.add_approver(
        session, approval_id=approval_id, stage_id=stage_id, employee_id=added.id,
        actor=initiator, resolve=resolver), resolve)
    assert calls == ["free"]
    assert task(session, approval, added).status == "pending"
