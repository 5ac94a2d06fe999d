"""The audit log of approvals: one row per write with what changed, who may read it, a chain
that refuses edits and finds forgeries; and a contact person's erasure traced here too."""
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.envelope import Event
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied
from approvals import logic, models, routes
from approvals.service import ApprovalsService


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
def auditor(make_actor):
    return Actor(id=uuid.uuid4(), roles=["employee"], permissions=["view_audit"])


@pytest.fixture
def approvers(make_actor):
    return make_actor("lawyer"), make_actor("accountant")


def test_starting_writes_the_stages_and_their_approvers(start, approvers, initiator, rows):
    lawyer, accountant = approvers
    document_id = uuid.uuid4()

    approval = start({"name": "Legal", "approver_ids": [lawyer]}, [accountant], document_id=document_id,
                     comment="Urgent")

    [(action, by, changes)] = rows(approval.id)
    assert (action, by) == ("started", initiator.id)
    assert changes == {
        "document_id": {"from": None, "to": str(document_id)}, "status": {"from": None, "to": "in_progress"},
        "comment": {"from": None, "to": "Urgent"},
        "stages": {"from": None, "to": [
            {"name": "Legal", "mode": "sequential", "completion": "all", "status": "waiting",
             "approvers": [{"kind": "employee", "employee_id": str(lawyer.id)}]},
            {"name": "Stage 2", "mode": "sequential", "completion": "all", "status": "waiting",
             "approvers": [{"kind": "employee", "employee_id": str(accountant.id)}]}]}}


def test_each_decision_writes_one_row_with_its_comment(start, decide, approvers, task, session, rows):
    lawyer, accountant = approvers
    approval = start([lawyer], [accountant])
    task_id = task(session, approval, lawyer).id

    decide(lawyer, approval, "approve_with_remarks", "Check clause 4")

    [(action, by, changes)] = rows(approval.id)[1:]
    assert (action, by) == ("decision_recorded", lawyer.id)
    assert changes == {"task_id": str(task_id), "status": {"from": "pending", "to": "approved_with_remarks"},
                       "decision": {"from": None, "to": "approve_with_remarks"},
                       "comment": {"from": None, "to": "Check clause 4"}}


@pytest.mark.parametrize("decision, outcome", [("approve", "approved"), ("reject", "rejected")])
def test_the_deciding_decision_also_writes_the_outcome(start, decide, approvers, rows, decision, outcome):
    lawyer, _ = approvers
    approval = start([lawyer])

    decide(lawyer, approval, decision, "Done")

    assert [(action, by) for action, by, _ in rows(approval.id)] == [
        ("started", approval.initiator_id), ("decision_recorded", lawyer.id), ("completed", lawyer.id)]
    assert rows(approval.id)[-1][2] == {"status": {"from": "in_progress", "to": outcome},
                                        "outcome": {"from": None, "to": outcome}}


def test_a_refused_decision_writes_nothing(start, decide, approvers, rows):
    lawyer, _ = approvers
    approval = start([lawyer])

    with pytest.raises(InvalidInput):
        decide(lawyer, approval, "reject", None)

    assert [action for action, _, _ in rows(approval.id)] == ["started"]


def test_withdrawing_writes_the_reason(start, approvers, initiator, session, rows):
    lawyer, _ = approvers
    approval = start([lawyer])

    with session.begin():
        logic.withdraw(session, approval_id=approval.id, reason="Wrong file", actor=initiator)

    assert rows(approval.id)[-2:] == [("withdrawn", initiator.id, {"reason": "Wrong file"}), (
        "completed", initiator.id, {"status": {"from": "in_progress", "to": "withdrawn"},
                                    "outcome": {"from": None, "to": "withdrawn"}})]


def test_saving_a_route_writes_its_version_and_what_changed(session, rows):
    configurer = Actor(id=uuid.uuid4(), roles=["lawyer"], permissions=["configure_routes"])
    document_type_id, first, second = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    def save(name, approver):
        with session.begin():
            return routes.save_route(session, document_type_id=document_type_id, name=name, actor=configurer,
                                    stages=[{"name": "Legal", "approver_ids": [approver], "completion": "all",
                                             "deadline_hours": 24}])

    route = save("Contracts", first)
    save("Contracts", second)

    (saved, by, created), (saved_again, _, changed) = rows(route.id)
    assert (saved, by, saved_again) == ("route_saved", configurer.id, "route_saved")
    assert (created["name"], created["version"]) == ({"from": None, "to": "Contracts"}, {"from": None, "to": 1})
    assert set(changed) == {"version", "stages"}
    assert changed["version"] == {"from": 1, "to": 2}
    assert changed["stages"]["from"][0]["approvers"] == [{"kind": "employee", "employee_id": str(first)}]
    assert changed["stages"]["to"][0]["approvers"] == [{"kind": "employee", "employee_id": str(second)}]


