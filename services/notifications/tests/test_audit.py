"""Notifications: the recipient alone sees one, whatever the role; each one put in an inbox
is audited (reading is not); the chain refuses edits and finds forgeries; an erased
contact person's data is scrubbed from the notifications that carried it."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from notifications import logic, models
from notifications.service import NotificationsService

ROLES = ("administrator", "director", "lawyer", "accountant", "manager", "employee")


@pytest.fixture
def rows(engine):
    """``rows(record_id)``: (action, actor_id, changes) of a record's audit rows, oldest first."""
    def of(record_id):
        table = models.audit_log.table
        with make_session_factory(engine)() as reader:
            return [tuple(row) for row in reader.execute(
                select(table.c.action, table.c.actor_id, table.c.changes)
                .where(table.c.record_id == record_id).order_by(table.c.id))]
    return of


@pytest.fixture
def auditor():
    return Actor(id=uuid.uuid4(), roles=["employee"], permissions=["view_audit"])


@pytest.fixture
def administrator():
    return Actor(id=uuid.uuid4(), roles=["administrator"], permissions=["view_audit"])


@pytest.fixture
def service(session):
    return worker_factory(NotificationsService, db=session)


def as_argument(actor):
    return {"id": str(actor.id), "roles": actor.roles, "permissions": actor.permissions}


# Who sees a notification.

@pytest.mark.parametrize("role", ROLES)
def test_only_the_recipient_sees_a_notification_whatever_the_role(session, notify, make_actor, administrator, role):
    anna, someone = make_actor(), make_actor(role)
    counterparty_id = uuid.uuid4()
    notification_id = notify(anna, counterparty_id=counterparty_id)

    with session.begin():
        items, total = logic.list_notifications(session, actor=someone, counterparty_id=counterparty_id)
        explained = logic.explain_access(session, asked_by=administrator, actor=someone, record_id=notification_id)
    with pytest.raises(NotFound), session.begin():
        logic.get_notification(session, notification_id=notification_id, actor=someone)

    assert (items, total) == ([], 0)
    assert explained == {"visible": False, "reasons": [
        "Only its recipient sees a notification, whatever their role, and they are not its recipient."]}


def test_the_recipient_is_told_why_they_see_it(session, notify, make_actor, administrator):
    anna = make_actor()
    notification_id = notify(anna)

    with session.begin():
        explained = logic.explain_access(session, asked_by=administrator, actor=anna, record_id=notification_id)

    assert explained == {"visible": True, "reasons": ["They are its recipient."]}


def test_only_administrators_ask_why(session, notify, make_actor, service):
    anna = make_actor()
    notification_id = notify(anna)

    with pytest.raises(PermissionDenied), session.begin():
        logic.explain_access(session, asked_by=make_actor("director"), actor=anna, record_id=notification_id)
    with pytest.raises(InvalidInput) as refused:
        service.explain_access(as_argument(make_actor("administrator")), as_argument(anna), "document",
                               str(notification_id))
    assert set(refused.value.details) == {"record_type"}


# The audit log.

def test_a_notification_put_in_an_inbox_writes_one_row_without_its_text(notify, make_actor, rows):
    anna = make_actor()
    event_id, subject_id, counterparty_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    notification_id = notify(anna, source_event_id=event_id, subject_type="approval", subject_id=subject_id,
                             counterparty_id=counterparty_id, title="Approval requested: Ivanov", body="Ivanov")
    notify(anna, source_event_id=event_id)  # the same event again: no notification, no row

    [(action, by, changes)] = rows(notification_id)
    assert (action, by) == ("created", None)
    assert changes == {
        "recipient_id": {"from": None, "to": str(anna.id)}, "kind": {"from": None, "to": "approval.task_assigned"},
        "subject_type": {"from": None, "to": "approval"}, "subject_id": {"from": None, "to": str(subject_id)},
        "counterparty_id": {"from": None, "to": str(counterparty_id)},
        "source_event_id": {"from": None, "to": str(event_id)}}


def test_reading_writes_nothing(session, notify, make_actor, rows):
    anna = make_actor()
    notification_id = notify(anna)

    with session.begin():
        logic.mark_read(session, actor=anna, notification_id=notification_id)
        logic.mark_all_read(session, actor=anna)

    assert [action for action, _, _ in rows(notification_id)] == ["created"]


def test_the_rows_of_a_notification_are_its_recipients(session, notify, make_actor):
    anna = make_actor()
    notification_id = notify(anna)

    with session.begin():
        items, total = logic.audit_entries(session, actor=anna, record_type="notification", record_id=notification_id)
    assert [row["action"] for row in items] == ["created"] and total == 1
    for record_type in ("notification", "contact_person"):
        with pytest.raises(NotFound), session.begin():
            logic.audit_entries(session, actor=make_actor("director"), record_type=record_type,
                                record_id=notification_id)


