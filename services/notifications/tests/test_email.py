"""E-mail delivery against a real local SMTP server (aiosmtpd): both parts, links back to the
UI, retries with backoff when the server fails, no loss and no duplicate; preferences,
quiet hours and the daily digest."""
import email
import uuid
from datetime import datetime, time, timedelta, timezone
from email import policy

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.envelope import Event
from notifications import channels, digest, event_handlers, logic, models, reminders
from notifications.exceptions import InvalidInput
from notifications.models import Delivery, Notification
from notifications.service import NotificationsService


@pytest.fixture
def employee(session):
    def make(time_zone="UTC", email_address=None):
        employee_id = uuid.uuid4()
        with session.begin():
            event_handlers.on_employee(session, event=Event(type="employee.created", producer="staff", payload={
                "employee_id": str(employee_id), "full_name": "Anna Ivanova",
                "email": email_address or f"anna.{employee_id.hex[:8]}@example.test", "department_id": None,
                "roles": ["employee"], "time_zone": time_zone, "locale": "en"}))
        return employee_id
    return make


def task_assigned(approver_id):
    return Event(type="approval.task_assigned", producer="approvals", payload={
        "approval_id": str(uuid.uuid4()), "document_id": str(uuid.uuid4()), "counterparty_id": None,
        "document_title": "Supply contract", "document_number": "CTR-2026-000007", "document_type_id": None,
        "initiator_id": str(uuid.uuid4()), "route_version": 1, "stage_id": str(uuid.uuid4()), "stage_name": "Legal",
        "task_id": str(uuid.uuid4()), "approver_id": str(approver_id), "on_behalf_of": None, "due_at": None})


def received(smtp_server, address):
    return [email.message_from_bytes(m.content, policy=policy.default) for m in smtp_server.handler.messages
            if address in m.rcpt_tos]


def deliveries(session, recipient_id):
    with session.begin():
        return session.scalars(select(Delivery).where(Delivery.recipient_id == recipient_id)).all()


def address_of(session, employee_id):
    with session.begin():
        return session.get(models.Employee, employee_id).email


def test_a_notification_is_mailed_with_html_and_text_parts_and_a_link(session, smtp_server, smtp_settings, employee):
    anna = employee()
    service = worker_factory(NotificationsService, db=session)
    event = task_assigned(anna)

    service.on_task_assigned(event.to_message())
    channels.deliver_due(session, settings=smtp_settings)

    [message] = received(smtp_server, address_of(session, anna))
    assert message["Subject"] == "Approval requested: CTR-2026-000007 Supply contract"
    assert message["From"] == "chancery@test.chancery"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = f"http://chancery.test/approvals/{event.payload['approval_id']}"
    assert link in text and f'href="{link}"' in html
    [delivery] = deliveries(session, anna)
    assert (delivery.state, delivery.attempts, delivery.channel) == ("sent", 1, "email")
    assert str(delivery.id) in message["Message-ID"]
    sent = [p for p in _sent_events(session) if p["recipient_id"] == str(anna)]
    assert sorted(p["channel"] for p in sent) == ["email", "inbox"]


def _sent_events(session):
    table = models.outbox.table
    with session.begin():
        return session.scalars(select(table.c.payload).where(table.c.event_type == "notification.sent")).all()


def test_a_redelivered_event_mails_once(session, smtp_server, smtp_settings, employee):
    anna = employee()
    service = worker_factory(NotificationsService, db=session)
    message = task_assigned(anna).to_message()

    service.on_task_assigned(message)
    service.on_task_assigned(message)
    channels.deliver_due(session, settings=smtp_settings)
    channels.deliver_due(session, settings=smtp_settings)

    assert len(received(smtp_server, address_of(session, anna))) == 1
    assert len(deliveries(session, anna)) == 1


