"""The queues services consume from: quorum queues with a delivery limit and a dead-letter exchange.

A message a handler can never process (a poison message) must not be delivered for ever.
Every durable, shared queue a service consumes from (its RPC queue ``rpc-<service>``,
nameko's event handler queues ``evt-...``, the webhooks service's ``webhooks.all-events``)
is declared as a quorum queue with ``x-delivery-limit``: RabbitMQ counts each delivery
that was not acknowledged (a requeue after an error, a consumer that died holding it) and
after the limit moves the message to the exchange ``chancery.dead-letters``. From there
event messages wait in the queue ``chancery.dead-letters`` until an administrator lists
and replays them (``chancery_common.dead_letters``). RPC requests go to
``chancery.dead-letters.rpc`` instead, kept a day: their caller stopped waiting long ago,
so they are only shown, never replayed (the gateway's requests also land there when they
expire unanswered).

Queues that live only as long as a connection (reply queues: exclusive, auto-delete or
expiring) stay classic: quorum queues cannot be any of these.

Services run in :class:`ServiceContainer` (``SERVICE_CONTAINER_CLS`` in their config),
which gives each of its queues these arguments and declares them before consuming. A queue
that already exists with other arguments (a classic queue from before this change, or
another ``QUEUE_DELIVERY_LIMIT``) makes the declaration fail with PRECONDITION_FAILED; the
container then moves its messages to a temporary queue, declares it anew and moves them
back (:func:`migrate`), see docs/operations.md.
"""
import logging

from amqp.exceptions import NotFound, PreconditionFailed
from kombu import Connection, Exchange, Queue
from nameko.containers import ServiceContainer as NamekoServiceContainer
from nameko.rpc import RpcConsumer

log = logging.getLogger(__name__)

DEAD_LETTER_EXCHANGE = "chancery.dead-letters"
DEAD_LETTER_QUEUE = "chancery.dead-letters"  # events, replayable
RPC_DEAD_LETTER_QUEUE = "chancery.dead-letters.rpc"  # requests nobody waits for; shown, not replayed
EVENT, RPC = "event", "rpc"  # the dead-letter routing keys
DEFAULT_DELIVERY_LIMIT = 20
RPC_DEAD_LETTER_TTL_MS = 24 * 3600 * 1000
RPC_DEAD_LETTER_MAX = 10000


class QueueMigrationError(RuntimeError):
    """A queue could not be redeclared with its new arguments; the message says why."""


def is_shared(queue):
    """Durable and not tied to one connection: a queue that may be a quorum queue."""
    arguments = queue.queue_arguments or {}
    return bool(queue.durable and not queue.exclusive and not queue.auto_delete
                and "x-expires" not in arguments)


def quorum_arguments(kind, delivery_limit=DEFAULT_DELIVERY_LIMIT):
    """The arguments of a service queue whose dead letters are of ``kind`` (EVENT or RPC)."""
    return {
        "x-queue-type": "quorum",
        "x-delivery-limit": int(delivery_limit),
        "x-dead-letter-exchange": DEAD_LETTER_EXCHANGE,
        "x-dead-letter-routing-key": kind,
        # the message leaves the queue only once the dead-letter queue has it (RabbitMQ 3.10+;
        # it needs reject-publish, which without a length limit never rejects anything)
        "x-dead-letter-strategy": "at-least-once",
        "x-overflow": "reject-publish",
    }


def dead_letter_queues():
    """The two dead-letter queues, bound to the dead-letter exchange."""
    exchange = Exchange(DEAD_LETTER_EXCHANGE, type="topic", durable=True, auto_delete=False)
    return (
        Queue(DEAD_LETTER_QUEUE, exchange=exchange, routing_key=EVENT, durable=True, auto_delete=False,
              queue_arguments={"x-queue-type": "quorum"}),
        Queue(RPC_DEAD_LETTER_QUEUE, exchange=exchange, routing_key=RPC, durable=True, auto_delete=False,
              queue_arguments={"x-queue-type": "quorum", "x-message-ttl": RPC_DEAD_LETTER_TTL_MS,
                               "x-max-length": RPC_DEAD_LETTER_MAX, "x-overflow": "drop-head"}),
    )


def declare_dead_letters(connection):
    """Declare the dead-letter exchange and queues (a no-op when they exist)."""
    for queue in dead_letter_queues():
        declare(connection, queue)


def declare(connection, queue):
    """Declare ``queue`` (with its bindings); migrate it when it exists with other arguments."""
    try:
        with connection.channel() as channel:
            queue(channel).declare()
    except PreconditionFailed as exc:
        log.warning("queue %s exists with other arguments (%s); migrating it", queue.name, exc)
        migrate(connection, queue)
        return
    _finish_interrupted_migration(connection, queue)