# Who reads the log.

def test_the_rows_of_an_approval_are_read_by_whoever_sees_it(start, approvers, session):
    lawyer, accountant = approvers
    approval = start([lawyer], [accountant])

    with session.begin():
        items, total = logic.audit_entries(session, actor=accountant, record_type="approval", record_id=approval.id)
    assert [row["action"] for row in items] == ["started"] and total == 1

    for record_type in ("approval", "contact_person"):
        with pytest.raises(NotFound), session.begin():
            logic.audit_entries(session, actor=Actor(id=uuid.uuid4(), roles=["lawyer"]), record_type=record_type,
                                record_id=approval.id)


def test_searching_the_whole_log_and_verifying_need_view_audit(start, approvers, initiator, auditor, session):
    lawyer, _ = approvers
    start([lawyer])

    for call in (lambda: logic.audit_entries(session, actor=initiator),
                 lambda: logic.verify_audit(session, actor=initiator)):
        with pytest.raises(PermissionDenied) as refused, session.begin():
            call()
        assert refused.value.details == {"permission": "view_audit"}
    with session.begin():
        items, total = logic.audit_entries(session, actor=auditor, action="started", limit=1)
        assert len(items) == 1 and total >= 1
        assert logic.verify_audit(session, actor=auditor) == {"intact": True, "first_bad_id": None}


# The chain.

def test_the_log_refuses_update_and_delete(start, approvers, session):
    start([approvers[0]])
    table = models.audit_log.table

    for statement in (update(table).values(action="forged"), table.delete()):
        with pytest.raises(DBAPIError, match="append-only"), session.begin():
            session.execute(statement)


@pytest.fixture
def own_database(service_database):
    """A database of its own: a forged row would break the chain of every later test."""
    engine = make_engine(service_database("approvals", name=f"chancery_itest_approvals_{uuid.uuid4().hex[:8]}"),
                         pool_size=2)
    yield engine
    engine.dispose()


def test_a_forged_row_is_found(own_database, make_actor, auditor):
    session = make_session_factory(own_database)()
    lawyer, initiator = make_actor("lawyer"), make_actor("manager")
    for _ in range(3):
        with session.begin():
            logic.start_approval(session, document={"id": uuid.uuid4(), "type_id": None, "title": "Contract",
                                                    "number": None, "counterparty_id": None},
                                 stages=[{"name": None, "approver_ids": [lawyer.id], "completion": "all",
                                          "deadline_hours": None}], comment=None, actor=initiator)
    table = models.audit_log.table
    with session.begin():
        ids = session.scalars(select(table.c.id).order_by(table.c.id)).all()

    with session.begin():  # as a superuser who bypasses the trigger would
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        session.execute(update(table).where(table.c.id == ids[2]).values(actor_id=lawyer.id))
        session.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))

    with session.begin():
        assert logic.verify_audit(session, actor=auditor) == {"intact": False, "first_bad_id": ids[2]}
    session.close()


# A contact person's erasure.

def test_an_erasure_is_traced_once_and_exported_with_no_records(session, engine, rows, auditor):
    contact_person_id, officer = uuid.uuid4(), uuid.uuid4()
    event = Event(type="contact_person.erased", producer="counterparties", payload={
        "contact_person_id": str(contact_person_id), "counterparty_id": str(uuid.uuid4()),
        "erased_by": str(officer), "reason": "the person asked"})
    service = worker_factory(ApprovalsService, db=session)

    service.on_contact_person_erased(event.to_message())
    service.on_contact_person_erased(event.to_message())  # redelivered

    [(action, by, changes)] = rows(contact_person_id)
    assert (action, by, changes["records_removed"], changes["event_id"]) == (
        "erasure_processed", officer, 0, str(event.id))
    exported = service.export_personal_data({"id": str(auditor.id)}, str(contact_person_id))
    assert (exported["service"], exported["records"]) == ("approvals", [])
    assert [(e["action"], e["record_id"]) for e in exported["audit_entries"]] == [
        ("erasure_processed", str(contact_person_id))]
