"""The notifications service's entrypoints: validate input, call logic, dump output."""
import logging

import eventlet

from nameko.events import event_handler
from nameko.extensions import DependencyProvider

from chancery_common import event_log
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database, reads_only
from chancery_common.dumping import compiled
from chancery_common.errors import load, parse_uuid
from chancery_common.metrics import REMINDERS_FIRED
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common import record_entrypoints
from chancery_common.rpc import rpc
from chancery_common.timers import every

from . import channels, digest, event_handlers, invitations, logic, reminder_schemes, reminders, schemas
from .models import outbox, processed_events

log = logging.getLogger(__name__)

notification_schema = schemas.NotificationSchema()
dump_notifications = compiled(notification_schema)
reminder_schema = schemas.ReminderSchema()
scheme_schema = schemas.ReminderSchemeSchema()
preference_schema = schemas.PreferenceSchema()
delivery_schema = schemas.DeliverySchema()

# how often the timers look for due reminders and deliveries, and for digests to make
SETTING_KEYS = ("SMTP_HOST", "SMTP_PORT", "SMTP_TLS", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_TIMEOUT",
                "PUBLIC_URL", "DELIVERY_RETRY_SECONDS", "DELIVERY_MAX_ATTEMPTS", "DIGEST_ENABLED", "DIGEST_HOUR",
                "REMINDER_BATCH")


class Settings(DependencyProvider):
    """Delivery settings from the service's config (SMTP, public URL, retries)."""

    def setup(self):
        config = self.container.config
        logic.configure({key: config.get(key) for key in SETTING_KEYS})
        if not logic.SETTINGS.get("SMTP_HOST"):
            log.warning("SMTP_HOST is not set: e-mail delivery is off")

    def get_dependency(self, worker_ctx):
        return logic.SETTINGS


