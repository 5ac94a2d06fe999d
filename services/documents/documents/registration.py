"""Registration: numbers from a journal, gap-free under concurrency, reserved in advance or
cancelled (a cancelled number is never given again), and the journal's list of numbers."""
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from chancery_common.audit import diff
from chancery_common.idempotency import already_made

from . import configuration, events, search
from .access import visible_for_update, visible_to
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .life_cycle import LOCKED_STATUSES
from .models import Document, Journal, JournalCounter, ParentCounter, Registration, audit_log


def ensure_may_register(actor):
    """PermissionDenied unless the actor's roles allow registering documents."""
    if not actor.may("register_documents"):
        raise PermissionDenied("your roles do not allow registering documents",
                               {"permission": "register_documents"})


def next_number(session, *, journal, year, document=None):
    """The journal's next sequence number for the year (or within the document's parent, for a
    pattern with {parent_number}), gap-free under concurrency, and the number it makes.

    The counter row is locked until the caller's transaction ends, so concurrent
    registrations queue here, and a rolled-back registration gives its number back.
    """
    parent = None
    if journal.per_parent:
        parent = session.get(Document, document.parent_id) if document is not None and document.parent_id else None
        if parent is None or parent.number is None:
            raise Conflict(f"the journal {journal.code} numbers documents within their registered parent: "
                           "give the document a registered parent first",
                           {"parent_id": ["A registered parent document is needed to number this document."]})
        session.execute(insert(ParentCounter).values(journal_id=journal.id, parent_id=parent.id, last_value=0)
                        .on_conflict_do_nothing())
        counter = session.scalars(select(ParentCounter).where(
            ParentCounter.journal_id == journal.id, ParentCounter.parent_id == parent.id).with_for_update()).one()
    else:
        session.execute(insert(JournalCounter).values(journal_id=journal.id, year=year, last_value=0)
                        .on_conflict_do_nothing())
        counter = session.scalars(
            select(JournalCounter).where(JournalCounter.journal_id == journal.id, JournalCounter.year == year)
            .with_for_update()
        ).one()
    counter.last_value += 1
    sequence = counter.last_value
    department = document.type.department_code if document is not None else None
    number = configuration.format_number(
        journal.number_pattern, prefix=journal.prefix, year=year, department=department, seq=sequence,
        width=journal.sequence_width, parent_number=parent.number if parent else None, child_seq=sequence)
    return sequence, number, parent


def register(session, *, document, journal, actor, reserved_number=None, idempotency_key=None):
    """Give the document the journal's next number, or a number reserved in the journal before."""
    ensure_may_register(actor)
    if document.number is not None:
        raise Conflict(f"document {document.id} is already registered as {document.number}")
    now = datetime.now(timezone.utc)
    if reserved_number is None:
        sequence, number, parent = next_number(session, journal=journal, year=now.year, document=document)
        session.add(Registration(journal_id=journal.id, year=now.year, sequence=sequence, number=number,
                                 parent_id=parent.id if parent else None,
                                 document_id=document.id, registered_at=now, registrar_id=actor.id,
                                 idempotency_key=idempotency_key))
    else:
        reservation = session.scalars(select(Registration).where(
            Registration.number == reserved_number, Registration.journal_id == journal.id,
            Registration.status == "reserved").with_for_update()).first()
        if reservation is None:
            raise InvalidInput("Invalid input: reserved_number", {"reserved_number": [
                f"No number {reserved_number} is reserved in the journal {journal.code}."]})
        reservation.status, reservation.document_id = "registered", document.id
        reservation.registered_at, reservation.registrar_id = now, actor.id
        reservation.idempotency_key = idempotency_key
        number = reservation.number
    document.number = number
    document.registered_at = now
    document.registrar_id = actor.id
    session.flush()
    registered = {"number": number, "registered_at": now, "registrar_id": actor.id}
    audit_log.record(session, actor_id=actor.id, action="registered", record_type="document",
                     record_id=document.id, changes=diff({}, registered, list(registered)))
    events.catalog.record(session, events.DOCUMENT_REGISTERED, {
        **events.document_ref(document), "journal_code": journal.code,
        "registered_at": now, "registrar_id": actor.id,
    })
    search.refresh(session, [document.id])
    return document


