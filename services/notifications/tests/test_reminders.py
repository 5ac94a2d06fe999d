"""The reminder engine and its sources: rows planned from events, recalculated when a date
moves or a status ends them, fired once each by any number of replicas, and fired late
(with their original due time) after downtime."""
import threading
import uuid
from datetime import datetime, time, timedelta, timezone

import pytest
from sqlalchemy import func, select

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.envelope import Event
from notifications import event_handlers, logic, models, reminder_schemes, reminders
from notifications.exceptions import InvalidInput, PermissionDenied
from notifications.models import Notification, Reminder

# reminders are planned against the real clock: tests take dates from tomorrow on
TODAY = datetime.now(timezone.utc).date()
NOW = datetime.combine(TODAY + timedelta(days=1), time(6, 0), tzinfo=timezone.utc)


def day(n):
    """The date n days from today, as the ISO text events carry."""
    return (TODAY + timedelta(days=n)).isoformat()


def event(type_, producer="documents", **payload):
    return Event(type=type_, producer=producer, payload=payload)


@pytest.fixture
def employee(session):
    """``employee(**fields)``: an employee known from staff's events; their id."""
    def make(time_zone="UTC", department_id=None, roles=("employee",), email=None):
        employee_id = uuid.uuid4()
        with session.begin():
            event_handlers.on_employee(session, event=event(
                "employee.created", "staff", employee_id=str(employee_id), full_name="Anna Ivanova",
                email=email or f"{employee_id.hex[:8]}@example.test",
                department_id=department_id and str(department_id),
                roles=list(roles), time_zone=time_zone, locale="en"))
        return employee_id
    return make


def schedule(session, responsible, planned, kind="meeting", subject="Visit"):
    """An activity scheduled for ``responsible`` at ``planned`` (counterparties' event); its id."""
    activity_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_activity_planned(session, event=event(
            "activity.scheduled", "counterparties", activity_id=str(activity_id), counterparty_id=str(uuid.uuid4()),
            kind=kind, subject=subject, planned_at=planned.isoformat(), responsible_id=str(responsible)))
    return activity_id


def nested_departments(session, outer_name, inner_name):
    """Two departments from staff's events, the second inside the first; their ids."""
    outer, inner = uuid.uuid4(), uuid.uuid4()
    with session.begin():
        for department_id, name, parent in ((outer, outer_name, None), (inner, inner_name, outer)):
            event_handlers.on_department(session, event=event(
                "department.saved", "staff", department_id=str(department_id), name=name,
                parent_id=parent and str(parent), head_id=None))
    return outer, inner


def pending(session, **where):
    with session.begin():
        query = select(Reminder).where(Reminder.state == "pending")
        for name, value in where.items():
            query = query.where(getattr(Reminder, name) == value)
        return session.scalars(query.order_by(Reminder.due_at)).all()


def inbox_of(session, recipient_id):
    with session.begin():
        return session.scalars(select(Notification).where(Notification.recipient_id == recipient_id)
                               .order_by(Notification.created_at)).all()


def outbox_events(session, event_type, **payload):
    table = models.outbox.table
    with session.begin():
        query = select(table.c.payload).where(table.c.event_type == event_type)
        for name, value in payload.items():
            query = query.where(table.c.payload[name].astext == str(value))
        return session.scalars(query).all()


def configurer():
    return Actor(id=uuid.uuid4(), roles=["employee"], permissions=["configure_document_types"])


def document_event(type_, document_id, type_id, *, responsible_id, status="draft", counterparty_id=None, **dates):
    return event(type_, document_id=str(document_id), document_type_id=str(type_id), status=status,
                 counterparty_id=counterparty_id and str(counterparty_id), title="Supply contract",
                 number="CTR-2026-000001", type_code="contract", type_name="Contract",
                 responsible_id=str(responsible_id), department_id=None,
                 dates={"document_date": None, "signing_date": None, "valid_from": None, "valid_until": None,
                        **dates})


# The engine.

