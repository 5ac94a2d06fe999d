"""The counterparty directory: creation, changes with their history, search, duplicates."""
import uuid

import pytest
from sqlalchemy import select, text

from chancery_common.actor import Actor
from chancery_common.errors import NotFound
from counterparties import events, legal, logic
from counterparties.models import Counterparty

ADMIN = Actor(id=uuid.uuid4(), roles=["administrator"])


def test_a_new_counterparty_is_kept_in_its_history_and_announced(make_counterparty, actor, history, outbox_events):
    counterparty = make_counterparty(name="Romashka LLC", tax_id="7707083893")

    [entry] = history(counterparty.id)
    assert (entry.kind, entry.actor_id, entry.summary) == (
        "counterparty.created", actor.id, "Counterparty Romashka LLC created")
    assert outbox_events(events.COUNTERPARTY_CREATED, counterparty.id) == [{
        "counterparty_id": str(counterparty.id), "name": "Romashka LLC", "tax_id": "7707083893",
        "responsible_employee_id": str(actor.id), "created_by": str(actor.id)}]


def test_the_creator_is_responsible_unless_someone_is_named(make_counterparty, actor):
    someone = uuid.uuid4()

    assert make_counterparty().responsible_employee_id == actor.id
    assert make_counterparty(responsible_employee_id=str(someone)).responsible_employee_id == someone


def test_a_change_records_each_field_with_its_old_and_new_value(make_counterparty, update, make_actor, history,
                                                               outbox_events):
    counterparty = make_counterparty(name="Romashka", phone="+7 495 000-00-00")
    editor = make_actor("director")
    new_responsible = uuid.uuid4()

    update(counterparty, by=editor, name="Romashka", phone="+7 495 111-11-11", email="info@romashka.test",
           responsible_employee_id=str(new_responsible))

    changes = {
        "phone": {"from": "+7 495 000-00-00", "to": "+7 495 111-11-11"},
        "email": {"from": None, "to": "info@romashka.test"},
        "responsible_employee_id": {"from": str(counterparty.created_by), "to": str(new_responsible)},
    }
    assert outbox_events(events.COUNTERPARTY_UPDATED, counterparty.id) == [
        {"counterparty_id": str(counterparty.id), "changed_by": str(editor.id), "changes": changes,
         "name": counterparty.name, "responsible_employee_id": str(new_responsible)}]
    latest = history(counterparty.id)[0]
    assert (latest.kind, latest.actor_id, latest.data) == ("counterparty.updated", editor.id, {"changes": changes})
    assert latest.summary == "Changed: email, phone, responsible_employee_id"


def test_a_change_to_the_same_values_records_nothing(make_counterparty, update, history, outbox_events):
    counterparty = make_counterparty(name="Same", phone="123")

    update(counterparty, name="Same", phone="123")

    assert len(history(counterparty.id)) == 1
    assert outbox_events(events.COUNTERPARTY_UPDATED, counterparty.id) == []


def test_changing_an_unknown_counterparty_is_not_found(session, actor):
    with pytest.raises(NotFound), session.begin():
        logic.update_counterparty(session, counterparty_id=uuid.uuid4(), changes={"name": "X"}, actor=actor)


def inn(region, unique):
    """A valid organisation INN of the region, distinct per test run."""
    return legal.complete_inn(f"{region}{int(unique[:6], 16) % 10**7:07d}")


@pytest.fixture
def directory(make_counterparty, unique):
    """Three counterparties with distinct names, tax ids and phones, found by a unique marker."""
    return {
        "romashka": make_counterparty(name=f"Romashka {unique}", tax_id=inn("77", unique),
                                      phone="+7 (495) 123-45-67", email=f"office@romashka-{unique}.test"),
        "vasilek": make_counterparty(name=f"Vasilek {unique}", tax_id=inn("78", unique),
                                     phone="8 812 765 43 21", main_contact=f"Petrov {unique}"),
        "lyutik": make_counterparty(name=f"Lyutik {unique}", short_name=f"LT {unique}"),
    }


def search(session, text):
    with session.begin():
        items, total = logic.list_counterparties(session, search=text, actor=ADMIN)
    return {counterparty.name.split()[0] for counterparty in items}


