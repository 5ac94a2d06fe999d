"""Route versions while approvals run; resolving people when a stage starts (deputies,
stages with nobody, approvers added); deadlines: delay reasons, extensions, overdue."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied, load
from approvals import events, logic, models, routes, schemas


@pytest.fixture
def configurer():
    return Actor(id=uuid.uuid4(), roles=["lawyer"], permissions=["configure_routes"])


def employees(*people):
    return [{"kind": "employee", "employee_id": str(p.id)} for p in people]


@pytest.fixture
def save_route(session, configurer):
    def save(document_type_id, *stages):
        data = load(schemas.RouteRequestSchema(), {"document_type_id": str(document_type_id), "name": "Contracts",
                                                   "stages": list(stages)})
        with session.begin():
            return routes.save_route(session, actor=configurer, **data)
    return save


@pytest.fixture
def start_typed(session, initiator):
    def begin(document_type_id, **document):
        data = load(schemas.StartApprovalSchema(), {"document": {
            "id": str(uuid.uuid4()), "type_id": str(document_type_id), "title": "Contract", **document}})
        with session.begin():
            return logic.start_approval(session, actor=initiator, **data)
    return begin


def decide_pending(session, approval, who, decision="approve", **more):
    with session.begin():
        task = session.scalars(select(models.Task).where(
            models.Task.approval_id == approval.id, models.Task.approver_id == who.id,
            models.Task.status == "pending")).one()
    with session.begin():
        return logic.decide(session, task_id=task.id, decision=decision, comment=more.pop("comment", None),
                            actor=who, **more)


def test_a_route_changed_while_approvals_run_applies_to_new_ones_and_both_run_to_their_end(
        save_route, start_typed, make_actor, session, stored, outbox_events):
    lawyer, accountant, director, finance = (make_actor() for _ in range(4))
    type_id = uuid.uuid4()
    save_route(type_id, {"name": "Legal", "approvers": employees(lawyer)},
               {"name": "Accounts", "approvers": employees(accountant)})
    old = start_typed(type_id)
    decide_pending(session, old, lawyer)

    # version 2: a parallel stage of the director and the finance director, then accounts
    route = save_route(type_id, {"name": "Legal", "approvers": employees(lawyer)},
                       {"name": "Directors", "mode": "parallel", "completion": "all",
                        "approvers": employees(director, finance)},
                       {"name": "Accounts", "approvers": employees(accountant)})
    new = start_typed(type_id)

    assert [v.version for v in route.versions] == [2, 1]  # old versions are kept
    assert (stored(old).route_version, stored(new).route_version) == (1, 2)
    # the old one goes on with version 1: accounts next, no directors
    decide_pending(session, old, accountant)
    assert stored(old).status == "approved"
    assert [s.name for s in stored(old).stages] == ["Legal", "Accounts"]
    # the new one runs version 2 to its end
    decide_pending(session, new, lawyer)
    decide_pending(session, new, finance)
    decide_pending(session, new, director)
    decide_pending(session, new, accountant)
    assert stored(new).status == "approved"
    assert [s.name for s in stored(new).stages] == ["Legal", "Directors", "Accounts"]
    assert {p["route_version"] for _, _, p in outbox_events(old.id)} == {1}
    assert {p["route_version"] for _, _, p in outbox_events(new.id)} == {2}


def test_a_route_version_keeps_its_stages_as_the_editor_defined_them(save_route, make_actor):
    head_spec = {"kind": "department_head"}
    route = save_route(uuid.uuid4(), {"name": "Heads", "mode": "parallel", "completion": "quorum", "quorum": 1,
                                      "deadline_unit": "working_days", "deadline_value": 2,
                                      "approvers": [head_spec, {"kind": "role", "role": "lawyer",
                                                                "scope": "legal_entity"}],
                                      "conditions": [{"field": "amount", "op": "gt", "value": "100"}],
                                      "allow_adding": True, "on_return": "this_stage"})

    [stage] = route.versions[0].stages
    assert stage == {"name": "Heads", "mode": "parallel", "completion": "quorum", "quorum": 1,
                     "deadline_unit": "working_days", "deadline_value": 2,
                     "approvers": [head_spec, {"kind": "role", "role": "lawyer", "scope": "legal_entity"}],
                     "conditions": [{"field": "amount", "op": "gt", "value": "100"}],
                     "allow_adding": True, "on_return": "this_stage"}


@pytest.mark.parametrize("stage, field", [
    ({"name": "x", "approvers": []}, "approvers"),
    ({"name": "x", "approvers": [{"kind": "employee"}]}, "employee_id"),
    ({"name": "x", "approvers": [{"kind": "position"}]}, "position"),
    ({"name": "x", "approvers": [{"kind": "chief"}]}, "kind"),
    ({"name": "x", "completion": "quorum", "approvers": [{"kind": "department_head"}]}, "quorum"),
    ({"name": "x", "approvers": [{"kind": "responsible"}], "conditions": [{"field": "amount", "op": "~"}]}, "op"),
])
def test_a_bad_stage_is_refused_naming_the_field(stage, field):
    from chancery_common.errors import InvalidInput as Invalid
    with pytest.raises(Invalid) as refused:
        load(schemas.RouteRequestSchema(), {"document_type_id": str(uuid.uuid4()), "name": "R", "stages": [stage]})
    assert field in str(refused.value.details)


# People at the moment a stage starts.

class Staff:
    """A stand-in for staff's resolve_approvers: a position held by some, a deputy for one."""

    def __init__(self, holders=(), away=None, deputy=None, head=None, administrators=()):
        self.holders, self.away, self.deputy, self.head = list(holders), away, deputy, head
        self.administrators = list(administrators)
        self.asked = []

    def __call__(self, specs, context):
        self.asked.append((specs, context))
        found = []
        for spec in specs:
            ids = [str(h.id) for h in self.holders] if spec["kind"] == "position" else (
                [spec["employee_id"]] if spec["kind"] == "employee" else [])
            people = []
            for employee_id in ids:
                if self.away and employee_id == str(self.away.id):
                    people.append({"employee_id": str(self.deputy.id), "on_behalf_of": employee_id,
                                   "head_id": str(self.head.id) if self.head else None})
                else:
                    people.append({"employee_id": employee_id, "on_behalf_of": None,
                                   "head_id": str(self.head.id) if self.head else None})
            found.append(people)
        return {"approvers": found, "administrator_ids": [str(a.id) for a in self.administrators]}