def test_an_smtp_failure_is_retried_with_backoff_then_sent_once(session, smtp_server, smtp_settings, employee):
    anna, boris = employee(), employee()
    for who in (anna, boris):
        with session.begin():
            logic.notify(session, recipient_id=who, kind="reminder.manual", title="Renew the licence",
                         link="/documents/x", source_event_id=uuid.uuid4())
    now = datetime.now(timezone.utc)

    smtp_server.handler.refuse = True  # the server answers "try again later"
    assert channels.deliver_due(session, settings=smtp_settings, now=now) == {"sent": 0, "failed": 2}
    smtp_server.stop()  # then it is down altogether
    assert channels.deliver_due(session, settings=smtp_settings, now=now + timedelta(seconds=5)) == {
        "sent": 0, "failed": 0}  # nothing due before the backoff ends
    assert channels.deliver_due(session, settings=smtp_settings, now=now + timedelta(seconds=11)) == {
        "sent": 0, "failed": 2}
    [delivery] = deliveries(session, anna)
    assert delivery.state == "pending" and delivery.attempts == 2
    # 10 s after the first failure, 20 s after the second
    assert delivery.next_attempt_at == now + timedelta(seconds=11) + timedelta(seconds=20)
    assert "451" in delivery.log[0]["error"] and delivery.last_error

    smtp_server.handler.refuse = False
    smtp_server.start()
    later = now + timedelta(seconds=32)
    assert channels.deliver_due(session, settings=smtp_settings, now=later) == {"sent": 2, "failed": 0}
    assert channels.deliver_due(session, settings=smtp_settings, now=later + timedelta(hours=1)) == {
        "sent": 0, "failed": 0}

    for who in (anna, boris):
        assert len(received(smtp_server, address_of(session, who))) == 1
    [delivery] = deliveries(session, anna)
    assert (delivery.state, delivery.attempts, len(delivery.log)) == ("sent", 3, 3)


def test_a_delivery_gives_up_after_the_last_attempt(session, smtp_server, smtp_settings, employee):
    anna = employee()
    with session.begin():
        logic.notify(session, recipient_id=anna, kind="reminder.manual", title="x", source_event_id=uuid.uuid4())
    smtp_server.handler.refuse = True
    settings = {**smtp_settings, "DELIVERY_MAX_ATTEMPTS": 2}
    now = datetime.now(timezone.utc)
    channels.deliver_due(session, settings=settings, now=now)
    channels.deliver_due(session, settings=settings, now=now + timedelta(minutes=5))
    [delivery] = deliveries(session, anna)
    assert (delivery.state, delivery.attempts) == ("failed", 2)


def test_without_an_smtp_host_nothing_is_queued(session, employee):
    logic.configure({})
    anna = employee()
    with session.begin():
        assert logic.notify(session, recipient_id=anna, kind="reminder.manual", title="x",
                            source_event_id=uuid.uuid4()) is not None
    assert deliveries(session, anna) == []


# Preferences.

def test_an_employee_chooses_the_kinds_they_want_by_e_mail(session, smtp_settings, employee):
    anna = employee()
    actor = Actor(id=anna, roles=["employee"])
    with session.begin():
        logic.save_preferences(session, actor=actor, data={"channels": {"reminder.manual": []}})
    with session.begin():
        logic.notify(session, recipient_id=anna, kind="reminder.manual", title="inbox only",
                     source_event_id=uuid.uuid4())
        logic.notify(session, recipient_id=anna, kind="approval.overdue", title="both", source_event_id=uuid.uuid4())
    assert len(deliveries(session, anna)) == 1

    with pytest.raises(InvalidInput) as refused, session.begin():
        logic.save_preferences(session, actor=actor, data={"channels": {"no.such": ["email"]},
                                                           "quiet_start": time(22)})
    assert set(refused.value.details) == {"channels"}
    with pytest.raises(InvalidInput) as refused, session.begin():
        logic.save_preferences(session, actor=actor, data={"quiet_start": time(22)})
    assert set(refused.value.details) == {"quiet_end"}


