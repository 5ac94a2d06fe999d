"""Webhooks: endpoints other systems register, and signed deliveries of events to them.

Every event on the configured exchanges is stored once (with the exact JSON body that is
sent) and becomes one delivery row per active endpoint whose event types match it. A timer
claims due deliveries with ``FOR UPDATE SKIP LOCKED`` and leases them (so replicas never
send the same one at once), POSTs them signed the Standard Webhooks way, logs every
attempt, and schedules a retry with backoff after a failure, until the last retry is
given up. Any delivery can be replayed: a new attempt with the same ``webhook-id``.

Only administrators manage endpoints and read the log (docs/permissions.md).
"""
import base64
import hashlib
import hmac
import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import lazyload

from chancery_common import envelope, versions
from chancery_common.audit import diff
from chancery_common.config import ConfigurationError, is_production

from . import events, schemas, targets
from .exceptions import InvalidInput, NotFound, PermissionDenied
from .models import Attempt, Delivery, Endpoint, ReceivedEvent, audit_log, processed_events

DEFAULT_RETRY_DELAYS = (5, 300, 1800, 7200, 18000, 36000)
SECRET_PREFIX = "whsec_"
ROTATION_GRACE = timedelta(hours=24)  # the old secret still signs for a day after a rotation
INSECURE_HOSTS = ("127.0.0.1", "localhost", "::1")
AUDITED_FIELDS = ("url", "description", "event_types", "is_active", "event_format")
RESPONSE_EXCERPT = 2000
USER_AGENT = "Chancery-Webhooks/1"


@dataclass(frozen=True)
class Settings:
    retry_delays: tuple = DEFAULT_RETRY_DELAYS
    timeout: float = 10.0
    allow_insecure: bool = False
    # non-public networks an administrator lets webhooks reach (docs/operations.md)
    allowed_networks: tuple = ()
    batch: int = 20
    source_exchanges: tuple = field(default_factory=tuple)
    log_days: float = 30.0  # finished deliveries, their attempts and events are kept this long

    @classmethod
    def from_config(cls, config):
        delays = config.get("WEBHOOK_RETRY_DELAYS", DEFAULT_RETRY_DELAYS)
        if isinstance(delays, str):
            delays = [part for part in delays.replace(" ", "").split(",") if part]
        elif isinstance(delays, (int, float)):
            delays = [delays]
        exchanges = config.get("WEBHOOK_SOURCE_EXCHANGES") or ()
        if isinstance(exchanges, str):
            exchanges = [part.strip() for part in exchanges.split(",") if part.strip()]
        allow_insecure = str(config.get("ALLOW_INSECURE_WEBHOOKS", "false")).strip().lower() in (
            "1", "true", "yes", "on")
        if allow_insecure and is_production():
            raise ConfigurationError("ALLOW_INSECURE_WEBHOOKS must not be true when CHANCERY_ENV=production")
        return cls(
            retry_delays=tuple(float(delay) for delay in delays),
            timeout=float(config.get("WEBHOOK_TIMEOUT", 10)),
            allow_insecure=allow_insecure,
            allowed_networks=targets.parse_networks(config.get("WEBHOOK_ALLOWED_NETWORKS", "")),
            source_exchanges=tuple(exchanges),
            log_days=float(config.get("WEBHOOK_LOG_DAYS", 30)),
        )


def require_administrator(actor):
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators manage webhooks")


# --- endpoints -------------------------------------------------------------------------------

def check_url(url, settings):
    """The endpoint's address, or InvalidInput naming ``url``: HTTPS only (plain HTTP to this
    machine when the service allows insecure webhooks, for local runs and tests), and not
    an address of a private network unless allowed (targets.py)."""
    url = url.strip()
    parts = urlsplit(url)
    try:
        _ = parts.port  # reading it checks it
    except ValueError:
        raise InvalidInput("Invalid input: url", {"url": ["The port is not a number."]}) from None
    if not parts.hostname or parts.scheme not in ("https", "http"):
        raise InvalidInput("Invalid input: url", {"url": ["Give a full address: https://host/path."]})
    if parts.username or parts.password:
        raise InvalidInput("Invalid input: url", {"url": ["Do not put credentials in the address."]})
    if parts.fragment:
        raise InvalidInput("Invalid input: url", {"url": ["An address with a #fragment cannot be posted to."]})
    if parts.scheme == "http" and not (settings.allow_insecure and parts.hostname in INSECURE_HOSTS):
        raise InvalidInput("Invalid input: url", {"url": ["Webhook addresses must use https://."]})
    try:
        targets.check_literal(parts.hostname, settings.allowed_networks)
    except targets.TargetRefused as exc:
        raise InvalidInput("Invalid input: url", {"url": [f"Refused: {exc}."]}) from None
    return url