def test_two_replicas_fire_a_thousand_due_reminders_once_each(engine, session, employee):
    anna = employee()
    due = datetime.now(timezone.utc) - timedelta(minutes=1)
    with session.begin():
        for i in range(10):
            reminders.replan(session, kind="manual", source=f"load:{uuid.uuid4()}", wanted=[
                reminders.Wanted(occurrence=str(j), recipient_id=anna, due_at=due, title=f"Reminder {i}-{j}")
                for j in range(100)])
    ids = {r.id for r in pending(session, recipient_id=anna)}
    assert len(ids) == 1000

    replicas = make_engine(engine.url.render_as_string(hide_password=False), pool_size=2)
    fired, errors = [], []

    def replica():
        worker = make_session_factory(replicas)()
        try:
            fired.append(reminders.fire_due(worker, hooks=event_handlers.HOOKS, batch=50))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            worker.close()

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    replicas.dispose()

    assert errors == []
    assert sum(fired) == 1000 and all(n > 0 for n in fired)  # both replicas took a share
    notifications = inbox_of(session, anna)
    assert len(notifications) == 1000
    assert {n.source_event_id for n in notifications} == ids
    with session.begin():
        states = session.execute(select(Reminder.state, func.count()).where(Reminder.id.in_(ids))
                                 .group_by(Reminder.state)).all()
    assert states == [("fired", 1000)]
    assert len(outbox_events(session, "reminder.fired", recipient_id=anna)) == 1000


def test_a_reminder_fires_once_even_if_replayed(session, employee):
    anna = employee()
    with session.begin():
        reminders.replan(session, kind="manual", source="once", wanted=[reminders.Wanted(
            occurrence="x", recipient_id=anna, due_at=NOW, title="Call the bank")], now=NOW)
    assert reminders.fire_due(session, hooks=event_handlers.HOOKS, now=NOW + timedelta(seconds=5)) == 1
    assert reminders.fire_due(session, hooks=event_handlers.HOOKS, now=NOW + timedelta(seconds=10)) == 0
    [row] = [r for r in pending(session) if r.source == "once"] or [None]
    assert row is None
    with session.begin():  # even a row forced back to pending notifies once (its id is the source event)
        reminder = session.scalars(select(Reminder).where(Reminder.source == "once")).one()
        reminder.state = "pending"
        reminders.fire_one(session, reminder, NOW, event_handlers.HOOKS)
    assert [n.title for n in inbox_of(session, anna)] == ["Call the bank"]


def test_reminders_missed_during_downtime_fire_at_start_with_their_due_time(session, employee):
    anna = employee()
    due = NOW - timedelta(hours=5)
    with session.begin():
        reminders.replan(session, kind="manual", source="downtime", wanted=[reminders.Wanted(
            occurrence="x", recipient_id=anna, due_at=due, title="Renew the licence")], now=due - timedelta(days=1))
    assert reminders.fire_due(session, hooks=event_handlers.HOOKS, now=NOW) >= 1

    [notification] = inbox_of(session, anna)
    assert notification.data["due_at"] == due.isoformat()
    assert notification.data["fired_late"] is True
    assert due.isoformat(timespec="minutes") in notification.body
    [fired] = outbox_events(session, "reminder.fired", recipient_id=anna)
    assert (fired["due_at"], fired["fired_at"]) == (due.isoformat(), NOW.isoformat())


def test_a_reminder_not_yet_due_waits(session, employee):
    anna = employee()
    with session.begin():
        reminders.replan(session, kind="manual", source="later", wanted=[reminders.Wanted(
            occurrence="x", recipient_id=anna, due_at=NOW + timedelta(minutes=1), title="Later")], now=NOW)
    reminders.fire_due(session, hooks=event_handlers.HOOKS, now=NOW)
    assert inbox_of(session, anna) == []
    reminders.fire_due(session, hooks=event_handlers.HOOKS, now=NOW + timedelta(minutes=1))
    assert [n.title for n in inbox_of(session, anna)] == ["Later"]


# Reminder schemes on document types.

@pytest.fixture
def contract_type(session):
    """A document type with a scheme: 30, 7 and 1 days before validity ends, on the day and 3
    days after, to the responsible, until the document is completed or terminated."""
    def make(offsets=(-30, -7, -1, 0, 3), **recipients):
        type_id = uuid.uuid4()
        with session.begin():
            scheme = reminder_schemes.save_scheme(session, actor=configurer(), now=NOW, data={
                "document_type_id": type_id, "name": "Contract expires", "date_field": "valid_until",
                "offsets": list(offsets), "at_time": time(9, 0),
                "recipients": {"responsible": True, **recipients}, "stop_statuses": ["completed", "terminated"],
                "message": "", "is_active": True})
        return type_id, scheme.id
    return make


def test_a_document_gets_the_reminders_of_its_types_scheme_in_the_recipients_time_zone(
        session, employee, contract_type):
    anna = employee(time_zone="Europe/Moscow")
    type_id, _ = contract_type()
    document_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_document(session, event=document_event("document.created", document_id, type_id,
                                                          responsible_id=anna, valid_until=day(60)))

    rows = pending(session, subject_id=document_id)
    moscow_nine = [datetime.combine(TODAY + timedelta(days=60 + d), time(6, 0), tzinfo=timezone.utc)
                   for d in (-30, -7, -1, 0, 3)]
    assert [r.due_at for r in rows] == moscow_nine
    assert {r.recipient_id for r in rows} == {anna}
    assert rows[0].link == f"/documents/{document_id}" and "30 days before" in rows[0].body


