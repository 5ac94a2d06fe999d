"""Whole runs of approvals through the database, table-driven: sequential and parallel
stages (all, any, quorum), conditions, return for revision with resubmission, withdrawal."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import load
from approvals import events, logic, models, schemas

PEOPLE = ("ann", "bob", "cat", "dan", "eve")


@pytest.fixture
def people():
    return {name: Actor(id=uuid.uuid4(), roles=["employee"]) for name in PEOPLE}


def stage(*names, mode="parallel", completion="all", quorum=None, conditions=(), on_return="first_stage",
          name=None):
    return {"names": names, "mode": mode, "completion": completion, "quorum": quorum,
            "conditions": list(conditions), "on_return": on_return, "name": name}


def _request(spec, people):
    return {"name": spec["name"], "mode": spec["mode"], "completion": spec["completion"], "quorum": spec["quorum"],
            "conditions": spec["conditions"], "on_return": spec["on_return"],
            "approvers": [{"kind": "employee", "employee_id": str(people[n].id)} for n in spec["names"]]}


BIG = [{"field": "amount", "op": "gt", "value": "1000000"}]
CONTRACT = [{"field": "type_code", "op": "eq", "value": "contract"}]

# (stages, document fields, script of (who, decision) | "withdraw" | "resubmit", expected status,
#  expected stage statuses, the approvers asked in order of their first task)
CASES = {
    "sequential stage, in order": (
        [stage("ann", "bob", mode="sequential")], {},
        [("ann", "approve"), ("bob", "approve")], "approved", ["completed"], ["ann", "bob"]),
    "parallel all waits for everyone": (
        [stage("ann", "bob"), stage("cat")], {},
        [("bob", "approve"), ("ann", "approve_with_remarks"), ("cat", "approve")], "approved",
        ["completed", "completed"], ["ann", "bob", "cat"]),
    "parallel any: the first approval completes": (
        [stage("ann", "bob", "cat", completion="any"), stage("dan")], {},
        [("cat", "approve"), ("dan", "approve")], "approved", ["completed", "completed"],
        ["ann", "bob", "cat", "dan"]),
    "quorum 2 of 3": (
        [stage("ann", "bob", "cat", completion="quorum", quorum=2), stage("dan")], {},
        [("ann", "approve"), ("cat", "approve"), ("dan", "approve")], "approved",
        ["completed", "completed"], ["ann", "bob", "cat", "dan"]),
    "quorum not yet reached": (
        [stage("ann", "bob", "cat", completion="quorum", quorum=3)], {},
        [("ann", "approve"), ("cat", "approve")], "in_progress", ["active"], ["ann", "bob", "cat"]),
    "a rejection in a parallel stage ends it": (
        [stage("ann", "bob"), stage("cat")], {},
        [("ann", "approve"), ("bob", "reject")], "rejected", ["rejected", "skipped"], ["ann", "bob"]),
    "a rejection in a sequential stage ends it": (
        [stage("ann", "bob", mode="sequential")], {},
        [("ann", "reject")], "rejected", ["rejected"], ["ann", "bob"]),
    "a condition adds the finance director for big amounts": (
        [stage("ann"), stage("eve", conditions=BIG, name="Finance director"), stage("cat")],
        {"amount": "2500000.00"},
        [("ann", "approve"), ("eve", "approve"), ("cat", "approve")], "approved",
        ["completed", "completed", "completed"], ["ann", "eve", "cat"]),
    "a condition skips the finance director for small amounts": (
        [stage("ann"), stage("eve", conditions=BIG, name="Finance director"), stage("cat")],
        {"amount": "1000.00"},
        [("ann", "approve"), ("cat", "approve")], "approved", ["completed", "skipped", "completed"],
        ["ann", "cat"]),
    "legal review only for contracts": (
        [stage("ann", conditions=CONTRACT), stage("bob")], {"type_code": "letter"},
        [("bob", "approve")], "approved", ["skipped", "completed"], ["bob"]),
    "returned, resubmitted, restarted from the first stage": (
        [stage("ann"), stage("bob")], {},
        [("ann", "approve"), ("bob", "return_for_revision"), "resubmit", ("ann", "approve"), ("bob", "approve")],
        "approved", ["completed", "completed"], ["ann", "bob"]),
    "returned, resubmitted, restarted from the returning stage": (
        [stage("ann"), stage("bob", on_return="this_stage")], {},
        [("ann", "approve"), ("bob", "return_for_revision"), "resubmit", ("bob", "approve")],
        "approved", ["completed", "completed"], ["ann", "bob"]),
    "returned and waiting for the initiator": (
        [stage("ann"), stage("bob")], {},
        [("ann", "return_for_revision")], "returned", ["returned", "waiting"], ["ann"]),
    "withdrawn while running": (
        [stage("ann", "bob"), stage("cat")], {},
        [("ann", "approve"), "withdraw"], "withdrawn", ["cancelled", "cancelled"], ["ann", "bob"]),
    "withdrawn while returned": (
        [stage("ann")], {},
        [("ann", "return_for_revision"), "withdraw"], "withdrawn", ["returned"], ["ann"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_run(case, session, people, initiator, stored, outbox_events):
    stages, document, script, status, stage_statuses, asked = CASES[case]
    request = {"document": {"id": str(uuid.uuid4()), "title": "Supply contract", "number": None,
                            "type_code": "contract", **document},
               "stages": [_request(spec, people) for spec in stages]}
    with session.begin():
        approval = logic.start_approval(session, actor=initiator,
                                        **load(schemas.StartApprovalSchema(), request))
    for step in script:
        with session.begin():
            if step == "withdraw":
                logic.withdraw(session, approval_id=approval.id, reason="Not needed", actor=initiator)
            elif step == "resubmit":
                logic.resubmit(session, approval_id=approval.id, comment="Fixed", actor=initiator)
            else:
                who, decision = step
                task = session.scalars(select(models.Task).where(
                    models.Task.approval_id == approval.id, models.Task.approver_id == people[who].id,
                    models.Task.status == "pending")).one()
                logic.decide(session, task_id=task.id, decision=decision, actor=people[who],
                             comment=None if decision.startswith("approve") and decision != "approve_with_remarks"
                             else "Remarks")

    result = stored(approval)
    assert result.status == status
    assert [s.status for s in result.stages] == stage_statuses
    names = {person.id: name for name, person in people.items()}
    first_tasks = [t for _, _, _, t in sorted((t.round, s.position, t.position, t)
                                              for s in result.stages for t in s.tasks)]
    assert list(dict.fromkeys(names[t.approver_id] for t in first_tasks)) == asked
    # every event of the run loads through its published schema, and a finished run ends with one finish
    recorded = outbox_events(approval.id)
    for event_type, version, payload in recorded:
        events.catalog.schemas[(event_type, version)]().load(payload)
    finished = [p for t, _, p in recorded if t == events.APPROVAL_FINISHED]
    assert [p["outcome"] for p in finished] == ([status] if status in ("approved", "rejected", "withdrawn") else [])


def test_a_resubmission_runs_the_stages_again_with_new_tasks_and_keeps_the_history(
        session, people, initiator, stored, outbox_events):
    request = {"document": {"id": str(uuid.uuid4()), "title": "Supply contract", "amount": "10.00"},
               "stages": [_request(stage("ann"), people), _request(stage("eve", conditions=BIG), people)]}
    with session.begin():
        approval = logic.start_approval(session, actor=initiator,
                                        **load(schemas.StartApprovalSchema(), request))
    task = stored(approval).stages[0].tasks[0]
    with session.begin():
        logic.decide(session, task_id=task.id, decision="return_for_revision", comment="Amount is wrong",
                     actor=people["ann"])
    revised = {"id": request["document"]["id"], "title": "Supply contract (revised)", "amount": "5000000.00"}

    with session.begin():
        logic.resubmit(session, approval_id=approval.id, comment="Fixed the amount", actor=initiator,
                       document=load(schemas.DocumentSnapshotSchema(), revised))

    result = stored(approval)
    assert (result.status, result.round, result.document_title) == ("in_progress", 2, "Supply contract (revised)")
    # the revised amount brings in the finance director's stage
    assert [s.status for s in result.stages] == ["active", "waiting"]
    assert [(t.round, t.status) for t in result.stages[0].tasks] == [(1, "returned"), (2, "pending")]
    [(_, _, resubmitted)] = outbox_events(approval.id, events.APPROVAL_RESUBMITTED)
    assert resubmitted["restart_stage_position"] == 1


def test_only_a_returned_approval_is_resubmitted_by_its_initiator(session, people, initiator, start):
    from chancery_common.errors import Conflict, PermissionDenied
    approval = start([people["ann"]])

    with pytest.raises(Conflict), session.begin():
        logic.resubmit(session, approval_id=approval.id, comment=None, actor=initiator)
    with pytest.raises(PermissionDenied), session.begin():
        logic.resubmit(session, approval_id=approval.id, comment=None, actor=people["ann"])


def test_approvals_follow_a_merged_counterparty_to_the_survivor(session, start, people, stored):
    from nameko.testing.services import worker_factory

    from chancery_common.envelope import Event
    from approvals.service import ApprovalsService
    merged, survivor, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    moved = start([people["ann"]], counterparty_id=merged)
    kept = start([people["bob"]], counterparty_id=other)
    event = Event(type="counterparty.merged", producer="counterparties", payload={
        "merged_id": str(merged), "survivor_id": str(survivor), "merged_by": str(uuid.uuid4())})
    service = worker_factory(ApprovalsService, db=session)

    service.on_counterparty_merged(event.to_message())
    service.on_counterparty_merged(event.to_message())  # redelivered: nothing more

    assert (stored(moved).counterparty_id, stored(kept).counterparty_id) == (survivor, other)