def new_secret():
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _unique_patterns(event_types):
    return list(dict.fromkeys(pattern.strip() for pattern in event_types))


def _audit(session, actor, action, endpoint, before=None):
    after = {name: getattr(endpoint, name) for name in AUDITED_FIELDS}
    audit_log.record(session, actor_id=actor.id, action=action, record_type="webhook_endpoint",
                     record_id=endpoint.id, changes=diff(before or {}, after, AUDITED_FIELDS))


def create_endpoint(session, *, actor, settings, url, event_types, description="", is_active=True,
                    event_format="chancery"):
    """A new endpoint and its secret (returned here only)."""
    require_administrator(actor)
    endpoint = Endpoint(url=check_url(url, settings), description=description.strip(),
                        event_types=_unique_patterns(event_types), secret=new_secret(), is_active=is_active,
                        event_format=event_format, created_by=actor.id)
    session.add(endpoint)
    session.flush()
    _audit(session, actor, "created", endpoint)
    return endpoint


def _endpoint(session, endpoint_id, lock=False):
    query = select(Endpoint).where(Endpoint.id == endpoint_id, Endpoint.deleted_at.is_(None))
    if lock:
        query = query.with_for_update()
    endpoint = session.scalars(query).first()
    if endpoint is None:
        raise NotFound("No such webhook endpoint.", {"endpoint_id": str(endpoint_id)})
    return endpoint


def get_endpoint(session, *, actor, endpoint_id):
    require_administrator(actor)
    return _endpoint(session, endpoint_id)


def list_endpoints(session, *, actor):
    require_administrator(actor)
    return session.scalars(select(Endpoint).where(Endpoint.deleted_at.is_(None))
                           .order_by(Endpoint.created_at, Endpoint.id)).all()


def update_endpoint(session, *, actor, settings, endpoint_id, expected_version=None, **changes):
    """Change an endpoint (``expected_version``: as chancery_common.versions.check)."""
    require_administrator(actor)
    endpoint = _endpoint(session, endpoint_id, lock=True)
    versions.check(session, record=endpoint, expected_version=expected_version, audit_log=audit_log,
                   record_type="webhook_endpoint", dump=schemas.EndpointSchema().dump)
    before = {name: getattr(endpoint, name) for name in AUDITED_FIELDS}
    if "url" in changes:
        changes["url"] = check_url(changes["url"], settings)
    if "event_types" in changes:
        changes["event_types"] = _unique_patterns(changes["event_types"])
    if "description" in changes:
        changes["description"] = changes["description"].strip()
    for name, value in changes.items():
        setattr(endpoint, name, value)
    if any(before[name] != getattr(endpoint, name) for name in AUDITED_FIELDS):
        endpoint.updated_at = datetime.now(timezone.utc)
        _audit(session, actor, "updated", endpoint, before)
    return endpoint


def delete_endpoint(session, *, actor, endpoint_id):
    """Deletes the endpoint; its pending deliveries are given up (the log stays)."""
    require_administrator(actor)
    endpoint = _endpoint(session, endpoint_id, lock=True)
    before = {name: getattr(endpoint, name) for name in AUDITED_FIELDS}
    now = datetime.now(timezone.utc)
    endpoint.deleted_at = now
    endpoint.is_active = False
    session.execute(update(Delivery).where(Delivery.endpoint_id == endpoint.id, Delivery.status == "pending")
                    .values(status="failed", finished_at=now, next_attempt_at=None,
                            last_error="the endpoint was deleted"))
    audit_log.record(session, actor_id=actor.id, action="deleted", record_type="webhook_endpoint",
                     record_id=endpoint.id, changes=diff(before, {}, AUDITED_FIELDS))
    return endpoint


def rotate_secret(session, *, actor, endpoint_id, now=None):
    """A new secret; the old one keeps signing (a second signature) for ROTATION_GRACE."""
    require_administrator(actor)
    endpoint = _endpoint(session, endpoint_id, lock=True)
    now = now or datetime.now(timezone.utc)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = now + ROTATION_GRACE
    endpoint.secret = new_secret()
    endpoint.updated_at = now
    audit_log.record(session, actor_id=actor.id, action="secret_rotated", record_type="webhook_endpoint",
                     record_id=endpoint.id, changes={"secret": {"changed": True}})
    return endpoint