def test_two_events_of_a_new_document_handled_at_once_make_one_copy(engine, session, employee, contract_type):
    """document.created and document.registered of one document, handled at the same moment by
    two workers (or two replicas): the second waits for the first's row, nothing fails."""
    anna = employee()
    type_id, _ = contract_type()
    document_id = uuid.uuid4()
    failures = []

    def second_worker():
        other = make_session_factory(engine)()
        try:
            with other.begin():
                event_handlers.on_document(other, event=document_event("document.registered", document_id, type_id,
                                                                 responsible_id=anna, status="registered"))
        except Exception as exc:  # the duplicate key this guards against
            failures.append(exc)
        finally:
            other.close()

    with session.begin():
        event_handlers.on_document(session, event=document_event("document.created", document_id, type_id,
                                                          responsible_id=anna))
        racer = threading.Thread(target=second_worker)
        racer.start()
        racer.join(1.0)
        assert racer.is_alive()  # waiting for this transaction's row, not inserting its own
    racer.join(30)
    assert failures == []
    with session.begin():
        assert session.scalar(select(func.count()).select_from(models.Document).where(
            models.Document.id == document_id)) == 1
        assert session.get(models.Document, document_id, populate_existing=True).status == "registered"


def test_when_the_date_moves_the_reminders_move_and_fired_ones_stay(session, employee, contract_type):
    anna = employee()
    type_id, _ = contract_type(offsets=(-7, 0))
    document_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_document(session, event=document_event("document.created", document_id, type_id,
                                                          responsible_id=anna, valid_until=day(5)))
    # the "7 days before" one is past when planned: not planned at all
    assert [r.due_at.date().isoformat() for r in pending(session, subject_id=document_id)] == [day(5)]
    reminders.fire_due(session, hooks=event_handlers.HOOKS,
                       now=datetime.combine(TODAY + timedelta(days=5), time(9, 0, 30), tzinfo=timezone.utc))
    assert len(inbox_of(session, anna)) == 1

    with session.begin():
        event_handlers.on_document(session, event=document_event("document.updated", document_id, type_id,
                                                          responsible_id=anna, valid_until=day(120)))

    assert [r.due_at.date().isoformat() for r in pending(session, subject_id=document_id)] == [day(113), day(120)]
    with session.begin():
        assert session.scalar(select(func.count()).where(Reminder.subject_id == document_id,
                                                         Reminder.state == "fired")) == 1

    with session.begin():  # the same facts again change nothing
        event_handlers.on_document(session, event=document_event("document.updated", document_id, type_id,
                                                          responsible_id=anna, valid_until=day(120)))
    assert len(pending(session, subject_id=document_id)) == 2


def test_a_stop_status_ends_the_reminders(session, employee, contract_type):
    anna = employee()
    type_id, _ = contract_type()
    document_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_document(session, event=document_event("document.created", document_id, type_id,
                                                          responsible_id=anna, valid_until=day(90)))
    assert len(pending(session, subject_id=document_id)) == 5

    with session.begin():
        event_handlers.on_document(session, event=event(
            "document.status_changed", document_id=str(document_id), document_type_id=str(type_id),
            status="completed", from_status="signed", to_status="completed", responsible_id=str(anna),
            dates={"valid_until": day(90)}))

    assert pending(session, subject_id=document_id) == []


def test_scheme_recipients_a_department_a_role_named_people_and_the_counterpartys_responsible(
        session, employee, contract_type):
    department, inside = nested_departments(session, "Construction", "Site 7")
    responsible, in_department, lawyer, named, account_manager, on_site = (
        employee(), employee(department_id=department), employee(roles=("lawyer",)), employee(), employee(),
        employee(department_id=inside))
    counterparty_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_counterparty(session, event=event(
            "counterparty.created", "counterparties", counterparty_id=str(counterparty_id), name="Romashka",
            responsible_employee_id=str(account_manager), created_by=str(uuid.uuid4())))
    type_id, _ = contract_type(offsets=(0,), department_ids=[department], roles=["lawyer"], employee_ids=[named],
                               counterparty_responsible=True)
    document_id = uuid.uuid4()
    with session.begin():
        event_handlers.on_document(session, event=document_event(
            "document.created", document_id, type_id, responsible_id=responsible, counterparty_id=counterparty_id,
            valid_until=day(40)))

    recipients = {r.recipient_id for r in pending(session, subject_id=document_id)}
    assert {responsible, in_department, lawyer, named, account_manager, on_site} <= recipients

    successor = employee()
    with session.begin():
        event_handlers.on_counterparty_handed_over(session, event=event(
            "counterparty.handed_over", "counterparties", counterparty_ids=[str(counterparty_id)],
            from_employee_id=str(account_manager), to_employee_id=str(successor), by=str(uuid.uuid4())))
    recipients = {r.recipient_id for r in pending(session, subject_id=document_id)}
    assert successor in recipients and account_manager not in recipients


