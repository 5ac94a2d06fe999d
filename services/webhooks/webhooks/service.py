"""The webhooks service's entrypoints: validate input, call logic, dump output."""
import logging

import eventlet
from kombu import Exchange, Queue, binding
from nameko.dependency_providers import Config
from nameko.messaging import Consumer
from nameko.timer import timer

from chancery_common import event_log
from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database
from chancery_common.errors import load, parse_uuid
from chancery_common.metrics import WEBHOOK_DELIVERIES
from chancery_common.observability import Observability
from chancery_common.outbox import OutboxRelay
from chancery_common.rpc import rpc
from chancery_common.versions import load_version

from . import logic, schemas
from .models import outbox, processed_events

log = logging.getLogger(__name__)

QUEUE = "webhooks.all-events"
TICK_SECONDS = 1.0

endpoint_schema = schemas.EndpointSchema()
endpoint_with_secret_schema = schemas.EndpointWithSecretSchema()
delivery_schema = schemas.DeliverySchema()
attempt_schema = schemas.AttemptSchema()


class AllEvents(Consumer):
    """Consumes one durable queue of this service bound with ``#`` to every exchange named in
    the config's ``WEBHOOK_SOURCE_EXCHANGES`` (services never import one another, so the
    list of producers is configuration, not code). Events published while the service is
    down wait in the queue."""

    def __init__(self, queue_name, **kwargs):
        self.queue_name = queue_name
        super().__init__(queue=None, **kwargs)

    def setup(self):
        exchanges = logic.Settings.from_config(self.container.config).source_exchanges
        self.queue = Queue(self.queue_name, durable=True, auto_delete=False, bindings=[
            binding(Exchange(name, type="topic", durable=True, auto_delete=False), routing_key="#")
            for name in exchanges])
        super().setup()


all_events = AllEvents.decorator


class WebhooksService(event_log.EventLogEntrypoints):
    name = "webhooks"

    db = Database()
    observability = Observability()
    relay = OutboxRelay(outbox)
    event_outbox = outbox  # its published-event log (event_log.EventLogEntrypoints)
    config = Config()

    @property
    def settings(self):
        return logic.Settings.from_config(self.config)

    @rpc
    def ping(self):
        return "pong"

    # Endpoints (administrators only).

    @rpc
    def list_endpoints(self, actor):
        endpoints = logic.list_endpoints(self.db, actor=load_actor(actor))
        return endpoint_schema.dump(endpoints, many=True)

    @rpc
    def get_endpoint(self, actor, endpoint_id):
        endpoint = logic.get_endpoint(self.db, actor=load_actor(actor),
                                      endpoint_id=parse_uuid(endpoint_id, "endpoint_id"))
        return endpoint_schema.dump(endpoint)

    @rpc
    def create_endpoint(self, actor, data):
        actor = load_actor(actor)
        params = load(schemas.EndpointCreateSchema(), data)
        with self.db.begin():
            endpoint = logic.create_endpoint(self.db, actor=actor, settings=self.settings, **params)
        return endpoint_with_secret_schema.dump(endpoint)

    @rpc
    def update_endpoint(self, actor, endpoint_id, data, expected_version=None):
        actor = load_actor(actor)
        params = load(schemas.EndpointUpdateSchema(), data)
        with self.db.begin():
            endpoint = logic.update_endpoint(self.db, actor=actor, settings=self.settings,
                                             endpoint_id=parse_uuid(endpoint_id, "endpoint_id"),
                                             expected_version=load_version(expected_version), **params)
        return endpoint_schema.dump(endpoint)

    @rpc
    def delete_endpoint(self, actor, endpoint_id):
        actor = load_actor(actor)
        with self.db.begin():
            logic.delete_endpoint(self.db, actor=actor, endpoint_id=parse_uuid(endpoint_id, "endpoint_id"))
        return None

    @rpc
    def rotate_secret(self, actor, endpoint_id):
        actor = load_actor(actor)
        with self.db.begin():
            endpoint = logic.rotate_secret(self.db, actor=actor, endpoint_id=parse_uuid(endpoint_id, "endpoint_id"))
        return endpoint_with_secret_schema.dump(endpoint)

    # The delivery log.

    @rpc
    def list_deliveries(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.DeliveryQuerySchema(), query or {})
        items, total = logic.list_deliveries(self.db, actor=actor, **params)
        return {"items": delivery_schema.dump(items, many=True), "total": total}

    @rpc
    def get_delivery(self, actor, delivery_id):
        delivery, attempts = logic.get_delivery(self.db, actor=load_actor(actor),
                                                delivery_id=parse_uuid(delivery_id, "delivery_id"))
        return {**schemas.DeliveryDetailSchema(exclude=("attempts",)).dump(delivery),
                "attempts": attempt_schema.dump(attempts, many=True)}

    @rpc
    def replay_delivery(self, actor, delivery_id):
        actor = load_actor(actor)
        with self.db.begin():
            delivery = logic.replay(self.db, actor=actor, delivery_id=parse_uuid(delivery_id, "delivery_id"))
        return delivery_schema.dump(delivery)

    # The audit log.

    @rpc
    def audit_entries(self, actor, query=None):
        actor = load_actor(actor)
        params = load(schemas.AuditQuerySchema(), query or {})
        items, total = logic.audit_entries(self.db, actor=actor, **params)
        return {"items": schemas.AuditEntrySchema().dump(items, many=True), "total": total}

    @rpc
    def verify_audit(self, actor):
        return logic.verify_audit(self.db, actor=load_actor(actor))

    # Events in, deliveries out.

    @all_events(QUEUE, requeue_on_error=True)
    @handle_once(processed_events)
    def on_event(self, session, event):
        logic.receive_event(session, event=event)

    @timer(interval=3600)
    def purge_log(self):
        """Forget what the log no longer keeps (WEBHOOK_LOG_DAYS)."""
        with self.db.begin():
            gone = logic.purge(self.db, settings=self.settings)
        if gone:
            log.info("webhooks: %d old deliveries forgotten", gone)

    @timer(interval=TICK_SECONDS)
    def deliver_due(self):
        """Send due deliveries (safe in any number of replicas: rows are claimed and leased)."""
        with self.db.begin():
            claimed = logic.claim_due(self.db, settings=self.settings)
        if not claimed:
            return
        pool = eventlet.GreenPool(len(claimed))
        outcomes = list(pool.imap(lambda item: (item, logic.post(item, settings=self.settings)), claimed))
        for item, outcome in outcomes:
            with self.db.begin():
                logic.record_attempt(self.db, settings=self.settings, delivery_id=item.delivery_id,
                                     outcome=outcome, replay=item.replay)
            WEBHOOK_DELIVERIES.labels("succeeded" if outcome.succeeded else
                                      "unreachable" if outcome.error else "refused").inc()
        log.info("webhooks: %d deliveries attempted, %d succeeded", len(outcomes),
                 sum(outcome.succeeded for _, outcome in outcomes))
