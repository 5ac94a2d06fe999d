"""The life of an approval: stages in order, tasks for approvers, decisions, outcome.

The rules of a stage (which stages a document runs, when a stage is complete, deadlines)
are pure functions in :mod:`approvals.engine`; this module keeps the records, the locks
and the events.

People are resolved when a stage starts by ``resolve(specs, context)`` (the staff
service's ``resolve_approvers``): for each approver spec the employees who act today,
``[{"employee_id", "on_behalf_of", "head_id", "department_id"}]``, and
``administrator_ids``.
"""
import json
import uuid
from datetime import datetime, timezone

from sqlalchemy import and_, case, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, lazyload

from chancery_common.audit import diff
from chancery_common.idempotency import already_made
from chancery_common.metrics import APPROVAL_TASKS_OVERDUE
from chancery_common.paging import page
from chancery_common.statuses import APPROVABLE_DOCUMENT_STATUSES
from chancery_common.values import as_uuid

from . import engine, events, routes
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import Approval, Stage, Task, audit_log

# Roles that see every approval (docs/permissions.md).
OVERSEEING_ROLES = ("administrator", "director")
OPEN_APPROVAL = ("in_progress", "returned")
DEFAULT_TIME_ZONE = "Europe/Moscow"


def _now():
    return datetime.now(timezone.utc)


def named_employees(specs, context):
    """A resolver without the staff service: named employees act themselves, the
    responsible person is the document's; positions, roles and heads resolve to nobody."""
    found = []
    for spec in specs:
        if spec["kind"] == "employee":
            found.append([{"employee_id": str(spec["employee_id"]), "on_behalf_of": None}])
        elif spec["kind"] == "responsible" and context.get("responsible_id"):
            found.append([{"employee_id": str(context["responsible_id"]), "on_behalf_of": None}])
        else:
            found.append([])
    return {"approvers": found, "administrator_ids": []}


# Resolving approvers outside the locks ------------------------------------------------------
# Resolving approvers is a call to the staff service; no remote call is made while this
# service holds row locks. A transaction asks a resolver made by ``resolved_beforehand``: it
# answers what was resolved before the transaction began and otherwise raises ResolveFirst,
# upon which the caller rolls back (the locks go), resolves, and runs the work again.

class ResolveFirst(Exception):
    """The work needs approvers resolved that were not resolved before its transaction."""

    def __init__(self, specs, context):
        super().__init__("approvers to resolve before the transaction")
        self.specs, self.context = specs, context
        self.key = resolution_key(specs, context)


def resolution_key(specs, context):
    return json.dumps([specs, context], sort_keys=True, default=str)


def resolved_beforehand(known):
    """A resolver answering from ``known`` ({resolution_key: answer}), raising ResolveFirst for anything else."""
    def resolve(specs, context):
        key = resolution_key(specs, context)
        if key not in known:
            raise ResolveFirst(specs, context)
        return known[key]
    return resolve


def resolving_outside_locks(session, work, resolve, known=None):
    """``work(resolver)`` in a transaction, with no call to ``resolve`` while it holds row locks:
    approvers it needs that were not resolved beforehand (``known``) roll it back, are resolved
    with no transaction open, and the work runs again."""
    known = dict(known or {})
    for _ in range(4):
        try:
            with session.begin():
                return work(resolved_beforehand(known))
        except ResolveFirst as needed:
            known[needed.key] = resolve(needed.specs, needed.context)
    raise Conflict("the approval kept changing while its approvers were resolved: try again")


def approvers_after(session, *, task_id):
    """(specs, context) of the stage a decision on this task would start, read without locks,
    or None: what the service resolves before ``decide`` locks the approval."""
    task = session.get(Task, task_id)
    if task is None:
        return None
    approval, stage = session.get(Approval, task.approval_id), session.get(Stage, task.stage_id)
    following = sorted((s for s in approval.stages if s.position > stage.position and s.status == "waiting"),
                       key=lambda s: s.position)
    return (following[0].approvers, _context(approval)) if following else None


def _uuid_or_none(value):
    return None if value in (None, "") else as_uuid(value)


# Visibility ---------------------------------------------------------------------------------

def visible_to(actor):
    """The SQL condition on approvals that selects those the actor may see."""
    if actor.has_role(*OVERSEEING_ROLES):
        return true()
    return or_(Approval.initiator_id == actor.id,
               Approval.id.in_(select(Task.approval_id).where(
                   or_(Task.approver_id == actor.id, Task.on_behalf_of == actor.id))),
               # named in a stage still waiting for its turn
               Approval.id.in_(select(Stage.approval_id).where(Stage.approvers.contains(
                   [{"kind": "employee", "employee_id": str(actor.id)}]))))


