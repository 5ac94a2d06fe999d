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