def test_quiet_hours_hold_e_mail_until_they_end_in_the_employees_time_zone(session, smtp_settings, employee):
    anna = employee(time_zone="Europe/Berlin")
    with session.begin():
        logic.save_preferences(session, actor=Actor(id=anna), data={"quiet_start": time(22), "quiet_end": time(7)})
    night = datetime(2026, 7, 1, 21, 30, tzinfo=timezone.utc)  # 23:30 in Berlin (summer time)
    day = datetime(2026, 7, 2, 10, 0, tzinfo=timezone.utc)
    with session.begin():
        logic.notify(session, recipient_id=anna, kind="reminder.manual", title="at night",
                     source_event_id=uuid.uuid4(), now=night)
        logic.notify(session, recipient_id=anna, kind="reminder.manual", title="by day",
                     source_event_id=uuid.uuid4(), now=day)
    with session.begin():
        held = {n.title: d.next_attempt_at for d, n in session.execute(
            select(Delivery, Notification).join(Notification, Notification.id == Delivery.notification_id)
            .where(Delivery.recipient_id == anna))}
    assert held["at night"] == datetime(2026, 7, 2, 5, 0, tzinfo=timezone.utc)  # 07:00 in Berlin
    assert held["by day"] > day - timedelta(minutes=1) and held["by day"] < datetime.now(timezone.utc) + timedelta(
        seconds=1)


# The daily digest.

def test_the_digest_comes_once_per_local_morning_with_agenda_approvals_and_reminders(
        session, smtp_server, smtp_settings, employee):
    anna = employee(time_zone="Asia/Tokyo")
    with session.begin():
        logic.save_preferences(session, actor=Actor(id=anna), data={"digest_kinds": ["reminder.manual"]})
    tokyo_morning = datetime(2026, 12, 3, 23, 30, tzinfo=timezone.utc)  # 08:30 on 4 December in Tokyo
    approver_event = task_assigned(anna)
    with session.begin():
        event_handlers.on_task_assigned(session, event=approver_event)
        event_handlers.on_activity_planned(session, event=Event(type="activity.scheduled", producer="counterparties",
                                                         payload={
            "activity_id": str(uuid.uuid4()), "counterparty_id": str(uuid.uuid4()), "kind": "call",
            "subject": "Discuss the offer", "planned_at": "2026-12-04T11:00:00+09:00", "responsible_id": str(anna)}))
        reminders.replan(session, kind="manual", source=f"manual:{uuid.uuid4()}", wanted=[reminders.Wanted(
            occurrence="manual", recipient_id=anna, due_at=datetime(2026, 12, 4, 5, 0, tzinfo=timezone.utc),
            title="Send the act")], now=tokyo_morning)
        logic.notify(session, recipient_id=anna, kind="reminder.manual", title="Held for the digest",
                     source_event_id=uuid.uuid4(), now=tokyo_morning)

    assert [n for n in _digest_made(session, tokyo_morning - timedelta(hours=1)) if n == anna] == []  # 07:30
    made = _digest_made(session, tokyo_morning)
    again = _digest_made(session, tokyo_morning + timedelta(minutes=5))
    assert made.count(anna) == 1 and anna not in again

    with session.begin():
        [note] = session.scalars(select(Notification).where(Notification.recipient_id == anna,
                                                            Notification.kind == "digest")).all()
    assert note.title == "Your day, 2026-12-04"
    assert "11:00 call: Discuss the offer" in note.body
    assert "CTR-2026-000007 Supply contract" in note.body
    assert "14:00 Send the act" in note.body
    assert "Held for the digest" in note.body

    channels.deliver_due(session, settings=smtp_settings)
    subjects = [m["Subject"] for m in received(smtp_server, address_of(session, anna))]
    assert "Your day, 2026-12-04" in subjects and "Held for the digest" not in subjects


def _digest_made(session, now):
    ids = digest.make_due(session, now=now)
    with session.begin():
        return [n.recipient_id for n in session.scalars(select(Notification).where(Notification.id.in_(ids)))]