def test_a_new_scheme_plans_the_documents_already_there_and_deleting_it_removes_them(session, employee):
    anna = employee()
    type_id, document_id = uuid.uuid4(), uuid.uuid4()
    with session.begin():
        event_handlers.on_document(session, event=document_event("document.created", document_id, type_id,
                                                          responsible_id=anna, payment_due=day(30)))
    with session.begin():
        scheme = reminder_schemes.save_scheme(session, actor=configurer(), now=NOW, data={
            "document_type_id": type_id, "name": "Payment", "date_field": "payment_due", "offsets": [-3, 0],
            "recipients": {"responsible": True}, "stop_statuses": []})
    assert [r.due_at.date().isoformat() for r in pending(session, subject_id=document_id)] == [day(27), day(30)]

    with session.begin():
        reminder_schemes.delete_scheme(session, actor=configurer(), scheme_id=scheme.id)
    assert pending(session, subject_id=document_id) == []


def test_configuring_a_scheme_needs_the_permission_and_complete_input(session):
    data = {"document_type_id": uuid.uuid4(), "name": "x", "date_field": "valid_until", "offsets": [-1],
            "recipients": {"responsible": True}}
    with pytest.raises(PermissionDenied), session.begin():
        reminder_schemes.save_scheme(session, actor=Actor(id=uuid.uuid4(), roles=["employee"]), data=data)
    with pytest.raises(InvalidInput) as refused, session.begin():
        reminder_schemes.save_scheme(session, actor=configurer(), data={**data, "offsets": [], "recipients": {}})
    assert set(refused.value.details) == {"offsets", "recipients"}


# The other event_handlers.

def test_an_activity_reminds_its_responsible_minutes_before_and_moves_or_ends_with_it(session, employee):
    anna = employee()
    activity_id, counterparty_id = uuid.uuid4(), uuid.uuid4()
    planned = NOW + timedelta(hours=3)
    payload = dict(activity_id=str(activity_id), counterparty_id=str(counterparty_id), contact_person_id=None,
                   kind="call", subject="Discuss the offer", planned_at=planned.isoformat(),
                   responsible_id=str(anna), scheduled_by=str(anna))
    with session.begin():
        event_handlers.on_activity_planned(session, event=event("activity.scheduled", "counterparties", **payload))
    [row] = pending(session, subject_id=activity_id)
    assert row.due_at == planned - timedelta(minutes=15)

    moved = planned + timedelta(days=1)
    with session.begin():
        event_handlers.on_activity_planned(session, event=event("activity.rescheduled", "counterparties", **{
            **payload, "planned_at": moved.isoformat(), "previous_planned_at": planned.isoformat()}))
    assert [r.due_at for r in pending(session, subject_id=activity_id)] == [moved - timedelta(minutes=15)]

    reminders.fire_due(session, hooks=event_handlers.HOOKS, now=moved - timedelta(minutes=14))
    [notification] = inbox_of(session, anna)
    assert (notification.kind, notification.title) == ("reminder.activity", "Call: Discuss the offer")

    with session.begin():
        event_handlers.on_activity_planned(session, event=event("activity.scheduled", "counterparties", **{
            **payload, "activity_id": str(other := uuid.uuid4()), "planned_at": (NOW + timedelta(days=2)).isoformat()}))
        event_handlers.on_activity_closed(session, event=event(
            "activity.cancelled", "counterparties", activity_id=str(other), counterparty_id=str(counterparty_id),
            responsible_id=str(anna), cancelled_by=str(anna)))
    assert pending(session, subject_id=other) == []


def test_a_handed_over_activity_reminds_its_new_responsible_only(session, employee):
    leaving, taking = employee(), employee()
    activity_id = uuid.uuid4()
    payload = dict(activity_id=str(activity_id), counterparty_id=str(uuid.uuid4()), contact_person_id=None,
                   kind="meeting", subject="Site visit", planned_at=(NOW + timedelta(hours=5)).isoformat(),
                   responsible_id=str(leaving), scheduled_by=str(leaving))
    with session.begin():
        event_handlers.on_activity_planned(session, event=event("activity.scheduled", "counterparties", **payload))
        event_handlers.on_activity_planned(session, event=event("activity.handed_over", "counterparties", **{
            **payload, "responsible_id": str(taking), "previous_responsible_id": str(leaving),
            "handed_over_by": str(uuid.uuid4())}))
    assert [r.recipient_id for r in pending(session, subject_id=activity_id)] == [taking]


