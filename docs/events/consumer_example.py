"""How another system (ERP, accounting, BI) subscribes to Chancery's events over AMQP.

The subscriber owns a queue of its own: durable, never auto-deleted (a quorum queue by
default), bound to the exchanges ``<service>.events`` with the routing keys it wants
(event types, or patterns such as ``document.*``). Declaring it once is the subscription:
from then on RabbitMQ keeps every matching event (Chancery publishes them persistent) in
that queue while the subscriber is stopped, and hands them over when it comes back.

The consumer acknowledges an event only after handling it (a crash before that makes
RabbitMQ deliver it again) and remembers the ids it has handled, because an event may
arrive twice: handle it in the same transaction as you record its id.

An event the handler fails on is returned to the queue and tried again, but not for ever:
the quorum queue counts its deliveries and after ``--delivery-limit`` moves it to the
subscriber's dead-letter queue ``<queue>.dead-letters``, where it waits until you fixed the
cause and send it back (``replay_dead_letters``).

Run it (needs only ``kombu``)::

    python docs/events/consumer_example.py --amqp amqp://erp:secret@rabbitmq:5672/ \\
        --queue erp.chancery --bind documents.events=document.* --bind approvals.events=approval.finished

A subscriber that was away longer than its queue kept messages (or a new one) first declares
its queue, then reads what it missed from the published-event log over the REST API
(``replay``: the events after the last position it saw of each producer, needs an API token
of an account with the permission replay_events), then consumes its queue; the events it gets
from both are recognised by their ids::

    python docs/events/consumer_example.py ... --api https://chancery.example --token chy_... \\
        --replay-types document.* --replay-types approval.finished

The payload schemas are in docs/events/asyncapi.yaml and docs/events.md ("Replay").
"""
import argparse
import json
import logging
import sqlite3
import time
import urllib.request
from urllib.parse import urlencode

from kombu import Connection, Consumer, Exchange, Queue

log = logging.getLogger("chancery-subscriber")


def declare_subscription(connection, queue_name, bindings, quorum=True, delivery_limit=10):
    """Declare the subscriber's durable queue and bind it; safe to run at every start.

    ``bindings`` maps an exchange name (``documents.events``) to routing keys or patterns
    (``["document.*", "paper_copy.moved"]``, ``["#"]`` for all). A quorum queue gives up on
    an event after ``delivery_limit`` failed deliveries and dead-letters it to the queue
    ``<queue_name>.dead-letters``. Returns the kombu Queue.
    """
    dead_letters = f"{queue_name}.dead-letters"
    arguments = {"x-queue-type": "quorum", "x-delivery-limit": delivery_limit,
                 "x-dead-letter-exchange": "", "x-dead-letter-routing-key": dead_letters} if quorum else {}
    exchanges = {name: Exchange(name, type="topic", durable=True, auto_delete=False) for name in bindings}
    queue = Queue(queue_name, durable=True, auto_delete=False, exclusive=False, queue_arguments=arguments)
    channel = connection.channel()
    try:
        if quorum:  # dead letters go through the default exchange, routed by this queue's name
            channel.queue_declare(dead_letters, durable=True, auto_delete=False,
                                  arguments={"x-queue-type": "quorum"})
        bound = queue(channel)
        bound.declare()
        for name, keys in bindings.items():
            exchanges[name](channel).declare()  # the same definition Chancery uses: a no-op if it exists
            for key in keys:
                bound.bind_to(exchange=exchanges[name], routing_key=key)
    finally:
        channel.close()
    return queue


class HandledEvents:
    """Ids of the events already handled (here SQLite; use your own database)."""

    def __init__(self, path=":memory:"):
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS handled_events (event_id TEXT PRIMARY KEY)")
        # the last position seen of each producer: where a replay goes on from
        self.db.execute("CREATE TABLE IF NOT EXISTS positions (producer TEXT PRIMARY KEY, position INTEGER)")

    def handle_once(self, event, handle):
        """Run ``handle(event)`` unless this event id was handled before; True if it ran."""
        with self.db:  # one transaction: the handler's effect, the id and the position commit together
            if event.get("position") is not None:
                self.db.execute("INSERT INTO positions VALUES (?, ?) ON CONFLICT (producer) DO UPDATE "
                                "SET position = max(position, excluded.position)",
                                (event["producer"], event["position"]))
            inserted = self.db.execute("INSERT OR IGNORE INTO handled_events (event_id) VALUES (?)",
                                       (event["id"],)).rowcount
            if not inserted:
                return False
            handle(event)
            return True

    def positions(self):
        """``after`` for a replay: ``<producer>:<position>,...`` (empty: from the oldest kept)."""
        return ",".join(f"{producer}:{position}" for producer, position in self.db.execute(
            "SELECT producer, position FROM positions ORDER BY producer"))


