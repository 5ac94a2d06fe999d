"""Poison messages: an event a service's handler always fails on is dead-lettered after its
queue's delivery limit (3 in tests), shown to administrators and in health, and replayed once
the fault is fixed (docs/operations.md, "Dead letters")."""
import pytest
from kombu import Connection
from sqlalchemy import create_engine, text

from chancery_common.database import normalise_url
from chancery_common.queues import quorum_arguments

pytestmark = pytest.mark.system

QUEUE = "evt-counterparties-counterparty.created--notifications.on_counterparty_created"


@pytest.fixture
def notifications_db(system):
    engine = create_engine(normalise_url(system.database_urls["notifications"]))
    yield engine
    engine.dispose()


@pytest.fixture
def fault(notifications_db, unique):
    """The notifications service cannot store a counterparty named ``Poison <unique> ...``: a
    trigger refuses it, as a bug or a broken constraint would."""
    name = f"poison_{unique}"
    with notifications_db.begin() as connection:
        connection.execute(text(f"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.name LIKE 'Poison {unique}%' THEN RAISE EXCEPTION 'injected fault'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON counterparties
              FOR EACH ROW EXECUTE FUNCTION {name}();"""))

    def fix():
        with notifications_db.begin() as connection:
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON counterparties; "
                                    f"DROP FUNCTION IF EXISTS {name}()"))
    yield fix
    fix()


def dead_letter_of(admin, counterparty_id):
    response = admin.get("/admin/dead-letters/")
    assert response.status_code == 200, response.text
    return next((item for item in response.json()["items"]
                 if (item["body"].get("payload") or {}).get("counterparty_id") == counterparty_id), None)


def test_an_event_that_always_fails_is_dead_lettered_then_replayed_after_the_fix(
        admin, employee, notifications_db, fault, unique, eventually):
    created = admin.post("/counterparties/", json={"name": f"Poison {unique} LLC"})
    assert created.status_code == 201, created.text
    counterparty_id = created.json()["id"]

    letter = eventually(lambda: dead_letter_of(admin, counterparty_id), timeout=90, interval=1)
    assert letter["queue"] == QUEUE
    assert letter["reason"] == "delivery_limit"
    assert letter["type"] == "counterparty.created"
    assert letter["exchange"] == "counterparties.events"
    event_id = letter["id"]
    assert letter["body"]["id"] == event_id

    health = admin.get("/health/services")
    assert health.status_code == 200, health.text
    assert health.json()["dead_letters"]["events"] >= 1

    def stored():
        with notifications_db.connect() as connection:
            return connection.execute(text("SELECT name FROM counterparties WHERE id = :id"),
                                      {"id": counterparty_id}).scalar()
    assert stored() is None

    # only administrators see and replay them
    _, clerk = employee()
    assert clerk.get("/admin/dead-letters/").status_code == 403
    assert clerk.post("/admin/dead-letters/replay", json={"ids": [event_id]}).status_code == 403
    refused = admin.post("/admin/dead-letters/replay", json={})
    assert refused.status_code == 422 and "ids" in refused.json()["errors"]["json"]

    fault()  # the fault is fixed
    replayed = admin.post("/admin/dead-letters/replay", json={"ids": [event_id, "not-a-dead-letter"]})
    assert replayed.status_code == 200, replayed.text
    assert [item["id"] for item in replayed.json()["replayed"]] == [event_id]
    assert replayed.json()["not_found"] == ["not-a-dead-letter"]

    assert eventually(stored, timeout=30) == f"Poison {unique} LLC"
    assert dead_letter_of(admin, counterparty_id) is None
    # handled once: the replay went to the notifications queue alone, and its id is recorded once
    with notifications_db.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM processed_events WHERE event_id = :id"),
                                  {"id": event_id}).scalar() == 1


@pytest.mark.parametrize("queue", ["rpc-staff", "webhooks.all-events", QUEUE])
def test_service_queues_are_quorum_queues_with_the_dead_letter_exchange(system, queue):
    with Connection(system.profile.amqp_uri) as connection:
        with pytest.raises(Exception, match="PRECONDITION_FAILED - inequivalent arg"):
            with connection.channel() as channel:  # as a classic queue: refused
                channel.queue_declare(queue, durable=True, auto_delete=False)
        with connection.channel() as channel:  # with the arguments the services use: the same queue
            kind = "rpc" if queue.startswith("rpc-") else "event"
            channel.queue_declare(queue, durable=True, auto_delete=False,
                                  arguments=quorum_arguments(
                                      kind, int(system.profile.extra_env["QUEUE_DELIVERY_LIMIT"])))
