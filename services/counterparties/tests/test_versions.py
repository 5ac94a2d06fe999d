"""No lost updates: each card's version, a change naming a stale one refused with who changed
what meanwhile (chancery_common.versions), and two changes from the same version at once."""
import threading
import uuid

import pytest

from chancery_common.database import make_session_factory
from chancery_common.errors import InvalidInput, PreconditionFailed, load
from chancery_common.versions import load_version
from counterparties import logic, reference_books, schemas


def change(session, counterparty, actor, expected_version=None, **changes):
    data = load(schemas.CounterpartySchema(partial=True), changes)
    with session.begin():
        return logic.update_counterparty(session, counterparty_id=counterparty.id, changes=data, actor=actor,
                                         expected_version=expected_version)


def test_a_new_card_is_at_version_1_and_each_change_adds_one(session, make_counterparty, actor):
    counterparty = make_counterparty(name="Romashka")
    assert counterparty.version == 1
    assert schemas.CounterpartySchema().dump(counterparty)["version"] == 1

    updated = change(session, counterparty, actor, expected_version=1, phone="+7 495 111-11-11")

    assert (updated.version, updated.phone) == (2, "+7 495 111-11-11")


def test_a_change_to_the_same_values_keeps_the_version(session, make_counterparty, actor):
    counterparty = make_counterparty(name="Romashka")

    assert change(session, counterparty, actor, expected_version=1, name="Romashka").version == 1


def test_a_change_of_the_additional_responsibles_alone_moves_the_version(session, make_counterparty, actor):
    counterparty = make_counterparty()

    updated = change(session, counterparty, actor, expected_version=1,
                     additional_responsible_ids=[str(uuid.uuid4())])

    assert updated.version == 2


def test_a_stale_version_is_refused_naming_who_changed_what_and_when(session, make_counterparty, make_actor,
                                                                     actor):
    counterparty = make_counterparty(name="Romashka", phone="+7 495 000-00-00")
    first = make_actor("director")
    change(session, counterparty, first, expected_version=1, phone="+7 495 111-11-11", notes="Calls on Mondays")

    with pytest.raises(PreconditionFailed) as refused:
        change(session, counterparty, actor, expected_version=1, phone="+7 495 222-22-22")

    details = refused.value.details
    assert details["current_version"] == 2
    assert details["changed_by"] == str(first.id)
    assert details["changed_at"]
    assert details["changes"] == {"phone": "+7 495 111-11-11", "notes": "Calls on Mondays"}
    session.expire_all()
    with session.begin():
        assert session.get(type(counterparty), counterparty.id).phone == "+7 495 111-11-11"


def test_only_the_fields_changed_since_the_named_version_are_reported(session, make_counterparty, actor):
    counterparty = make_counterparty(name="Romashka")
    change(session, counterparty, actor, expected_version=1, phone="+7 495 111-11-11")
    change(session, counterparty, actor, expected_version=2, email="info@romashka.test")

    with pytest.raises(PreconditionFailed) as refused:
        change(session, counterparty, actor, expected_version=2, notes="mine")

    assert refused.value.details["changes"] == {"email": "info@romashka.test"}
    assert refused.value.details["current_version"] == 3


def test_the_details_cross_the_bus_typed(session, make_counterparty, actor):
    """nameko sends an error's arguments as text; the details are read back as they were."""
    counterparty = make_counterparty(name="Romashka")
    change(session, counterparty, actor, expected_version=1, phone="1")
    with pytest.raises(PreconditionFailed) as refused:
        change(session, counterparty, actor, expected_version=1, phone="2")

    received = PreconditionFailed(*refused.value.args)

    assert received.details == refused.value.details
    assert received.details["current_version"] == 2


def test_without_a_version_the_change_is_made(session, make_counterparty, actor):
    counterparty = make_counterparty(name="Romashka")
    change(session, counterparty, actor, phone="1")

    assert change(session, counterparty, actor, phone="2").version == 3


@pytest.mark.parametrize("value", [0, -1, "2", 1.5, True])
def test_a_version_that_is_not_a_whole_number_of_at_least_1_is_invalid_input(value):
    with pytest.raises(InvalidInput) as refused:
        load_version(value)
    assert refused.value.details == {"expected_version": ["A version is a whole number of at least 1."]}


def test_two_changes_from_the_same_version_at_once_one_wins(engine, make_counterparty, make_actor):
    """Each in its own session and thread: the row lock makes the second wait for the first's
    commit, then see the new version and refuse."""
    counterparty = make_counterparty(name="Romashka")
    editors = [make_actor("director"), make_actor("director")]
    barrier = threading.Barrier(2)
    outcomes = {}

    def edit(index):
        session = make_session_factory(engine)()
        try:
            barrier.wait()
            change(session, counterparty, editors[index], expected_version=1, notes=f"by editor {index}")
            outcomes[index] = "saved"
        except PreconditionFailed as refused:
            outcomes[index] = refused.details
        finally:
            session.close()

    threads = [threading.Thread(target=edit, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes, key=str) == [0, 1]
    winners = [index for index, outcome in outcomes.items() if outcome == "saved"]
    assert len(winners) == 1
    [loser] = [outcome for outcome in outcomes.values() if outcome != "saved"]
    assert loser["current_version"] == 2
    assert loser["changed_by"] == str(editors[winners[0]].id)
    assert loser["changes"] == {"notes": f"by editor {winners[0]}"}


def test_a_contact_persons_stale_version_names_the_fields_changed(session, make_counterparty, actor, make_actor):
    counterparty = make_counterparty()
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=counterparty.id,
                                          data=load(schemas.ContactPersonSchema(), {"full_name": "Ivan Petrov"}),
                                          actor=actor)
    assert person.version == 1
    other = make_actor("director")
    with session.begin():
        logic.update_contact_person(session, contact_person_id=person.id, actor=other, expected_version=1,
                                    changes={"position": "Director"})

    with pytest.raises(PreconditionFailed) as refused, session.begin():
        logic.update_contact_person(session, contact_person_id=person.id, actor=actor, expected_version=1,
                                    changes={"position": "Accountant"})

    assert refused.value.details["changes"] == {"position": "Director"}
    assert refused.value.details["changed_by"] == str(other.id)


def test_merging_reference_values_moves_the_version_of_each_card_repointed(session, make_counterparty, make_actor):
    admin = make_actor("administrator", permissions=["edit_reference_books"])
    with session.begin():
        north = reference_books.create_value(session, kind="region", name="North", actor=admin)
        south = reference_books.create_value(session, kind="region", name="South", actor=admin)
    counterparty = make_counterparty(region_id=str(north.id))

    with session.begin():
        reference_books.merge_value(session, kind="region", value_id=north.id, into_id=south.id, actor=admin)

    session.expire_all()
    with session.begin():
        assert session.get(type(counterparty), counterparty.id).version == 2
    with pytest.raises(PreconditionFailed), session.begin():
        reference_books.update_value(session, kind="region", value_id=south.id, changes={"name": "Yug"},
                                     actor=admin, expected_version=5)