def replay(api, token, types, handle, handled, page_size=500):
    """Handle what the published-event log holds after the positions ``handled`` saw, to its
    end (docs/events.md, "Replay"); returns how many were new. Declare the queue before."""
    address = "/api/v1/events/?" + urlencode(
        [("limit", page_size), ("types", ",".join(types))] + ([("after", handled.positions())]
                                                               if handled.positions() else []))
    new = 0
    while address:
        request = urllib.request.Request(api.rstrip("/") + address, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=60) as answer:  # 410: older than the log keeps, sync again
            page = json.load(answer)
        new += sum(handled.handle_once(event, handle) for event in page["items"])
        address = page["next"]
    return new


def consume(connection, queue, handle, handled, idle_timeout=None, prefetch=50):
    """Receive events from ``queue`` and pass each new one to ``handle(event)``.

    Each message is acknowledged after it was handled (or recognised as a duplicate). When
    ``handle`` raises, the message goes back to the queue to be tried again; the queue's
    delivery limit dead-letters it when it keeps failing. Returns when no message came for
    ``idle_timeout`` seconds (None: never).
    """
    def on_message(body, message):
        try:
            event = body if isinstance(body, dict) else json.loads(body)
            if handled.handle_once(event, handle):
                log.info("handled %s %s", event["type"], event["id"])
        except Exception:
            log.exception("handling %s failed; it goes back to the queue", message.properties.get("message_id"))
            time.sleep(1)  # a pause before the next attempt: a passing fault may be over
            message.requeue()
            return
        message.ack()

    with Consumer(connection.channel(), queues=[queue], callbacks=[on_message], accept=["json"],
                  prefetch_count=prefetch, no_ack=False):
        idle = 0.0
        while idle_timeout is None or idle < idle_timeout:
            try:
                connection.drain_events(timeout=1.0)
                idle = 0.0
            except TimeoutError:
                idle += 1.0
                connection.heartbeat_check()  # keeps a quiet connection alive


def replay_dead_letters(connection, queue_name):
    """Send every dead letter of the subscription back to its queue (after fixing the cause);
    returns how many. Each is removed only once the broker confirmed its copy."""
    channel = connection.channel()
    replayed = 0
    try:
        channel.confirm_select()
        while True:
            message = channel.basic_get(queue=f"{queue_name}.dead-letters", no_ack=False)
            if message is None:
                return replayed
            headers = message.properties.get("application_headers") or {}
            headers.pop("x-delivery-count", None)
            channel.basic_publish_confirm(message, exchange="", routing_key=queue_name)
            channel.basic_ack(message.delivery_tag)
            replayed += 1
    finally:
        channel.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amqp", required=True, help="amqp://user:password@host:5672/vhost")
    parser.add_argument("--queue", required=True, help="your queue's name, e.g. erp.chancery")
    parser.add_argument("--bind", action="append", required=True, metavar="EXCHANGE=KEY",
                        help="e.g. documents.events=document.* (repeatable)")
    parser.add_argument("--classic", action="store_true", help="a classic durable queue instead of quorum")
    parser.add_argument("--handled-db", default="handled_events.sqlite3")
    parser.add_argument("--delivery-limit", type=int, default=10,
                        help="failed deliveries before an event is dead-lettered (fixed when the queue is made)")
    parser.add_argument("--replay-dead-letters", action="store_true",
                        help="send the dead letters back to the queue, then consume")
    parser.add_argument("--api", help="Chancery's address, to replay what the queue missed before consuming")
    parser.add_argument("--token", help="an API token of an account with the permission replay_events")
    parser.add_argument("--replay-types", action="append", default=[], metavar="TYPE",
                        help="event types to replay, e.g. document.* (repeatable; the same as --bind's keys)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    bindings = {}
    for item in args.bind:
        exchange, _, key = item.partition("=")
        bindings.setdefault(exchange, []).append(key or "#")

    def handle(event):
        print(json.dumps(event, ensure_ascii=False))

    with Connection(args.amqp, heartbeat=30) as connection:
        queue = declare_subscription(connection, args.queue, bindings, quorum=not args.classic,
                                     delivery_limit=args.delivery_limit)
        if args.replay_dead_letters:
            log.info("%d dead letters sent back", replay_dead_letters(connection, args.queue))
        handled = HandledEvents(args.handled_db)
        if args.api:  # the queue exists now: the log covers what came before it
            log.info("%d events replayed", replay(args.api, args.token, args.replay_types, handle, handled))
        consume(connection, queue, handle, handled)


if __name__ == "__main__":
    main()
