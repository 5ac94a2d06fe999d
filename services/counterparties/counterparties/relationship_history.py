"""Reading the relationship history: each entry only for those who may see what it tells of.

An entry of this service's own records (the card, its contact persons, activities,
negotiation notes, hand-overs) is shown to whoever sees the counterparty: an activity is
visible to whoever sees its counterparty, whoever is responsible for it. An entry recorded
from another service's event (``source_event_id`` set) tells of that service's record (a
document, its paper copy or contract execution; an approval) and names it in its data: it
is shown only to those the owner lets see the record. Before a page is read, each owner is
asked once which of the records the counterparty's history names the reader may see
(``visible_ids``, chancery_common.visibility; the owners in parallel), and the page is read
with only those: pages and totals count only what the reader sees. An entry whose owner is
not known here, or did not answer, is not shown.
"""
from sqlalchemy import and_, bindparam, func, or_, select

from chancery_common.errors import ServiceUnavailable
from chancery_common.paging import page

from . import logic
from .models import HistoryEntry

# the service owning the records of an event's aggregate (``document`` of ``document.registered``),
# and the key of the record's id in the event's payload
SOURCES = {"documents": (("document", "paper_copy", "contract"), "document_id"),
           "approvals": (("approval",), "approval_id")}

_aggregate = func.split_part(HistoryEntry.kind, ".", 1)


def owner_of(kind):
    """The service owning the record an event of ``kind`` tells of, or None."""
    aggregate = kind.split(".", 1)[0]
    return next((service for service, (aggregates, _) in SOURCES.items() if aggregate in aggregates), None)


_KEYS = {service: key for service, (_, key) in SOURCES.items()}
# built once (the unified view asks it every time): the aggregate and each owner's record id
# of every entry recorded from another service's event
_FOREIGN_RECORDS = (select(_aggregate, *(HistoryEntry.data[key].astext for key in _KEYS.values()))
                    .distinct().where(HistoryEntry.counterparty_id == bindparam("counterparty_id"),
                                      HistoryEntry.source_event_id.is_not(None)))


def foreign_records(session, *, counterparty_id):
    """{service: [record ids]}: the other services' records the counterparty's history tells of."""
    rows = session.execute(_FOREIGN_RECORDS, {"counterparty_id": counterparty_id}).all()
    records = {service: set() for service in SOURCES}
    for aggregate, *ids in rows:
        service = owner_of(aggregate)
        record_id = dict(zip(_KEYS, ids, strict=True)).get(service)
        if record_id:
            records[service].add(record_id)
    return records


def visible_condition(visible):
    """The SQL condition on entries: own entries, and foreign ones of ``visible`` records
    ({service: ids}); nothing else."""
    return or_(HistoryEntry.source_event_id.is_(None), *(
        and_(_aggregate.in_(SOURCES[service][0]), HistoryEntry.data[SOURCES[service][1]].astext.in_(sorted(ids)))
        for service, ids in visible.items() if ids))


def start_asking(session, *, counterparty_id, ask_owners):
    """Ask the owners about the records the history tells of; returns a function waiting for
    ``(visible, unavailable)``. ``ask_owners(records)`` starts asking (chancery_common.visibility.ask
    bound to the caller and the owners' ``visible_ids``)."""
    return ask_owners(foreign_records(session, counterparty_id=counterparty_id))


def history(session, *, counterparty_id, actor, ask_owners, limit=50, offset=0):
    """A page of the relationship history of a visible counterparty, newest first, and its
    length, as ``actor`` may see it; ServiceUnavailable when an owner of its records does not answer."""
    logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    visible, unavailable = start_asking(session, counterparty_id=counterparty_id, ask_owners=ask_owners)()
    if unavailable:
        raise ServiceUnavailable(f"the history of counterparty {counterparty_id} tells of records of "
                                 f"{unavailable[0]['service']}, which did not answer: {unavailable[0]['reason']}",
                                 {"service": unavailable[0]["service"]})
    return history_of(session, counterparty_id=counterparty_id, visible=visible, limit=limit, offset=offset)


def history_of(session, *, counterparty_id, visible, limit=50, offset=0):
    """``history`` of a counterparty already found visible, with the owners' answers ``visible``."""
    query = select(HistoryEntry).where(HistoryEntry.counterparty_id == counterparty_id, visible_condition(visible))
    return page(session, query, order_by=(HistoryEntry.occurred_at.desc(), HistoryEntry.id), limit=limit,
                offset=offset)