def visible_ids(session, *, ids, actor):
    """Those of ``ids`` naming approvals the actor may see (asked by services that show what
    they learned from approvals: chancery_common.visibility)."""
    if not ids:
        return []
    return session.scalars(select(Approval.id).where(Approval.id.in_(ids), visible_to(actor))).all()


def get_approval(session, *, approval_id, actor, for_update=False):
    """The approval, or NotFound when it does not exist or the actor may not see it."""
    query = select(Approval).where(Approval.id == approval_id, visible_to(actor))
    if for_update:  # and read it afresh: another worker may have just changed it
        query = query.with_for_update(of=Approval).execution_options(populate_existing=True)
    approval = session.scalars(query).first()
    if approval is None:
        raise NotFound(f"approval {approval_id} not found")
    return approval


def list_approvals(session, *, actor, document_id=None, counterparty_id=None, status=None, limit=50,
                   offset=0):
    """A page of the approvals the actor sees, newest first, and the total matching the filters."""
    query = select(Approval).where(visible_to(actor))
    if document_id is not None:
        query = query.where(Approval.document_id == document_id)
    if counterparty_id is not None:
        query = query.where(Approval.counterparty_id == counterparty_id)
    if status is not None:
        query = query.where(Approval.status == status)
    # a document's or a counterparty's approvals are few: their stages and tasks come joined,
    # in the same query (two round trips fewer for the unified view); a long list loads them
    # by ids (selectin), not as approvals x stages x tasks rows
    few = document_id is not None or counterparty_id is not None
    return page(session, query, order_by=(Approval.started_at.desc(), Approval.id), limit=limit, offset=offset,
                options=(joinedload(Approval.stages).joinedload(Stage.tasks),) if few else (), unique=few)


def list_tasks(session, *, approver_id, status="pending", limit=50, offset=0, standing_in_for=()):
    """An approver's tasks, soonest due first (and, when ``standing_in_for`` names the
    employees whose deputy they are today, those employees' pending tasks too)."""
    approvers = [approver_id, *standing_in_for]
    query = select(Task).where(Task.approver_id.in_(approvers) if status == "pending"
                               else Task.approver_id == approver_id)
    if status == "pending":
        query = query.where(Task.status == "pending")
    elif status == "decided":
        query = query.where(Task.decided_at.is_not(None))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    order = ((Task.due_at.asc().nulls_last(), Task.assigned_at) if status == "pending"
             else (Task.decided_at.desc().nulls_last(), Task.assigned_at.desc()))
    tasks = session.scalars(query.order_by(*order, Task.id).limit(limit).offset(offset)).all()
    return tasks, total


def inbox_context(session, tasks):
    """What a list of tasks shows beside each task: its approval (without stages) by id and
    its stage's name by stage id; two queries, whatever the number of tasks."""
    if not tasks:
        return {}, {}
    approvals = session.scalars(select(Approval).where(
        Approval.id.in_({task.approval_id for task in tasks}))).all()
    names = session.execute(select(Stage.id, Stage.name).where(
        Stage.id.in_({task.stage_id for task in tasks}))).all()
    return {approval.id: approval for approval in approvals}, dict(names)


def explain_access(session, *, asked_by, actor, record_id):
    """Whether the actor sees the approval, and every rule that decides it, as sentences."""
    if not asked_by.has_role("administrator"):
        raise PermissionDenied("only administrators may ask why an employee sees a record")
    approval = session.get(Approval, record_id)
    if approval is None:
        raise NotFound(f"approval {record_id} not found")
    reasons = [f"They are {'an' if role[0] in 'aeiou' else 'a'} {role}, and {role}s see every approval."
               for role in OVERSEEING_ROLES if actor.has_role(role)]
    if approval.initiator_id == actor.id:
        reasons.append("They initiated the approval.")
    stages = [stage.name for stage in approval.stages
              if any(actor.id in (task.approver_id, task.on_behalf_of) for task in stage.tasks)
              or {"kind": "employee", "employee_id": str(actor.id)} in stage.approvers]
    if stages:
        reasons.append(f"They are an approver in it ({', '.join(stages)}).")
    if reasons:
        return {"visible": True, "reasons": reasons}
    return {"visible": False, "reasons": [
        "None of the rules applies: they are neither an administrator nor a director, "
        "did not initiate the approval and are not one of its approvers."]}


# Starting -----------------------------------------------------------------------------------

def _snapshot(document):
    """The document fields conditions and approver resolution read (JSON)."""
    keep = ("id", "type_id", "type_code", "title", "number", "counterparty_id", "amount", "currency",
            "department_id", "legal_entity_id", "responsible_id")
    snapshot = {key: (str(document[key]) if isinstance(document.get(key), uuid.UUID) else document.get(key))
                for key in keep if key in document}
    snapshot["fields"] = document.get("extra_fields") or document.get("fields") or {}
    return snapshot