def test_the_preferred_minutes_before_an_activity(session, employee):
    anna = employee()
    with session.begin():
        logic.save_preferences(session, actor=Actor(id=anna, roles=["employee"]), data={"activity_minutes": 60})
    planned = NOW + timedelta(days=1)
    activity_id = schedule(session, anna, planned)
    assert [r.due_at for r in pending(session, subject_id=activity_id)] == [planned - timedelta(hours=1)]


def test_new_minutes_before_move_the_reminders_of_activities_still_ahead(session, employee):
    from nameko.testing.services import worker_factory

    from notifications.service import NotificationsService

    anna = employee()
    planned = NOW + timedelta(days=1)
    ahead = schedule(session, anna, planned, kind="call", subject="Call back")
    assert [r.due_at for r in pending(session, subject_id=ahead)] == [planned - timedelta(minutes=15)]

    service = worker_factory(NotificationsService, db=session)
    saved = service.save_preferences({"id": str(anna), "roles": ["employee"]}, {"activity_minutes": 90})
    assert saved["activity_minutes"] == 90
    assert [r.due_at for r in pending(session, subject_id=ahead)] == [planned - timedelta(minutes=90)]


def test_an_employee_moving_to_another_time_zone_keeps_09_00_local(session, employee):
    manager = employee(time_zone="Europe/Moscow")
    person, birthday = uuid.uuid4(), NOW.date() + timedelta(days=20)
    if (birthday.month, birthday.day) == (2, 29):  # pragma: no cover
        birthday += timedelta(days=1)
    planned = NOW + timedelta(days=2)
    with session.begin():
        event_handlers.plan_important_dates(session, contact_person_id=person, counterparty_id=uuid.uuid4(),
                                     full_name="Ivan Petrov", responsible_id=manager, now=NOW, important_dates=[
                                         {"id": str(uuid.uuid4()), "title": "Birthday",
                                          "date": birthday.replace(year=1980).isoformat(), "remind": True}])
    activity_id = schedule(session, manager, planned)
    [dated] = pending(session, subject_id=person)
    assert dated.due_at == datetime.combine(birthday, time(6), tzinfo=timezone.utc)  # 09:00 in Moscow

    with session.begin():
        event_handlers.on_employee(session, event=event("employee.updated", "staff", employee_id=str(manager),
                                                 time_zone="Asia/Vladivostok"))
    [dated] = pending(session, subject_id=person)
    assert dated.due_at == datetime.combine(birthday - timedelta(days=1), time(23), tzinfo=timezone.utc)  # 09:00 +10
    # a moment (minutes before an activity) is not a wall-clock time: it stays
    assert [r.due_at for r in pending(session, subject_id=activity_id)] == [planned - timedelta(minutes=15)]


def test_an_important_date_reminds_the_counterpartys_responsible_every_year(session, employee):
    manager = employee()
    person, counterparty_id, date_id = uuid.uuid4(), uuid.uuid4(), str(uuid.uuid4())
    birthday = NOW.date() + timedelta(days=20)
    if (birthday.month, birthday.day) == (2, 29):  # pragma: no cover - keep the test's arithmetic simple
        birthday += timedelta(days=1)
    with session.begin():
        event_handlers.plan_important_dates(session, contact_person_id=person, counterparty_id=counterparty_id,
                                     full_name="Ivan Petrov", responsible_id=manager, now=NOW, important_dates=[
                                         {"id": date_id, "title": "Birthday",
                                          "date": birthday.replace(year=1980).isoformat(), "remind": True,
                                          "remind_days_before": 2},
                                         {"id": str(uuid.uuid4()), "title": "Name day", "date": "1980-07-01",
                                          "remind": False}])
    [row] = pending(session, subject_id=person)
    assert row.due_at == datetime.combine(birthday - timedelta(days=2), time(9), tzinfo=timezone.utc)

    reminders.fire_due(session, hooks=event_handlers.HOOKS, now=row.due_at)
    [notification] = inbox_of(session, manager)
    assert notification.title == "Birthday: Ivan Petrov" and notification.kind == "reminder.important_date"
    [next_year] = pending(session, subject_id=person)
    assert next_year.due_at == datetime.combine(birthday.replace(year=birthday.year + 1) - timedelta(days=2),
                                                time(9), tzinfo=timezone.utc)

    with session.begin():
        event_handlers.forget_contact_person(session, contact_person_id=person)
    assert pending(session, subject_id=person) == []


