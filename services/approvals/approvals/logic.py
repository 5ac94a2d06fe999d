"""The life of an approval: stages in order, tasks for approvers, decisions, outcome."""
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, select, true
from sqlalchemy.exc import IntegrityError

from chancery_common.audit import diff

from . import events
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import Approval, Route, RouteVersion, Stage, Task, audit_log

APPROVING = {"approve": "approved", "approve_with_remarks": "approved_with_remarks"}
ENDING = {"reject": "rejected", "return_for_revision": "returned"}
# Roles that see every approval (docs/permissions.md).
OVERSEEING_ROLES = ("administrator", "director")


def _now():
    return datetime.now(timezone.utc)


def visible_to(actor):
    """The SQL condition on approvals that selects those the actor may see."""
    if actor.has_role(*OVERSEEING_ROLES):
        return true()
    return or_(Approval.initiator_id == actor.id,
               Approval.id.in_(select(Task.approval_id).where(Task.approver_id == actor.id)))


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
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(Approval.started_at.desc(), Approval.id)
                            .limit(limit).offset(offset)).all()
    return items, total


def list_tasks(session, *, approver_id, status="pending", limit=50, offset=0):
    """An approver's tasks, oldest due first, with their approvals."""
    query = select(Task).where(Task.approver_id == approver_id)
    if status == "pending":
        query = query.where(Task.status == "pending")
    elif status == "decided":
        query = query.where(Task.decided_at.is_not(None))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    tasks = session.scalars(query.order_by(Task.due_at.asc().nulls_last(), Task.assigned_at)
                            .limit(limit).offset(offset)).all()
    return tasks, total


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
              if any(task.approver_id == actor.id for task in stage.tasks)]
    if stages:
        reasons.append(f"They are an approver in it ({', '.join(stages)}).")
    if reasons:
        return {"visible": True, "reasons": reasons}
    return {"visible": False, "reasons": [
        "None of the rules applies: they are neither an administrator nor a director, "
        "did not initiate the approval and are not one of its approvers."]}


def save_route(session, *, document_type_id, name, stages, actor):
    """Save the route of a document type as its next version; running approvals keep theirs."""
    if not actor.may("configure_routes"):
        raise PermissionDenied("your roles do not allow configuring approval routes",
                               {"permission": "configure_routes"})
    route = session.scalars(select(Route).where(Route.document_type_id == document_type_id)
                            .with_for_update()).first()
    if route is None:
        route = Route(document_type_id=document_type_id, name=name)
        session.add(route)
        session.flush()
    latest = route.versions[0] if route.versions else None
    before = {"name": route.name, "version": latest.version, "stages": latest.stages} if latest else {}
    route.name = name
    version = RouteVersion(route_id=route.id, version=(latest.version if latest else 0) + 1,
                           created_by=actor.id,
                           stages=[{**stage, "approver_ids": [str(a) for a in stage["approver_ids"]]}
                                   for stage in stages])
    session.add(version)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="route_saved", record_type="route", record_id=route.id,
                     changes=diff(before, {"name": name, "version": version.version, "stages": version.stages},
                                  ("name", "version", "stages")))
    session.refresh(route)
    return route


def get_route(session, *, route_id):
    route = session.get(Route, route_id)
    if route is None:
        raise NotFound(f"approval route {route_id} not found")
    return route


def list_routes(session):
    return session.scalars(select(Route).order_by(Route.name)).all()


def current_route_version(session, *, document_type_id):
    return session.scalars(
        select(RouteVersion).join(Route).where(Route.document_type_id == document_type_id)
        .order_by(RouteVersion.version.desc())).first()


def _nobody_away(employee_ids):
    return {str(e): {"acting_id": str(e), "on_behalf_of": None} for e in employee_ids}