def _context(approval):
    snap = approval.snapshot or {}
    return {"department_id": snap.get("department_id"), "legal_entity_id": snap.get("legal_entity_id"),
            "initiator_id": str(approval.initiator_id), "responsible_id": snap.get("responsible_id"),
            "on": _now().date().isoformat()}


def start_approval(session, *, document, stages, comment, actor, resolve=named_employees,
                   time_zone=DEFAULT_TIME_ZONE, document_status=None):
    """Create the approval with its stages and send the document to the first stage.

    Without explicit stages the current version of the route of the document's type is
    used, and the approval records which version it follows to its end.
    """
    made = already_made(session, Approval, actor.idempotency_key)
    if made is not None:  # a retry of a request whose first attempt was written
        return made
    if document_status is not None and document_status not in APPROVABLE_DOCUMENT_STATUSES:
        raise Conflict(f"a document in status {document_status} cannot be sent for approval")
    route_version = None
    if not stages:
        if document.get("type_id"):
            route_version = routes.current_route_version(session, document_type_id=document["type_id"])
        if route_version is None:
            raise InvalidInput("Invalid input: stages", {"stages": [
                "This document type has no approval route: name the approvers."]})
        stages = route_version.stages
    snapshot = _snapshot(document)
    approval = Approval(id=uuid.uuid4(), document_id=document["id"], counterparty_id=document["counterparty_id"],
                        document_title=document["title"], document_number=document["number"],
                        document_type_id=document.get("type_id"), snapshot=snapshot,
                        initiator_id=actor.id, status="in_progress", comment=comment, round=1,
                        route_version_id=route_version.id if route_version else None,
                        route_version=route_version.version if route_version else None,
                        idempotency_key=actor.idempotency_key)
    session.add(approval)
    planned = engine.plan(stages, snapshot)
    if not any(applies for _, _, applies in planned):
        raise InvalidInput("Invalid input: stages", {"stages": [
            "No stage of the route applies to this document: its conditions exclude every stage."]})
    for position, spec, applies in planned:
        stored = routes.stored_stage(spec)
        session.add(Stage(approval=approval, position=position, name=spec["name"] or f"Stage {position}",
                          mode=spec["mode"], completion=spec["completion"], quorum=spec["quorum"],
                          deadline_unit=spec["deadline_unit"], deadline_value=spec["deadline_value"],
                          deadline_hours=spec["deadline_value"] if spec["deadline_unit"] == "hours" else None,
                          approvers=stored["approvers"], conditions=stored["conditions"],
                          allow_adding=spec["allow_adding"], on_return=spec["on_return"],
                          status="waiting" if applies else "skipped"))
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(f"document {document['id']} is already on approval") from None
    audit_log.record(session, actor_id=actor.id, action="started", record_type="approval",
                     record_id=approval.id, changes=diff({}, {
                         "document_id": approval.document_id, "status": approval.status,
                         "comment": approval.comment, "route_version_id": approval.route_version_id,
                         "stages": [{"name": stage.name, "mode": stage.mode, "completion": stage.completion,
                                     "status": stage.status, "approvers": stage.approvers}
                                    for stage in approval.stages],
                     }, ("document_id", "status", "comment", "route_version_id", "stages")))
    pending = _advance(session, approval, 1, resolve=resolve, time_zone=time_zone)
    first = [p for kind, p in pending if kind == events.APPROVAL_STAGE_STARTED]
    events.catalog.record(session, events.APPROVAL_STARTED, {
        **events.approval_ref(approval),
        "approver_ids": [task["approver_id"] for task in first[0]["tasks"]] if first else []})
    _emit(session, pending)
    return approval


def _emit(session, pending):
    for event_type, payload in pending:
        events.catalog.record(session, event_type, payload)


def current_tasks(stage):
    """The tasks of the stage's latest run (a resubmission runs a stage again)."""
    if not stage.tasks:
        return []
    latest = max(task.round for task in stage.tasks)
    return [task for task in stage.tasks if task.round == latest]


def _advance(session, approval, from_position, *, resolve, time_zone, decided_by=None, comment=None):
    """Start the first stage to run at or after ``from_position``; with none left the
    approval is approved. Returns the events to record, in order."""
    following = [s for s in approval.stages if s.position >= from_position and s.status == "waiting"]
    if not following:
        return _finish(session, approval, outcome="approved", decided_by=decided_by, comment=comment)
    return _start_stage(session, approval, following[0], resolve=resolve, time_zone=time_zone)


def _task_payload(task):
    return {"task_id": task.id, "approver_id": task.approver_id, "on_behalf_of": task.on_behalf_of,
            "due_at": task.due_at}


def _assigned(approval, stage, task):
    return (events.APPROVAL_TASK_ASSIGNED, {**events.approval_ref(approval), "stage_id": stage.id,
                                            "stage_name": stage.name, **_task_payload(task)})


