"""Replay: the events the services published, from their published-event logs
(chancery_common.event_log; docs/events.md, "Replay"), for a subscriber that was away longer
than its queue kept messages, or a new one. Needs the permission `replay_events`."""
import heapq
import itertools
import re
from datetime import datetime

from flask import g
from .blueprint import Blueprint
from chancery_common import event_log
from chancery_common.errors import InvalidInput
from chancery_common.topology import PUBLISHERS

from .. import auth, rpc
from .paging import listing
from .schemas.common import page_of
from .schemas.events import EventArgs, EventLogEndSchema, EventSchema

blp = Blueprint("events", __name__, url_prefix="/api/v1/events",
                description="Replay of the events the services published, kept for a retention period "
                            "(30 days by default): the events after a position, in order, each with the id "
                            "its message on the bus had. Needs the permission replay_events.")

POSITION = re.compile(r"^([a-z]+):(\d{1,18})$")


def parse_cursor(text):
    """{producer: position} of an `after`, or InvalidInput naming it."""
    positions = {}
    for part in filter(None, text.split(",")):
        match = POSITION.match(part.strip())
        if not match or match.group(1) not in PUBLISHERS or match.group(1) in positions:
            raise InvalidInput("Invalid input: after", {"after": [
                f"Not a position: {part!r}. Send `<producer>:<position>` for each producer, comma-separated "
                f"(producers: {', '.join(PUBLISHERS)}), or the `next` or `resume` of a page."]})
        positions[match.group(1)] = int(match.group(2))
    return positions


def cursor_text(positions):
    return ",".join(f"{producer}:{positions[producer]}" for producer in PUBLISHERS
                    if positions.get(producer) is not None)


def answers(method, queries):
    """Every producer's answer to ``method``; the first error (403, 410, 503...) raised as it came."""
    results = rpc.fan_out({producer: (producer, method, g.actor, *query) for producer, query in queries.items()})
    for producer in queries:
        if isinstance(results[producer], Exception):
            raise results[producer]
    return results


@blp.route("/")
@blp.arguments(EventArgs, location="query")
@blp.response(200, page_of(EventSchema, "EventPage", sync=True))
@listing
def list_events(args):
    """The events the services published after a position, oldest first: each producer's in the order of its
    log, the producers' merged by when they happened. Follow `next` until it is null, keep `resume`, and ask with
    `after=<resume>` later. An `after` older than the retention period is 410 (Gone)."""
    auth.require_permission(event_log.PERMISSION)
    positions = parse_cursor(args["after"]) if args.get("after") else {}
    types = sorted({name.strip() for value in args.get("types") or [] for name in value.split(",") if name.strip()})
    wrong = [name for name in types if not re.match(event_log.TYPE_PATTERN, name)]
    if wrong:
        raise InvalidInput("Invalid input: types", {"types": [
            f"Not an event type: {', '.join(wrong)} (document.registered, or document.* for all of an aggregate's)."]})
    limit = args["limit"]
    pages = answers("published_events", {producer: ({"after": positions.get(producer), "limit": limit,
                                                     "types": types},) for producer in PUBLISHERS})
    # each producer's events in their order, the producers' interleaved by when they happened
    merged = heapq.merge(*[pages[producer]["items"] for producer in PUBLISHERS],
                         key=lambda event: datetime.fromisoformat(event["occurred_at"]))
    items = list(itertools.islice(merged, limit))
    taken = {producer: 0 for producer in PUBLISHERS}
    for event in items:
        positions[event["producer"]] = event["position"]
        taken[event["producer"]] += 1
    more = any(pages[p]["more"] or taken[p] < len(pages[p]["items"]) for p in PUBLISHERS)
    cursor = cursor_text(positions) or None  # None: no event yet, start from the oldest next time
    return {"items": items, "next_after": cursor if more else None, "resume": cursor}


@blp.route("/end")
@blp.response(200, EventLogEndSchema)
def log_end():
    """Where the log ends now: a new subscriber that wants no past binds its queue, then replays from here."""
    auth.require_permission(event_log.PERMISSION)
    ends = answers("event_log_end", {producer: () for producer in PUBLISHERS})
    return {"cursor": cursor_text({producer: ends[producer]["position"] for producer in PUBLISHERS})}
