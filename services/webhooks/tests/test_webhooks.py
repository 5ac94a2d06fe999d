"""Webhooks: endpoints only administrators manage, https only, a secret shown once and
rotatable; every matching event becomes one delivery per endpoint, POSTed signed the
Standard Webhooks way, retried with backoff after failures, logged, given up at last
(an event tells so), and replayable with the same webhook-id."""
import base64
import hashlib
import hmac
import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from webhooks import logic, models


def verify(secret, headers, body):
    """What a receiver does (docs/events.md): recompute and compare the signature."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, sig.split(",", 1)[1]) for sig in headers["webhook-signature"].split())


def make_event(event_type="document.registered", **payload):
    return Event(type=event_type, producer=event_type.split(".")[0] + "s",
                 payload={"document_id": str(uuid.uuid4()), **payload})


@pytest.fixture
def endpoint(session, admin, settings, receiver):
    with session.begin():
        made = logic.create_endpoint(session, actor=admin, settings=settings, url=receiver.url,
                                     event_types=["document.*"], description="ERP")
    yield made
    with session.begin():
        if session.get(models.Endpoint, made.id).deleted_at is None:
            logic.delete_endpoint(session, actor=admin, endpoint_id=made.id)


def deliver_due(session, settings, now=None):
    """One pass of the service's timer: claim, POST, record."""
    with session.begin():
        claimed = logic.claim_due(session, settings=settings, now=now)
    for item in claimed:
        outcome = logic.post(item, settings=settings)
        with session.begin():
            logic.record_attempt(session, settings=settings, delivery_id=item.delivery_id, outcome=outcome,
                                 replay=item.replay)
    return claimed


def delivery_of(session, endpoint, event):
    with session.begin():
        return session.scalars(select(models.Delivery).where(models.Delivery.endpoint_id == endpoint.id,
                                                             models.Delivery.event_id == event.id)).one()


def test_the_signature_follows_standard_webhooks():
    # the example of the Standard Webhooks specification
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = '{"test": 2432232314}'
    assert logic.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == \
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_only_https_addresses_unless_insecure_is_allowed(session, admin, settings):
    strict = logic.Settings(allow_insecure=False)
    for url in ("http://erp.example.com/hook", "http://127.0.0.1:9000/hook", "ftp://x/y", "erp.example.com",
                "https://user:pw@erp.example.com/", "https://erp.example.com:notaport/"):
        with pytest.raises(InvalidInput) as refused, session.begin():
            logic.create_endpoint(session, actor=admin, settings=strict, url=url, event_types=["*"])
        assert "url" in refused.value.details
    with pytest.raises(InvalidInput), session.begin():  # insecure allows this machine only
        logic.create_endpoint(session, actor=admin, settings=settings, url="http://erp.example.com/", event_types=["*"])
    with session.begin():
        made = logic.create_endpoint(session, actor=admin, settings=strict, url="https://erp.example.com/hook",
                                     event_types=["*"])
        assert made.secret.startswith("whsec_") and len(base64.b64decode(made.secret[6:])) == 32
        logic.delete_endpoint(session, actor=admin, endpoint_id=made.id)


def test_only_administrators_manage_webhooks(session, settings, endpoint):
    manager = Actor(id=uuid.uuid4(), roles=["manager"], permissions=["manage_staff"])
    with pytest.raises(PermissionDenied), session.begin():
        logic.create_endpoint(session, actor=manager, settings=settings, url="https://x.example/", event_types=["*"])
    with pytest.raises(PermissionDenied), session.begin():
        logic.list_deliveries(session, actor=manager)
    with pytest.raises(PermissionDenied), session.begin():
        logic.rotate_secret(session, actor=manager, endpoint_id=endpoint.id)


def test_patterns_choose_the_events():
    assert logic.matches(["document.*"], "document.registered")
    assert not logic.matches(["document.*"], "documents.registered")
    assert not logic.matches(["document.*"], "paper_copy.moved")
    assert logic.matches(["approval.finished"], "approval.finished")
    assert not logic.matches(["approval.finished"], "approval.started")
    assert logic.matches(["*"], "anything.at_all")


def test_a_delivery_is_signed_and_sent_once(session, settings, endpoint, receiver):
    event = make_event()
    other = make_event("approval.started")
    with session.begin():
        assert logic.receive_event(session, event=event) == 1
        assert logic.receive_event(session, event=event) == 0  # the same event again: no second delivery
        assert logic.receive_event(session, event=other) == 0  # not wanted
    deliver_due(session, settings)
    [request] = receiver.requests
    headers = request["headers"]
    assert headers["webhook-id"] == str(event.id)
    assert abs(int(headers["webhook-timestamp"]) - datetime.now(timezone.utc).timestamp()) < 60
    assert verify(endpoint.secret, headers, request["body"])
    assert not verify(logic.new_secret(), headers, request["body"])
    assert json.loads(request["body"]) == json.loads(json.dumps(event.to_message()))
    assert request["path"] == "/hooks/chancery"
    delivery = delivery_of(session, endpoint, event)
    assert (delivery.status, delivery.last_status_code) == ("succeeded", 200)
    assert deliver_due(session, settings) == []  # nothing left


