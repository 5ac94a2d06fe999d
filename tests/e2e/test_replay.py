"""Replay (docs/events.md, "Replay"): a subscriber with its own queue receives some events and
stops; events are published; its queue is deleted; replaying from its last position through
the API returns exactly what it missed, in order; it makes its queue again, replays once more to
close the gap and recognises by id the events it then gets twice. Compared with the outbox:
no gap, no duplicate it cannot recognise. The log is for those with replay_events only."""
from urllib.parse import urlencode

import pytest
from kombu import Connection, Exchange, Queue
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.system

TYPES = ["counterparty.created"]
EXCHANGE = Exchange("counterparties.events", type="topic", durable=True, auto_delete=False)


class Subscriber:
    """A system's subscriber: its queue bound to counterparty.created, the ids it handled in
    order, and the last position it saw (the events carry it)."""

    def __init__(self, amqp_uri, name):
        self.amqp_uri, self.name = amqp_uri, name
        self.handled, self.position = [], None

    def bind(self):
        with Connection(self.amqp_uri) as connection:
            channel = connection.default_channel
            EXCHANGE(channel).declare()
            Queue(self.name, exchange=EXCHANGE, routing_key="counterparty.created", durable=True,
                  auto_delete=False)(channel).declare()

    def delete_queue(self):
        with Connection(self.amqp_uri) as connection:
            connection.default_channel.queue_delete(self.name)

    def take(self, event):
        """Handle an event unless its id was handled; returns whether it was new."""
        self.position = max(self.position or 0, event["position"])
        if event["id"] in self.handled:
            return False
        self.handled.append(event["id"])
        return True

    def replay(self, api):
        """Follow the log from the last position until it has no more; returns the events."""
        query = [("types", name) for name in TYPES] + [("limit", 2)]
        address = f"/api/v1/events/?{urlencode(query + [('after', f'counterparties:{self.position}')])}"
        events = []
        while address:
            answer = api.http.get(f"{api.base_url}{address}", timeout=30)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            events += page["items"]
            address = page["next"]
        return events


def created(admin, names):
    """Make counterparties; the ids of the counterparty.created events are read back from the log."""
    return [admin.post("/counterparties/", json={"name": name}).json()["id"] for name in names]


def subjects(events):
    return [event["subject"] for event in events]


def published(admin, subscriber, records, eventually):
    """Wait until the events about ``records`` are published (in the log after the subscriber's position)."""
    eventually(lambda: set(records) <= set(subjects(admin.get("/events/", params={
        "types": TYPES, "after": f"counterparties:{subscriber.position}"}).json()["items"])), timeout=30)


@pytest.fixture
def subscriber(system, unique):
    made = Subscriber(system.profile.amqp_uri, f"test-replay-{unique}")
    yield made
    made.delete_queue()


def test_a_subscriber_that_lost_its_queue_replays_what_it_missed_and_switches_back(
        system, admin, unique, eventually, subscriber):
    subscriber.bind()
    before = created(admin, [f"Replay before {n} {unique}" for n in range(3)])

    def queued_subjects(count):
        taken = []

        def enough():
            with Connection(subscriber.amqp_uri) as connection:
                bound = Queue(subscriber.name)(connection.default_channel)
                while (message := bound.get(no_ack=True)) is not None:
                    taken.append((message.payload["subject"], subscriber.take(message.payload)))
            return len(taken) >= count
        eventually(enough, timeout=30)
        return taken

    assert queued_subjects(3) == [(record, True) for record in before]
    # the subscriber stops; counterparties are made; its queue is deleted with their events
    missed = created(admin, [f"Replay missed {n} {unique}" for n in range(3)])
    published(admin, subscriber, missed, eventually)
    subscriber.delete_queue()

    replayed = subscriber.replay(admin)
    assert subjects(replayed) == missed  # exactly the missed ones, in order
    assert all(subscriber.take(event) for event in replayed)

    unqueued = created(admin, [f"Replay unqueued {unique}"])  # after the replay, before the new queue
    published(admin, subscriber, unqueued, eventually)
    subscriber.bind()
    queued = created(admin, [f"Replay queued {n} {unique}" for n in range(2)])  # in the queue and the log
    published(admin, subscriber, unqueued + queued, eventually)
    closing = subscriber.replay(admin)
    assert subjects(closing) == unqueued + queued
    assert all(subscriber.take(event) for event in closing)
    assert queued_subjects(2) == [(record, False) for record in queued]  # recognised by their ids

    # the outbox: every counterparty.created since the first, each handled once, in the order of the log
    engine = create_engine(system.database_urls["counterparties"])
    try:
        with engine.connect() as connection:
            first = connection.execute(text(
                "SELECT position FROM outbox WHERE payload->>'counterparty_id' = :id"), {"id": before[0]}).scalar()
            stored = connection.execute(text(
                "SELECT event_id FROM outbox WHERE event_type = 'counterparty.created' AND position >= :first "
                "ORDER BY position"), {"first": first}).scalars().all()
    finally:
        engine.dispose()
    assert subscriber.handled == [str(event_id) for event_id in stored]
    assert len(subscriber.handled) == len(before + missed + unqueued + queued)


def test_the_log_needs_replay_events_and_refuses_a_wrong_position(admin, employee, eventually):
    _, outsider = employee("Replay Outsider")
    for path in ("/events/", "/events/end"):
        refused = outsider.get(path)
        assert refused.status_code == 403 and "replay_events" in refused.text, refused.text
    end = admin.get("/events/end")
    assert end.status_code == 200 and "counterparties:" in end.json()["cursor"], end.text
    for wrong in ("nowhere:1", "counterparties:x", "counterparties:1,counterparties:2"):
        answer = admin.get("/events/", params={"after": wrong})
        assert answer.status_code == 422 and "after" in answer.json()["errors"]["json"], answer.text
    answer = admin.get("/events/", params={"types": "counterparty.created,Counterparty created"})
    assert answer.status_code == 422 and "types" in answer.json()["errors"]["json"], answer.text
    # from the end: nothing yet, and the resume cursor stays where it was
    page = admin.get("/events/", params={"after": end.json()["cursor"], "types": TYPES}).json()
    assert page["next"] is None and page["resume"]

    # an integration's account: a role an administrator grants replay_events to
    granted = admin.request("PUT", "/settings/role-permissions",
                            json={"permission": "replay_events", "roles": ["accountant"]})
    try:
        assert granted.status_code == 200, granted.text
        _, integration = employee("Replay Integration", roles=["accountant"])
        made = admin.post("/counterparties/", json={"name": "Replay for the integration"}).json()
        after = f"counterparties:{end.json()['cursor'].split('counterparties:')[1].split(',')[0]}"
        assert eventually(lambda: made["id"] in subjects(integration.get("/events/", params={
            "after": after, "types": TYPES}).json()["items"]), timeout=30)
        assert outsider.get("/events/").status_code == 403
    finally:
        admin.request("PUT", "/settings/role-permissions", json={"permission": "replay_events", "roles": []})