# --- events in -------------------------------------------------------------------------------

def matches(patterns, event_type):
    """Whether an endpoint's patterns take this event type: ``*``, ``document.*`` or exact."""
    for pattern in patterns:
        if pattern == "*" or pattern == event_type:
            return True
        if pattern.endswith(".*") and event_type.startswith(pattern[:-1]):
            return True
    return False


def body_of(event):
    """The JSON body every delivery of this event sends (stored, so retries send the same bytes)."""
    return json.dumps(event.to_message(), ensure_ascii=False, separators=(",", ":"))


def receive_event(session, *, event):
    """Queue a delivery of the event to each active endpoint that wants it; how many.

    The event is stored only when some endpoint wants it; ``contact_person.erased``
    also scrubs what is stored about the person.
    """
    if event.type == ERASED:
        process_erasure(session, event=event)
    endpoints = session.scalars(select(Endpoint).where(Endpoint.is_active.is_(True),
                                                       Endpoint.deleted_at.is_(None))).all()
    wanted = [endpoint for endpoint in endpoints if matches(endpoint.event_types, event.type)]
    if not wanted:
        return 0
    now = datetime.now(timezone.utc)
    session.execute(insert(ReceivedEvent).values(
        event_id=event.id, event_type=event.type, version=event.version, producer=event.producer,
        occurred_at=event.occurred_at, body=body_of(event), received_at=now,
    ).on_conflict_do_nothing())
    result = session.execute(insert(Delivery).values([
        {"id": uuid.uuid4(), "endpoint_id": endpoint.id, "event_id": event.id, "event_type": event.type,
         "status": "pending", "failures": 0, "next_attempt_at": now, "created_at": now}
        for endpoint in wanted
    ]).on_conflict_do_nothing(constraint="uq_deliveries_endpoint_event").returning(Delivery.id))
    return len(result.all())


ERASED = "contact_person.erased"


def _ids_only(value):
    """What is left of a payload about an erased person: ids, never values."""
    if isinstance(value, dict):
        return {key: _ids_only(item) for key, item in value.items()
                if key == "id" or key.endswith(("_id", "_ids")) or isinstance(item, (dict, list))}
    if isinstance(value, list):
        return [_ids_only(item) for item in value if isinstance(item, (dict, list))] or \
            [item for item in value if isinstance(item, str) and _is_uuid(item)]
    return value


def _is_uuid(text):
    try:
        uuid.UUID(text)
        return True
    except ValueError:
        return False


def process_erasure(session, *, event):
    """A contact person was erased: stored events naming them keep only ids (so pending and
    replayed deliveries send no personal data), and receivers' answers about them go."""
    person_id = str(event.payload["contact_person_id"])
    pattern = f"%{person_id}%"
    scrubbed = 0
    for stored in session.scalars(select(ReceivedEvent).where(ReceivedEvent.body.like(pattern))
                                  .with_for_update()).all():
        body = json.loads(stored.body)
        body["payload"] = {**_ids_only(body.get("payload") or {}), "erased": True}
        stored.body = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        scrubbed += 1
    answers = session.execute(update(Attempt).where(Attempt.response_body.like(pattern))
                              .values(response_body=None)).rowcount
    if not scrubbed and not answers:
        return  # nothing held about the person
    audit_log.record(session, actor_id=None, action="erasure_processed", record_type="contact_person",
                     record_id=uuid.UUID(person_id), changes={"events_scrubbed": {"from": None, "to": scrubbed}})


# --- deliveries out --------------------------------------------------------------------------

@dataclass(frozen=True)
class Claimed:
    delivery_id: object
    url: str
    secrets: tuple
    event_id: object
    body: str  # the event's envelope as stored
    replay: bool
    event_format: str = "chancery"

    def request(self):
        """(Content-Type, body) of this delivery in its endpoint's format, and the ``ce-``
        headers of the binary mode. The same bytes on every attempt: a retry's signature
        signs what the first attempt sent."""
        if self.event_format == "chancery":
            return "application/json", self.body, {}
        attributes = envelope.attributes_of_body(json.loads(self.body))
        if self.event_format == "cloudevents-binary":
            return "application/json", self.body, envelope.http_headers(attributes)
        # structured: the attributes and the envelope as ``data``, one JSON object; the
        # envelope's own bytes are kept inside it
        head = json.dumps(attributes, ensure_ascii=False, separators=(",", ":"))
        return envelope.STRUCTURED_MEDIA_TYPE, f'{head[:-1]},"data":{self.body}}}', {}


