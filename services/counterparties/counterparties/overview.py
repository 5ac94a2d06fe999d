"""The counterparties service's part of the unified counterparty view, in one call.

The gateway composes the view (gateway/chancery_gateway/overview.py) from every service in
parallel; this service's part is the card with its negotiation stage, the latest history
entries, the contact persons (each an audited read of personal data), the planned
activities and the latest negotiation notes. One call checks the counterparty's visibility
once and reads all of it in one transaction, instead of five calls each checking it again.
The owners of the records the history tells of are asked who sees them while the other
parts are read (relationship_history.py), and answered before the audited reads take the
audit log's lock.
"""
from . import logic, negotiations, relationship_history
from .models import Counterparty

HISTORY = 30
ACTIVITIES = 100
NOTES = 5


def part(session, *, counterparty_id, actor, ask_owners):
    """{counterparty, history, history_unavailable, contact_persons, activities, negotiation}
    as the single calls answer them (ORM objects and totals; the service dumps them);
    ``history_unavailable``: the owners that did not answer (their entries are left out)."""
    # the card with its additional responsible employees in one query
    counterparty = logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor,
                                          joined=(Counterparty.responsibles,))
    answers = relationship_history.start_asking(session, counterparty_id=counterparty_id, ask_owners=ask_owners)
    notes, notes_total, current_stage = negotiations.notes_of(session, counterparty_id=counterparty_id,
                                                              limit=NOTES)
    counterparty.negotiation_stage = current_stage
    activities, activities_total = logic.list_activities(session, actor=actor, counterparty_id=counterparty_id,
                                                         status="planned", limit=ACTIVITIES)
    visible, unavailable = answers()
    history, history_total = relationship_history.history_of(session, counterparty_id=counterparty_id,
                                                             visible=visible, limit=HISTORY)
    persons = logic.contact_persons_of(session, counterparty_id=counterparty_id, actor=actor)
    return {"counterparty": counterparty, "history": (history, history_total),
            "history_unavailable": unavailable, "contact_persons": persons,
            "activities": (activities, activities_total),
            "negotiation": {"items": notes, "total": notes_total, "current_stage": current_stage,
                            "negotiation": negotiations.negotiation_of(session, counterparty_id=counterparty_id)}}
