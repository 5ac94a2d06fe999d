"""Asking the services that own some records which of them an employee may see.

A service that shows what it learned from another service's records (the counterparties
service's relationship history holds entries from documents and approvals) shows each only
to those who may see the record. Only the owner knows its rules, so it is asked: every owner
answers ``visible_ids(actor, {"ids": [...]})`` with ``{"ids": [...]}``, those of the ids
the actor may see (the others, and ids it does not know, are left out). One batched call
per owner (more, of at most MAX_IDS ids each, for a longer list), all asked in parallel.
"""
import eventlet
from marshmallow import Schema, fields, validate

from .errors import ServiceUnavailable

MAX_IDS = 10000


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