def start_with(session, initiator, staff, *stages, **document):
    data = load(schemas.StartApprovalSchema(), {"document": {"id": str(uuid.uuid4()), "title": "Contract",
                                                             **document}, "stages": list(stages)})
    with session.begin():
        return logic.start_approval(session, actor=initiator, resolve=staff, **data)


def test_positions_resolve_when_the_stage_starts_and_absences_to_deputies(session, initiator, make_actor, stored,
                                                                         outbox_events):
    lawyer, head, deputy, absent = (make_actor() for _ in range(4))
    staff = Staff(holders=[absent], away=absent, deputy=deputy, head=head)
    approval = start_with(session, initiator, staff, {"approvers": employees(lawyer)},
                          {"approvers": [{"kind": "position", "position": "Chief accountant"}]},
                          department_id=str(uuid.uuid4()))
    assert len(staff.asked) == 1  # the second stage is not resolved yet
    assert staff.asked[0][1]["initiator_id"] == str(initiator.id)

    decide_pending(session, approval, lawyer, resolve=staff)

    [task] = stored(approval).stages[1].tasks
    assert (task.approver_id, task.on_behalf_of, task.head_id) == (deputy.id, absent.id, head.id)
    [(_, _, assigned)] = outbox_events(approval.id, events.APPROVAL_TASK_ASSIGNED)[1:]
    assert (assigned["approver_id"], assigned["on_behalf_of"]) == (str(deputy.id), str(absent.id))
    decide_pending(session, approval, deputy)
    [(_, _, decided)] = outbox_events(approval.id, events.APPROVAL_DECISION_MADE)[1:]
    assert decided["on_behalf_of"] == str(absent.id)


