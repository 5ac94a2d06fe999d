"""The notifications service's entrypoints: validate input, call logic, dump output."""
from nameko.events import event_handler
from nameko.rpc import rpc

from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.outbox import OutboxRelay

from . import logic, schemas
from .models import outbox, processed_events

notification_schema = schemas.NotificationSchema()
audit_entry_schema = schemas.AuditEntrySchema()


class NotificationsService:
    name = "notifications"

    db = Database()
    relay = OutboxRelay(outbox)

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def list_notifications(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.NotificationQuerySchema(), query or {})
        items, total = logic.list_notifications(self.db, actor=actor, **params)
        return {"items": notification_schema.dump(items, many=True), "total": total,
                "unread": logic.unread_count(self.db, actor=actor)}

    @rpc
    def unread_count(self, actor):
        return logic.unread_count(self.db, actor=load_actor(actor))

    @rpc
    def mark_read(self, actor, notification_id):
        actor = load_actor(actor)
        with self.db.begin():
            notification = logic.mark_read(
                self.db, actor=actor, notification_id=parse_uuid(notification_id, "notification_id"))
        return notification_schema.dump(notification)

    @rpc
    def mark_all_read(self, actor):
        actor = load_actor(actor)
        with self.db.begin():
            return {"marked": logic.mark_all_read(self.db, actor=actor)}

    @event_handler("approvals", "approval.task_assigned", requeue_on_error=True)
    @handle_once(processed_events)
    def on_task_assigned(self, session, event):
        logic.on_task_assigned(session, event=event)

    @event_handler("approvals", "approval.completed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_completed(self, session, event):
        logic.on_approval_completed(session, event=event)

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        logic.process_erasure(session, event=event)

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
        actor = load_actor(actor)
        contact_person_id = parse_uuid(contact_person_id, "contact_person_id")
        with self.db.begin():
            exported = logic.export_personal_data(self.db, actor=actor, contact_person_id=contact_person_id)
        return {**exported,
                "records": schemas.PersonalNotificationSchema(many=True).dump(exported["records"]),
                "audit_entries": audit_entry_schema.dump(exported["audit_entries"], many=True)}
