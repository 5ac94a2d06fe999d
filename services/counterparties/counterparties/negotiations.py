"""The negotiation log: notes on where a negotiation with a counterparty stands.

Each note has a stage from the ordered ``negotiation_stage`` reference book (users keep it
like the other books), the text, what was decided and what the client cares about, its
author and time. The latest note's stage is the counterparty's current negotiation stage.
Whoever sees the counterparty reads and adds notes; each note joins the relationship
history, is audited (record type ``negotiation_note``) and announced (negotiation.noted).

The deal the negotiation aims at (``Negotiation``: the expected amount with its currency,
the expected close date) is set with a note or on its own; a change is audited (record
type ``negotiation``), joins the history (with the note, or as ``negotiation.updated``) and
is announced (in negotiation.noted's payload, or as negotiation.updated).
"""
from sqlalchemy import bindparam, func, select

from chancery_common import paging
from chancery_common.audit import diff
from sqlalchemy.dialects.postgresql import distinct_on

from . import events, logic
from .exceptions import InvalidInput
from .models import NEGOTIATION_STAGE, Counterparty, Negotiation, NegotiationNote, ReferenceValue

DEAL_FIELDS = ("expected_amount", "currency", "expected_close_on")

SUMMARY_TEXT = 200  # how much of the note the history summary shows
# the log's order, newest first; the newest note's stage is where the negotiation stands
NEWEST_FIRST = (NegotiationNote.noted_at.desc(), NegotiationNote.id.desc())


def add_note(session, *, counterparty_id, stage_id, text, actor, decided=None, client_priorities=None, **deal):
    """A note on a visible counterparty; ``deal``: any of DEAL_FIELDS to set with it (None clears)."""
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
    negotiation, changed = _change_deal(session, counterparty=counterparty, changes=deal, actor=actor)
    short = note.text if len(note.text) <= SUMMARY_TEXT else note.text[:SUMMARY_TEXT - 1] + "…"
    summary = f"Negotiation: {stage.name}: {short}" + (f" ({deal_text(negotiation)})" if changed else "")
    logic.add_history(session, counterparty_id=counterparty.id, kind="negotiation.noted", actor_id=actor.id,
                      summary=summary, occurred_at=note.noted_at,
                      data={"note_id": str(note.id), "stage_id": str(stage.id), "stage_code": stage.code,
                            "stage_name": stage.name, **({"deal": deal_values(negotiation), "changes": changed}
                                                         if changed else {})})
    logic.audit(session, actor=actor, action="noted", record_type="negotiation_note", record_id=note.id,
                changes={"counterparty_id": str(counterparty.id), "stage_id": str(stage.id), "text": note.text,
                         "decided": decided, "client_priorities": client_priorities})
    events.catalog.record(session, events.NEGOTIATION_NOTED, {
        "counterparty_id": counterparty.id, "note_id": note.id, "stage_code": stage.code, "stage_name": stage.name,
        "text": note.text, "noted_by": actor.id, **deal_values(negotiation)})
    note.stage = stage
    return note


def update_deal(session, *, counterparty_id, actor, **changes):
    """Set the expected deal of a visible counterparty's negotiation on its own (None clears a
    field); returns the negotiation as ``negotiation_of`` does."""
    counterparty = logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    negotiation, changed = _change_deal(session, counterparty=counterparty, changes=changes, actor=actor)
    if changed:
        logic.add_history(session, counterparty_id=counterparty.id, kind="negotiation.updated", actor_id=actor.id,
                          summary=f"Expected deal: {deal_text(negotiation)}",
                          data={"deal": deal_values(negotiation), "changes": changed})
        events.catalog.record(session, events.NEGOTIATION_UPDATED, {
            "counterparty_id": counterparty.id, "changes": changed, "changed_by": actor.id,
            **deal_values(negotiation)})
    return negotiation_of(session, counterparty_id=counterparty.id)


def _change_deal(session, *, counterparty, changes, actor):
    """(negotiation, changes {field: {from, to}}) after applying ``changes``; audited when anything changed.

    An amount goes with its currency: one without the other (after the change) is refused
    naming the missing field."""
    changes = {name: value for name, value in changes.items() if name in DEAL_FIELDS}
    if not changes:
        return session.get(Negotiation, counterparty.id), {}
    # the counterparty's row is the lock: two first settings cannot both insert the negotiation
    session.execute(select(Counterparty.id).where(Counterparty.id == counterparty.id).with_for_update())
    negotiation = session.scalars(select(Negotiation).where(Negotiation.counterparty_id == counterparty.id)
                                  .with_for_update()).first()
    before = deal_values(negotiation)
    after = {**before, **deal_values_of(changes)}
    if (after["expected_amount"] is None) != (after["currency"] is None):
        missing = "currency" if after["currency"] is None else "expected_amount"
        raise InvalidInput(f"Invalid input: {missing}", {missing: [
            "An expected amount needs its currency." if missing == "currency"
            else "A currency goes with an expected amount: give the amount too, or clear both."]})
    changed = diff(before, after, list(DEAL_FIELDS))
    if not changed:
        return negotiation, {}
    if negotiation is None:
        negotiation = Negotiation(counterparty_id=counterparty.id, updated_by=actor.id)
        session.add(negotiation)
    for name in changes:
        setattr(negotiation, name, changes[name])
    negotiation.updated_by = actor.id
    session.flush()
    logic.audit(session, actor=actor, action="updated", record_type="negotiation", record_id=counterparty.id,
                changes=changed)
    return negotiation, changed


