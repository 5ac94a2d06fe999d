"""The negotiation log: notes on where a negotiation with a counterparty stands.

Each note has a stage from the ordered ``negotiation_stage`` reference book (users keep it
like the other books), the text, what was decided and what the client cares about, its
author and time. The latest note's stage is the counterparty's current negotiation stage.
Whoever sees the counterparty reads and adds notes; each note joins the relationship
history, is audited (record type ``negotiation_note``) and announced (negotiation.noted).
"""
from sqlalchemy import func, select

from chancery_common import paging
from sqlalchemy.dialects.postgresql import distinct_on

from . import events, logic
from .exceptions import InvalidInput
from .models import NEGOTIATION_STAGE, NegotiationNote, ReferenceValue

SUMMARY_TEXT = 200  # how much of the note the history summary shows
# the log's order, newest first; the newest note's stage is where the negotiation stands
NEWEST_FIRST = (NegotiationNote.noted_at.desc(), NegotiationNote.id.desc())


def add_note(session, *, counterparty_id, stage_id, text, actor, decided=None, client_priorities=None):
    counterparty = logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    stage = session.get(ReferenceValue, stage_id)
    if stage is None or stage.kind != NEGOTIATION_STAGE:
        raise InvalidInput("Invalid input: stage_id", {"stage_id": ["Not a negotiation stage."]})
    if stage.is_archived:
        raise InvalidInput("Invalid input: stage_id", {"stage_id": [f"«{stage.name}» is archived."]})
    note = NegotiationNote(counterparty_id=counterparty.id, stage_id=stage.id, text=text.strip(), decided=decided,
                           client_priorities=client_priorities, author_id=actor.id)
    session.add(note)
    session.flush()
    short = note.text if len(note.text) <= SUMMARY_TEXT else note.text[:SUMMARY_TEXT - 1] + "…"
    logic.add_history(session, counterparty_id=counterparty.id, kind="negotiation.noted", actor_id=actor.id,
                      summary=f"Negotiation: {stage.name}: {short}", occurred_at=note.noted_at,
                      data={"note_id": str(note.id), "stage_id": str(stage.id), "stage_code": stage.code,
                            "stage_name": stage.name})
    logic.audit(session, actor=actor, action="noted", record_type="negotiation_note", record_id=note.id,
                changes={"counterparty_id": str(counterparty.id), "stage_id": str(stage.id), "text": note.text,
                         "decided": decided, "client_priorities": client_priorities})
    events.catalog.record(session, events.NEGOTIATION_NOTED, {
        "counterparty_id": counterparty.id, "note_id": note.id, "stage_code": stage.code, "stage_name": stage.name,
        "text": note.text, "noted_by": actor.id})
    note.stage = stage
    return note


def list_notes(session, *, counterparty_id, actor, limit=50, offset=0):
    """A visible counterparty's notes, newest first, their total and the current stage."""
    logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    return notes_of(session, counterparty_id=counterparty_id, limit=limit, offset=offset)


def notes_of(session, *, counterparty_id, limit=50, offset=0):
    """``list_notes`` of a counterparty already found visible: the page's notes come with their
    stages in one query, and on the first page the newest note's stage is the current one."""
    query = select(NegotiationNote).where(NegotiationNote.counterparty_id == counterparty_id)
    rows = session.execute(select(NegotiationNote, ReferenceValue, func.count().over().label("total_count"))
                           .join(ReferenceValue, ReferenceValue.id == NegotiationNote.stage_id)
                           .where(NegotiationNote.counterparty_id == counterparty_id)
                           .order_by(*NEWEST_FIRST).limit(limit).offset(offset)).all()
    for note, stage, _total in rows:
        note.stage = stage
    notes = [note for note, _stage, _total in rows]
    # a counterparty's notes are few: counted in the same query (past the end, counted apart)
    total = rows[0].total_count if rows else paging.total(session, query, shown=0, limit=limit, offset=offset)
    if offset == 0:
        current = notes[0].stage if notes else None
    else:
        current = current_stages(session, [counterparty_id]).get(counterparty_id)
    return notes, total, current


def current_stages(session, counterparty_ids):
    """{counterparty id: stage of its latest note} for those of ``counterparty_ids`` with notes."""
    if not counterparty_ids:
        return {}
    latest = (select(NegotiationNote.counterparty_id, NegotiationNote.stage_id)
              .where(NegotiationNote.counterparty_id.in_(list(counterparty_ids)))
              .ext(distinct_on(NegotiationNote.counterparty_id))
              .order_by(NegotiationNote.counterparty_id, *NEWEST_FIRST)
              .subquery())
    rows = session.execute(select(latest.c.counterparty_id, ReferenceValue)
                           .join(ReferenceValue, ReferenceValue.id == latest.c.stage_id)).all()
    return {counterparty_id: stage for counterparty_id, stage in rows}


def with_stages(session, counterparties):
    """The counterparties, each with ``negotiation_stage`` set (None without notes)."""
    stages = current_stages(session, [counterparty.id for counterparty in counterparties])
    for counterparty in counterparties:
        counterparty.negotiation_stage = stages.get(counterparty.id)
    return counterparties
