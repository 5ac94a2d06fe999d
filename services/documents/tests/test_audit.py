"""The audit log: one row per write with what changed, who may read it, a chain that
refuses edits and finds forgeries; and a contact person's erasure traced here too."""
import hashlib
import uuid

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from chancery_common import audit
from chancery_common.actor import Actor
from chancery_common.database import make_engine, make_session_factory
from chancery_common.envelope import Event
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from documents import access, logic, models
from documents.service import DocumentsService

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def rows(reader):
    """``rows(record_id)``: (action, actor_id, changes) of a record's audit rows, oldest first."""
    def of(record_id):
        table = models.audit_log.table
        return reader(lambda s: [tuple(row) for row in s.execute(
            select(table.c.action, table.c.actor_id, table.c.changes)
            .where(table.c.record_id == record_id).order_by(table.c.id))])
    return of


@pytest.fixture
def auditor():
    return Actor(id=uuid.uuid4(), roles=["employee"], permissions=["view_audit"])


def test_creating_and_registering_writes_one_row_each_with_the_values(make_document, make_journal_type, actor,
                                                                       rows):
    doc_type = make_journal_type()

    document = make_document(type_id=doc_type.id, title="Lease", amount="100.50", currency="EUR")

    (created, by, fields), (registered, by_again, number) = rows(document.id)
    assert (created, by, registered, by_again) == ("created", actor.id, "registered", actor.id)
    assert fields == {
        "type_id": {"from": None, "to": str(doc_type.id)}, "title": {"from": None, "to": "Lease"},
        "status": {"from": None, "to": "draft"}, "amount": {"from": None, "to": "100.50"},
        "currency": {"from": None, "to": "EUR"}, "responsible_id": {"from": None, "to": str(actor.id)}}
    assert number["number"] == {"from": None, "to": document.number}
    assert number["registrar_id"] == {"from": None, "to": str(actor.id)}


def test_a_status_change_writes_its_from_and_to(make_document, change_status, actor, rows):
    document = make_document(register=False)

    change_status(document, "on_approval")

    assert rows(document.id)[1:] == [("status_changed", actor.id, {"status": {"from": "draft", "to": "on_approval"}})]


def test_a_refused_step_writes_nothing(make_document, change_status, rows):
    document = make_document(register=False)

    with pytest.raises(Conflict):
        change_status(document, "completed")

    assert [action for action, _, _ in rows(document.id)] == ["created"]