def test_a_deputy_decides_a_task_assigned_before_the_absence_on_behalf_of_the_approver(
        session, initiator, make_actor, stored):
    approver, deputy = make_actor(), make_actor()
    approval = start_with(session, initiator, Staff(), {"approvers": employees(approver)})

    with session.begin():
        task = session.scalars(select(models.Task).where(models.Task.approval_id == approval.id)).one()
        inbox, _ = logic.list_tasks(session, approver_id=deputy.id, standing_in_for=[str(approver.id)])
    assert [t.id for t in inbox] == [task.id]
    with pytest.raises(NotFound), session.begin():  # not their deputy: the task does not exist for them
        logic.decide(session, task_id=task.id, decision="approve", comment=None, actor=deputy)
    with session.begin():
        logic.decide(session, task_id=task.id, decision="approve", comment=None, actor=deputy,
                     standing_in_for=[str(approver.id)])

    [decided] = stored(approval).stages[0].tasks
    assert (decided.approver_id, decided.on_behalf_of, decided.decided_by) == (deputy.id, approver.id, deputy.id)


def test_a_stage_with_nobody_waits_and_tells_the_initiator_and_administrators(session, initiator, make_actor,
                                                                             stored, outbox_events):
    admin, lawyer = make_actor("administrator"), make_actor()
    staff = Staff(holders=[], administrators=[admin])
    approval = start_with(session, initiator, staff, {"approvers": employees(lawyer)},
                          {"name": "Chief accountant", "approvers": [{"kind": "position", "position": "Vacant"}]})
    decide_pending(session, approval, lawyer, resolve=staff)

    assert [s.status for s in stored(approval).stages] == ["completed", "stalled"]
    [(_, _, waiting)] = outbox_events(approval.id, events.APPROVAL_STAGE_WAITING)
    assert waiting["notify_ids"] == [str(initiator.id), str(admin.id)]
    assert stored(approval).status == "in_progress"

    # an administrator adds someone; the stage starts
    accountant = make_actor()
    stalled = stored(approval).stages[1]
    with session.begin():
        logic.add_approver(session, approval_id=approval.id, stage_id=stalled.id, employee_id=accountant.id,
                           actor=admin, resolve=staff)
    assert [s.status for s in stored(approval).stages] == ["completed", "active"]
    decide_pending(session, approval, accountant)
    assert stored(approval).status == "approved"


def test_the_initiator_adds_an_approver_only_where_the_route_allows(session, initiator, make_actor, stored,
                                                                    outbox_events):
    lawyer, extra = make_actor(), make_actor()
    closed = start_with(session, initiator, Staff(), {"approvers": employees(lawyer)})
    open_ = start_with(session, initiator, Staff(), {"approvers": employees(lawyer), "allow_adding": True,
                                                     "mode": "parallel"})

    with pytest.raises(PermissionDenied), session.begin():
        logic.add_approver(session, approval_id=closed.id, stage_id=stored(closed).stages[0].id,
                           employee_id=extra.id, actor=initiator)
    with session.begin():
        logic.add_approver(session, approval_id=open_.id, stage_id=stored(open_).stages[0].id,
                           employee_id=extra.id, actor=initiator)

    [(_, _, assigned)] = outbox_events(open_.id, events.APPROVAL_TASK_ASSIGNED)[1:]
    assert assigned["approver_id"] == str(extra.id)
    decide_pending(session, open_, lawyer)
    assert stored(open_).status == "in_progress"  # the added approver must decide too
    decide_pending(session, open_, extra)
    assert stored(open_).status == "approved"


# Deadlines.

def make_overdue(session, approval):
    with session.begin():
        session.execute(update(models.Task).where(models.Task.approval_id == approval.id,
                                                  models.Task.status == "pending")
                        .values(due_at=datetime.now(timezone.utc) - timedelta(hours=1)))