def claim_due(session, *, settings, now=None, limit=None):
    """Due deliveries of active endpoints, leased for one attempt (the caller commits)."""
    now = now or datetime.now(timezone.utc)
    rows = session.scalars(
        select(Delivery).options(lazyload(Delivery.endpoint), lazyload(Delivery.event))
        .join(Endpoint, Endpoint.id == Delivery.endpoint_id)
        .where(Delivery.status == "pending", Delivery.next_attempt_at <= now, Endpoint.is_active.is_(True),
               Endpoint.deleted_at.is_(None))
        .order_by(Delivery.next_attempt_at, Delivery.created_at)
        .limit(limit or settings.batch)
        .with_for_update(of=Delivery, skip_locked=True)
    ).all()
    if not rows:
        return []
    lease = now + timedelta(seconds=settings.timeout * 2 + 30)  # back in the queue if we crash mid-send
    claimed = []
    for delivery in rows:
        endpoint = session.get(Endpoint, delivery.endpoint_id)
        event = session.get(ReceivedEvent, delivery.event_id)
        keys = [endpoint.secret]
        if endpoint.previous_secret and endpoint.previous_secret_expires_at and \
                endpoint.previous_secret_expires_at > now:
            keys.append(endpoint.previous_secret)
        claimed.append(Claimed(delivery.id, endpoint.url, tuple(keys), delivery.event_id, event.body,
                               delivery.replay_requested, endpoint.event_format))
        delivery.next_attempt_at = lease
    return claimed


def sign(secret, msg_id, timestamp, body):
    """The Standard Webhooks signature: ``v1,`` + base64(HMAC-SHA256(key, "id.timestamp.body"))."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    content = f"{msg_id}.{timestamp}.".encode() + (body.encode() if isinstance(body, str) else body)
    return "v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def headers_for(claimed, timestamp):
    """(headers, body) of one attempt: the endpoint's format, signed as Standard Webhooks say."""
    msg_id = str(claimed.event_id)
    content_type, body, cloud_event = claimed.request()
    return {
        "content-type": content_type,
        "user-agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(sign(key, msg_id, timestamp, body) for key in claimed.secrets),
        **cloud_event,
    }, body


@dataclass(frozen=True)
class Outcome:
    timestamp: int
    status_code: int | None
    error: str | None
    response_body: str | None
    duration_ms: int

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