def _activate(task, stage, now, time_zone):
    task.status = "pending"
    task.assigned_at = now
    task.due_at = (stage.due_at if stage.mode == "parallel"
                   else engine.due_at(now, stage.deadline_unit, stage.deadline_value, time_zone))


def _start_stage(session, approval, stage, *, resolve, time_zone):
    """Resolve the stage's approvers to today's people and open their tasks; a stage that
    resolves to nobody waits ("stalled") and the initiator and administrators are told."""
    now = _now()
    resolved = resolve(stage.approvers, _context(approval))
    people = {}
    for found in resolved["approvers"]:
        for person in found:
            people.setdefault(str(person["employee_id"]), person)
    stage.started_at = now
    if not people:
        stage.status = "stalled"
        session.flush()
        notify = list(dict.fromkeys([str(approval.initiator_id), *map(str, resolved.get("administrator_ids", []))]))
        return [(events.APPROVAL_STAGE_WAITING, {
            **events.approval_ref(approval), "stage_id": stage.id, "stage_name": stage.name,
            "reason": "The stage's approvers resolve to nobody today: add an approver.",
            "notify_ids": notify})]
    stage.status = "active"
    stage.due_at = engine.due_at(now, stage.deadline_unit, stage.deadline_value, time_zone)
    tasks = []
    for order, person in enumerate(people.values()):
        task = Task(approval_id=approval.id, approver_id=as_uuid(person["employee_id"]), position=order,
                    on_behalf_of=_uuid_or_none(person.get("on_behalf_of")),
                    head_id=_uuid_or_none(person.get("head_id")),
                    department_id=_uuid_or_none(person.get("department_id")), round=approval.round,
                    status="waiting")
        stage.tasks.append(task)
        tasks.append(task)
    active = tasks if stage.mode == "parallel" else tasks[:1]
    for task in active:
        _activate(task, stage, now, time_zone)
    session.flush()
    return [(events.APPROVAL_STAGE_STARTED, {
        **events.approval_ref(approval), "stage_id": stage.id, "stage_name": stage.name,
        "position": stage.position, "mode": stage.mode, "completion": stage.completion, "quorum": stage.quorum,
        "due_at": stage.due_at, "tasks": [_task_payload(task) for task in active]}),
        *[_assigned(approval, stage, task) for task in active]]


# Deciding -----------------------------------------------------------------------------------

def _lock(session, approval_id, stage_id, task_id):
    """The approval, stage and task read afresh under row locks, in that order everywhere:
    two decisions on one stage wait for each other, so the stage completes once."""
    approval = session.scalars(select(Approval).where(Approval.id == approval_id).with_for_update()
                               .execution_options(populate_existing=True)).one()
    stage = session.scalars(select(Stage).where(Stage.id == stage_id).with_for_update()
                            .execution_options(populate_existing=True)).one()
    session.scalars(select(Task).where(Task.stage_id == stage_id).order_by(Task.id).with_for_update()
                    .execution_options(populate_existing=True)).all()
    session.expire(stage, ["tasks"])
    task = session.get(Task, task_id)
    return approval, stage, task


def get_task(session, *, task_id, actor):
    """One task, for whoever sees its approval or decides it (its approver, their deputy today),
    else NotFound."""
    task = session.get(Task, task_id)
    if task is None or not (_may_act_for(task, actor, actor.acting_for) or session.scalar(
            select(Approval.id).where(Approval.id == task.approval_id, visible_to(actor)))):
        raise NotFound(f"task {task_id} not found")
    return task


def is_own_task(session, *, task_id, actor):
    """Whether the task is the actor's own (else the actor may be deciding as a deputy)."""
    return session.scalar(select(Task.approver_id).where(Task.id == task_id)) == actor.id


def _may_act_for(task, actor, standing_in_for):
    """Whether the actor decides this task: its approver, or today their deputy."""
    return task.approver_id == actor.id or task.approver_id in set(map(as_uuid, standing_in_for))


