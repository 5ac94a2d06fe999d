"""Asking the services that own some records which of them an employee may see.

A service that shows what it learned from another service's records (the counterparties
service's relationship history holds entries from documents and approvals) shows each only
to those who may see the record. Only the owner knows its rules, so it is asked: every owner
answers ``visible_ids(actor, {"ids": [...]})`` with ``{"ids": [...]}``, those of the ids
the actor may see (the others, and ids it does not know, are left out). One batched call
per owner (more, of at most MAX_IDS ids each, for a longer list), all asked in parallel.

Where the records are those of one counterparty and the owner is asked for its part of the
unified view anyway, it says in the same answer which of them the reader sees
(``records_seen``), and the view asks no more (gateway/chancery_gateway/compose/history.py).
"""
import eventlet
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from .errors import ServiceUnavailable

MAX_IDS = 10000
MAX_SEEN = 2000  # records_seen tells of at most so many records


class IdsSchema(Schema):
    """The question ``visible_ids`` answers: which of these records."""

    ids = fields.List(fields.UUID(), required=True, validate=validate.Length(max=MAX_IDS))


def answer(ids):
    """``visible_ids``' answer: the visible ids as text."""
    return {"ids": [str(record_id) for record_id in ids]}


def ask(owners, actor, records):
    """Start asking each owner which of its ``records`` the ``actor`` (as the caller received
    it) may see, in parallel; returns a function that waits for the answers.

    ``owners``: {service: its ``visible_ids`` method}; ``records``: {service: [ids]}. The
    answer is ({service: set of visible ids as text}, [{service, reason}] of the owners that
    did not answer): an owner that does not answer sees nothing of its records shown.
    """
    asked = {}
    for service, ids in records.items():
        ids = sorted(ids)
        asked[service] = [eventlet.spawn(owners[service], actor, {"ids": ids[start:start + MAX_IDS]})
                          for start in range(0, len(ids), MAX_IDS)]

    def answers():
        visible, unavailable = {service: set() for service in records}, []
        for service, pending in asked.items():
            try:
                for part in pending:
                    visible[service] |= set(part.wait()["ids"])
            except ServiceUnavailable as exc:
                visible[service] = set()
                unavailable.append({"service": service, "reason": str(exc)})
        return visible, unavailable
    return answers


def records_seen(session, *, ids, where, visible):
    """Which of the records ``where`` selects (one counterparty's) the reader sees, for those who
    show what they learned of them: {"visible": [ids], "hidden": [ids], "complete": false when
    there were more than MAX_SEEN and only MAX_SEEN are told of}. ``ids``: the records' id
    column; ``visible``: the owner's SQL condition of what the reader sees."""
    rows = session.execute(select(ids, visible).where(where).limit(MAX_SEEN + 1)).all()
    seen = {"visible": [], "hidden": [], "complete": len(rows) <= MAX_SEEN}
    for record_id, shown in rows[:MAX_SEEN]:
        seen["visible" if shown else "hidden"].append(str(record_id))
    return seen
