"""The sales pipeline, for the REST API and the web page alike: the board of negotiations by
stage (the counterparties service's ``negotiation_board``, with the names of the cards'
responsible employees) and the funnel of a period (``negotiation_funnel``)."""
from datetime import datetime, timedelta, timezone

from .. import employee_names, rpc

FUNNEL_DAYS = 30  # the funnel's period when none is asked for


def board(actor, query):
    """The board as the service answers it, plus ``employees``: {id: name} of the cards'
    responsible employees (empty when staff does not answer: the page shows no names then)."""
    found = rpc.call("counterparties", "negotiation_board", actor, query)
    ids = {card["responsible_employee_id"] for column in found["columns"] for card in column["cards"]}
    try:
        found["employees"] = employee_names.names(ids)
    except rpc.ServiceUnavailable:
        found["employees"] = {}
    return found


def funnel_query(since=None, until=None, department_id=None):
    """The service's funnel query: by default the last FUNNEL_DAYS days up to now."""
    until = until or datetime.now(timezone.utc)
    since = since or until - timedelta(days=FUNNEL_DAYS)
    query = {"since": since.isoformat(), "until": until.isoformat()}
    if department_id:
        query["department_id"] = str(department_id)
    return query


def funnel(actor, *, since=None, until=None, department_id=None):
    return rpc.call("counterparties", "negotiation_funnel", actor, funnel_query(since, until, department_id))
