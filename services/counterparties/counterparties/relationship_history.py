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

The unified view does not ask the owners from here: the gateway asks documents and approvals
for their parts of the view anyway, and they answer with it which of the counterparty's
records the reader sees (chancery_common.visibility.records_seen). So the view's part of the
history is ``candidates``: the newest entries whoever reads them, each with the record it
tells of, and how many entries each record has; the gateway keeps those the reader may see
(gateway/chancery_gateway/compose/history.py) and asks ``get_history`` only when the
candidates hold too few of them.
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


def _record_of(aggregate, ids):
    """(service, record id) an entry of another service's event tells of, or (None, None) when
    its owner is not known here (shown to nobody)."""
    service = owner_of(aggregate)
    return service, dict(zip(_KEYS, ids, strict=True)).get(service) if service else None


def foreign_records(session, *, counterparty_id):
    """{service: [record ids]}: the other services' records the counterparty's history tells of."""
    rows = session.execute(_FOREIGN_RECORDS, {"counterparty_id": counterparty_id}).all()
    records = {service: set() for service in SOURCES}
    for aggregate, *ids in rows:
        service, record_id = _record_of(aggregate, ids)
        if record_id:
            records[service].add(record_id)
    return records


def visible_condition(visible):
    """The SQL condition on entries: own entries, and foreign ones of ``visible`` records
    ({service: ids}); nothing else."""
    return or_(HistoryEntry.source_event_id.is_(None), *(
        and_(_aggregate.in_(SOURCES[service][0]), HistoryEntry.data[SOURCES[service][1]].astext.in_(sorted(ids)))
        for service, ids in visible.items() if ids))


def history(session, *, counterparty_id, actor, ask_owners, limit=50, offset=0):
    """A page of the relationship history of a visible counterparty, newest first, and its
    length, as ``actor`` may see it; ServiceUnavailable when an owner of its records does not answer.
    ``ask_owners(records)`` starts asking the owners which of ``records`` the actor sees and returns
    a function waiting for ``(visible, unavailable)`` (chancery_common.visibility.ask bound to the
    caller and the owners' ``visible_ids``)."""
    logic.get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    visible, unavailable = ask_owners(foreign_records(session, counterparty_id=counterparty_id))()
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


# the newest entries of a counterparty, each with its aggregate and owners' record ids
_CANDIDATES = (select(HistoryEntry, HistoryEntry.source_event_id.is_(None).label("own"), _aggregate,
                      *(HistoryEntry.data[key].astext for key in _KEYS.values()))
               .where(HistoryEntry.counterparty_id == bindparam("counterparty_id"))
               .order_by(HistoryEntry.occurred_at.desc(), HistoryEntry.id).limit(bindparam("limit")))
# how many entries of a counterparty are its own, and how many tell of each other service's record
_COUNTS = (select(HistoryEntry.source_event_id.is_(None).label("own"), _aggregate.label("aggregate"),
                  *(HistoryEntry.data[key].astext.label(service) for service, key in _KEYS.items()),
                  func.count())
           .where(HistoryEntry.counterparty_id == bindparam("counterparty_id"))
           .group_by("own", "aggregate", *_KEYS))


def candidates(session, *, counterparty_id, limit):
    """The newest ``limit`` entries of a visible counterparty's history, whoever reads them, for
    a reader's page to be chosen from once the owners have said which records the reader sees:
    (entries, records, counts). ``records[i]``: (service, record id) ``entries[i]`` tells of, or
    None for the service's own entry, or (None, None) for an owner not known here; ``counts``:
    {"own": n, "entries": all entries, "records": {service: {record id: entries}}}. One query when the
    history is shorter than ``limit`` (the candidates are all of it), two otherwise."""
    rows = session.execute(_CANDIDATES, {"counterparty_id": counterparty_id, "limit": limit}).all()
    entries, records = [row[0] for row in rows], [None if row.own else _record_of(row[2], row[3:])
                                                  for row in rows]
    if len(rows) < limit:
        grouped = [(record is None, record, 1) for record in records]
    else:
        grouped = [(own, None if own else _record_of(aggregate, ids), n) for own, aggregate, *ids, n
                   in session.execute(_COUNTS, {"counterparty_id": counterparty_id})]
    counts = {"own": 0, "entries": 0, "records": {service: {} for service in SOURCES}}
    for own, record, n in grouped:
        counts["entries"] += n
        if own:
            counts["own"] += n
        elif record[1]:
            told = counts["records"][record[0]]
            told[record[1]] = told.get(record[1], 0) + n
    return entries, records, counts