def test_a_short_deadline_gets_no_reminder_before_the_task_was_given(session, employee):
    approver = employee()
    due = datetime.now(timezone.utc) + timedelta(hours=24)  # "1 day before" is the moment it is given
    with session.begin():
        event_handlers.on_task_assigned(session, event=event(
            "approval.task_assigned", "approvals", approval_id=str(uuid.uuid4()), document_id=str(uuid.uuid4()),
            counterparty_id=None, document_title="Act", document_number=None, document_type_id=None,
            initiator_id=str(uuid.uuid4()), route_version=None, stage_id=str(uuid.uuid4()), stage_name="Check",
            task_id=str(uuid.uuid4()), approver_id=str(approver), on_behalf_of=None, due_at=due.isoformat()))
    assert [r.occurrence for r in pending(session, recipient_id=approver)] == ["1 hour before", "1 day after"]


def test_approval_deadlines_remind_before_and_after_until_decided(session, employee):
    approver = employee()
    task_id, approval_id = uuid.uuid4(), uuid.uuid4()
    due = NOW + timedelta(days=3)
    common = dict(approval_id=str(approval_id), document_id=str(uuid.uuid4()), counterparty_id=None,
                  document_title="Supply contract", document_number=None, document_type_id=None,
                  initiator_id=str(uuid.uuid4()), route_version=1)
    with session.begin():
        event_handlers.on_task_assigned(session, event=event(
            "approval.task_assigned", "approvals", **common, stage_id=str(uuid.uuid4()), stage_name="Legal",
            task_id=str(task_id), approver_id=str(approver), on_behalf_of=None, due_at=due.isoformat()))
    assert [r.due_at for r in pending(session, recipient_id=approver)] == [
        due - timedelta(days=1), due - timedelta(hours=1), due + timedelta(days=1)]
    [assigned] = inbox_of(session, approver)
    assert assigned.kind == "approval.task_assigned"

    later = due + timedelta(days=2)
    with session.begin():
        event_handlers.on_extension_decided(session, event=event(
            "approval.extension_decided", "approvals", **common, task_id=str(task_id), approver_id=str(approver),
            granted=True, due_at=later.isoformat()))
    assert [r.due_at for r in pending(session, recipient_id=approver)][0] == later - timedelta(days=1)

    reminders.fire_due(session, hooks=event_handlers.HOOKS, now=later - timedelta(days=1))
    assert [n.kind for n in inbox_of(session, approver)] == [
        "approval.task_assigned", "approval.extension_decided", "reminder.approval_deadline"]

    with session.begin():
        event_handlers.on_decision_made(session, event=event(
            "approval.decision_made", "approvals", **common, stage_id=str(uuid.uuid4()), task_id=str(task_id),
            approver_id=str(approver), on_behalf_of=None, decision="approve", comment=None, delay_reason=None,
            decided_at=NOW.isoformat()))
    assert pending(session, recipient_id=approver) == []


def test_approval_events_notify_whom_the_contract_names(session, employee):
    initiator, head, approver = employee(), employee(), employee()
    common = dict(approval_id=str(uuid.uuid4()), document_id=str(uuid.uuid4()), counterparty_id=None,
                  document_title="Supply contract", document_number="CTR-1", document_type_id=None,
                  initiator_id=str(initiator), route_version=1)
    with session.begin():
        event_handlers.on_overdue(session, event=event(
            "approval.overdue", "approvals", **common, stage_id=str(uuid.uuid4()), stage_name="Legal",
            task_id=str(uuid.uuid4()), approver_id=str(approver), due_at=NOW.isoformat(),
            notify_ids=[str(approver), str(head), str(initiator)]))
        event_handlers.on_returned(session, event=event("approval.returned", "approvals", **common,
                                                 returned_by=str(approver), comment="Fix the price"))
        event_handlers.on_stage_waiting(session, event=event(
            "approval.stage_waiting", "approvals", **common, stage_id=str(uuid.uuid4()), stage_name="Finance",
            reason="nobody holds the role", notify_ids=[str(initiator)]))
        event_handlers.on_extension_requested(session, event=event(
            "approval.extension_requested", "approvals", **common, task_id=str(uuid.uuid4()),
            approver_id=str(approver), requested_due_at=NOW.isoformat(), reason="on a trip"))
        event_handlers.on_finished(session, event=event("approval.finished", "approvals", **common, outcome="approved",
                                                 decided_by=str(approver), comment=None, finished_at=NOW.isoformat()))

    assert [n.kind for n in inbox_of(session, head)] == ["approval.overdue"]
    assert [n.kind for n in inbox_of(session, approver)] == ["approval.overdue"]
    assert sorted(n.kind for n in inbox_of(session, initiator)) == sorted([
        "approval.overdue", "approval.returned", "approval.stage_waiting", "approval.extension_requested",
        "approval.finished"])


