"""The counterparties service's entrypoints: validate input, call logic, dump output."""
from nameko.events import event_handler
from nameko.rpc import rpc

from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.outbox import OutboxRelay

from . import logic, schemas
from .models import outbox, processed_events

counterparty_schema = schemas.CounterpartySchema()
history_schema = schemas.HistoryEntrySchema()


class CounterpartiesService:
    name = "counterparties"

    db = Database()
    relay = OutboxRelay(outbox)

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def create_counterparty(self, actor, counterparty):
        actor = load_actor(actor)
        data = load(schemas.CounterpartySchema(), counterparty)
        with self.db.begin():
            created = logic.create_counterparty(self.db, data=data, actor=actor)
        return counterparty_schema.dump(created)

    @rpc
    def update_counterparty(self, actor, counterparty_id, changes):
        actor = load_actor(actor)
        data = load(schemas.CounterpartySchema(partial=True), changes)
        with self.db.begin():
            updated = logic.update_counterparty(
                self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"),
                changes=data, actor=actor)
        return counterparty_schema.dump(updated)

    @rpc
    def get_counterparty(self, actor, counterparty_id):
        load_actor(actor)
        counterparty = logic.get_counterparty(
            self.db, counterparty_id=parse_uuid(counterparty_id, "counterparty_id"))
        return counterparty_schema.dump(counterparty)

    @rpc
    def list_counterparties(self, actor, query=None):
        load_actor(actor)
        params = load(schemas.CounterpartyQuerySchema(), query or {})
        items, total = logic.list_counterparties(self.db, **params)
        return {"items": counterparty_schema.dump(items, many=True), "total": total}

    @rpc
    def find_duplicates(self, actor, counterparty, exclude_id=None):
        load_actor(actor)
        data = load(schemas.CounterpartySchema(partial=True), counterparty)
        exclude = parse_uuid(exclude_id, "exclude_id") if exclude_id else None
        found = logic.find_duplicates(self.db, data=data, exclude_id=exclude)
        return counterparty_schema.dump(found, many=True)

    @rpc
    def get_history(self, actor, counterparty_id, page=None):
        load_actor(actor)
        params = load(schemas.PageSchema(), page or {})
        counterparty_id = parse_uuid(counterparty_id, "counterparty_id")
        logic.get_counterparty(self.db, counterparty_id=counterparty_id)
        items, total = logic.history(self.db, counterparty_id=counterparty_id, **params)
        return {"items": history_schema.dump(items, many=True), "total": total}

    # The relationship history follows the other services' events.

    @event_handler("documents", "document.registered", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_registered(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event,
                                   summary=f"{p['type_name']} {p['number']} registered: {p['title']}")

    @event_handler("documents", "document.status_changed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_status_changed(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event,
                                   summary=f"{p['title']}: {p['from_status']} → {p['to_status']}")

    @event_handler("approvals", "approval.started", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_started(self, session, event):
        logic.record_foreign_event(session, event=event,
                                   summary=f"Approval started: {event.payload['document_title']}")

    @event_handler("approvals", "approval.completed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_completed(self, session, event):
        p = event.payload
        logic.record_foreign_event(session, event=event,
                                   summary=f"Approval {p['outcome']}: {p['document_title']}")
