"""The approvals service's entrypoints: validate input, call logic, dump output."""
import logging

from nameko.dependency_providers import Config
from nameko.events import event_handler

from chancery_common import event_log
from chancery_common import sync, visibility
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.dumping import compiled
from chancery_common.errors import load, parse_uuid
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common import record_entrypoints
from chancery_common.rpc import TimedRpcProxy, rpc
from chancery_common.timers import every

from . import changes, logic, routes, schemas
from .models import Approval, outbox, processed_events

approval_schema = schemas.ApprovalSchema()
dump_approvals = compiled(approval_schema)
approval_summary_schema = schemas.ApprovalSummarySchema()
dump_approval_summaries = compiled(approval_summary_schema)
route_schema = schemas.RouteSchema()
task_schema = schemas.TaskSchema()
dump_tasks = compiled(task_schema)
OVERVIEW_APPROVALS = 50  # the unified view's latest approvals of the counterparty
log = logging.getLogger(__name__)


class ApprovalsService(record_entrypoints.RecordEntrypoints, event_log.EventLogEntrypoints):
    records, record_schemas = logic, schemas  # the access, audit and personal-data entrypoints' rules
    name = "approvals"

    db = Database()
    observability = Observability(on_scrape=[logic.measure_overdue])
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    staff = TimedRpcProxy("staff", timeout=5)
    config = Config()

    def resolve(self, specs, context):
        """Approver specs to today's people (holders, deputies, heads of the dismissed), from staff."""
        return self.staff.resolve_approvers({"specs": specs, "context": context})

    @property
    def time_zone(self):
        """Working days are counted Monday to Friday in this zone."""
        return self.config.get("APPROVALS_TIME_ZONE") or logic.DEFAULT_TIME_ZONE

    def _runtime(self):
        return {"resolve": self.resolve, "time_zone": self.time_zone}

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def save_route(self, actor, route):
        actor = load_actor(actor)
        data = load(schemas.RouteRequestSchema(), route)
        with self.db.begin():
            saved = routes.save_route(self.db, actor=actor, **data)
        return route_schema.dump(saved)

    @rpc
    def list_routes(self, actor):
        load_actor(actor)
        return route_schema.dump(routes.list_routes(self.db), many=True)

    @rpc
    def get_route(self, actor, route_id):
        load_actor(actor)
        return route_schema.dump(routes.get_route(self.db, route_id=parse_uuid(route_id, "route_id")))

    @rpc
    def start_approval(self, actor, request):
        actor = load_actor(actor)
        data = load(schemas.StartApprovalSchema(), request)
        with self.db.begin():
            approval = logic.start_approval(self.db, actor=actor, **self._runtime(), **data)
        return approval_schema.dump(approval)

    @rpc
    def get_approval(self, actor, approval_id):
        return approval_schema.dump(logic.get_approval(
            self.db, approval_id=parse_uuid(approval_id, "approval_id"), actor=load_actor(actor)))

    @rpc
    @reads_only
    def visible_ids(self, actor, query):
        """``query``: {ids}: {ids} of those approvals the actor may see (chancery_common.visibility)."""
        data = load(visibility.IdsSchema(), query)
        return visibility.answer(logic.visible_ids(self.db, ids=data["ids"], actor=load_actor(actor)))

    @rpc
    @reads_only
    def overview_part(self, actor, counterparty_id):
        """This service's part of the unified counterparty view: {approvals: the counterparty's
        latest 50 as list_approvals answers them, records_seen: which of its approvals the actor
        sees (chancery_common.visibility.records_seen)}."""
        actor = load_actor(actor)
        counterparty_id = parse_uuid(counterparty_id, "counterparty_id")
        items, total = logic.list_approvals(self.db, actor=actor, counterparty_id=counterparty_id,
                                            limit=OVERVIEW_APPROVALS)
        return {"approvals": {"items": dump_approvals(items), "total": total},
                "records_seen": visibility.records_seen(self.db, ids=Approval.id,
                                                        where=Approval.counterparty_id == counterparty_id,
                                                        visible=logic.visible_to(actor))}

    @rpc
    @reads_only
    def list_approvals(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.ApprovalQuerySchema(), query or {})
        items, total = logic.list_approvals(self.db, actor=actor, **params)
        return {"items": dump_approvals(items), "total": total}

    @rpc
    @reads_only
    def sync_approvals(self, actor, query):
        """Approvals by change, with their stages and tasks (``query``: sync.SyncQuerySchema)."""
        items, cursors = changes.approvals(self.db, actor=load_actor(actor), **load(sync.SyncQuerySchema(), query))
        return sync.answer(dump_approvals(items), cursors)

    @rpc
    def list_my_tasks(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.TaskQuerySchema(), query or {})
        # whom the employee stands in for today comes with the actor (the gateway's identity,
        # from staff): no second call on the inbox's path
        standing_in = [str(employee_id) for employee_id in actor.acting_for] if params["status"] == "pending" else []
        tasks, total = logic.list_tasks(self.db, approver_id=actor.id, standing_in_for=standing_in, **params)
        approvals, stage_names = logic.inbox_context(self.db, tasks)
        summaries = dict(zip(approvals, dump_approval_summaries(list(approvals.values())), strict=True))
        return {"items": [{**task, "stage_name": stage_names[stage_id], "approval": summaries[approval_id]}
                          for task, stage_id, approval_id in zip(
                              dump_tasks(tasks), (t.stage_id for t in tasks), (t.approval_id for t in tasks),
                              strict=True)],
                "total": total}

    @rpc
    def get_task(self, actor, task_id):
        """One task with its stage's name and its approval's summary (as the inbox lists it)."""
        actor = load_actor(actor)
        task = logic.get_task(self.db, task_id=parse_uuid(task_id, "task_id"), actor=actor)
        approvals, stage_names = logic.inbox_context(self.db, [task])
        return {**task_schema.dump(task), "stage_name": stage_names[task.stage_id],
                "approval": approval_summary_schema.dump(approvals[task.approval_id])}

    @rpc
    def decide(self, actor, task_id, decision):
        actor = load_actor(actor)
        data = load(schemas.DecisionSchema(), decision)
        task_id = parse_uuid(task_id, "task_id")
        with self.db.begin():  # the next stage's approvers, resolved before the locks are taken
            ahead = logic.approvers_after(self.db, task_id=task_id)
        known = {logic.resolution_key(*ahead): self.resolve(*ahead)} if ahead else {}
        approval = self._resolving_outside_locks(lambda resolve: logic.decide(
            self.db, task_id=task_id, actor=actor, standing_in_for=actor.acting_for, resolve=resolve,
            time_zone=self.time_zone, **data), known)
        return approval_schema.dump(approval)

    def _resolving_outside_locks(self, work, known=None):
        return logic.resolving_outside_locks(self.db, work, self.resolve, known)

    @rpc
    def resubmit(self, actor, approval_id, request=None):
        actor = load_actor(actor)
        data = load(schemas.ResubmitSchema(), request or {})
        approval = self._resolving_outside_locks(lambda resolve: logic.resubmit(
            self.db, approval_id=parse_uuid(approval_id, "approval_id"), actor=actor, resolve=resolve,
            time_zone=self.time_zone, **data))
        return approval_schema.dump(approval)

    @rpc
    def add_approver(self, actor, approval_id, request):
        actor = load_actor(actor)
        data = load(schemas.AddApproverSchema(), request)
        approval = self._resolving_outside_locks(lambda resolve: logic.add_approver(
            self.db, approval_id=parse_uuid(approval_id, "approval_id"), actor=actor, resolve=resolve,
            time_zone=self.time_zone, **data))
        return approval_schema.dump(approval)

    @rpc
    def request_extension(self, actor, task_id, request):
        actor = load_actor(actor)
        data = load(schemas.ExtensionRequestSchema(), request)
        with self.db.begin():
            approval = logic.request_extension(self.db, task_id=parse_uuid(task_id, "task_id"), actor=actor,
                                               standing_in_for=actor.acting_for,
                                               **data)
        return approval_schema.dump(approval)

    @rpc
    def decide_extension(self, actor, task_id, request):
        actor = load_actor(actor)
        data = load(schemas.ExtensionDecisionSchema(), request)
        with self.db.begin():
            approval = logic.decide_extension(self.db, task_id=parse_uuid(task_id, "task_id"), actor=actor,
                                              **data)
        return approval_schema.dump(approval)

    @rpc
    def report(self, actor, query=None):
        """Who held which documents for how long; overdue by employee and department."""
        actor = load_actor(actor)
        params = load(schemas.ReportQuerySchema(), query or {})
        return schemas.ReportSchema().dump(logic.report(self.db, actor=actor, **params))

    @every("APPROVALS_OVERDUE_SWEEP_SECONDS", 15)
    def sweep_overdue(self):
        """Report tasks whose deadline passed (safe in any number of replicas)."""
        with self.db.begin():
            reported = logic.sweep_overdue(self.db)
        if reported:
            log.info("reported %d overdue approval tasks", reported)

    @rpc
    def withdraw(self, actor, approval_id, request=None):
        actor = load_actor(actor)
        data = load(schemas.WithdrawSchema(), request or {})
        with self.db.begin():
            approval = logic.withdraw(self.db, approval_id=parse_uuid(approval_id, "approval_id"),
                                      actor=actor, **data)
        return approval_schema.dump(approval)

    @event_handler("counterparties", "counterparty.merged", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_merged(self, session, event):
        logic.process_merge(session, event=event)

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        logic.process_erasure(session, event=event)