def test_search_finds_by_part_of_the_name_in_any_case(session, directory, unique):
    assert search(session, f"ROMASHKA {unique}") == {"Romashka"}
    assert search(session, unique) == {"Romashka", "Vasilek", "Lyutik"}


def test_search_finds_by_tax_id(session, directory, unique):
    assert search(session, inn("78", unique)[:8]) == {"Vasilek"}


def test_search_finds_by_phone_digits_whatever_the_formatting(session, directory):
    assert "Romashka" in search(session, "495-123-4567")
    assert "Vasilek" in search(session, "(812) 76543")


def test_search_finds_by_e_mail_and_main_contact(session, directory, unique):
    assert search(session, f"romashka-{unique}") == {"Romashka"}
    assert search(session, f"Petrov {unique}") == {"Vasilek"}


def test_the_part_search_follows_every_write_of_what_it_reads(session, make_counterparty, update, actor, unique):
    """The lower-cased text the part search reads (search_fields, migration 0019) is kept by
    PostgreSQL: a renamed counterparty is found by its new name only, in any case, Cyrillic too,
    and a contact person by name as soon as added; % and _ are letters, not wildcards."""
    counterparty = make_counterparty(name=f"Ромашка {unique}")
    assert search(session, f"РОМАШКА {unique}") == {"Ромашка"}

    update(counterparty, name=f"Василёк_100% {unique}")
    assert search(session, f"ромашка {unique}") == set()
    assert search(session, f"василёк_100% {unique}") == {"Василёк_100%"}
    assert search(session, f"василёк_1000 {unique}") == search(session, f"василёкX100% {unique}") == set()

    with session.begin():
        logic.add_contact_person(session, counterparty_id=counterparty.id, data={"full_name": f"Петров {unique}"},
                                 actor=actor)
    assert search(session, f"ПЕТРОВ {unique}") == {"Василёк_100%"}


def test_the_part_search_is_answered_from_its_trigram_index(session):
    query = select(Counterparty.id).where(logic.search_condition("Baikal"))
    compiled = query.compile(dialect=session.bind.dialect)
    with session.begin():
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(row[0] for row in session.connection().exec_driver_sql(f"EXPLAIN {compiled}",
                                                                                   compiled.params))
    assert "ix_counterparties_search_fields_trgm" in plan, plan


def test_list_filters_by_responsible_employee(session, make_counterparty, make_actor, admin):
    manager = make_actor("manager")
    theirs = make_counterparty(by=manager)
    make_counterparty()

    with session.begin():
        items, total = logic.list_counterparties(session, responsible_employee_id=manager.id, actor=admin)
    assert [c.id for c in items] == [theirs.id]
    assert total == 1


def duplicates(session, exclude_id=None, **data):
    with session.begin():
        items, hidden = logic.find_duplicates(session, data=data, exclude_id=exclude_id, actor=ADMIN)
    assert hidden == 0
    return {c.id for c in items}


def test_a_duplicate_is_found_by_tax_id(session, directory, unique):
    assert duplicates(session, tax_id=inn("77", unique)) == {directory["romashka"].id}


def test_a_duplicate_is_found_by_e_mail_in_any_case(session, directory, unique):
    assert duplicates(session, email=f"OFFICE@Romashka-{unique}.test") == {directory["romashka"].id}


def test_a_duplicate_is_found_by_phone_digits(session, directory):
    assert directory["vasilek"].id in duplicates(session, phone="+8-812-765-43-21")


def test_a_duplicate_is_found_by_the_same_name(session, directory, unique):
    assert duplicates(session, name=f"  lyutik {unique.upper()} ") == {directory["lyutik"].id}


def test_a_counterparty_is_not_its_own_duplicate(session, directory, unique):
    romashka = directory["romashka"]

    assert duplicates(session, exclude_id=romashka.id, name=romashka.name, tax_id=romashka.tax_id) == set()


def test_nothing_to_compare_finds_no_duplicates(session, directory):
    assert duplicates(session, phone="12-34", notes="short phones are not compared") == set()
