"""The example subscriber in docs/events/consumer_example.py (issue: events others can
subscribe to): its own durable queue keeps every event published while it is down, and it
handles each event id once."""
import importlib.util
import uuid
from pathlib import Path

import pytest
from kombu import Connection, Exchange, Producer

pytestmark = pytest.mark.system

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("consumer_example", REPO / "docs" / "events" / "consumer_example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def subscription(system, unique):
    """The example's queue name, deleted after the test."""
    name = f"test-erp.chancery-{unique}"
    yield name
    with Connection(system.profile.amqp_uri) as connection:
        channel = connection.channel()
        channel.queue_delete(name)
        channel.queue_delete(f"{name}.dead-letters")


def receive(example, amqp_uri, queue, handled, until, eventually):
    """Consume with the example until ``until(seen)`` holds; returns the events handled."""
    seen = []
    with Connection(amqp_uri) as connection:
        def more():
            example.consume(connection, queue, seen.append, handled, idle_timeout=1)
            return until(seen)
        eventually(more, timeout=30)
    return seen


def test_events_published_while_the_subscriber_is_down_wait_for_it(
        system, admin, unique, eventually, example, subscription):
    amqp_uri = system.profile.amqp_uri
    bindings = {"counterparties.events": ["counterparty.*", "contact_person.added"], "documents.events": ["#"]}
    with Connection(amqp_uri) as connection:
        queue = example.declare_subscription(connection, subscription, bindings)
        again = example.declare_subscription(connection, subscription, bindings)  # every start declares it
        assert again.name == queue.name
        with connection.channel() as channel:
            _, messages, consumers = channel.queue_declare(subscription, passive=True)
        assert (messages, consumers) == (0, 0)
    handled = example.HandledEvents()

    # the subscriber is down (no connection at all) while things happen
    created = [admin.post("/counterparties/", json={"name": f"While Down {i} {unique}"}) for i in range(3)]
    assert all(response.status_code == 201 for response in created), [r.text for r in created]
    ids = {response.json()["id"] for response in created}
    person = admin.post(f"/counterparties/{created[0].json()['id']}/contact-persons",
                        json={"full_name": "Pavel Waiting"})
    assert person.status_code == 201, person.text
    # not bound: approvals and staff events never reach this queue
    admin.post("/employees/", json={"full_name": "Not Subscribed", "email": f"ns.{unique}@test.chancery",
                                    "password": f"password-{unique}-x", "roles": ["employee"]})

    def all_there(seen):
        got = {e["payload"].get("counterparty_id") for e in seen if e["type"] == "counterparty.created"}
        return ids <= got and any(e["type"] == "contact_person.added" and
                                  e["payload"]["contact_person_id"] == person.json()["id"] for e in seen)

    seen = receive(example, amqp_uri, queue, handled, all_there, eventually)
    assert {e["type"] for e in seen} <= {"counterparty.created", "counterparty.updated", "contact_person.added"}
    assert len({e["id"] for e in seen}) == len(seen)

    # the same event again (a relay that crashed before marking it published): handled once
    duplicate = next(e for e in seen if e["type"] == "counterparty.created")
    with Connection(amqp_uri) as connection:
        exchange = Exchange("counterparties.events", type="topic", durable=True, auto_delete=False)
        Producer(connection.channel(), exchange=exchange).publish(
            duplicate, routing_key="counterparty.created", serializer="json", delivery_mode=2)
        marker = {**duplicate, "id": str(uuid.uuid4()), "payload": {**duplicate["payload"], "name": "marker"}}
        Producer(connection.channel(), exchange=exchange).publish(
            marker, routing_key="counterparty.created", serializer="json", delivery_mode=2)
    later = receive(example, amqp_uri, queue, handled, lambda s: any(e["id"] == marker["id"] for e in s),
                    eventually)
    assert duplicate["id"] not in {e["id"] for e in later}
    with Connection(amqp_uri) as connection, connection.channel() as channel:
        _, messages, _ = channel.queue_declare(subscription, passive=True)
    assert messages == 0  # everything acknowledged


def test_the_subscription_queue_survives_and_is_quorum(system, unique, example, subscription):
    with Connection(system.profile.amqp_uri) as connection:
        queue = example.declare_subscription(connection, subscription, {"approvals.events": ["approval.finished"]})
    assert queue.durable and not queue.auto_delete and not queue.exclusive
    assert queue.queue_arguments == {"x-queue-type": "quorum", "x-delivery-limit": 10,
                                     "x-dead-letter-exchange": "",
                                     "x-dead-letter-routing-key": f"{subscription}.dead-letters"}
    # a new connection (the subscriber restarted) finds it and its binding
    with Connection(system.profile.amqp_uri) as connection, connection.channel() as channel:
        channel.queue_declare(subscription, passive=True)


def test_an_event_the_subscriber_always_fails_on_is_dead_lettered_and_replayed_after_the_fix(
        system, admin, unique, eventually, example, subscription):
    amqp_uri = system.profile.amqp_uri
    with Connection(amqp_uri) as connection:
        queue = example.declare_subscription(
            connection, subscription, {"counterparties.events": ["counterparty.created"]}, delivery_limit=1)
    created = admin.post("/counterparties/", json={"name": f"Unhandled {unique}"})
    assert created.status_code == 201, created.text
    handled, attempts = example.HandledEvents(), []

    def broken(event):
        attempts.append(event["id"])
        raise RuntimeError("the subscriber's bug")

    def dead_letters():
        with Connection(amqp_uri) as connection, connection.channel() as channel:
            return channel.queue_declare(f"{subscription}.dead-letters", passive=True).message_count

    with Connection(amqp_uri) as connection:
        eventually(lambda: example.consume(connection, queue, broken, handled, idle_timeout=1) or dead_letters(),
                   timeout=30)
    assert len(attempts) == 2 and len(set(attempts)) == 1  # the first delivery and one more, then no more

    seen = []
    with Connection(amqp_uri) as connection:
        assert example.replay_dead_letters(connection, subscription) == 1
        eventually(lambda: example.consume(connection, queue, seen.append, handled, idle_timeout=1) or seen,
                   timeout=30)
    assert [event["id"] for event in seen] == attempts[:1]
    assert seen[0]["payload"]["counterparty_id"] == created.json()["id"]
    assert dead_letters() == 0
