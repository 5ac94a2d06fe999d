"""Dead letters: the messages RabbitMQ took out of a service queue after its delivery limit.

    python -m chancery_common.dead_letters list [--rpc] [--limit N]
    python -m chancery_common.dead_letters replay (--all | --id ID ...) [--queue QUEUE]
    python -m chancery_common.dead_letters count

(``AMQP_URI`` in the environment names the broker and vhost.) The gateway offers the same
to administrators under ``/api/v1/admin/dead-letters`` and counts them in
``/api/v1/health/services``.

Listing reads the messages without taking them: each is fetched unacknowledged and
returned to the queue when the channel closes. Replaying publishes a dead letter back to
the queue it died in (the default exchange, routed by the queue's name, so no other
subscriber of the event receives it again), waits for the broker's confirm and only then
removes it from the dead-letter queue; a crash in between replays it twice, which the
idempotent consumers absorb. Fix the fault first: a replayed message that still fails is
dead-lettered again after the delivery limit. RPC requests are listed but never replayed:
their caller gave up long ago.
"""
import argparse
import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from amqp.exceptions import NotFound
from kombu import Connection

from .queues import DEAD_LETTER_QUEUE, RPC_DEAD_LETTER_QUEUE

MAX_LISTED = 1000
BODY_PREVIEW = 4000  # characters of a body shown


@dataclass
class DeadLetter:
    id: str  # the message id (an event's id), else a digest of the body
    queue: str  # the queue it died in (and is replayed to)
    reason: str  # delivery_limit, rejected, expired
    died_at: datetime | None
    deaths: int  # how often it was dead-lettered from that queue
    exchange: str  # where it was first published
    routing_key: str
    type: str | None  # the event type
    body: object  # the JSON body when it is JSON, else the text (shortened)

    def to_dict(self):
        return asdict(self)


def _dead_letter(message):
    properties = message.properties
    headers = properties.get("application_headers") or {}
    deaths = headers.get("x-death") or [{}]
    last = deaths[0]
    raw = message.body if isinstance(message.body, bytes) else str(message.body).encode()
    try:
        body = json.loads(raw)
    except ValueError:
        body = raw.decode("utf-8", "replace")[:BODY_PREVIEW]
    died_at = last.get("time")
    if isinstance(died_at, datetime) and died_at.tzinfo is None:
        died_at = died_at.replace(tzinfo=timezone.utc)
    routing_keys = last.get("routing-keys") or [""]
    return DeadLetter(
        id=properties.get("message_id") or properties.get("correlation_id") or hashlib.sha256(raw).hexdigest()[:32],
        queue=last.get("queue") or headers.get("x-first-death-queue") or "",
        reason=last.get("reason") or "", died_at=died_at, deaths=int(last.get("count") or 1),
        exchange=last.get("exchange") or "", routing_key=routing_keys[0],
        type=properties.get("type") or (body.get("type") if isinstance(body, dict) else None),
        body=body,
    )


def count(connection):
    """How many dead letters wait: {"events": n, "rpc": m} (0 where a queue does not exist yet)."""
    counts = {}
    for key, name in (("events", DEAD_LETTER_QUEUE), ("rpc", RPC_DEAD_LETTER_QUEUE)):
        channel = connection.channel()
        try:
            counts[key] = channel.queue_declare(name, passive=True).message_count
        except NotFound:
            counts[key] = 0
        finally:
            _close(channel)
    return counts


def _close(channel):
    try:
        channel.close()
    except Exception:  # already closed by a channel error, or the connection went away
        pass


def list_dead_letters(connection, rpc=False, limit=100):
    """Up to ``limit`` dead letters, oldest first, left in their queue."""
    limit = min(int(limit), MAX_LISTED)
    channel = connection.channel()
    listed = []
    try:
        while len(listed) < limit:
            message = channel.basic_get(queue=RPC_DEAD_LETTER_QUEUE if rpc else DEAD_LETTER_QUEUE, no_ack=False)
            if message is None:
                break
            listed.append(_dead_letter(message))
    except NotFound:
        pass  # no service has declared the dead-letter queues yet
    finally:
        _close(channel)  # returns every message fetched to the queue
    return listed


def replay(connection, ids=None, queue=None):
    """Send dead letters back to the queues they died in: those whose id is in ``ids`` (all
    when None), only those of ``queue`` when given. Returns the replayed ones."""
    wanted = None if ids is None else {str(i) for i in ids}
    channel = connection.channel()
    replayed, returned = [], []
    # a queue that no longer exists returns the message (mandatory): then it stays a dead letter
    channel.events["basic_return"].add(lambda exc, exchange, routing_key, message: returned.append(routing_key))
    try:
        channel.confirm_select()
        for _ in range(MAX_LISTED * 10):
            message = channel.basic_get(queue=DEAD_LETTER_QUEUE, no_ack=False)
            if message is None:
                break
            letter = _dead_letter(message)
            if (wanted is not None and letter.id not in wanted) or (queue and letter.queue != queue) \
                    or not letter.queue:
                continue  # left unacknowledged: back in the queue when the channel closes
            headers = dict(message.properties.get("application_headers") or {})
            headers.pop("x-delivery-count", None)
            message.properties["application_headers"] = headers
            channel.basic_publish_confirm(message, exchange="", routing_key=letter.queue, mandatory=True)
            if returned:
                returned.clear()
                continue
            channel.basic_ack(message.delivery_tag)
            replayed.append(letter)
            if wanted is not None and len(replayed) == len(wanted):
                break
    except NotFound:
        pass
    finally:
        _close(channel)
    return replayed


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m chancery_common.dead_letters",
                                     description="List and replay the messages dead-lettered by Chancery's queues.")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="show dead letters (they stay where they are)")
    listing.add_argument("--rpc", action="store_true", help="the RPC requests instead of the events")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--json", action="store_true", help="one JSON object a line, with the body")
    replaying = commands.add_parser("replay", help="send dead letters back to the queues they died in")
    which = replaying.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true")
    which.add_argument("--id", action="append", dest="ids", metavar="ID")
    replaying.add_argument("--queue", help="only those that died in this queue")
    commands.add_parser("count", help="how many wait")
    args = parser.parse_args(argv)

    amqp_uri = os.environ.get("AMQP_URI", "pyamqp://guest:guest@127.0.0.1:5672/")
    with Connection(amqp_uri, connect_timeout=10) as connection:
        if args.command == "count":
            counts = count(connection)
            print(f"events: {counts['events']}  rpc: {counts['rpc']}")
        elif args.command == "list":
            for letter in list_dead_letters(connection, rpc=args.rpc, limit=args.limit):
                if args.json:
                    print(json.dumps(letter.to_dict(), ensure_ascii=False, default=str))
                else:
                    when = letter.died_at.isoformat(timespec="seconds") if letter.died_at else "?"
                    print(f"{letter.id}  {when}  {letter.reason}  {letter.queue}  {letter.type or ''}")
        else:
            replayed = replay(connection, ids=None if args.all else args.ids, queue=args.queue)
            for letter in replayed:
                print(f"replayed {letter.id} to {letter.queue}")
            if args.ids and len(replayed) < len(set(args.ids)):
                missing = set(args.ids) - {letter.id for letter in replayed}
                print(f"not found among the dead letters: {', '.join(sorted(missing))}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