def start_approval(session, *, document, stages, comment, actor, acting=_nobody_away):
    """Create the approval with its stages and send the document to the first stage.

    Without explicit stages the current version of the route of the document's type is
    used, and the approval records which version it follows.
    """
    route_version = None
    if not stages:
        if document.get("type_id"):
            route_version = current_route_version(session, document_type_id=document["type_id"])
        if route_version is None:
            raise InvalidInput("Invalid input: stages", {"stages": [
                "This document type has no approval route: name the approvers."]})
        stages = [{"name": stage.get("name"), "completion": stage.get("completion", "all"),
                   "deadline_hours": stage.get("deadline_hours"),
                   "approver_ids": [uuid.UUID(a) for a in stage["approver_ids"]]}
                  for stage in route_version.stages]
    approval = Approval(id=uuid.uuid4(), document_id=document["id"], counterparty_id=document["counterparty_id"],
                        document_title=document["title"], document_number=document["number"],
                        initiator_id=actor.id, status="in_progress", comment=comment,
                        route_version_id=route_version.id if route_version else None)
    session.add(approval)
    for position, spec in enumerate(stages, start=1):
        stage = Stage(approval=approval, position=position,
                      name=spec["name"] or f"Stage {position}", completion=spec["completion"],
                      deadline_hours=spec["deadline_hours"])
        # one task per distinct approver, in the order given
        for order, approver_id in enumerate(dict.fromkeys(spec["approver_ids"])):
            stage.tasks.append(Task(approval_id=approval.id, approver_id=approver_id, position=order,
                                    status="waiting"))
        session.add(stage)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(f"document {document['id']} is already on approval") from None
    approver_ids = [task.approver_id for stage in approval.stages for task in stage.tasks]
    audit_log.record(session, actor_id=actor.id, action="started", record_type="approval",
                     record_id=approval.id, changes=diff({}, {
                         "document_id": approval.document_id, "status": approval.status,
                         "comment": approval.comment, "route_version_id": approval.route_version_id,
                         "stages": [{"name": stage.name, "completion": stage.completion,
                                     "deadline_hours": stage.deadline_hours,
                                     "approver_ids": [task.approver_id for task in stage.tasks]}
                                    for stage in approval.stages],
                     }, ("document_id", "status", "comment", "route_version_id", "stages")))
    events.catalog.record(session, events.APPROVAL_STARTED, {
        **events.approval_ref(approval), "approver_ids": approver_ids})
    _start_stage(session, approval, approval.stages[0], acting)
    return approval


def _start_stage(session, approval, stage, acting):
    """Open the stage's tasks, each to whoever acts for its approver today.

    ``acting(ids)`` answers, per employee, who acts for them (a deputy while they are
    away, a dismissed employee's head); the task then records on whose behalf.
    """
    now = _now()
    stage.status = "active"
    stage.started_at = now
    due = now + timedelta(hours=stage.deadline_hours) if stage.deadline_hours else None
    resolved = acting([str(task.approver_id) for task in stage.tasks])
    for task in stage.tasks:
        who = resolved.get(str(task.approver_id)) or {}
        if who.get("on_behalf_of"):
            task.on_behalf_of = task.approver_id
            task.approver_id = uuid.UUID(who["acting_id"])
        task.status = "pending"
        task.assigned_at = now
        task.due_at = due
    session.flush()
    for task in stage.tasks:
        events.catalog.record(session, events.APPROVAL_TASK_ASSIGNED, {
            **events.approval_ref(approval), "task_id": task.id, "stage_name": stage.name,
            "approver_id": task.approver_id, "on_behalf_of": task.on_behalf_of, "due_at": task.due_at})