def decide(session, *, task_id, decision, comment, actor, delay_reason=None, remarks_file_id=None,
           request_id=None, resolve=named_employees, time_zone=DEFAULT_TIME_ZONE, standing_in_for=()):
    """Record an approver's decision and move the approval on.

    ``request_id`` makes a repeated request (a redelivery, a double click) count once; without
    one, the attempt id of a request carrying an Idempotency-Key does.
    """
    if request_id is None and actor.idempotency_key is not None:
        request_id = str(actor.idempotency_key)
    task = session.get(Task, task_id)
    if task is None or not _may_act_for(task, actor, standing_in_for):
        raise NotFound(f"task {task_id} not found")  # someone else's task does not exist for this caller
    approval, stage, task = _lock(session, task.approval_id, task.stage_id, task_id)
    if request_id and task.decision_key == request_id:
        return approval  # this very decision was recorded already
    if approval.status != "in_progress" or task.status != "pending":
        raise Conflict(_not_waiting(approval, stage, task))
    now = _now()
    problems = {}
    if decision in ("reject", "return_for_revision") and not comment:
        problems["comment"] = ["A comment is required to reject or return a document."]
    if decision == "approve_with_remarks" and not comment and not remarks_file_id:
        problems["comment"] = ["Write the remarks or attach a file of remarks."]
    if task.due_at and now > task.due_at and not (delay_reason or "").strip():
        problems["delay_reason"] = ["The deadline has passed: give the reason for the delay."]
    if problems:
        raise InvalidInput(f"Invalid input: {', '.join(problems)}", problems)
    if task.approver_id != actor.id:  # the deputy decides for the absent approver
        task.on_behalf_of = task.on_behalf_of or task.approver_id
        task.approver_id = actor.id
    before = {"status": task.status}
    task.decision = decision
    task.comment = comment
    task.delay_reason = delay_reason if task.due_at and now > task.due_at else None
    task.remarks_file_id = remarks_file_id
    task.decided_at = now
    task.decided_by = actor.id
    task.decision_key = request_id
    task.status = engine.DECISION_STATUS[decision]
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="decision_recorded", record_type="approval",
                     on_behalf_of=task.on_behalf_of, record_id=approval.id, changes={"task_id": task.id, **diff(
                         before, {"status": task.status, "decision": decision, "comment": comment,
                                  "delay_reason": task.delay_reason},
                         ("status", "decision", "comment", "delay_reason"))})
    pending = [(events.APPROVAL_DECISION_MADE, {
        **events.approval_ref(approval), "stage_id": stage.id, "task_id": task.id, "approver_id": task.approver_id,
        "on_behalf_of": task.on_behalf_of, "decision": decision, "comment": comment,
        "delay_reason": task.delay_reason, "decided_at": now})]
    tasks = current_tasks(stage)
    outcome = engine.stage_outcome(stage.mode, stage.completion, stage.quorum, [t.status for t in tasks])
    if outcome == "open":
        if stage.mode == "sequential":
            index = engine.next_sequential([t.status for t in tasks])
            if index is not None:
                _activate(tasks[index], stage, now, time_zone)
                session.flush()
                pending.append(_assigned(approval, stage, tasks[index]))
    else:
        stage.status = outcome
        stage.finished_at = now
        _cancel_open_tasks(tasks)
        if outcome == "rejected":
            pending += _finish(session, approval, outcome="rejected", decided_by=actor.id, comment=comment)
        elif outcome == "returned":
            approval.status = "returned"
            session.flush()
            pending.append((events.APPROVAL_RETURNED, {
                **events.approval_ref(approval), "returned_by": actor.id, "comment": comment}))
        else:
            pending += _advance(session, approval, stage.position + 1, resolve=resolve, time_zone=time_zone,
                                decided_by=actor.id, comment=comment)
    _emit(session, pending)
    return approval


def _not_waiting(approval, stage, task):
    if approval.status != "in_progress":
        return (f"This approval is {approval.status.replace('_', ' ')}: the decision is not accepted. "
                f"The task is {task.status}.")
    if stage.status != "active":
        return f"The stage “{stage.name}” is no longer active (it is {stage.status}): the decision is not accepted."
    if task.status == "waiting":
        return "This task waits for its turn in a sequential stage: the decision is not accepted yet."
    return f"This task no longer waits for a decision (it is {task.status}): the decision is not accepted."


def _cancel_open_tasks(tasks):
    for task in tasks:
        if task.status in ("pending", "waiting"):
            task.status = "cancelled"


def _finish(session, approval, *, outcome, decided_by, comment):
    """End the approval: what remains is cancelled or skipped. Returns the finished event."""
    now = _now()
    for stage in approval.stages:
        _cancel_open_tasks(stage.tasks)
        if stage.status in ("active", "stalled"):
            stage.status = "cancelled"
            stage.finished_at = now
        elif stage.status == "waiting":
            stage.status = "skipped" if outcome != "withdrawn" else "cancelled"
    audit_log.record(session, actor_id=decided_by, action="completed", record_type="approval",
                     record_id=approval.id, changes=diff({"status": approval.status},
                                                         {"status": outcome, "outcome": outcome},
                                                         ("status", "outcome")))
    approval.status = outcome
    approval.outcome = outcome
    approval.finished_at = now
    session.flush()
    return [(events.APPROVAL_FINISHED, {**events.approval_ref(approval), "outcome": outcome,
                                        "decided_by": decided_by, "comment": comment, "finished_at": now})]