def test_a_paper_copy_not_returned_reminds_its_holder_and_the_responsible(session, employee):
    holder, responsible = employee(), employee()
    document_id, copy_id = uuid.uuid4(), uuid.uuid4()
    moved = dict(document_id=str(document_id), document_type_id=str(uuid.uuid4()), status="handed_out",
                 counterparty_id=None, title="Lease", number="L-1", type_code="contract", type_name="Contract",
                 responsible_id=str(responsible), department_id=None, dates={}, paper_copy_id=str(copy_id),
                 kind="original", from_holder_id=None, to_holder_id=str(holder), to_location=None,
                 expected_return_on=day(10), reason=None, moved_by=str(responsible), moved_at=NOW.isoformat())
    with session.begin():
        event_handlers.on_paper_copy_moved(session, event=event("paper_copy.moved", **moved))
    rows = pending(session, source=f"paper_copy:{copy_id}")
    assert {r.recipient_id for r in rows} == {holder, responsible}
    assert {r.due_at for r in rows} == {datetime.combine(TODAY + timedelta(days=11), time(9), tzinfo=timezone.utc)}

    with session.begin():
        event_handlers.on_paper_copy_moved(session, event=event("paper_copy.moved", **{
            **moved, "status": "in_place", "to_holder_id": None, "to_location": "Safe 1", "expected_return_on": None}))
    assert pending(session, source=f"paper_copy:{copy_id}") == []


def contract_event(type_, responsible, document_id, status="signed", **fields):
    return event(type_, document_id=str(document_id), document_type_id=str(uuid.uuid4()), status=status,
                 counterparty_id=None, title="Block A", number="C-7", type_code="contract", type_name="Contract",
                 responsible_id=str(responsible), department_id=None, dates={}, **fields)


def test_a_milestone_is_reminded_before_its_deadline_and_once_after_it_until_done(session, employee):
    responsible, document_id, milestone_id = employee(time_zone="Europe/Moscow"), uuid.uuid4(), uuid.uuid4()
    changed = dict(milestone_id=str(milestone_id), change="added", milestone_title="Foundation", due_on=day(10),
                   amount=None, currency=None, act_id=None, completed_on=None, milestone_status="planned",
                   changed_by=str(responsible), changes={})
    with session.begin():
        event_handlers.on_contract_milestone_changed(session, event=contract_event(
            "contract.milestone_changed", responsible, document_id, **changed))
    rows = pending(session, source=f"milestone:{milestone_id}")
    moscow_nine = time(6, 0)  # 09:00 in Moscow
    assert [(r.occurrence, r.due_at, r.link, r.kind) for r in rows] == [
        ("before", datetime.combine(TODAY + timedelta(days=7), moscow_nine, tzinfo=timezone.utc),
         f"/documents/{document_id}#execution", "contract"),
        (f"overdue:{day(10)}", datetime.combine(TODAY + timedelta(days=11), moscow_nine, tzinfo=timezone.utc),
         f"/documents/{document_id}#execution", "contract")]

    late = {**changed, "due_on": day(-2), "milestone_status": "overdue", "change": "updated"}
    with session.begin():
        event_handlers.on_contract_milestone_changed(session, event=contract_event(
            "contract.milestone_changed", responsible, document_id, **late))
    [overdue] = pending(session, source=f"milestone:{milestone_id}")
    assert overdue.occurrence == f"overdue:{day(-2)}" and overdue.due_at <= datetime.now(timezone.utc)
    assert reminders.fire_due(session, hooks=event_handlers.HOOKS) >= 1
    assert inbox_of(session, responsible)[0].title == "Milestone overdue: Foundation"
    with session.begin():  # its note edited after the reminder fired: not told twice
        event_handlers.on_contract_milestone_changed(session, event=contract_event(
            "contract.milestone_changed", responsible, document_id, **{**late, "changes": {"note": {}}}))
    assert pending(session, source=f"milestone:{milestone_id}") == []

    with session.begin():
        event_handlers.on_contract_milestone_changed(session, event=contract_event(
            "contract.milestone_changed", responsible, document_id, **{**late, "due_on": day(5)}))
    assert len(pending(session, source=f"milestone:{milestone_id}")) == 2  # a new deadline, told again
    with session.begin():
        event_handlers.on_contract_milestone_changed(session, event=contract_event(
            "contract.milestone_changed", responsible, document_id, **{**late, "milestone_status": "done"}))
    assert pending(session, source=f"milestone:{milestone_id}") == []


