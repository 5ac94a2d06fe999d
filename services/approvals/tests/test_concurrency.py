"""Decisions and sweeps racing each other: a stage completes once, a repeated decision
counts once, a decision on a stage no longer active is refused, and overdue tasks are
reported once however many sweeps run."""
import threading
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from chancery_common.database import make_session_factory
from chancery_common.errors import Conflict
from approvals import events, logic, models


def race(*jobs):
    """Run the jobs in threads released at the same moment; their results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as exc:  # noqa: BLE001  (reported to the test)
            results[index] = exc
    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def in_own_session(engine):
    """``in_own_session(fn)``: a job running fn(session) in a transaction of its own."""
    factory = make_session_factory(engine)

    def job(fn):
        def run():
            with factory() as session, session.begin():
                return fn(session)
        return run
    return job


@pytest.fixture
def pending_task(session):
    def find(approval, approver):
        with session.begin():
            return session.scalars(select(models.Task).where(
                models.Task.approval_id == approval.id, models.Task.approver_id == approver.id,
                models.Task.status == "pending")).one().id
    return find


@pytest.mark.parametrize("attempt", range(5))
def test_two_approvers_deciding_at_once_complete_the_stage_once(attempt, start, make_actor, in_own_session,
                                                                 pending_task, outbox_events, stored):
    first, second, next_one = make_actor(), make_actor(), make_actor()
    approval = start([first, second], [next_one])
    tasks = [pending_task(approval, who) for who in (first, second)]

    results = race(*[in_own_session(lambda s, task=task, who=who: logic.decide(
        s, task_id=task, decision="approve", comment=None, actor=who).id)
        for task, who in zip(tasks, (first, second), strict=True)])

    assert results == [approval.id, approval.id]
    assert [p["stage_name"] for _, _, p in outbox_events(approval.id, events.APPROVAL_STAGE_STARTED)] == [
        "Stage 1", "Stage 2"]
    assert [[t.approver_id for t in s.tasks] for s in stored(approval).stages][1] == [next_one.id]


@pytest.mark.parametrize("completion", ["any", "quorum"])
def test_racing_approvals_of_an_any_or_quorum_stage_finish_once(completion, start, make_actor, in_own_session,
                                                                pending_task, outbox_events, stored):
    approvers = [make_actor() for _ in range(3)]
    approval = start({"approver_ids": approvers, "completion": completion,
                      "quorum": 2 if completion == "quorum" else None})
    tasks = [pending_task(approval, who) for who in approvers]

    results = race(*[in_own_session(lambda s, task=task, who=who: logic.decide(
        s, task_id=task, decision="approve", comment=None, actor=who).id)
        for task, who in zip(tasks, approvers, strict=True)])

    # the decisions that came after the stage completed are refused with a clear message
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(refused) == (2 if completion == "any" else 1)
    assert all("the decision is not accepted" in r.message for r in refused)
    assert [p["outcome"] for _, _, p in outbox_events(approval.id, events.APPROVAL_FINISHED)] == ["approved"]
    assert stored(approval).status == "approved"


def test_a_decision_sent_twice_counts_once(start, make_actor, in_own_session, pending_task, outbox_events):
    approver, next_one = make_actor(), make_actor()
    approval = start([approver], [next_one])
    task = pending_task(approval, approver)
    request_id = str(uuid.uuid4())

    def decide(session):
        return logic.decide(session, task_id=task, decision="approve", comment=None, actor=approver,
                            request_id=request_id).status
    results = race(in_own_session(decide), in_own_session(decide))
    again = in_own_session(decide)()  # and once more, later (a redelivery)

    assert results == ["in_progress", "in_progress"] and again == "in_progress"
    assert len(outbox_events(approval.id, events.APPROVAL_DECISION_MADE)) == 1
    assert len(outbox_events(approval.id, events.APPROVAL_STAGE_STARTED)) == 2


def test_a_different_decision_on_a_decided_task_is_refused(start, make_actor, decide):
    approver = make_actor()
    approval = start([approver], [make_actor()])
    decide(approver, approval, "approve", request_id="first")

    with pytest.raises(Conflict) as refused:
        decide(approver, approval, "reject", "changed my mind", request_id="second")
    assert "the decision is not accepted" in refused.value.message


def test_a_decision_on_a_withdrawn_approval_is_refused_clearly(start, make_actor, decide, session, initiator):
    approver = make_actor()
    approval = start([approver])
    with session.begin():
        logic.withdraw(session, approval_id=approval.id, reason=None, actor=initiator)

    with pytest.raises(Conflict) as refused:
        decide(approver, approval, "approve")
    assert refused.value.message.startswith("This approval is withdrawn")


def test_two_sweeps_report_each_overdue_task_once(start, make_actor, session, in_own_session, engine):
    approvals = [start([make_actor(), make_actor()]) for _ in range(15)]
    ids = [a.id for a in approvals]
    now = datetime.now(timezone.utc)
    with session.begin():
        session.execute(update(models.Task).where(models.Task.approval_id.in_(ids))
                        .values(due_at=now - timedelta(minutes=5)))

    factory = make_session_factory(engine)

    def sweep_all():
        """Sweep in small batches, one transaction each, until nothing is left."""
        total = 0
        while True:
            with factory() as own, own.begin():
                reported = logic.sweep_overdue(own, limit=3)
            if not reported:
                return total
            total += reported

    results = race(sweep_all, sweep_all, sweep_all)

    assert sum(results) == 30
    table = models.outbox.table
    with make_session_factory(engine)() as reader:
        reported = Counter(reader.scalars(select(table.c.payload["task_id"].astext).where(
            table.c.event_type == events.APPROVAL_OVERDUE,
            table.c.payload["approval_id"].astext.in_([str(i) for i in ids]))))
    assert len(reported) == 30 and set(reported.values()) == {1}
    # and a later sweep finds nothing more
    assert in_own_session(lambda s: logic.sweep_overdue(s))() == 0