def resubmit(session, *, approval_id, comment, actor, document=None, resolve=named_employees,
             time_zone=DEFAULT_TIME_ZONE):
    """The initiator sends the revised document back: the route restarts from the stage the
    returning stage names (the first stage, or that stage itself), with the conditions
    evaluated again against the revised document."""
    approval = get_approval(session, approval_id=approval_id, actor=actor, for_update=True)
    if approval.initiator_id != actor.id:
        raise PermissionDenied("only the initiator may resubmit the document")
    if approval.status != "returned":
        raise Conflict(f"this approval is {approval.status.replace('_', ' ')}, not returned for revision: "
                       "there is nothing to resubmit")
    returned = max((s for s in approval.stages if s.status == "returned"), key=lambda s: s.finished_at)
    applicable = [s.position for s in approval.stages if s.status != "skipped"] or [1]
    restart = engine.restart_position(returned.on_return, returned.position, min(applicable))
    if document is not None:
        approval.snapshot = {**(approval.snapshot or {}), **_snapshot(document)}
        approval.document_title = document.get("title") or approval.document_title
    approval.round += 1
    approval.status = "in_progress"
    for stage in approval.stages:
        if stage.position >= restart:
            stage.status = "waiting" if engine.stage_applies(
                {"conditions": stage.conditions}, approval.snapshot or {}) else "skipped"
            stage.started_at = stage.finished_at = stage.due_at = None
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="resubmitted", record_type="approval",
                     record_id=approval.id, changes={"comment": comment, "restart_stage_position": restart,
                                                     "round": approval.round})
    events.catalog.record(session, events.APPROVAL_RESUBMITTED, {
        **events.approval_ref(approval), "restart_stage_position": restart})
    _emit(session, _advance(session, approval, restart, resolve=resolve, time_zone=time_zone,
                            decided_by=actor.id, comment=comment))
    return approval


def withdraw(session, *, approval_id, reason, actor):
    """The initiator takes the document back; open tasks are cancelled."""
    approval = get_approval(session, approval_id=approval_id, actor=actor, for_update=True)
    if approval.initiator_id != actor.id:
        raise PermissionDenied("only the initiator may withdraw an approval")
    if approval.status not in OPEN_APPROVAL:
        raise Conflict(f"approval {approval_id} is {approval.status}; it cannot be withdrawn")
    audit_log.record(session, actor_id=actor.id, action="withdrawn", record_type="approval",
                     record_id=approval.id, changes={"reason": reason})
    _emit(session, _finish(session, approval, outcome="withdrawn", decided_by=actor.id, comment=reason))
    return approval


def add_approver(session, *, approval_id, stage_id, employee_id, actor, resolve=named_employees,
                 time_zone=DEFAULT_TIME_ZONE):
    """The initiator adds an approver to the running stage (where the route allows it); the
    initiator or an administrator adds one to a stage that waits for want of approvers."""
    approval = get_approval(session, approval_id=approval_id, actor=actor, for_update=True)
    stage = next((s for s in approval.stages if s.id == stage_id), None)
    if stage is None:
        raise NotFound(f"stage {stage_id} not found")
    stalled = stage.status == "stalled"
    if not (approval.initiator_id == actor.id or (stalled and actor.has_role("administrator"))):
        raise PermissionDenied("only the initiator may add approvers")
    if approval.status != "in_progress" or stage.status not in ("active", "stalled"):
        raise Conflict(f"the stage “{stage.name}” is not running (it is {stage.status}): approvers are added "
                       "to the running stage only")
    if not stalled and not stage.allow_adding:
        raise PermissionDenied("the route does not allow adding approvers to this stage")
    session.scalars(select(Stage).where(Stage.id == stage.id).with_for_update()).one()
    tasks = current_tasks(stage)
    found = resolve([{"kind": "employee", "employee_id": str(employee_id)}], _context(approval))["approvers"][0]
    if not found:
        raise InvalidInput("Invalid input: employee_id", {"employee_id": ["No active employee acts for them."]})
    person = found[0]
    if any(str(t.approver_id) == str(person["employee_id"]) and t.status not in ("cancelled",) for t in tasks):
        raise Conflict("this employee is already an approver of the stage")
    now = _now()
    task = Task(approval_id=approval.id, approver_id=as_uuid(person["employee_id"]),
                position=max((t.position for t in tasks), default=-1) + 1,
                on_behalf_of=_uuid_or_none(person.get("on_behalf_of")), head_id=_uuid_or_none(person.get("head_id")),
                department_id=_uuid_or_none(person.get("department_id")), added_by=actor.id,
                round=max((t.round for t in tasks), default=approval.round), status="waiting")
    stage.tasks.append(task)
    pending = []
    if stalled:
        stage.status = "active"
        stage.started_at = now
        stage.due_at = engine.due_at(now, stage.deadline_unit, stage.deadline_value, time_zone)
    if stalled or stage.mode == "parallel":
        _activate(task, stage, now, time_zone)
    session.flush()
    if stalled:
        pending.append((events.APPROVAL_STAGE_STARTED, {
            **events.approval_ref(approval), "stage_id": stage.id, "stage_name": stage.name,
            "position": stage.position, "mode": stage.mode, "completion": stage.completion,
            "quorum": stage.quorum, "due_at": stage.due_at, "tasks": [_task_payload(task)]}))
    if task.status == "pending":
        pending.append(_assigned(approval, stage, task))
    audit_log.record(session, actor_id=actor.id, action="approver_added", record_type="approval",
                     record_id=approval.id, changes={"stage_id": stage.id, "approver_id": task.approver_id})
    _emit(session, pending)
    return approval