def test_planned_payments_are_reminded_while_not_covered(session, employee):
    responsible, document_id = employee(), uuid.uuid4()
    first, second = uuid.uuid4(), uuid.uuid4()
    recorded = dict(payment_id=str(uuid.uuid4()), kind="planned", on=day(3), amount="500.00", currency="RUB",
                    invoice_id=None, reference=None, recorded_by=str(responsible), we_are="supplier", settlement=[],
                    open_planned=[{"payment_id": str(first), "on": day(3), "outstanding": "500.00", "currency": "RUB"},
                                  {"payment_id": str(second), "on": day(9), "outstanding": "700.00",
                                   "currency": "RUB"}])
    with session.begin():
        event_handlers.on_contract_payment(session, event=contract_event(
            "contract.payment_recorded", responsible, document_id, **recorded))
    rows = pending(session, source=f"payment:{document_id}:{first}")
    assert [(r.occurrence, r.due_at, r.title) for r in rows] == [
        ("due", datetime.combine(TODAY + timedelta(days=3), time(9), tzinfo=timezone.utc),
         "Payment due today: 500.00 RUB"),
        (f"overdue:{day(3)}", datetime.combine(TODAY + timedelta(days=4), time(9), tzinfo=timezone.utc),
         "Payment overdue: 500.00 RUB")]

    paid = {**recorded, "kind": "actual", "open_planned": recorded["open_planned"][1:]}
    with session.begin():
        event_handlers.on_contract_payment(session, event=contract_event(
            "contract.payment_recorded", responsible, document_id, **paid))
    assert pending(session, source=f"payment:{document_id}:{first}") == []
    assert len(pending(session, source=f"payment:{document_id}:{second}")) == 2

    with session.begin():  # the contract is terminated before the day: nothing fires
        event_handlers.on_document(session, event=contract_event("document.status_changed", responsible, document_id,
                                                          status="terminated", from_status="signed",
                                                          to_status="terminated"))
    reminders.fire_due(session, hooks=event_handlers.HOOKS,
                       now=datetime.combine(TODAY + timedelta(days=20), time(9), tzinfo=timezone.utc))
    assert [n.title for n in inbox_of(session, responsible)] == []
    with session.begin():
        assert set(session.scalars(select(Reminder.state).where(
            Reminder.source == f"payment:{document_id}:{second}"))) == {"cancelled"}


# Reminders set by hand.

def test_anyone_reminds_themselves_about_any_record(session, employee):
    anna = employee()
    document_id = uuid.uuid4()
    actor = Actor(id=anna, roles=["employee"])
    with session.begin():
        [row] = reminder_schemes.create_manual(session, actor=actor, now=NOW, data={
            "title": "Check the act", "due_at": NOW + timedelta(days=1), "subject_type": "document",
            "subject_id": document_id})
    assert (row.recipient_id, row.link) == (anna, f"/documents/{document_id}")
    with session.begin():
        assert [r.id for r in reminder_schemes.visible_reminders(session, actor=actor, subject_type="document",
                                                       subject_id=document_id)] == [row.id]
        assert reminder_schemes.visible_reminders(session, actor=Actor(id=uuid.uuid4()), subject_type="document",
                                        subject_id=document_id) == []


def test_reminding_others_needs_the_right(session, employee):
    department, inside = nested_departments(session, "Sales", "Key accounts")
    anna, boris = employee(department_id=department), employee(department_id=department)
    carl = employee(department_id=inside)
    data = {"title": "Meeting", "due_at": NOW + timedelta(hours=2), "employee_ids": [boris]}
    with pytest.raises(PermissionDenied), session.begin():
        reminder_schemes.create_manual(session, actor=Actor(id=anna, roles=["employee"]), now=NOW, data=data)
    head = Actor(id=uuid.uuid4(), roles=["department_head"], visible_department_ids=[department, inside])
    with session.begin():
        rows = reminder_schemes.create_manual(session, actor=head, now=NOW, data={**data, "employee_ids": [],
                                                                          "department_ids": [department]})
    assert {r.recipient_id for r in rows} == {anna, boris, carl}  # the department inside it too
    with pytest.raises(InvalidInput) as refused, session.begin():
        reminder_schemes.create_manual(session, actor=head, now=NOW, data={**data, "due_at": NOW - timedelta(hours=1)})
    assert set(refused.value.details) == {"due_at"}
