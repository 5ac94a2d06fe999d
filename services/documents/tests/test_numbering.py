"""Registration numbers: gap-free and unique per journal and year, even under concurrency."""
import threading

import pytest
from sqlalchemy import select

from chancery_common.errors import Conflict
from documents import events, logic, models, registration

THREADS = 6
PER_THREAD = 4


def registrations(session, journal_id, year):
    with session.begin():
        return session.scalars(select(models.Registration).where(
            models.Registration.journal_id == journal_id, models.Registration.year == year)
            .order_by(models.Registration.sequence)).all()


def test_concurrent_registrations_get_gap_free_numbers(Session, session, actor, document_type, this_year):
    # the only test of this module that registers contracts: their journal starts empty
    contract = document_type("contract")
    start = threading.Barrier(THREADS)
    failures = []

    def register_some():
        with Session() as own:  # each thread its own session, as each service worker has
            start.wait()
            for _ in range(PER_THREAD):
                try:
                    data = {"type_id": contract.id, "title": "Concurrent contract"}
                    with own.begin():
                        logic.create_document(own, data=data, actor=actor)
                except Exception as exc:  # reported below; a thread's exception is lost otherwise
                    failures.append(exc)

    threads = [threading.Thread(target=register_some) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert failures == []
    registered = registrations(session, contract.journal_id, this_year)
    count = THREADS * PER_THREAD
    assert [r.sequence for r in registered] == list(range(1, count + 1))
    assert [r.number for r in registered] == [f"CTR-{this_year}-{n:06d}" for n in range(1, count + 1)]
    with session.begin():
        numbers = session.scalars(select(models.Document.number).where(
            models.Document.type_id == contract.id)).all()
    assert sorted(numbers) == [r.number for r in registered]


def test_a_rolled_back_registration_gives_its_number_back(session, actor, make_document, make_journal_type,
                                                         this_year):
    doc_type = make_journal_type()
    type_id, prefix = doc_type.id, doc_type.journal.prefix
    first = make_document(type_id=type_id).number

    with session.begin() as transaction:
        abandoned = logic.create_document(session, data={"type_id": type_id, "title": "Abandoned"}, actor=actor)
        abandoned = abandoned.number
        transaction.rollback()
    after = make_document(type_id=type_id).number

    assert first == f"{prefix}-{this_year}-000001"
    assert abandoned == after == f"{prefix}-{this_year}-000002"


def test_a_registered_document_is_announced_with_its_number(make_document, make_journal_type, actor,
                                                            outbox_events):
    doc_type = make_journal_type()

    document = make_document(type_id=doc_type.id)

    [registered] = outbox_events(events.DOCUMENT_REGISTERED, document.id)
    assert (registered["number"], registered["journal_code"], registered["registrar_id"]) == (
        document.number, doc_type.journal.code, str(actor.id))
    assert document.registrar_id == actor.id and document.registered_at is not None


def test_a_draft_kept_unregistered_gets_the_next_number_later(session, actor, make_document, make_journal_type):
    doc_type = make_journal_type()
    draft = make_document(type_id=doc_type.id, register=False)
    assert draft.number is None
    make_document(type_id=doc_type.id)

    with session.begin():
        registered = registration.register(session, document=draft, journal=doc_type.journal, actor=actor)

    assert registered.number.endswith("-000002")


def test_a_document_is_registered_once(session, actor, make_document, make_journal_type):
    doc_type = make_journal_type()
    document = make_document(type_id=doc_type.id)

    with pytest.raises(Conflict), session.begin():
        registration.register(session, document=document, journal=doc_type.journal, actor=actor)


def test_a_type_without_a_journal_is_not_numbered(make_document, outbox_events):
    invoice = make_document("invoice")

    assert invoice.number is None
    assert outbox_events(events.DOCUMENT_REGISTERED, invoice.id) == []
