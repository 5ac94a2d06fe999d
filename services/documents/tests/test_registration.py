"""Registering a draft later, numbers reserved in advance, and cancelled registrations whose
numbers stay recorded and are never given again."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from documents import events, models


@pytest.fixture
def journal(make_journal_type, session):
    """A fresh journal and its type: ``(journal_id, type_id, prefix)`` as text."""
    doc_type = make_journal_type()
    with session.begin():
        return str(doc_type.journal_id), str(doc_type.id), doc_type.journal.prefix


@pytest.fixture
def numbers(service, actor):
    """``numbers(journal_id, year=None)``: (number, status) of the journal's numbers in order."""
    def of(journal_id, year=None):
        return [(n["number"], n["status"])
                for n in service.journal_numbers(actor, journal_id, {"year": year} if year else None)]
    return of


def test_a_draft_is_registered_later_with_the_next_number(service, journal, actor, this_year, numbers):
    journal_id, type_id, prefix = journal
    draft = service.create_document(actor, {"type_id": type_id, "title": "Draft", "register": False})
    assert draft["number"] is None

    registered = service.register_document(actor, draft["id"])

    assert registered["number"] == f"{prefix}-{this_year}-000001"
    assert registered["registrar_id"] == str(actor.id)
    assert numbers(journal_id) == [(registered["number"], "registered")]
    with pytest.raises(Conflict):
        service.register_document(actor, draft["id"])


def test_a_reserved_number_waits_and_is_taken_by_a_document(service, journal, actor, this_year, numbers):
    journal_id, type_id, prefix = journal

    reserved = service.reserve_number(actor, journal_id, {"note": "for the lease with Acme"})
    next_one = service.create_document(actor, {"type_id": type_id, "title": "Next"})

    assert (reserved["number"], reserved["status"], reserved["note"]) == (
        f"{prefix}-{this_year}-000001", "reserved", "for the lease with Acme")
    assert next_one["number"] == f"{prefix}-{this_year}-000002"
    assert numbers(journal_id) == [(reserved["number"], "reserved"), (next_one["number"], "registered")]

    taking = service.create_document(actor, {"type_id": type_id, "title": "Lease",
                                                   "reserved_number": reserved["number"]})

    assert taking["number"] == reserved["number"]
    assert numbers(journal_id)[0] == (reserved["number"], "registered")
    with pytest.raises(InvalidInput) as raised:  # taken already
        service.create_document(actor, {"type_id": type_id, "title": "Again",
                                              "reserved_number": reserved["number"]})
    assert "reserved_number" in raised.value.args[0]


def test_a_draft_takes_a_reserved_number_of_its_own_journal_only(service, session, journal, make_journal_type,
                                                                  actor):
    journal_id, type_id, _ = journal
    other_type = make_journal_type()
    with session.begin():
        other_journal = str(other_type.journal_id)
    elsewhere = service.reserve_number(actor, other_journal)
    draft = service.create_document(actor, {"type_id": type_id, "title": "Draft", "register": False})

    with pytest.raises(InvalidInput):
        service.register_document(actor, draft["id"], {"reserved_number": elsewhere["number"]})
    mine = service.reserve_number(actor, journal_id)
    registered = service.register_document(actor, draft["id"], {"reserved_number": mine["number"]})

    assert registered["number"] == mine["number"]


def test_reservations_for_a_year_are_numbered_in_that_year(service, journal, actor, numbers):
    journal_id, _, prefix = journal

    reserved = service.reserve_number(actor, journal_id, {"year": 2030})

    assert reserved["number"] == f"{prefix}-2030-000001"
    assert numbers(journal_id, 2030) == [(reserved["number"], "reserved")]
    with pytest.raises(InvalidInput) as raised:
        service.reserve_number(actor, journal_id, {"year": "soon"})
    assert "year" in raised.value.args[0]
    with pytest.raises(NotFound):
        service.reserve_number(actor, str(uuid.uuid4()))


def test_a_cancelled_number_stays_recorded_and_is_never_given_again(service, journal, actor, this_year, numbers,
                                                                     outbox_events, reader):
    journal_id, type_id, prefix = journal
    document = service.create_document(actor, {"type_id": type_id, "title": "Mistake"})

    cancelled = service.cancel_registration(actor, document["id"], {"reason": "wrong journal"})

    assert (cancelled["number"], cancelled["registered_at"], cancelled["registrar_id"]) == (None, None, None)
    again = service.register_document(actor, document["id"])
    assert again["number"] == f"{prefix}-{this_year}-000002"
    assert numbers(journal_id) == [(f"{prefix}-{this_year}-000001", "cancelled"), (again["number"], "registered")]
    (event,) = outbox_events(events.DOCUMENT_REGISTRATION_CANCELLED, document["id"])
    assert (event["cancelled_number"], event["number"], event["reason"], event["cancelled_by"]) == (
        f"{prefix}-{this_year}-000001", None, "wrong journal", str(actor.id))
    table = models.audit_log.table
    (changes,) = reader(lambda s: s.scalars(select(table.c.changes).where(
        table.c.record_id == uuid.UUID(document["id"]), table.c.action == "registration_cancelled")).all())
    assert changes["number"] == {"from": f"{prefix}-{this_year}-000001", "to": None}
    assert changes["reason"] == {"from": None, "to": "wrong journal"}


def test_cancelling_needs_a_reason_a_registered_unsigned_document_and_a_registrar(service, journal, actor):
    _, type_id, _ = journal
    draft = service.create_document(actor, {"type_id": type_id, "title": "Draft", "register": False})
    signed = service.create_document(actor, {"type_id": type_id, "title": "Signed"})
    service.change_status(actor, signed["id"], {"status": "signed"})
    clerk = Actor(id=actor.id, roles=actor.roles)  # the same person without the permission

    with pytest.raises(InvalidInput) as raised:
        service.cancel_registration(actor, signed["id"], {"reason": " "})
    assert "reason" in raised.value.args[0]
    with pytest.raises(Conflict):
        service.cancel_registration(actor, draft["id"], {"reason": "why not"})
    with pytest.raises(Conflict) as raised:
        service.cancel_registration(actor, signed["id"], {"reason": "why not"})
    assert "annex or a new version" in raised.value.args[0]
    with pytest.raises(PermissionDenied):
        service.cancel_registration(clerk, signed["id"], {"reason": "why not"})
    for call in (lambda: service.register_document(clerk, draft["id"]),
                 lambda: service.reserve_number(clerk, journal[0]),
                 lambda: service.journal_numbers(clerk, journal[0])):
        with pytest.raises(PermissionDenied):
            call()


def test_someone_who_does_not_see_the_document_cannot_register_it(service, journal, actor):
    _, type_id, _ = journal
    draft = service.create_document(actor, {"type_id": type_id, "title": "Draft", "register": False})
    registrar = Actor(id=uuid.uuid4(), roles=["employee"], permissions=["register_documents"])

    with pytest.raises(NotFound):
        service.register_document(registrar, draft["id"])
    with pytest.raises(NotFound):
        service.cancel_registration(registrar, draft["id"], {"reason": "x"})


def test_the_numbers_list_names_only_documents_the_reader_sees(service, journal, actor):
    journal_id, type_id, _ = journal
    service.create_document(actor, {"type_id": type_id, "title": "Mine"})
    registrar = Actor(id=uuid.uuid4(), roles=["employee"], permissions=["register_documents"])

    (number,) = service.journal_numbers(registrar, journal_id)

    assert (number["status"], number["document_id"]) == ("registered", None)