def decide(session, *, task_id, decision, comment, actor, acting=_nobody_away):
    """Record an approver's decision and move the approval on."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None or task.approver_id != actor.id:
        # someone else's task does not exist for this caller
        raise NotFound(f"task {task_id} not found")
    approval = session.get(Approval, task.approval_id, with_for_update=True)
    if approval.status != "in_progress" or task.status != "pending":
        raise Conflict(f"task {task_id} is not waiting for a decision (it is {task.status})")
    if decision in ENDING and not comment:
        raise InvalidInput("Invalid input: comment",
                           {"comment": ["A comment is required to reject or return a document."]})
    now = _now()
    before = {"status": task.status}
    task.decision = decision
    task.comment = comment
    task.decided_at = now
    task.decided_by = actor.id
    task.status = APPROVING.get(decision) or ENDING[decision]
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="decision_recorded", record_type="approval",
                     on_behalf_of=task.on_behalf_of,
                     record_id=approval.id, changes={"task_id": task.id, **diff(
                         before, {"status": task.status, "decision": decision, "comment": comment},
                         ("status", "decision", "comment"))})
    events.catalog.record(session, events.APPROVAL_DECISION_RECORDED, {
        **events.approval_ref(approval), "task_id": task.id, "approver_id": task.approver_id,
        "on_behalf_of": task.on_behalf_of, "decision": decision, "comment": comment})
    stage = task.stage
    if decision in ENDING:
        _finish(session, approval, stage, outcome=ENDING[decision], decided_by=actor.id, comment=comment)
    elif _stage_complete(stage):
        stage.status = "completed"
        stage.finished_at = now
        _cancel_open_tasks(stage)
        following = [s for s in approval.stages if s.position > stage.position]
        if following:
            _start_stage(session, approval, following[0], acting)
        else:
            _finish(session, approval, stage, outcome="approved", decided_by=actor.id, comment=comment)
    return approval


def _stage_complete(stage):
    approved = [t for t in stage.tasks if t.status in APPROVING.values()]
    if stage.completion == "any":
        return bool(approved)
    return len(approved) == len(stage.tasks)


def _cancel_open_tasks(stage):
    for task in stage.tasks:
        if task.status in ("pending", "waiting"):
            task.status = "cancelled"


def _finish(session, approval, stage, *, outcome, decided_by, comment):
    now = _now()
    for remaining in approval.stages:
        _cancel_open_tasks(remaining)
        if remaining.status in ("active", "waiting") and remaining is not stage:
            remaining.status = "skipped" if remaining.status == "waiting" else "cancelled"
    if stage.status == "active":
        stage.status = "completed" if outcome == "approved" else outcome
        stage.finished_at = now
    audit_log.record(session, actor_id=decided_by, action="completed", record_type="approval",
                     record_id=approval.id, changes=diff({"status": approval.status},
                                                         {"status": outcome, "outcome": outcome},
                                                         ("status", "outcome")))
    approval.status = outcome
    approval.outcome = outcome
    approval.finished_at = now
    session.flush()
    events.catalog.record(session, events.APPROVAL_COMPLETED, {
        **events.approval_ref(approval), "outcome": outcome, "decided_by": decided_by,
        "comment": comment})


def withdraw(session, *, approval_id, reason, actor):
    """The initiator takes the document back; open tasks are cancelled."""
    approval = get_approval(session, approval_id=approval_id, actor=actor, for_update=True)
    if approval.initiator_id != actor.id:
        raise PermissionDenied("only the initiator may withdraw an approval")
    if approval.status != "in_progress":
        raise Conflict(f"approval {approval_id} is {approval.status}; it cannot be withdrawn")
    for stage in approval.stages:
        _cancel_open_tasks(stage)
        if stage.status in ("active", "waiting"):
            stage.status = "cancelled"
    audit_log.record(session, actor_id=actor.id, action="withdrawn", record_type="approval",
                     record_id=approval.id, changes={"reason": reason, **diff(
                         {"status": approval.status}, {"status": "withdrawn"}, ["status"])})
    approval.status = "withdrawn"
    approval.finished_at = _now()
    session.flush()
    events.catalog.record(session, events.APPROVAL_WITHDRAWN, {
        **events.approval_ref(approval), "reason": reason})
    return approval


# The audit log and personal data.

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"approval": lambda record_id: get_approval(session, approval_id=record_id, actor=actor),
              "route": lambda record_id: get_route(session, route_id=record_id)}  # everyone sees routes
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def process_erasure(session, *, event):
    """A contact person was erased: approvals hold none of their data, so only trace it."""
    p = event.payload
    audit_log.record(session, actor_id=_uuid(p.get("erased_by")), action="erasure_processed",
                     record_type="contact_person", record_id=_uuid(p["contact_person_id"]), changes={
                         "event_id": event.id, "counterparty_id": _uuid(p.get("counterparty_id")),
                         "reason": p.get("reason"), "records_removed": 0})


def export_personal_data(session, *, contact_person_id):
    """What this service holds about a contact person: no records, and the audit rows about them."""
    entries, _ = audit_log.entries(session, record_type="contact_person", record_ids=[contact_person_id],
                                   limit=None)
    return {"service": "approvals", "records": [], "audit_entries": entries}


def _uuid(value):
    """An id from an event (text) as a UUID, so audit hashes see one spelling of it."""
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))
