"""The approvals service's entrypoints: validate input, call logic, dump output."""
from nameko.events import event_handler
from nameko.rpc import rpc

from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import TimedRpcProxy

from . import logic, schemas
from .models import outbox, processed_events

approval_schema = schemas.ApprovalSchema()
route_schema = schemas.RouteSchema()
task_schema = schemas.TaskSchema()
audit_entry_schema = schemas.AuditEntrySchema()


class ApprovalsService:
    name = "approvals"

    db = Database()
    relay = OutboxRelay(outbox)
    staff = TimedRpcProxy("staff", timeout=5)

    def acting(self, employee_ids):
        """Who acts for each approver today (deputies, heads of the dismissed), from staff."""
        return self.staff.acting_employees({"employee_ids": employee_ids})

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def save_route(self, actor, route):
        actor = load_actor(actor)
        data = load(schemas.RouteRequestSchema(), route)
        with self.db.begin():
            saved = logic.save_route(self.db, actor=actor, **data)
        return route_schema.dump(saved)

    @rpc
    def list_routes(self, actor):
        load_actor(actor)
        return route_schema.dump(logic.list_routes(self.db), many=True)

    @rpc
    def get_route(self, actor, route_id):
        load_actor(actor)
        return route_schema.dump(logic.get_route(self.db, route_id=parse_uuid(route_id, "route_id")))

    @rpc
    def start_approval(self, actor, request):
        actor = load_actor(actor)
        data = load(schemas.StartApprovalSchema(), request)
        with self.db.begin():
            approval = logic.start_approval(self.db, actor=actor, acting=self.acting, **data)
        return approval_schema.dump(approval)

    @rpc
    def get_approval(self, actor, approval_id):
        return approval_schema.dump(logic.get_approval(
            self.db, approval_id=parse_uuid(approval_id, "approval_id"), actor=load_actor(actor)))

    @rpc
    def list_approvals(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.ApprovalQuerySchema(), query or {})
        items, total = logic.list_approvals(self.db, actor=actor, **params)
        return {"items": approval_schema.dump(items, many=True), "total": total}

    @rpc
    def list_my_tasks(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.TaskQuerySchema(), query or {})
        tasks, total = logic.list_tasks(self.db, approver_id=actor.id, **params)
        approvals = {task.approval_id: logic.get_approval(self.db, approval_id=task.approval_id, actor=actor)
                     for task in tasks}
        return {"items": [{**task_schema.dump(task),
                           "approval": approval_schema.dump(approvals[task.approval_id])}
                          for task in tasks],
                "total": total}

    @rpc
    def decide(self, actor, task_id, decision):
        actor = load_actor(actor)
        data = load(schemas.DecisionSchema(), decision)
        with self.db.begin():
            approval = logic.decide(self.db, task_id=parse_uuid(task_id, "task_id"), actor=actor,
                                    acting=self.acting, **data)
        return approval_schema.dump(approval)

    @rpc
    def withdraw(self, actor, approval_id, request=None):
        actor = load_actor(actor)
        data = load(schemas.WithdrawSchema(), request or {})
        with self.db.begin():
            approval = logic.withdraw(self.db, approval_id=parse_uuid(approval_id, "approval_id"),
                                      actor=actor, **data)
        return approval_schema.dump(approval)

    # Access, the audit log and personal data.

    @rpc
    def explain_access(self, actor, actor_to_check, record_type, record_id):
        """Whether ``actor_to_check`` sees the record and why (administrators ask)."""
        asked_by = load_actor(actor)
        data = load(schemas.ExplainQuerySchema(), {"record_type": record_type, "record_id": record_id})
        return logic.explain_access(self.db, asked_by=asked_by, actor=load_actor(actor_to_check),
                                    record_id=data["record_id"])

    @rpc
    def audit_entries(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.AuditQuerySchema(), query or {})
        items, total = logic.audit_entries(self.db, actor=actor, **params)
        return {"items": audit_entry_schema.dump(items, many=True), "total": total}

    @rpc
    def verify_audit(self, actor):
        return logic.verify_audit(self.db, actor=load_actor(actor))

    @rpc
    def export_personal_data(self, actor, contact_person_id):
        """What this service holds about a contact person; the gateway has checked the actor sees them."""
        load_actor(actor)
        exported = logic.export_personal_data(
            self.db, contact_person_id=parse_uuid(contact_person_id, "contact_person_id"))
        return {**exported, "audit_entries": audit_entry_schema.dump(exported["audit_entries"], many=True)}

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        logic.process_erasure(session, event=event)