class NotificationsService(record_entrypoints.RecordEntrypoints, event_log.EventLogEntrypoints):
    records, record_schemas = logic, schemas  # the access, audit and personal-data entrypoints' rules
    name = "notifications"

    db = Database()
    observability = Observability(on_scrape=[reminders.measure])
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    settings = Settings()

    @rpc
    def ping(self):
        return "pong"

    @rpc
    @reads_only
    def list_notifications(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.NotificationQuerySchema(), query or {})
        with_unread = params.pop("with_unread")
        items, total = logic.list_notifications(self.db, actor=actor, **params)
        page = {"items": dump_notifications(items), "total": total}
        if with_unread:
            page["unread"] = logic.unread_count(self.db, actor=actor)
        return page

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

    # Timed work: reminders, deliveries, digests (claimed, so any number of replicas).

    @every("NOTIFICATIONS_TICK_SECONDS", 5)
    def fire_reminders(self):
        fired = reminders.fire_due(self.db, hooks=event_handlers.HOOKS, pause=eventlet.sleep,
                                   batch=int(self.settings.get("REMINDER_BATCH") or 100))
        REMINDERS_FIRED.inc(fired)
        return fired

    @every("NOTIFICATIONS_TICK_SECONDS", 5)
    def deliver(self):
        total = 0
        while True:
            done = channels.deliver_due(self.db, settings=self.settings)
            total += done["sent"] + done["failed"]
            if done["sent"] + done["failed"] < 50 or done["failed"]:
                return total

    @every("NOTIFICATIONS_DIGEST_TICK_SECONDS", 60)
    def make_digests(self):
        if str(self.settings.get("DIGEST_ENABLED", "true")).lower() in ("0", "false", "no", "off"):
            return []
        return digest.make_due(self.db, default_hour=int(self.settings.get("DIGEST_HOUR") or digest.DEFAULT_HOUR))

    # Preferences.

    @rpc
    def get_preferences(self, actor):
        actor = load_actor(actor)
        preference = logic.get_preferences(self.db, actor=actor)
        return {**preference_schema.dump(preference), "kinds": logic.KINDS,
                "channels_available": sorted(channels.CHANNELS)}

    @rpc
    def save_preferences(self, actor, data):
        actor = load_actor(actor)
        values = load(schemas.PreferenceSchema(), data or {})
        with self.db.begin():
            before = logic.get_preferences(self.db, actor=actor).activity_minutes
            preference = logic.save_preferences(self.db, actor=actor, data=values)
            if preference.activity_minutes != before:
                event_handlers.follow_activity_minutes(self.db, employee_id=actor.id)
            answer = preference_schema.dump(preference)
        return {**answer, "kinds": logic.KINDS, "channels_available": sorted(channels.CHANNELS)}

    # Reminder schemes and reminders.

    @rpc
    def list_reminder_schemes(self, actor, document_type_id=None):
        load_actor(actor)
        type_id = parse_uuid(document_type_id, "document_type_id") if document_type_id else None
        return scheme_schema.dump(reminder_schemes.list_schemes(self.db, document_type_id=type_id), many=True)

    @rpc
    def get_reminder_scheme(self, actor, scheme_id):
        load_actor(actor)
        return scheme_schema.dump(reminder_schemes.get_scheme(self.db, scheme_id=parse_uuid(scheme_id, "scheme_id")))

    @rpc
    def save_reminder_scheme(self, actor, data, scheme_id=None):
        actor = load_actor(actor)
        values = load(schemas.ReminderSchemeSchema(), data or {})
        with self.db.begin():
            scheme = reminder_schemes.save_scheme(self.db, actor=actor, data=values,
                                        scheme_id=parse_uuid(scheme_id, "scheme_id") if scheme_id else None)
            return scheme_schema.dump(scheme)

    @rpc
    def delete_reminder_scheme(self, actor, scheme_id):
        actor = load_actor(actor)
        with self.db.begin():
            reminder_schemes.delete_scheme(self.db, actor=actor, scheme_id=parse_uuid(scheme_id, "scheme_id"))
        return {"deleted": True}

    @rpc
    def create_reminder(self, actor, data):
        actor = load_actor(actor)
        values = load(schemas.ManualReminderSchema(), data or {})
        with self.db.begin():
            rows = reminder_schemes.create_manual(self.db, actor=actor, data=values)
            return reminder_schema.dump(rows, many=True)

    @rpc
    def list_reminders(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.ReminderQuerySchema(), query or {})
        found = reminder_schemes.visible_reminders(self.db, actor=actor, **params)
        return {"items": reminder_schema.dump(found, many=True)}

    @rpc
    def delete_reminder(self, actor, reminder_id):
        actor = load_actor(actor)
        with self.db.begin():
            reminder_schemes.delete_reminder(self.db, actor=actor, reminder_id=parse_uuid(reminder_id, "reminder_id"))
        return {"deleted": True}

    @rpc
    def delivery_log(self, actor, notification_id):
        """How one of the actor's notifications went out (each attempt)."""
        actor = load_actor(actor)
        notification = logic.get_notification(self.db, notification_id=parse_uuid(notification_id, "notification_id"),
                                              actor=actor)
        return delivery_schema.dump(channels.delivery_log(self.db, notification_ids=[notification.id]), many=True)

    # Events of the other services.

    @event_handler("staff", "employee.created", requeue_on_error=True)
    @handle_once(processed_events)
    def on_employee_created(self, session, event):
        event_handlers.on_employee(session, event=event)

    @event_handler("staff", "employee.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_employee_updated(self, session, event):
        event_handlers.on_employee(session, event=event)

    @event_handler("staff", "department.saved", requeue_on_error=True)
    @handle_once(processed_events)
    def on_department_saved(self, session, event):
        event_handlers.on_department(session, event=event)

    @event_handler("counterparties", "counterparty.created", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_created(self, session, event):
        event_handlers.on_counterparty(session, event=event)

    @event_handler("counterparties", "counterparty.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_updated(self, session, event):
        event_handlers.on_counterparty(session, event=event)

    @event_handler("counterparties", "counterparty.handed_over", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_handed_over(self, session, event):
        event_handlers.on_counterparty_handed_over(session, event=event)

    @event_handler("counterparties", "counterparty.merged", requeue_on_error=True)
    @handle_once(processed_events)
    def on_counterparty_merged(self, session, event):
        event_handlers.on_counterparty_merged(session, event=event)

    @event_handler("counterparties", "contact_person.added", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_added(self, session, event):
        event_handlers.on_contact_person(session, event=event)

    @event_handler("counterparties", "contact_person.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_updated(self, session, event):
        event_handlers.on_contact_person(session, event=event)

    @event_handler("counterparties", "contact_person.moved", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_moved(self, session, event):
        event_handlers.on_contact_person_moved(session, event=event)

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        event_handlers.forget_contact_person(session, contact_person_id=event.payload["contact_person_id"])
        logic.process_erasure(session, event=event)

    @event_handler("counterparties", "activity.scheduled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_activity_scheduled(self, session, event):
        event_handlers.on_activity_planned(session, event=event)
        invitations.on_planned(session, event=event)

    @event_handler("counterparties", "activity.rescheduled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_activity_rescheduled(self, session, event):
        event_handlers.on_activity_planned(session, event=event)
        invitations.on_planned(session, event=event)

    @event_handler("counterparties", "activity.handed_over", requeue_on_error=True)
    @handle_once(processed_events)
    def on_activity_handed_over(self, session, event):
        event_handlers.on_activity_planned(session, event=event)
        invitations.on_planned(session, event=event)

    @event_handler("counterparties", "activity.completed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_activity_completed(self, session, event):
        event_handlers.on_activity_closed(session, event=event)

    @event_handler("counterparties", "activity.cancelled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_activity_cancelled(self, session, event):
        event_handlers.on_activity_closed(session, event=event)
        invitations.on_cancelled(session, event=event)

    @event_handler("documents", "document.created", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_created(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "document.registered", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_registered(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "document.updated", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_updated(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "document.status_changed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_status_changed(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "document.signed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_signed(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "document.registration_cancelled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_document_registration_cancelled(self, session, event):
        event_handlers.on_document(session, event=event)

    @event_handler("documents", "paper_copy.moved", requeue_on_error=True)
    @handle_once(processed_events)
    def on_paper_copy_moved(self, session, event):
        event_handlers.on_paper_copy_moved(session, event=event)

    @event_handler("documents", "contract.milestone_changed", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_milestone_changed(self, session, event):
        event_handlers.on_contract_milestone_changed(session, event=event)

    @event_handler("documents", "contract.payment_recorded", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_payment_recorded(self, session, event):
        event_handlers.on_contract_payment(session, event=event)

    @event_handler("documents", "contract.payment_cancelled", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contract_payment_cancelled(self, session, event):
        event_handlers.on_contract_payment(session, event=event)

    @event_handler("approvals", "approval.task_assigned", requeue_on_error=True)
    @handle_once(processed_events)
    def on_task_assigned(self, session, event):
        event_handlers.on_task_assigned(session, event=event)

    @event_handler("approvals", "approval.decision_made", requeue_on_error=True)
    @handle_once(processed_events)
    def on_decision_made(self, session, event):
        event_handlers.on_decision_made(session, event=event)

    @event_handler("approvals", "approval.overdue", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_overdue(self, session, event):
        event_handlers.on_overdue(session, event=event)

    @event_handler("approvals", "approval.finished", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_finished(self, session, event):
        event_handlers.on_finished(session, event=event)

    @event_handler("approvals", "approval.returned", requeue_on_error=True)
    @handle_once(processed_events)
    def on_approval_returned(self, session, event):
        event_handlers.on_returned(session, event=event)

    @event_handler("approvals", "approval.stage_waiting", requeue_on_error=True)
    @handle_once(processed_events)
    def on_stage_waiting(self, session, event):
        event_handlers.on_stage_waiting(session, event=event)

    @event_handler("approvals", "approval.extension_requested", requeue_on_error=True)
    @handle_once(processed_events)
    def on_extension_requested(self, session, event):
        event_handlers.on_extension_requested(session, event=event)

    @event_handler("approvals", "approval.extension_decided", requeue_on_error=True)
    @handle_once(processed_events)
    def on_extension_decided(self, session, event):
        event_handlers.on_extension_decided(session, event=event)

    def dump_personal_records(self, records):
        return schemas.PersonalNotificationSchema(many=True).dump(records)
