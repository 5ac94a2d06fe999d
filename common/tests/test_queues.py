"""Quorum service queues, their upgrade from classic queues, and dead letters (real RabbitMQ,
the test run's own vhost)."""
import time
import uuid

import amqp
import pytest
from kombu import Connection, Exchange, Queue

from chancery_common import dead_letters, queues


@pytest.fixture
def connection(rabbitmq):
    with Connection(rabbitmq) as connection:
        queues.declare_dead_letters(connection)
        yield connection


@pytest.fixture
def names(connection):
    made = []

    def name(prefix):
        made.append(f"test-{prefix}-{uuid.uuid4().hex[:8]}")
        return made[-1]
    yield name
    channel = connection.channel()
    for queue in made:
        channel.queue_delete(queue)
        channel.queue_delete(f"{queue}.migrating")
    channel.close()


def drain_dead_letters(connection):
    channel = connection.channel()
    channel.queue_purge(queues.DEAD_LETTER_QUEUE)
    channel.close()


EXCHANGE = Exchange("test-queues.events", type="topic", durable=True, auto_delete=False)


def publish(connection, body, message_id, routing_key="thing.happened"):
    connection.Producer().publish(body, exchange=EXCHANGE, routing_key=routing_key, declare=[EXCHANGE],
                                  message_id=message_id, type=routing_key, serializer="json")


def service_queue(name, limit=2):
    return Queue(name, exchange=EXCHANGE, routing_key="thing.*", durable=True, auto_delete=False,
                 queue_arguments=queues.quorum_arguments(queues.EVENT, limit))


def size(connection, name, expected=None, timeout=5):
    """The queue's ready messages (waiting up to ``timeout`` for ``expected``: counts lag a little)."""
    deadline = time.monotonic() + timeout
    while True:
        with connection.channel() as channel:
            count = channel.queue_declare(name, passive=True).message_count
        if expected is None or count == expected or time.monotonic() > deadline:
            return count
        time.sleep(0.05)


def fail_until_dead(connection, name, message_id, timeout=10):
    """Requeue ``message_id`` every time it comes (a handler that always fails); ack the rest."""
    channel = connection.channel()
    deadline = time.monotonic() + timeout
    deliveries = 0
    while time.monotonic() < deadline:
        message = channel.basic_get(queue=name, no_ack=False)
        if message is None:
            if dead_letters.count(connection)["events"]:
                break
            time.sleep(0.05)
            continue
        if message.properties.get("message_id") == message_id:
            deliveries += 1
            channel.basic_reject(message.delivery_tag, requeue=True)
        else:
            channel.basic_ack(message.delivery_tag)
    channel.close()
    return deliveries


def test_reply_queues_stay_classic_and_shared_queues_become_quorum():
    assert queues.is_shared(Queue("rpc-staff", durable=True))
    assert queues.is_shared(Queue("evt-staff-employee.created--notifications.on_employee_created",
                                  durable=True, auto_delete=False))
    assert not queues.is_shared(Queue("rpc.reply-x", queue_arguments={"x-expires": 300000}))
    assert not queues.is_shared(Queue("reply", exclusive=True))
    assert not queues.is_shared(Queue("reply", auto_delete=True))
    arguments = queues.quorum_arguments(queues.RPC, 7)
    assert arguments["x-queue-type"] == "quorum" and arguments["x-delivery-limit"] == 7
    assert arguments["x-dead-letter-exchange"] == queues.DEAD_LETTER_EXCHANGE
    assert arguments["x-dead-letter-routing-key"] == "rpc"


def test_a_message_that_always_fails_is_dead_lettered_listed_and_replayed(connection, names):
    drain_dead_letters(connection)
    name = names("poison")
    queues.declare(connection, service_queue(name, limit=2))
    publish(connection, {"id": "poison-1"}, "poison-1")
    publish(connection, {"id": "fine-1"}, "fine-1")

    assert fail_until_dead(connection, name, "poison-1") == 3  # the first delivery and 2 more
    assert dead_letters.count(connection) == {"events": 1, "rpc": 0}
    [letter] = dead_letters.list_dead_letters(connection)
    assert (letter.id, letter.queue, letter.reason, letter.type) == ("poison-1", name, "delivery_limit",
                                                                     "thing.happened")
    assert letter.exchange == EXCHANGE.name and letter.body == {"id": "poison-1"}
    assert size(connection, queues.DEAD_LETTER_QUEUE, 1) == 1  # listing took nothing away
    assert size(connection, name) == 0

    assert dead_letters.replay(connection, ids=["someone-else"]) == []
    assert [r.id for r in dead_letters.replay(connection, ids=["poison-1"])] == ["poison-1"]
    assert dead_letters.count(connection)["events"] == 0
    with connection.channel() as channel:
        message = channel.basic_get(queue=name, no_ack=True)
    assert message.properties["message_id"] == "poison-1"


def test_a_dead_letter_whose_queue_is_gone_stays(connection, names):
    drain_dead_letters(connection)
    name = names("gone")
    queues.declare(connection, service_queue(name, limit=0))
    publish(connection, {"id": "gone-1"}, "gone-1")
    fail_until_dead(connection, name, "gone-1")
    with connection.channel() as channel:
        channel.queue_delete(name)
    assert dead_letters.replay(connection, ids=["gone-1"]) == []
    assert [letter.id for letter in dead_letters.list_dead_letters(connection)] == ["gone-1"]
    drain_dead_letters(connection)


def test_a_classic_queue_from_before_is_migrated_with_its_messages(connection, names):
    name = names("upgrade")
    with connection.channel() as channel:
        Queue(name, exchange=EXCHANGE, routing_key="thing.*", durable=True, auto_delete=False)(channel).declare()
    for i in range(5):
        publish(connection, {"n": i}, f"old-{i}")

    queues.declare(connection, service_queue(name))
    assert size(connection, name, 5) == 5
    queues.declare(connection, service_queue(name))  # the next start: a no-op
    publish(connection, {"n": 5}, "new-5")  # still bound
    assert size(connection, name, 6) == 6
    # it is a quorum queue now: a classic declaration is refused
    with pytest.raises(Exception, match="inequivalent arg"):
        with connection.channel() as channel:
            channel.queue_declare(name, durable=True, auto_delete=False)

    # another delivery limit migrates it again, keeping the messages
    queues.declare(connection, service_queue(name, limit=5))
    assert size(connection, name, 6) == 6
    with connection.channel() as channel:
        got = [channel.basic_get(queue=name, no_ack=True).properties["message_id"] for _ in range(6)]
        assert sorted(got) == sorted([f"old-{i}" for i in range(5)] + ["new-5"])
        with pytest.raises(Exception, match="NOT_FOUND"):
            channel.queue_declare(f"{name}.migrating", passive=True)


def test_what_an_interrupted_migration_left_aside_is_moved_back(connection, names):
    name = names("interrupted")
    queues.declare(connection, service_queue(name))
    with connection.channel() as channel:  # as a migration stopped before moving back leaves it
        channel.queue_declare(f"{name}.migrating", durable=True, auto_delete=False)
        channel.basic_publish(amqp.Message(b'{"n": 1}', message_id="aside-1"),
                              exchange="", routing_key=f"{name}.migrating")
    queues.declare(connection, service_queue(name))
    assert size(connection, name, 1) == 1
    with connection.channel() as channel:
        with pytest.raises(Exception, match="NOT_FOUND"):
            channel.queue_declare(f"{name}.migrating", passive=True)