# Deadlines ----------------------------------------------------------------------------------

def request_extension(session, *, task_id, due_at, reason, actor, standing_in_for=()):
    """The approver asks the initiator to move their deadline."""
    task = session.get(Task, task_id)
    if task is None or not _may_act_for(task, actor, standing_in_for):
        raise NotFound(f"task {task_id} not found")
    approval, stage, task = _lock(session, task.approval_id, task.stage_id, task_id)
    if approval.status != "in_progress" or task.status != "pending":
        raise Conflict(_not_waiting(approval, stage, task))
    if task.extension_status == "requested":
        raise Conflict("an extension of this task is already waiting for the initiator")
    if due_at <= _now() or (task.due_at and due_at <= task.due_at):
        raise InvalidInput("Invalid input: due_at", {"due_at": ["Ask for a deadline later than the current one."]})
    task.extension_requested_due_at = due_at
    task.extension_reason = reason
    task.extension_status = "requested"
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="extension_requested", record_type="approval",
                     record_id=approval.id, changes={"task_id": task.id, "due_at": due_at, "reason": reason})
    events.catalog.record(session, events.APPROVAL_EXTENSION_REQUESTED, {
        **events.approval_ref(approval), "task_id": task.id, "approver_id": task.approver_id,
        "requested_due_at": due_at, "reason": reason})
    return approval


def decide_extension(session, *, task_id, grant, actor):
    """The initiator grants (the deadline moves; overdue may be reported again for the new
    deadline) or refuses an extension."""
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(f"task {task_id} not found")
    approval = get_approval(session, approval_id=task.approval_id, actor=actor)
    if approval.initiator_id != actor.id:
        raise PermissionDenied("only the initiator grants or refuses an extension")
    approval, stage, task = _lock(session, task.approval_id, task.stage_id, task_id)
    if task.extension_status != "requested" or task.status != "pending":
        raise Conflict("no extension of this task waits for a decision")
    if grant:
        task.due_at = task.extension_requested_due_at
        task.overdue_notified_at = None
    task.extension_status = "granted" if grant else "refused"
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="extension_decided", record_type="approval",
                     record_id=approval.id, changes={"task_id": task.id, "granted": grant, "due_at": task.due_at})
    events.catalog.record(session, events.APPROVAL_EXTENSION_DECIDED, {
        **events.approval_ref(approval), "task_id": task.id, "approver_id": task.approver_id,
        "granted": grant, "due_at": task.due_at})
    return approval


def measure_overdue(session, now=None):
    """Set the gauge of open tasks past their deadline (for /metrics)."""
    now = now or datetime.now(timezone.utc)
    APPROVAL_TASKS_OVERDUE.set(session.scalar(
        select(func.count()).select_from(Task).where(Task.status == "pending", Task.due_at < now)))


def sweep_overdue(session, *, now=None, limit=500):
    """Claim open tasks past their deadline not yet reported (``FOR UPDATE SKIP LOCKED``: any
    number of replicas sweep at once, each task is reported once), mark them and record
    approval.overdue in the same transaction. Returns how many were reported.

    The claim locks each task's approval with it (marking a task stamps its approval for a
    sync, migration 0009): skipped while a decision holds the approval, never waiting for it."""
    now = now or _now()
    claimed = session.execute(
        select(Task.id, Task.approval_id, Task.stage_id, Task.approver_id, Task.head_id, Task.due_at)
        .join(Approval, Approval.id == Task.approval_id)
        .where(Task.status == "pending", Task.due_at < now, Task.overdue_notified_at.is_(None))
        .order_by(Task.due_at).limit(limit).with_for_update(skip_locked=True, of=(Task, Approval))).all()
    if not claimed:
        return 0
    # one statement marks them all (the rows are locked by this transaction)
    session.execute(update(Task).where(Task.id.in_([row.id for row in claimed]))
                    .values(overdue_notified_at=now).execution_options(synchronize_session=False))
    approvals = {a.id: a for a in session.scalars(select(Approval).where(
        Approval.id.in_({row.approval_id for row in claimed})).options(lazyload(Approval.stages)))}
    stage_names = dict(session.execute(select(Stage.id, Stage.name).where(
        Stage.id.in_({row.stage_id for row in claimed}))).all())
    for row in claimed:
        approval = approvals[row.approval_id]
        notify = [str(i) for i in dict.fromkeys(i for i in (row.approver_id, row.head_id, approval.initiator_id)
                                                if i is not None)]
        events.catalog.record(session, events.APPROVAL_OVERDUE, {
            **events.approval_ref(approval), "stage_id": row.stage_id, "stage_name": stage_names[row.stage_id],
            "task_id": row.id, "approver_id": row.approver_id, "due_at": row.due_at, "notify_ids": notify})
    return len(claimed)