def post(claimed, *, settings):
    """One HTTP POST of a claimed delivery (redirects are not followed), to the address its
    host name resolves to now, if that address is allowed (targets.py)."""
    timestamp = int(time.time())
    parts = urlsplit(claimed.url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    try:
        connection, host = targets.open_connection(claimed.url, allowed=settings.allowed_networks,
                                                   timeout=settings.timeout)
    except targets.TargetRefused as exc:
        return Outcome(timestamp, None, f"refused: {exc}"[:2000], None, int((time.monotonic() - started) * 1000))
    status, error, excerpt = None, None, None
    try:
        headers, body = headers_for(claimed, timestamp)
        connection.request("POST", path, body=body.encode(), headers={**headers, "host": host})
        response = connection.getresponse()
        status = response.status
        excerpt = response.read(RESPONSE_EXCERPT).decode("utf-8", "replace")
    except Exception as exc:  # refused, timed out, TLS: all logged as the attempt's error
        error = f"{type(exc).__name__}: {exc}"[:2000]
    finally:
        connection.close()
    return Outcome(timestamp, status, error, excerpt, int((time.monotonic() - started) * 1000))


def record_attempt(session, *, settings, delivery_id, outcome, replay=False, now=None):
    """Log the attempt and decide: succeeded, a retry after the next delay, or given up."""
    now = now or datetime.now(timezone.utc)
    delivery = session.scalars(select(Delivery).options(lazyload(Delivery.endpoint), lazyload(Delivery.event))
                               .where(Delivery.id == delivery_id).with_for_update()).one()
    session.add(Attempt(delivery_id=delivery.id, attempted_at=now, webhook_timestamp=outcome.timestamp,
                        status_code=outcome.status_code, error=outcome.error,
                        response_body=outcome.response_body, duration_ms=outcome.duration_ms,
                        succeeded=outcome.succeeded, replay=replay))
    delivery.replay_requested = False
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error if not outcome.succeeded else None
    if outcome.succeeded:
        delivery.status, delivery.finished_at, delivery.next_attempt_at = "succeeded", now, None
        return delivery
    if outcome.error is None:
        delivery.last_error = f"HTTP {outcome.status_code}"
    delivery.failures += 1
    if delivery.failures > len(settings.retry_delays):
        delivery.status, delivery.finished_at, delivery.next_attempt_at = "failed", now, None
        session.flush()
        attempts = session.scalar(select(func.count()).where(Attempt.delivery_id == delivery.id))
        endpoint = session.get(Endpoint, delivery.endpoint_id)
        events.catalog.record(session, events.WEBHOOK_DELIVERY_FAILED, {
            "delivery_id": delivery.id, "endpoint_id": delivery.endpoint_id, "url": endpoint.url,
            "event_id": delivery.event_id, "event_type": delivery.event_type, "attempts": attempts,
            "last_status_code": delivery.last_status_code, "last_error": delivery.last_error,
        })
    else:
        delivery.next_attempt_at = now + timedelta(seconds=settings.retry_delays[delivery.failures - 1])
    return delivery


def replay(session, *, actor, delivery_id, now=None):
    """Send a delivery again now, with the same webhook-id and a fresh retry schedule."""
    require_administrator(actor)
    delivery = session.scalars(select(Delivery).where(Delivery.id == delivery_id).with_for_update(of=Delivery)).first()
    if delivery is None:
        raise NotFound("No such webhook delivery.", {"delivery_id": str(delivery_id)})
    endpoint = session.get(Endpoint, delivery.endpoint_id)
    if endpoint.deleted_at is not None:
        raise InvalidInput("Invalid input: delivery_id",
                           {"delivery_id": ["The endpoint of this delivery was deleted."]})
    now = now or datetime.now(timezone.utc)
    delivery.status, delivery.failures, delivery.finished_at = "pending", 0, None
    delivery.next_attempt_at, delivery.replay_requested = now, True
    audit_log.record(session, actor_id=actor.id, action="replayed", record_type="webhook_delivery",
                     record_id=delivery.id, changes={"status": {"from": None, "to": "pending"}})
    return delivery


# --- the log -------------------------------------------------------------------------------

def list_deliveries(session, *, actor, endpoint_id=None, status=None, event_type=None, event_id=None,
                    limit=50, offset=0):
    require_administrator(actor)
    conditions = []
    if endpoint_id is not None:
        conditions.append(Delivery.endpoint_id == endpoint_id)
    if status is not None:
        conditions.append(Delivery.status == status)
    if event_type is not None:
        conditions.append(Delivery.event_type.startswith(event_type.removesuffix("*"))
                          if event_type.endswith(".*") else Delivery.event_type == event_type)
    if event_id is not None:
        conditions.append(Delivery.event_id == event_id)
    total = session.scalar(select(func.count()).select_from(Delivery).where(*conditions))
    items = session.scalars(select(Delivery).where(*conditions)
                            .order_by(Delivery.created_at.desc(), Delivery.id).limit(limit).offset(offset)).all()
    return items, total


def get_delivery(session, *, actor, delivery_id):
    require_administrator(actor)
    delivery = session.get(Delivery, delivery_id)
    if delivery is None:
        raise NotFound("No such webhook delivery.", {"delivery_id": str(delivery_id)})
    attempts = session.scalars(select(Attempt).where(Attempt.delivery_id == delivery.id)
                               .order_by(Attempt.id)).all()
    return delivery, attempts


def purge(session, *, settings, now=None):
    """Forget finished deliveries (with their attempts) older than the log keeps, events no
    delivery needs any more, and the ids of long-processed events; how many deliveries went."""
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=settings.log_days)
    old = select(Delivery.id).where(Delivery.status != "pending", Delivery.finished_at < cutoff)
    session.execute(delete(Attempt).where(Attempt.delivery_id.in_(old)))
    gone = session.execute(delete(Delivery).where(Delivery.id.in_(old))).rowcount
    session.execute(delete(ReceivedEvent).where(
        ReceivedEvent.received_at < cutoff,
        ~select(Delivery.id).where(Delivery.event_id == ReceivedEvent.event_id).exists()))
    table = processed_events.table
    session.execute(delete(table).where(table.c.processed_at < cutoff))
    return gone


def audit_entries(session, *, actor, **query):
    """Audit rows newest first (``view_audit``; administrators also read an endpoint's)."""
    checks = {"webhook_endpoint": lambda record_id: get_endpoint(session, actor=actor, endpoint_id=record_id)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    return audit_log.verified(session, actor=actor)