def _finish_interrupted_migration(connection, queue):
    """Move back what a migration stopped halfway left in ``<name>.migrating``."""
    temporary = f"{queue.name}.migrating"
    channel = connection.channel()
    try:
        channel.queue_declare(temporary, passive=True)
    except NotFound:
        return
    finally:
        _close(channel)
    channel = connection.channel()
    try:
        for exchange, routing_key in _bindings(queue):
            channel.queue_unbind(temporary, exchange, routing_key)
        channel.confirm_select()
        moved = _move(channel, temporary, queue.name)
        channel.queue_delete(temporary, if_empty=True)
        log.warning("queue %s: %d messages moved back from an interrupted migration", queue.name, moved)
    except PreconditionFailed:
        pass  # another replica is moving them at the same moment
    finally:
        _close(channel)


def _close(channel):
    try:
        channel.close()
    except Exception:  # already closed by a channel error, or the connection went away
        pass


def _bindings(queue):
    if queue.bindings:
        return [(b.exchange.name, b.routing_key) for b in queue.bindings]
    if queue.exchange is not None and queue.exchange.name:
        return [(queue.exchange.name, queue.routing_key)]
    return []


def _move(channel, source, target):
    """Move every message of ``source`` to ``target``, each acknowledged once the broker confirmed its copy."""
    moved = 0
    while True:
        message = channel.basic_get(queue=source, no_ack=False)
        if message is None:
            return moved
        headers = dict(message.properties.get("application_headers") or {})
        headers.pop("x-delivery-count", None)
        message.properties["application_headers"] = headers
        channel.basic_publish_confirm(message, exchange="", routing_key=target)
        channel.basic_ack(message.delivery_tag)
        moved += 1


def migrate(connection, queue):
    """Redeclare an existing queue with ``queue``'s arguments, keeping its messages.

    The messages go to ``<name>.migrating`` (a durable queue bound like the old one, so
    events published meanwhile are kept too), the old queue is deleted once no process
    consumes it, the new one declared, and the messages moved into it. An event that
    arrives during the switch may be kept twice; the idempotent consumers absorb that. RPC
    queues are not bound to the temporary queue: a request sent during the switch is lost
    and its caller times out.
    """
    temporary = f"{queue.name}.migrating"
    bindings = [] if queue.name.startswith("rpc-") else _bindings(queue)
    channel = connection.channel()
    try:
        consumers = channel.queue_declare(queue.name, passive=True).consumer_count
        if consumers:
            raise QueueMigrationError(
                f"queue {queue.name} has other arguments than this version declares and {consumers} "
                f"consumer(s): stop every process still consuming it (an older version of the "
                f"service), then start again (docs/operations.md)")
        # classic: a quorum queue cannot be deleted "only if empty"
        channel.queue_declare(temporary, durable=True, auto_delete=False)
        for exchange, routing_key in bindings:
            channel.queue_bind(temporary, exchange, routing_key)
        channel.confirm_select()
        moved = _move(channel, queue.name, temporary)
        # unconditionally: quorum queues refuse if-empty and if-unused (bound events that
        # arrived since the move are in the temporary queue as well)
        channel.queue_delete(queue.name)
        # a fresh channel: one that delivered to the old queue crashes (RabbitMQ 3.10)
        # when it delivers to a new queue of the same name and another type
        channel.close()
        channel = connection.channel()
        channel.confirm_select()
        queue(channel).declare()
        for exchange, routing_key in bindings:
            channel.queue_unbind(temporary, exchange, routing_key)
        moved_back = _move(channel, temporary, queue.name)
        channel.queue_delete(temporary, if_empty=True)
        log.warning("queue %s migrated to its new arguments (%d messages kept, %d moved back)",
                    queue.name, moved, moved_back)
    finally:
        _close(channel)


def prepare(extensions, amqp_uri, delivery_limit=DEFAULT_DELIVERY_LIMIT, ssl=None):
    """Give the shared queues of ``extensions`` quorum arguments and declare them, with the dead letters."""
    queues = []
    for extension in extensions:
        queue = getattr(extension, "queue", None)
        if isinstance(queue, Queue) and is_shared(queue):
            kind = RPC if isinstance(extension, RpcConsumer) else EVENT
            queue.queue_arguments = {**(queue.queue_arguments or {}), **quorum_arguments(kind, delivery_limit)}
            queues.append(queue)
    with Connection(amqp_uri, ssl=ssl) as connection:
        # like nameko's consumers, wait for a broker that is not up yet
        connection.ensure_connection(
            max_retries=None, interval_start=1, interval_step=1, interval_max=5,
            errback=lambda exc, interval: log.warning("broker unreachable (%s); retrying in %s s", exc, interval))
        declare_dead_letters(connection)
        for queue in {q.name: q for q in queues}.values():
            declare(connection, queue)
    return queues


class ServiceContainer(NamekoServiceContainer):
    """nameko's container, declaring its consumers' queues as quorum queues before they consume.

    Settings: ``QUEUE_DELIVERY_LIMIT`` (deliveries before a message is dead-lettered, default 20).
    """

    def start(self):
        self.started = True
        self.extensions.all.setup()
        prepare(self.extensions, self.config["AMQP_URI"],
                delivery_limit=self.config.get("QUEUE_DELIVERY_LIMIT", DEFAULT_DELIVERY_LIMIT),
                ssl=self.config.get("AMQP_SSL"))
        self.extensions.all.start()