# Reports ------------------------------------------------------------------------------------

def report(session, *, actor, since=None, until=None, department_id=None, approver_id=None, limit=200):
    """Who held which documents for how long (every task assigned in the period), and overdue
    counts by employee and by department. Directors and administrators see everyone,
    department heads the tasks held in their departments, others their own tasks."""
    now = _now()
    # a task cancelled undecided (the stage completed without it, a withdrawal) was held until its stage ended
    held_until = func.coalesce(Task.decided_at, case((Task.status.in_(("pending", "waiting")), now),
                                                     else_=Stage.finished_at), now)
    hours = func.extract("epoch", held_until - Task.assigned_at) / 3600.0
    late = and_(Task.due_at.is_not(None), Task.due_at < held_until)
    where = [Task.assigned_at.is_not(None)]
    if since is not None:
        where.append(Task.assigned_at >= since)
    if until is not None:
        where.append(Task.assigned_at < until)
    if department_id is not None:
        where.append(Task.department_id == department_id)
    if actor.has_role(*OVERSEEING_ROLES):
        pass
    elif actor.has_role("department_head") and actor.visible_department_ids:
        # a head answers for the approvals held in their departments
        where.append(Task.department_id.in_(actor.visible_department_ids))
    else:
        where.append(Task.approver_id == actor.id)
    if approver_id is not None:
        where.append(Task.approver_id == approver_id)
    rows = session.execute(
        select(Task, Approval.document_id, Approval.document_title, Approval.document_number, Stage.name,
               hours.label("hours"), late.label("late"))
        .join(Approval, Approval.id == Task.approval_id).join(Stage, Stage.id == Task.stage_id)
        .where(*where).order_by(hours.desc()).limit(limit)).all()
    held = [{"task_id": task.id, "approval_id": task.approval_id, "document_id": document_id,
             "document_title": title, "document_number": number, "stage_name": stage_name,
             "approver_id": task.approver_id, "on_behalf_of": task.on_behalf_of,
             "department_id": task.department_id, "status": task.status,
             "assigned_at": task.assigned_at, "decided_at": task.decided_at, "due_at": task.due_at,
             "hours": round(float(hours_held or 0), 2), "overdue": bool(is_late), "delay_reason": task.delay_reason}
            for task, document_id, title, number, stage_name, hours_held, is_late in rows]

    def grouped(column):
        return [{"key": key, "tasks": tasks, "overdue": overdue, "open_overdue": open_overdue,
                 "hours": round(float(total or 0), 2)}
                for key, tasks, overdue, open_overdue, total in session.execute(
                    select(column, func.count(), func.count().filter(late),
                           func.count().filter(and_(late, Task.status == "pending")), func.sum(hours))
                    .join(Stage, Stage.id == Task.stage_id).where(*where).group_by(column)
                    .order_by(func.count().filter(late).desc(), func.count().desc())).all()]
    return {"held": held,
            "by_employee": [{**row, "approver_id": row.pop("key")} for row in grouped(Task.approver_id)],
            "by_department": [{**row, "department_id": row.pop("key")} for row in grouped(Task.department_id)]}


# The audit log and personal data.

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"approval": lambda record_id: get_approval(session, approval_id=record_id, actor=actor),
              "route": lambda record_id: routes.get_route(session, route_id=record_id)}  # everyone sees routes
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def process_erasure(session, *, event):
    """A contact person was erased: approvals hold none of their data, so only trace it."""
    audit_log.erasure_processed(session, event=event)


def process_merge(session, *, event):
    """Two counterparties were merged: approvals of the one merged away point to the survivor."""
    p = event.payload
    merged, survivor = as_uuid(p["merged_id"]), as_uuid(p["survivor_id"])
    moved = session.execute(update(Approval).where(Approval.counterparty_id == merged)
                            .values(counterparty_id=survivor)).rowcount
    audit_log.record(session, actor_id=as_uuid(p.get("merged_by")), action="counterparty_merged",
                     record_type="counterparty", record_id=merged, changes={
                         "event_id": event.id, "survivor_id": survivor, "approvals_moved": moved})
    return moved


def export_personal_data(session, *, actor, contact_person_id):
    """What this service holds about a contact person: no records, and the audit rows about them."""
    return {"service": "approvals", "records": [],
            "audit_entries": audit_log.about_contact_person(session, contact_person_id)}