def deal_values(negotiation):
    """The expected deal as JSON-ready values (amount as decimal text, date as ISO text), None when unset."""
    return deal_values_of({name: getattr(negotiation, name, None) for name in DEAL_FIELDS})


def deal_values_of(values):
    shown = {}
    for name, value in values.items():
        if value is not None and name == "expected_amount":
            value = f"{value:.2f}"
        elif value is not None and name == "expected_close_on":
            value = value.isoformat()
        shown[name] = value
    return shown


def deal_text(negotiation):
    """The deal in the history's words, e.g. "1500000.00 RUB, close by 2027-01-31"."""
    values = deal_values(negotiation)
    amount = f"{values['expected_amount']} {values['currency']}" if values["expected_amount"] else "no amount"
    close = f"close by {values['expected_close_on']}" if values["expected_close_on"] else "no close date"
    return f"{amount}, {close}"


def negotiation_of(session, *, counterparty_id):
    """{expected_amount, currency, expected_close_on, updated_by, updated_at, current_stage, stage_since}
    of a counterparty already found visible (the deal's fields None when never set)."""
    negotiation = session.get(Negotiation, counterparty_id)
    since = stage_starts(session, [counterparty_id]).get(counterparty_id)
    return {**{name: getattr(negotiation, name, None) for name in DEAL_FIELDS},
            "updated_by": getattr(negotiation, "updated_by", None),
            "updated_at": getattr(negotiation, "updated_at", None),
            "current_stage": since[0] if since else None, "stage_since": since[1] if since else None}


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


def _current_stages_query():
    latest = (select(NegotiationNote.counterparty_id, NegotiationNote.stage_id)
              .where(NegotiationNote.counterparty_id.in_(bindparam("counterparty_ids", expanding=True)))
              .ext(distinct_on(NegotiationNote.counterparty_id))
              .order_by(NegotiationNote.counterparty_id, *NEWEST_FIRST)
              .subquery())
    return select(latest.c.counterparty_id, ReferenceValue).join(ReferenceValue, ReferenceValue.id == latest.c.stage_id)


def current_stages(session, counterparty_ids):
    """{counterparty id: stage of its latest note} for those of ``counterparty_ids`` with notes."""
    if not counterparty_ids:
        return {}
    rows = session.execute(_CURRENT_STAGES, {"counterparty_ids": list(counterparty_ids)}).all()
    return {counterparty_id: stage for counterparty_id, stage in rows}


def with_stages(session, counterparties):
    """The counterparties, each with ``negotiation_stage`` set (None without notes)."""
    stages = current_stages(session, [counterparty.id for counterparty in counterparties])
    for counterparty in counterparties:
        counterparty.negotiation_stage = stages.get(counterparty.id)
    return counterparties


def stage_changes(counterparty_ids=None):
    """A subquery of the notes that moved a counterparty to a stage: its first note, and every
    note whose stage differs from the one before (counterparty_id, stage_id, noted_at, id)."""
    ordered = select(NegotiationNote.counterparty_id, NegotiationNote.stage_id, NegotiationNote.noted_at,
                     NegotiationNote.id,
                     func.lag(NegotiationNote.stage_id).over(
                         partition_by=NegotiationNote.counterparty_id,
                         order_by=(NegotiationNote.noted_at, NegotiationNote.id)).label("previous_stage_id"))
    if counterparty_ids is not None:
        ordered = ordered.where(NegotiationNote.counterparty_id.in_(counterparty_ids))
    ordered = ordered.subquery()
    return (select(ordered.c.counterparty_id, ordered.c.stage_id, ordered.c.noted_at, ordered.c.id)
            .where(ordered.c.previous_stage_id.is_distinct_from(ordered.c.stage_id)).subquery())


def current_stage_starts(counterparty_ids=None):
    """A subquery: each counterparty's current stage and when it entered it (the latest stage change)."""
    changes = stage_changes(counterparty_ids)
    return (select(changes.c.counterparty_id, changes.c.stage_id, changes.c.noted_at.label("stage_since"))
            .ext(distinct_on(changes.c.counterparty_id))
            .order_by(changes.c.counterparty_id, changes.c.noted_at.desc(), changes.c.id.desc()).subquery())


def _stage_starts_query():
    starts = current_stage_starts(bindparam("counterparty_ids", expanding=True))
    return (select(starts.c.counterparty_id, ReferenceValue, starts.c.stage_since)
            .join(ReferenceValue, ReferenceValue.id == starts.c.stage_id))


def stage_starts(session, counterparty_ids):
    """{counterparty id: (current stage, when it entered it)} for those of ``counterparty_ids`` with notes."""
    if not counterparty_ids:
        return {}
    rows = session.execute(_STAGE_STARTS, {"counterparty_ids": list(counterparty_ids)}).all()
    return {counterparty_id: (stage, since) for counterparty_id, stage, since in rows}


# built once: the card, the directory's pages and the unified view ask these on every call, and
# building the statements (their subqueries' columns, their cache keys) cost more than running them
_CURRENT_STAGES = _current_stages_query()
_STAGE_STARTS = _stage_starts_query()