def test_searching_the_whole_log_and_verifying_need_view_audit(session, notify, make_actor, auditor):
    anna = make_actor()
    notify(anna)

    for call in (lambda: logic.audit_entries(session, actor=anna),
                 lambda: logic.verify_audit(session, actor=anna)):
        with pytest.raises(PermissionDenied) as refused, session.begin():
            call()
        assert refused.value.details == {"permission": "view_audit"}
    with session.begin():
        items, total = logic.audit_entries(session, actor=auditor, record_type="notification", limit=1)
        assert len(items) == 1 and total >= 1
        assert logic.verify_audit(session, actor=auditor) == {"intact": True, "first_bad_id": None}


def test_the_audit_entrypoint_dumps_rows(service, notify, make_actor):
    anna = make_actor()
    notification_id = notify(anna)

    answer = service.audit_entries(as_argument(anna), {"record_type": "notification",
                                                       "record_id": str(notification_id)})

    assert answer["total"] == 1
    assert (answer["items"][0]["action"], answer["items"][0]["record_id"]) == ("created", str(notification_id))


def test_the_log_refuses_update_and_delete(session, notify, make_actor):
    notify(make_actor())
    table = models.audit_log.table

    for statement in (update(table).values(action="forged"), table.delete()):
        with pytest.raises(DBAPIError, match="append-only"), session.begin():
            session.execute(statement)


@pytest.fixture
def own_database(service_database):
    """A database of its own: a forged row would break the chain of every later test."""
    engine = make_engine(
        service_database("notifications", name=f"chancery_itest_notifications_{uuid.uuid4().hex[:8]}"), pool_size=2)
    yield engine
    engine.dispose()


def test_a_forged_row_is_found(own_database, auditor):
    session = make_session_factory(own_database)()
    for _ in range(3):
        with session.begin():
            logic.notify(session, recipient_id=uuid.uuid4(), kind="approval.completed", title="Approved",
                         source_event_id=uuid.uuid4())
    table = models.audit_log.table
    with session.begin():
        ids = session.scalars(select(table.c.id).order_by(table.c.id)).all()

    with session.begin():  # as a superuser who bypasses the trigger would
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        session.execute(table.delete().where(table.c.id == ids[1]))
        session.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))

    with session.begin():
        assert logic.verify_audit(session, actor=auditor) == {"intact": False, "first_bad_id": ids[2]}
    session.close()


# A contact person's erasure.

@pytest.fixture
def about_a_person(notify, make_actor):
    """Notifications whose data names one contact person (at the top and nested), and one that does not."""
    contact_person_id = uuid.uuid4()
    anna, boris = make_actor(), make_actor()
    return contact_person_id, {
        "top": notify(anna, body="Call Ivan Petrov", data={"contact_person_id": str(contact_person_id)}),
        "nested": notify(boris, body="Meeting", data={"attendees": [{"id": str(contact_person_id)}]}),
        "other": notify(anna, body="Call Olga", data={"contact_person_id": str(uuid.uuid4())}),
    }


def erased(contact_person_id, erased_by):
    return Event(type="contact_person.erased", producer="counterparties", payload={
        "contact_person_id": str(contact_person_id), "counterparty_id": str(uuid.uuid4()),
        "erased_by": str(erased_by), "reason": "the person asked"})


def stored(engine, notification_id):
    with make_session_factory(engine)() as reader:
        notification = reader.get(models.Notification, notification_id)
        return notification.body, notification.data


def test_an_erasure_scrubs_the_notifications_naming_the_person_once(engine, service, about_a_person, rows):
    contact_person_id, made = about_a_person
    officer = uuid.uuid4()
    event = erased(contact_person_id, officer)

    service.on_contact_person_erased(event.to_message())
    service.on_contact_person_erased(event.to_message())  # redelivered

    assert stored(engine, made["top"]) == stored(engine, made["nested"]) == ("", {})
    assert stored(engine, made["other"])[0] == "Call Olga"
    for name in ("top", "nested"):
        assert rows(made[name])[1:] == [("personal_data_erased", officer,
                                         {"data": {"changed": True}, "body": {"changed": True}})]
    [(action, by, changes)] = rows(contact_person_id)
    assert (action, by, changes["records_removed"], changes["event_id"]) == (
        "erasure_processed", officer, 2, str(event.id))
    assert changes["notification_ids"] == sorted([str(made["top"]), str(made["nested"])])


def test_the_export_holds_the_notifications_naming_the_person_and_is_audited(
        session, service, about_a_person, auditor, rows):
    contact_person_id, made = about_a_person

    exported = service.export_personal_data(as_argument(auditor), str(contact_person_id))

    assert exported["service"] == "notifications"
    assert {record["id"] for record in exported["records"]} == {str(made["top"]), str(made["nested"])}
    top = next(r for r in exported["records"] if r["id"] == str(made["top"]))
    assert (top["body"], top["data"]) == ("Call Ivan Petrov", {"contact_person_id": str(contact_person_id)})
    [(action, by, _)] = rows(contact_person_id)
    assert (action, by) == ("personal_data_exported", auditor.id)
    assert [e["action"] for e in exported["audit_entries"]] == ["personal_data_exported"]

    service.on_contact_person_erased(erased(contact_person_id, auditor.id).to_message())
    assert service.export_personal_data(as_argument(auditor), str(contact_person_id))["records"] == []