def test_a_late_decision_needs_the_reason_for_the_delay(session, start, make_actor, stored, outbox_events):
    approver = make_actor()
    approval = start([approver])
    make_overdue(session, approval)

    with pytest.raises(InvalidInput) as refused:
        decide_pending(session, approval, approver)
    assert set(refused.value.details) == {"delay_reason"}

    decide_pending(session, approval, approver, delay_reason="I was ill")
    [task] = stored(approval).stages[0].tasks
    assert (task.status, task.delay_reason) == ("approved", "I was ill")
    [(_, _, decided)] = outbox_events(approval.id, events.APPROVAL_DECISION_MADE)
    assert decided["delay_reason"] == "I was ill"


def test_the_sweep_reports_an_overdue_task_to_the_approver_their_head_and_the_initiator(
        session, initiator, make_actor, outbox_events):
    approver, head = make_actor(), make_actor()
    approval = start_with(session, initiator, Staff(head=head), {"approvers": employees(approver)})
    make_overdue(session, approval)

    with session.begin():
        logic.sweep_overdue(session)
    with session.begin():
        logic.sweep_overdue(session)

    [(_, _, overdue)] = outbox_events(approval.id, events.APPROVAL_OVERDUE)
    assert overdue["notify_ids"] == [str(approver.id), str(head.id), str(initiator.id)]
    assert overdue["approver_id"] == str(approver.id)


def test_an_extension_granted_moves_the_deadline_and_no_delay_reason_is_needed(
        session, start, make_actor, initiator, stored, outbox_events):
    approver = make_actor()
    approval = start([approver])
    make_overdue(session, approval)
    task_id = stored(approval).stages[0].tasks[0].id
    later = datetime.now(timezone.utc) + timedelta(days=2)

    with session.begin():
        logic.request_extension(session, task_id=task_id, due_at=later, reason="Waiting for the bank", actor=approver)
    with pytest.raises(PermissionDenied), session.begin():
        logic.decide_extension(session, task_id=task_id, grant=True, actor=approver)
    with session.begin():
        logic.decide_extension(session, task_id=task_id, grant=True, actor=initiator)

    [(_, _, decided)] = outbox_events(approval.id, events.APPROVAL_EXTENSION_DECIDED)
    assert decided["granted"] is True
    assert datetime.fromisoformat(decided["due_at"]) == later
    decide_pending(session, approval, approver)  # no delay reason asked
    assert stored(approval).status == "approved"


def test_a_refused_extension_leaves_the_deadline(session, start, make_actor, initiator, stored):
    approver = make_actor()
    approval = start([approver])
    task = stored(approval).stages[0].tasks[0]
    with session.begin():
        logic.request_extension(session, task_id=task.id, due_at=task.due_at + timedelta(days=1), reason="Busy",
                                actor=approver)
    with session.begin():
        logic.decide_extension(session, task_id=task.id, grant=False, actor=initiator)
    with pytest.raises(Conflict), session.begin():
        logic.decide_extension(session, task_id=task.id, grant=True, actor=initiator)

    refreshed = stored(approval).stages[0].tasks[0]
    assert (refreshed.due_at, refreshed.extension_status) == (task.due_at, "refused")


def test_the_report_shows_who_held_what_and_overdue_by_employee(session, start, make_actor, director):
    slow, quick = make_actor(), make_actor()
    late = start([slow])
    start([quick])
    make_overdue(session, late)

    with session.begin():
        report = logic.report(session, actor=director, approver_id=None)
        own = logic.report(session, actor=slow)

    rows = {row["approver_id"]: row for row in report["by_employee"]}
    assert rows[slow.id]["open_overdue"] == 1 and rows[quick.id]["overdue"] == 0
    assert {row["approver_id"] for row in own["held"]} == {slow.id}
    assert [row["overdue"] for row in own["held"]] == [True]