def test_an_attached_file_writes_its_name_checksum_and_size(make_document, upload, attach, actor, rows):
    document = make_document(register=False)

    version = attach(document, upload(document, PDF), filename="lease.pdf")

    [(action, by, added)] = rows(document.id)[1:]
    assert (action, by) == ("file_version_added", actor.id)
    assert {name: change["to"] for name, change in added.items()} == {
        "file_id": str(version.file_id), "version_id": str(version.id), "version": 1, "filename": "lease.pdf",
        "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest(), "content_type": "application/pdf"}


def test_an_approval_start_writes_the_participants_added(session, make_document, rows):
    document = make_document(register=False)
    initiator, approver = uuid.uuid4(), uuid.uuid4()

    worker_factory(DocumentsService, db=session).on_approval_started(Event(
        type="approval.started", producer="approvals", payload={
            "approval_id": str(uuid.uuid4()), "document_id": str(document.id), "counterparty_id": None,
            "document_title": "t", "document_number": None, "initiator_id": str(initiator),
            "approver_ids": [str(approver)]}).to_message())

    participants, status = rows(document.id)[1:]
    assert participants == ("participants_added", initiator, {"participants": [
        {"employee_id": str(initiator), "reason": "approval initiator"},
        {"employee_id": str(approver), "reason": "approver"}]})
    assert status == ("status_changed", initiator, {"status": {"from": "draft", "to": "on_approval"}})


# Who reads the log.

def test_the_rows_of_a_document_are_read_by_whoever_sees_it(session, make_document, actor):
    document = make_document(register=False)

    with session.begin():
        items, total = access.audit_entries(session, actor=actor, record_type="document", record_id=document.id)

    assert [row["action"] for row in items] == ["created"] and total == 1


def test_the_rows_of_a_document_one_may_not_see_are_not_found(session, make_document):
    document = make_document(register=False)

    with pytest.raises(NotFound), session.begin():
        access.audit_entries(session, actor=Actor(id=uuid.uuid4(), roles=["lawyer"]), record_type="document",
                            record_id=document.id)
    with pytest.raises(NotFound), session.begin():
        access.audit_entries(session, actor=Actor(id=uuid.uuid4(), roles=["lawyer"]),
                            record_type="contact_person", record_id=uuid.uuid4())


def test_searching_the_whole_log_needs_view_audit(session, make_document, actor, auditor):
    make_document(register=False)

    with pytest.raises(PermissionDenied) as refused, session.begin():
        access.audit_entries(session, actor=actor)
    with session.begin():
        items, total = access.audit_entries(session, actor=auditor, action="created", limit=1)

    assert refused.value.details == {"permission": "view_audit"}
    assert len(items) == 1 and total >= 1


def test_verifying_needs_view_audit(session, actor, auditor):
    with pytest.raises(PermissionDenied), session.begin():
        access.verify_audit(session, actor=actor)
    with session.begin():
        assert access.verify_audit(session, actor=auditor) == {"intact": True, "first_bad_id": None}


def test_the_audit_entrypoint_dumps_rows_and_names_a_record_id_without_its_type(session, make_document, actor):
    document = make_document(register=False)
    service = worker_factory(DocumentsService, db=session)
    caller = {"id": str(actor.id), "roles": actor.roles}

    answer = service.audit_entries(caller, {"record_type": "document", "record_id": str(document.id)})

    assert answer["total"] == 1
    assert (answer["items"][0]["action"], answer["items"][0]["record_id"]) == ("created", str(document.id))
    with pytest.raises(InvalidInput) as refused:
        service.audit_entries(caller, {"record_id": str(document.id)})
    assert refused.value.details == {"record_type": ["A record id needs its record type."]}


# The chain.

def test_the_log_refuses_update_and_delete(session):
    table = models.audit_log.table
    with session.begin():
        assert session.scalar(select(table.c.id).limit(1)) is not None

    for statement in (update(table).values(action="forged"), table.delete()):
        with pytest.raises(DBAPIError, match="append-only"), session.begin():
            session.execute(statement)


@pytest.fixture
def own_database(service_database):
    """A database of its own: a forged row would break the chain of every later test."""
    engine = make_engine(service_database("documents", name=f"chancery_itest_documents_{uuid.uuid4().hex[:8]}"),
                         pool_size=2)
    yield engine
    engine.dispose()


def test_a_forged_row_is_found_and_the_rows_before_it_stay_good(own_database, actor, auditor):
    session = make_session_factory(own_database)()
    memo = session.scalars(select(models.DocumentType).where(models.DocumentType.code == "memo")).one()
    session.rollback()
    for title in ("First", "Second", "Third"):
        with session.begin():
            logic.create_document(session, data={"type_id": memo.id, "title": title, "register": False}, actor=actor)
    table = models.audit_log.table
    with session.begin():
        ids = session.scalars(select(table.c.id).order_by(table.c.id)).all()
        assert access.verify_audit(session, actor=auditor) == {"intact": True, "first_bad_id": None}

    with session.begin():  # as a superuser who bypasses the trigger would
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        session.execute(update(table).where(table.c.id == ids[1]).values(
            changes={"title": {"from": None, "to": "Forged"}}))
        session.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))

    with session.begin():
        assert access.verify_audit(session, actor=auditor) == {"intact": False, "first_bad_id": ids[1]}
    session.close()
    assert audit.main(["verify", own_database.url.render_as_string(hide_password=False)]) == 1


# A contact person's erasure.

def erased(contact_person_id, erased_by):
    return Event(type="contact_person.erased", producer="counterparties", payload={
        "contact_person_id": str(contact_person_id), "counterparty_id": str(uuid.uuid4()),
        "erased_by": str(erased_by), "reason": "the person asked"})


def test_an_erasure_is_traced_once_and_exported_with_no_records(session, reader, rows, auditor):
    contact_person_id, officer = uuid.uuid4(), uuid.uuid4()
    event = erased(contact_person_id, officer)
    service = worker_factory(DocumentsService, db=session)

    service.on_contact_person_erased(event.to_message())
    service.on_contact_person_erased(event.to_message())  # redelivered

    [(action, by, changes)] = rows(contact_person_id)
    assert (action, by) == ("erasure_processed", officer)
    assert changes == {"event_id": str(event.id), "counterparty_id": event.payload["counterparty_id"],
                       "reason": "the person asked", "records_removed": 0}
    exported = service.export_personal_data({"id": str(auditor.id)}, str(contact_person_id))
    assert (exported["service"], exported["records"]) == ("documents", [])
    assert [(e["action"], e["record_type"], e["record_id"]) for e in exported["audit_entries"]] == [
        ("erasure_processed", "contact_person", str(contact_person_id))]
    assert reader(lambda s: access.verify_audit(s, actor=auditor))["intact"] is True
