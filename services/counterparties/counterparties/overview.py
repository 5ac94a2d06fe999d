"""The counterparties service's part of the unified counterparty view, in one call.

The gateway composes the view (gateway/chancery_gateway/overview.py) from every service in
parallel; this service's part is the card with its negotiation stage, the latest history
entries, the contact persons (each an audited read of personal data), the planned
activities and the latest negotiation notes. One call checks the counterparty's visibility
once and reads all of it in one transaction, instead of five calls each checking it again.
The history comes as candidates (relationship_history.candidates): the owners of the records
it tells of say who sees them in their own parts of the view, and the gateway keeps what the
reader may see (gateway/chancery_gateway/compose/history.py).
"""
from . import logic, negotiations, relationship_history
from .models import Counterparty

HISTORY = 30  # the view's page of the history
CANDIDATES = 60  # the newest entries the page is chosen from (more only through get_history)
ACTIVITIES = 100
NOTES = 5


def part(session, *, counterparty_id, actor):
    """{counterparty, history, contact_persons, activities, negotiation} as the single calls
    answer them (ORM objects and totals; the service dumps them), but the history as
    ``relationship_history.candidates`` (entries, records, counts) for the view's page."""
    # the card with its additional responsible employees in one query
    counterparty = logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor,
                                          joined=(Counterparty.responsibles,))
    notes, notes_total, current_stage = negotiations.notes_of(session, counterparty_id=counterparty_id,
                                                              limit=NOTES)
    counterparty.negotiation_stage = current_stage
    activities, activities_total = logic.list_activities(session, actor=actor, counterparty_id=counterparty_id,
                                                         status="planned", limit=ACTIVITIES)
    history = relationship_history.candidates(session, counterparty_id=counterparty_id, limit=CANDIDATES)
    persons = logic.contact_persons_of(session, counterparty_id=counterparty_id, actor=actor)
    return {"counterparty": counterparty, "history": history, "contact_persons": persons,
            "activities": (activities, activities_total),
            "negotiation": {"items": notes, "total": notes_total, "current_stage": current_stage,
                            "negotiation": negotiations.negotiation_of(session, counterparty_id=counterparty_id)}}
