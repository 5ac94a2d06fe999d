"""A creation retried under the same attempt id (``actor.idempotency_key``, passed by the
gateway for a request with an Idempotency-Key) returns what the first attempt made."""
import dataclasses
import threading
import uuid

from sqlalchemy import func, select

from chancery_common.database import make_session_factory
from chancery_common.errors import load
from counterparties import logic, models, schemas


def keyed(actor, key=None):
    return dataclasses.replace(actor, idempotency_key=key or uuid.uuid4())


def count(session, model, *criteria):
    """Counted in a transaction of its own, ended at once (the session stays ready to begin)."""
    with session.begin():
        return session.scalar(select(func.count()).select_from(model).where(*criteria))


def test_a_retry_returns_the_record_of_the_first_attempt_and_records_nothing_more(session, actor, make_counterparty):
    attempt = keyed(actor)
    name = f"Retried {uuid.uuid4().hex[:6]}"

    first = make_counterparty(by=attempt, name=name)
    again = make_counterparty(by=attempt, name=name)

    assert again.id == first.id
    assert count(session, models.Counterparty, models.Counterparty.name == name) == 1
    assert count(session, models.HistoryEntry, models.HistoryEntry.counterparty_id == first.id) == 1
    # another attempt (or none) is another counterparty
    assert make_counterparty(by=keyed(actor), name=name).id != first.id
    assert make_counterparty(name=name).id != first.id


def test_contact_persons_and_activities_are_made_once_per_attempt(session, actor, make_counterparty):
    counterparty = make_counterparty()
    attempt = keyed(actor)
    person_data = load(schemas.ContactPersonSchema(), {"full_name": "Irina Retry"})
    made = []
    for _ in range(2):
        with session.begin():
            made.append(logic.add_contact_person(session, counterparty_id=counterparty.id,
                                                 data=dict(person_data), actor=attempt).id)
    assert made[0] == made[1]
    assert count(session, models.ContactPerson, models.ContactPerson.counterparty_id == counterparty.id) == 1

    attempt = keyed(actor)
    activity = load(schemas.ActivitySchema(), {"counterparty_id": str(counterparty.id), "kind": "call",
                                               "subject": "Retry", "planned_at": "2030-01-01T10:00:00+00:00"})
    planned = []
    for _ in range(2):
        with session.begin():
            planned.append(logic.plan_activity(session, data=dict(activity), actor=attempt).id)
    assert planned[0] == planned[1]
    assert count(session, models.Activity, models.Activity.counterparty_id == counterparty.id) == 1


def test_a_retry_racing_a_slow_first_attempt_waits_for_it_and_returns_its_record(engine, session, actor):
    """The first attempt has written but not committed (the gateway gave up waiting); the
    retry waits on the attempt's lock and then finds the committed record."""
    attempt = keyed(actor)
    data = load(schemas.CounterpartySchema(), {"name": f"Slow {uuid.uuid4().hex[:6]}"})
    first_session = make_session_factory(engine)()
    first_session.begin()
    first = logic.create_counterparty(first_session, data=dict(data), actor=attempt)
    retried = {}

    def retry():
        with make_session_factory(engine)() as second_session, second_session.begin():
            retried["id"] = logic.create_counterparty(second_session, data=dict(data), actor=attempt).id

    racing = threading.Thread(target=retry)
    racing.start()
    racing.join(1.0)
    assert racing.is_alive()  # waiting for the first attempt's transaction
    first_session.commit()
    first_session.close()
    racing.join(10)

    assert retried["id"] == first.id
    assert count(session, models.Counterparty, models.Counterparty.name == data["name"]) == 1
