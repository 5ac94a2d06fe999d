"""The inbox: one notification per (event, recipient, kind), read marks, who sees what."""
import uuid

import pytest
from nameko.testing.services import worker_factory

from chancery_common.envelope import Event
from chancery_common.errors import NotFound
from notifications import event_handlers, logic
from notifications.service import NotificationsService


def inbox(session, actor, **filters):
    with session.begin():
        items, total = logic.list_notifications(session, actor=actor, **filters)
    assert total == len(items)
    return [n.id for n in items]


def unread(session, actor):
    with session.begin():
        return logic.unread_count(session, actor=actor)


def test_a_notification_is_put_in_the_inbox_and_announced(session, notify, make_actor, sent_events):
    anna = make_actor()

    notification_id = notify(anna, subject_type="approval", subject_id=uuid.uuid4())

    assert inbox(session, anna) == [notification_id]
    [sent] = sent_events(notification_id)
    assert (sent["recipient_id"], sent["kind"], sent["channel"]) == (
        str(anna.id), "approval.task_assigned", "inbox")


def test_the_same_event_notifies_a_recipient_of_a_kind_once(session, notify, make_actor, sent_events):
    anna = make_actor()
    event_id = uuid.uuid4()

    first = notify(anna, source_event_id=event_id)
    again = notify(anna, source_event_id=event_id)

    assert again is None
    assert inbox(session, anna) == [first]
    assert len(sent_events(first)) == 1


def test_the_same_event_notifies_each_recipient_and_kind(session, notify, make_actor):
    anna, boris = make_actor(), make_actor()
    event_id = uuid.uuid4()

    for_anna = notify(anna, source_event_id=event_id)
    for_boris = notify(boris, source_event_id=event_id)
    other_kind = notify(anna, source_event_id=event_id, kind="approval.completed")

    assert None not in (for_anna, for_boris, other_kind)
    assert set(inbox(session, anna)) == {for_anna, other_kind}


def test_the_inbox_shows_only_ones_own_newest_first(session, notify, make_actor):
    anna, boris = make_actor(), make_actor()
    older, newer = notify(anna), notify(anna)
    notify(boris)

    assert inbox(session, anna) == [newer, older]


def test_marking_one_read_leaves_the_others_unread(session, notify, make_actor):
    anna = make_actor()
    read, still_unread = notify(anna), notify(anna)

    with session.begin():
        marked = logic.mark_read(session, actor=anna, notification_id=read)
        assert marked.read_at is not None

    assert unread(session, anna) == 1
    assert inbox(session, anna, unread_only=True) == [still_unread]


def test_marking_read_twice_keeps_the_first_read_time(session, notify, make_actor):
    anna = make_actor()
    notification_id = notify(anna)
    with session.begin():
        first = logic.mark_read(session, actor=anna, notification_id=notification_id).read_at

    with session.begin():
        again = logic.mark_read(session, actor=anna, notification_id=notification_id).read_at

    assert again == first


def test_mark_all_read_marks_only_ones_own(session, notify, make_actor):
    anna, boris = make_actor(), make_actor()
    notify(anna), notify(anna), notify(boris)

    with session.begin():
        assert logic.mark_all_read(session, actor=anna) == 2

    assert (unread(session, anna), unread(session, boris)) == (0, 1)


def test_someone_elses_notification_is_not_found(session, notify, make_actor):
    anna, boris = make_actor(), make_actor()
    notification_id = notify(anna)

    with pytest.raises(NotFound), session.begin():
        logic.mark_read(session, actor=boris, notification_id=notification_id)
    assert unread(session, anna) == 1


def test_an_unknown_notification_is_not_found(session, make_actor):
    with pytest.raises(NotFound), session.begin():
        logic.mark_read(session, actor=make_actor(), notification_id=uuid.uuid4())


def test_the_inbox_filters_by_kind(session, notify, make_actor):
    anna = make_actor()
    notify(anna)
    completed = notify(anna, kind="approval.completed")

    assert inbox(session, anna, kind="approval.completed") == [completed]


@pytest.fixture
def about_a_counterparty(notify, make_actor):
    """Notifications to two employees about one counterparty, and one about another."""
    counterparty_id = uuid.uuid4()
    anna, boris = make_actor(), make_actor()
    return counterparty_id, anna, boris, {
        "anna": notify(anna, counterparty_id=counterparty_id),
        "boris": notify(boris, counterparty_id=counterparty_id),
        "elsewhere": notify(anna, counterparty_id=uuid.uuid4()),
    }


@pytest.mark.parametrize("role", ["director", "administrator"])
def test_no_role_sees_someone_elses_notifications_about_a_counterparty(
        session, notify, make_actor, about_a_counterparty, role):
    counterparty_id, anna, boris, made = about_a_counterparty
    overseer = make_actor(role)
    own = notify(overseer, counterparty_id=counterparty_id)

    assert inbox(session, overseer, counterparty_id=counterparty_id) == [own]


def test_an_employee_sees_only_their_own_notifications_about_a_counterparty(session, about_a_counterparty):
    counterparty_id, anna, boris, made = about_a_counterparty

    assert inbox(session, anna, counterparty_id=counterparty_id) == [made["anna"]]


def task_assigned(approver_id, **changes):
    """An ``approval.task_assigned`` event as it arrives from the bus: ids as text."""
    payload = {"approval_id": str(uuid.uuid4()), "document_id": str(uuid.uuid4()),
               "counterparty_id": str(uuid.uuid4()), "document_title": "Supply contract",
               "document_number": "CTR-2026-000001", "initiator_id": str(uuid.uuid4()),
               "task_id": str(uuid.uuid4()), "stage_name": "Legal", "approver_id": str(approver_id),
               "due_at": None, **changes}
    return Event(type="approval.task_assigned", producer="approvals", payload=payload)


def test_an_assigned_task_notifies_its_approver_with_a_link(session, make_actor):
    anna = make_actor()
    event = task_assigned(anna.id)

    with session.begin():
        notification_id = event_handlers.on_task_assigned(session, event=event)

    with session.begin():
        [notification] = logic.list_notifications(session, actor=anna)[0]
    assert notification.id == notification_id
    assert notification.title == "Approval requested: CTR-2026-000001 Supply contract"
    assert notification.body == "Legal; due without a deadline"
    assert notification.link == f"/approvals/{event.payload['approval_id']}"
    assert str(notification.counterparty_id) == event.payload["counterparty_id"]


def test_a_redelivered_task_assigned_event_notifies_once(session, make_actor):
    anna = make_actor()
    service = worker_factory(NotificationsService, db=session)
    message = task_assigned(anna.id).to_message()

    service.on_task_assigned(message)
    service.on_task_assigned(message)

    assert unread(session, anna) == 1