def test_failures_are_retried_with_backoff_then_given_up_and_replayable(session, admin, settings, endpoint, receiver):
    receiver.answers = [500, 503, 502]
    event = make_event()
    with session.begin():
        logic.receive_event(session, event=event)
    start = datetime.now(timezone.utc)
    deliver_due(session, settings, now=start)
    delivery = delivery_of(session, endpoint, event)
    assert (delivery.status, delivery.failures, delivery.last_status_code) == ("pending", 1, 500)
    assert deliver_due(session, settings, now=start) == []  # not due before its delay
    # (the attempt was recorded at the real time; the first delay is 1 s)
    assert delivery.next_attempt_at <= datetime.now(timezone.utc) + timedelta(seconds=1.5)
    deliver_due(session, settings, now=start + timedelta(seconds=5))
    assert delivery_of(session, endpoint, event).failures == 2
    deliver_due(session, settings, now=start + timedelta(seconds=10))
    given_up = delivery_of(session, endpoint, event)
    assert (given_up.status, given_up.last_status_code) == ("failed", 502)
    assert deliver_due(session, settings, now=start + timedelta(hours=1)) == []
    assert len(receiver.requests) == 3 and {r["headers"]["webhook-id"] for r in receiver.requests} == {str(event.id)}
    with session.begin():
        failed_events = session.execute(select(models.outbox.table.c.payload).where(
            models.outbox.table.c.event_type == "webhook.delivery_failed")).scalars().all()
    assert any(p["delivery_id"] == str(given_up.id) and p["attempts"] == 3 and p["last_status_code"] == 502
               for p in failed_events)

    with session.begin():
        logic.replay(session, actor=admin, delivery_id=given_up.id)
    deliver_due(session, settings)
    assert len(receiver.requests) == 4
    assert receiver.requests[-1]["headers"]["webhook-id"] == str(event.id)
    assert receiver.requests[-1]["body"] == receiver.requests[0]["body"]
    with session.begin():
        delivery, attempts = logic.get_delivery(session, actor=admin, delivery_id=given_up.id)
        assert delivery.status == "succeeded"
        assert [(a.status_code, a.succeeded, a.replay) for a in attempts] == [
            (500, False, False), (503, False, False), (502, False, False), (200, True, True)]
        assert all(a.duration_ms >= 0 for a in attempts)


def test_an_unreachable_endpoint_logs_the_error(session, admin, settings, endpoint, receiver):
    receiver.close()
    event = make_event()
    with session.begin():
        logic.receive_event(session, event=event)
    deliver_due(session, settings)
    delivery = delivery_of(session, endpoint, event)
    assert delivery.status == "pending" and delivery.last_status_code is None
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error.lower()


def test_claimed_deliveries_are_not_taken_twice(session, engine, settings, endpoint):
    from chancery_common.database import make_session_factory

    event = make_event()
    with session.begin():
        logic.receive_event(session, event=event)
    other = make_session_factory(engine)()
    with session.begin():
        first = logic.claim_due(session, settings=settings)
        with other.begin():
            assert logic.claim_due(other, settings=settings) == []  # locked
    with other.begin():
        assert logic.claim_due(other, settings=settings) == []  # leased
    other.close()
    assert [c.event_id for c in first] == [event.id]


def test_paused_endpoints_keep_their_deliveries_waiting(session, admin, settings, endpoint, receiver):
    event = make_event()
    with session.begin():
        logic.receive_event(session, event=event)
        logic.update_endpoint(session, actor=admin, settings=settings, endpoint_id=endpoint.id, is_active=False)
    assert deliver_due(session, settings) == []
    with session.begin():
        logic.update_endpoint(session, actor=admin, settings=settings, endpoint_id=endpoint.id, is_active=True)
    deliver_due(session, settings)
    assert [r["headers"]["webhook-id"] for r in receiver.requests] == [str(event.id)]


def test_a_rotated_secret_signs_beside_the_old_one_for_a_while(session, admin, settings, endpoint, receiver):
    old = endpoint.secret
    with session.begin():
        rotated = logic.rotate_secret(session, actor=admin, endpoint_id=endpoint.id)
        new = rotated.secret
        logic.receive_event(session, event=make_event())
    assert new != old
    deliver_due(session, settings)
    [request] = receiver.requests
    assert verify(new, request["headers"], request["body"]) and verify(old, request["headers"], request["body"])
    assert len(request["headers"]["webhook-signature"].split()) == 2
    with session.begin():
        expired = datetime.now(timezone.utc) + logic.ROTATION_GRACE + timedelta(minutes=1)
        logic.receive_event(session, event=make_event())
    with session.begin():
        claimed = logic.claim_due(session, settings=settings, now=expired)
    assert claimed and claimed[0].secrets == (new,)


