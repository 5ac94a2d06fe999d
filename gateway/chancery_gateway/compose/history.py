"""The unified view's page of the relationship history, kept to what the reader may see.

The counterparties service answers the view's history as candidates: its newest entries
whoever reads them, each with the record of another service it tells of, and how many entries
each record has (counterparties/relationship_history.py, ``candidates``). Documents and
approvals, asked for their own parts of the view in the same round, say with them which of the
counterparty's records the reader sees (``records_seen``, chancery_common.visibility). The page
is chosen here: the counterparties service's own entries, and those of records their owner lets
the reader see; the total counts only those. So the view asks no owner a second time, where
the history's own page (``get_history``) asks them from the counterparties service.

A record the owners did not tell of (a document moved to another counterparty since, or one
past the MAX_SEEN they tell of) is asked of its owner (``visible_ids``). When the candidates
hold fewer visible entries than a page while more exist further back, the page is asked of
``get_history``. An owner whose part did not answer shows nothing of its records and is named
with the history in the view's ``unavailable``.
"""
from chancery_common.errors import ServiceUnavailable
from chancery_common.visibility import MAX_IDS

from .. import rpc


def page(actor, counterparty_id, history, seen):
    """``history``: the counterparties part's candidates; ``seen``: {owner: its ``records_seen``, or
    the exception its part failed with}. Returns ({items, total}, [{service, reason}] of the owners
    whose records are left out because they did not answer)."""
    counted = history["counts"]["records"]
    visible, unavailable = _visible_records(actor, counted, seen)
    shown = [entry for entry, record in zip(history["items"], history["records"], strict=True)
             if record is None or record[1] in visible.get(record[0], ())]
    total = history["counts"]["own"] + sum(n for service, records in counted.items()
                                           for record_id, n in records.items() if record_id in visible[service])
    size = history["page_size"]
    chosen = {"items": shown[:size], "total": total}
    if len(shown) < size and total > len(shown):  # more are visible than the candidates hold
        try:
            chosen = rpc.call("counterparties", "get_history", actor, counterparty_id, {"limit": size})
        except ServiceUnavailable as exc:  # an owner, or the service, did not answer: the part seen so far
            unavailable.append({"service": exc.service or "counterparties", "reason": exc.reason})
    return chosen, _once(unavailable)


def _visible_records(actor, counted, seen):
    """{owner: the ids of ``counted`` records the reader sees}, and the owners that did not answer."""
    visible, unknown, unavailable = {}, {}, []
    for service, records in counted.items():
        visible[service] = set()
        if not records:
            continue
        told = seen.get(service)
        if not isinstance(told, dict):
            unavailable.append({"service": service, "reason": rpc.failure_reason(told) if told else "did not answer"})
            continue
        visible[service] = set(told["visible"]).intersection(records)
        unknown[service] = sorted(set(records).difference(told["visible"], told["hidden"]))
    asked = rpc.fan_out({(service, start): (service, "visible_ids", actor, {"ids": ids[start:start + MAX_IDS]})
                         for service, ids in unknown.items() for start in range(0, len(ids), MAX_IDS)})
    for (service, _), answer in asked.items():
        if isinstance(answer, Exception):
            unavailable.append({"service": service, "reason": rpc.failure_reason(answer)})
        else:
            visible[service].update(answer["ids"])
    for failed in {entry["service"] for entry in unavailable}:
        visible[failed] = set()
    return visible, unavailable


def _once(unavailable):
    """Each owner named once."""
    return list({entry["service"]: entry for entry in unavailable}.values())