def register_document(session, *, document_id, actor, reserved_number=None):
    """Register a card the actor sees that has no number yet, in its type's journal."""
    ensure_may_register(actor)
    document = visible_for_update(session, document_id=document_id, actor=actor)
    if already_made(session, Registration, actor.idempotency_key):
        return document  # a retry of a registration that was written
    if document.type.journal is None:
        raise Conflict(f"documents of the type {document.type.name} are not registered in a journal")
    return register(session, document=document, journal=document.type.journal, actor=actor,
                    reserved_number=reserved_number, idempotency_key=actor.idempotency_key)


def reserve_number(session, *, journal_id, actor, year=None, note=None):
    """Take the journal's next number for a document prepared in advance; it waits as reserved."""
    ensure_may_register(actor)
    journal = session.get(Journal, journal_id)
    if journal is None:
        raise NotFound(f"journal {journal_id} not found")
    if journal.per_parent:
        raise Conflict(f"the journal {journal.code} numbers documents within their parent: its numbers "
                       "are given when a document is registered, not reserved")
    year = year or datetime.now(timezone.utc).year
    sequence, number, _ = next_number(session, journal=journal, year=year)
    reservation = Registration(journal_id=journal.id, year=year, sequence=sequence, number=number,
                               status="reserved", registrar_id=actor.id, note=note)
    session.add(reservation)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="reserved", record_type="registration",
                     record_id=reservation.id, changes=diff(
                         {}, {"journal_id": journal.id, "number": number, "note": note},
                         ["journal_id", "number", "note"]))
    return reservation


def cancel_registration(session, *, document_id, reason, actor):
    """Take a document's number away: the number stays recorded as cancelled, never given again,
    and the document may be registered anew. A signed document keeps its number."""
    ensure_may_register(actor)
    document = visible_for_update(session, document_id=document_id, actor=actor)
    if document.number is None:
        raise Conflict(f"document {document.id} is not registered")
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number} is {document.status}: its registration cannot be "
                       "cancelled, it can only be superseded by an annex or a new version")
    registration = session.scalars(select(Registration).where(
        Registration.document_id == document.id, Registration.status == "registered")
        .with_for_update()).one()
    now = datetime.now(timezone.utc)
    registration.status, registration.cancelled_at = "cancelled", now
    registration.cancelled_by, registration.cancel_reason = actor.id, reason
    before = {"number": document.number, "registered_at": document.registered_at,
              "registrar_id": document.registrar_id}
    document.number = document.registered_at = document.registrar_id = None
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="registration_cancelled", record_type="document",
                     record_id=document.id, changes={**diff(before, {}, list(before)),
                                                     "reason": {"from": None, "to": reason}})
    events.catalog.record(session, events.DOCUMENT_REGISTRATION_CANCELLED, {
        **events.document_ref(document), "cancelled_number": registration.number,
        "journal_code": document.type.journal.code if document.type.journal else None,
        "cancelled_at": now, "cancelled_by": actor.id, "reason": reason,
    })
    search.refresh(session, [document.id])
    return document


def journal_numbers(session, *, journal_id, actor, year=None):
    """Every number the journal gave out in the year, in order, with its status (registrars).

    The document holding a number is named only when the actor sees it.
    """
    ensure_may_register(actor)
    if session.get(Journal, journal_id) is None:
        raise NotFound(f"journal {journal_id} not found")
    year = year or datetime.now(timezone.utc).year
    numbers = session.scalars(select(Registration).where(
        Registration.journal_id == journal_id, Registration.year == year)
        .order_by(Registration.sequence)).all()
    holders = [n.document_id for n in numbers if n.document_id is not None]
    visible = set(session.scalars(select(Document.id).where(Document.id.in_(holders), visible_to(actor))))
    columns = [column.name for column in Registration.__table__.columns]
    return [{**{name: getattr(n, name) for name in columns},
             "document_id": n.document_id if n.document_id in visible else None} for n in numbers]