def test_writes_are_audited_without_the_secret(session, admin, settings, endpoint):
    with session.begin():
        logic.update_endpoint(session, actor=admin, settings=settings, endpoint_id=endpoint.id,
                              event_types=["approval.*"])
        logic.rotate_secret(session, actor=admin, endpoint_id=endpoint.id)
        rows, _ = logic.audit_entries(session, actor=admin, record_type="webhook_endpoint", record_id=endpoint.id)
    assert [r["action"] for r in rows] == ["secret_rotated", "updated", "created"]
    assert rows[1]["changes"]["event_types"] == {"from": ["document.*"], "to": ["approval.*"]}
    assert "whsec_" not in json.dumps(rows, default=str)


def test_a_deleted_endpoint_gives_up_its_waiting_deliveries(session, admin, settings, endpoint):
    event = make_event()
    with session.begin():
        logic.receive_event(session, event=event)
        logic.delete_endpoint(session, actor=admin, endpoint_id=endpoint.id)
    assert delivery_of(session, endpoint, event).status == "failed"
    with pytest.raises(NotFound), session.begin():
        logic.get_endpoint(session, actor=admin, endpoint_id=endpoint.id)


def test_an_erased_contact_person_leaves_only_ids_in_stored_events(session, settings, admin, receiver):
    with session.begin():
        made = logic.create_endpoint(session, actor=admin, settings=settings, url=receiver.url,
                                     event_types=["contact_person.*"])
    person_id = str(uuid.uuid4())
    added = Event(type="contact_person.added", producer="counterparties", payload={
        "contact_person_id": person_id, "counterparty_id": str(uuid.uuid4()), "full_name": "Zinaida Plantova",
        "important_dates": [{"id": str(uuid.uuid4()), "title": "Birthday", "date": "1977-03-08"}]})
    with session.begin():
        logic.receive_event(session, event=added)
        logic.receive_event(session, event=Event(type="contact_person.erased", producer="counterparties",
                                                 payload={"contact_person_id": person_id}))
    with session.begin():
        stored = session.get(models.ReceivedEvent, added.id).body
    assert "Zinaida" not in stored and "Birthday" not in stored and "1977" not in stored
    assert person_id in stored
    deliver_due(session, settings)
    assert all(b"Zinaida" not in r["body"] for r in receiver.requests)
    with session.begin():
        logic.delete_endpoint(session, actor=admin, endpoint_id=made.id)


def test_the_log_forgets_finished_deliveries_after_its_days(session, admin, settings, endpoint, receiver):
    done, waiting = make_event(), make_event()
    receiver.answers = [200, 500]
    with session.begin():
        logic.receive_event(session, event=done)
    deliver_due(session, settings)
    with session.begin():
        logic.receive_event(session, event=waiting)
    deliver_due(session, settings)
    later = datetime.now(timezone.utc) + timedelta(days=settings.log_days + 1)
    with session.begin():
        assert logic.purge(session, settings=settings, now=later) >= 1
    with session.begin():
        assert session.get(models.ReceivedEvent, done.id) is None
        assert session.scalars(select(models.Delivery).where(models.Delivery.event_id == done.id)).all() == []
        assert session.get(models.ReceivedEvent, waiting.id) is not None  # still pending: kept
    assert delivery_of(session, endpoint, waiting).status == "pending"


def test_settings_come_from_the_config_and_refuse_insecure_in_production(monkeypatch):
    from chancery_common.config import ConfigurationError

    settings = logic.Settings.from_config({"WEBHOOK_RETRY_DELAYS": "5, 300,1800", "WEBHOOK_TIMEOUT": "7",
                                           "ALLOW_INSECURE_WEBHOOKS": True,
                                           "WEBHOOK_SOURCE_EXCHANGES": ["staff.events", "documents.events"]})
    assert settings.retry_delays == (5, 300, 1800) and settings.timeout == 7 and settings.allow_insecure
    assert settings.source_exchanges == ("staff.events", "documents.events")
    assert not logic.Settings.from_config({}).allow_insecure
    monkeypatch.setenv("CHANCERY_ENV", "production")
    with pytest.raises(ConfigurationError):
        logic.Settings.from_config({"ALLOW_INSECURE_WEBHOOKS": "true"})
    assert not logic.Settings.from_config({"ALLOW_INSECURE_WEBHOOKS": "false"}).allow_insecure
