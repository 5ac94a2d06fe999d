"""Paper copies: where each original or copy is kept and who holds it, handed out until a
date, returned or lost; visible with their document."""
from datetime import datetime, timezone

from sqlalchemy import select

from chancery_common.audit import diff
from chancery_common.paging import page

from . import events
from .access import get_document, visible_to
from .exceptions import Conflict, NotFound
from .models import Document, PaperCopy, PaperMovement, audit_log

# Paper copies: where each original or copy is kept and who holds it; visible with their document.

def list_paper_copies(session, *, document_id, actor):
    """The paper copies of a document the actor sees, with their movements."""
    document = get_document(session, document_id=document_id, actor=actor)
    return session.scalars(select(PaperCopy).where(PaperCopy.document_id == document.id)
                           .order_by(PaperCopy.created_at, PaperCopy.id)).all()


def add_paper_copy(session, *, document_id, kind, location, actor):
    """Record a paper original or copy of a document the actor sees, kept at a location."""
    document = get_document(session, document_id=document_id, actor=actor)
    paper_copy = PaperCopy(document_id=document.id, kind=kind, location=location, status="in_place",
                           created_by=actor.id)
    session.add(paper_copy)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="paper_copy_added", record_type="document",
                     record_id=document.id, changes={"paper_copy_id": {"from": None, "to": paper_copy.id},
                                                     "kind": {"from": None, "to": kind},
                                                     "location": {"from": None, "to": location}})
    return paper_copy


def move_paper_copy(session, *, paper_copy_id, actor, to_holder=None, to_location=None, reason=None,
                    expected_return_on=None):
    """Hand a paper copy to an employee (until a date), or return it to a location."""
    paper_copy = _locked(session, paper_copy_id, actor)
    if paper_copy.status == "lost":
        raise Conflict(f"paper copy {paper_copy.id} is lost")
    if to_holder is not None and to_holder == paper_copy.holder_id:
        raise Conflict(f"paper copy {paper_copy.id} is already with {to_holder}")
    before = _paper_state(paper_copy)
    now = datetime.now(timezone.utc)
    session.add(PaperMovement(paper_copy_id=paper_copy.id, at=now, from_holder=paper_copy.holder_id,
                              to_holder=to_holder, to_location=to_location, reason=reason,
                              expected_return_on=expected_return_on, by=actor.id))
    if to_holder is not None:
        paper_copy.holder_id, paper_copy.status = to_holder, "handed_out"
        paper_copy.expected_return_on = expected_return_on
    else:
        paper_copy.holder_id, paper_copy.status, paper_copy.location = None, "in_place", to_location
        paper_copy.expected_return_on = None
    session.flush()
    after = _paper_state(paper_copy)
    audit_log.record(session, actor_id=actor.id, action="paper_copy_moved", record_type="document",
                     record_id=paper_copy.document_id, changes={
                         "paper_copy_id": paper_copy.id,
                         **diff(before, after, list(after)),
                         **({"reason": {"from": None, "to": reason}} if reason else {})})
    events.catalog.record(session, events.PAPER_COPY_MOVED, {
        **events.document_ref(paper_copy.document), "document_status": paper_copy.document.status,
        "paper_copy_id": paper_copy.id, "kind": paper_copy.kind,
        "from_holder_id": before["holder_id"], "to_holder_id": to_holder, "to_location": to_location,
        "status": paper_copy.status, "expected_return_on": expected_return_on, "reason": reason,
        "moved_by": actor.id, "moved_at": now,
    })
    session.refresh(paper_copy, ["movements"])
    return paper_copy


def mark_paper_copy_lost(session, *, paper_copy_id, reason, actor):
    """Record that a paper copy is lost, and why; it stays listed as lost and moves no more."""
    paper_copy = _locked(session, paper_copy_id, actor)
    if paper_copy.status == "lost":
        raise Conflict(f"paper copy {paper_copy.id} is already lost")
    before = _paper_state(paper_copy)
    now = datetime.now(timezone.utc)
    session.add(PaperMovement(paper_copy_id=paper_copy.id, at=now, from_holder=paper_copy.holder_id,
                              to_holder=None, to_location=None, reason=f"lost: {reason}", by=actor.id))
    paper_copy.status, paper_copy.expected_return_on = "lost", None
    session.flush()
    after = _paper_state(paper_copy)
    audit_log.record(session, actor_id=actor.id, action="paper_copy_lost", record_type="document",
                     record_id=paper_copy.document_id, changes={
                         "paper_copy_id": paper_copy.id, **diff(before, after, list(after)),
                         "reason": {"from": None, "to": reason}})
    events.catalog.record(session, events.PAPER_COPY_MOVED, {
        **events.document_ref(paper_copy.document), "document_status": paper_copy.document.status,
        "paper_copy_id": paper_copy.id, "kind": paper_copy.kind,
        "from_holder_id": before["holder_id"], "to_holder_id": None, "to_location": None,
        "status": "lost", "expected_return_on": None, "reason": reason, "moved_by": actor.id, "moved_at": now,
    })
    session.refresh(paper_copy, ["movements"])
    return paper_copy


def _locked(session, paper_copy_id, actor):
    """The paper copy of a document the actor sees, locked; NotFound otherwise."""
    paper_copy = session.scalars(select(PaperCopy).where(
        PaperCopy.id == paper_copy_id, PaperCopy.document_id.in_(select(Document.id).where(visible_to(actor))))
        .with_for_update(of=PaperCopy)).first()
    if paper_copy is None:
        raise NotFound(f"paper copy {paper_copy_id} not found")
    return paper_copy


def _paper_state(paper_copy):
    return {"status": paper_copy.status, "holder_id": paper_copy.holder_id, "location": paper_copy.location,
            "expected_return_on": paper_copy.expected_return_on}


def paper_copies(session, *, actor, out=False, overdue=False, lost=False, holder_id=None, counterparty_id=None,
                 limit=50, offset=0):
    """Paper copies of the documents the actor sees: those handed out, those overdue (handed out
    past their expected return), or one holder's; overdue first, then by expected return."""
    query = select(PaperCopy).where(PaperCopy.document_id.in_(select(Document.id).where(visible_to(actor))))
    if out or overdue:
        query = query.where(PaperCopy.status == "handed_out")
    if overdue:
        query = query.where(PaperCopy.expected_return_on < datetime.now(timezone.utc).date())
    if lost:
        query = query.where(PaperCopy.status == "lost")
    if holder_id is not None:
        query = query.where(PaperCopy.holder_id == holder_id)
    if counterparty_id is not None:
        query = query.where(PaperCopy.document_id.in_(
            select(Document.id).where(Document.counterparty_id == counterparty_id)))
    return page(session, query, order_by=(PaperCopy.expected_return_on.asc().nulls_last(), PaperCopy.created_at,
                                          PaperCopy.id), limit=limit, offset=offset, unique=True)
