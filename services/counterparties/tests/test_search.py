"""Searching the directory: text, characteristics, sorting, paging, saved filters; only what one may see."""
import uuid

import pytest

from chancery_common.actor import ActorSchema
from chancery_common.errors import InvalidInput, NotFound, load
from counterparties import logic, reference_books, saved_filters, schemas
from counterparties.service import CounterpartiesService


@pytest.fixture
def editor(make_actor):
    return make_actor("administrator", permissions=["edit_reference_books"])


@pytest.fixture
def value(session, editor):
    def add(kind):
        with session.begin():
            return str(reference_books.create_value(session, kind=kind, name=f"V {uuid.uuid4().hex[:8]}",
                                                    actor=editor).id)
    return add


@pytest.fixture
def search(session):
    def run(actor, **query):
        params = load(schemas.CounterpartyQuerySchema(), query)
        with session.begin():
            items, total = logic.list_counterparties(session, actor=actor, **params)
            return [c.name for c in items], total
    return run


def test_text_finds_words_in_any_order_tax_ids_phones_emails_and_contact_persons(session, make_counterparty,
                                                                                 make_actor, search):
    me = make_actor()
    tag = uuid.uuid4().hex[:6]
    make_counterparty(by=me, name=f"Severnaya Zvezda {tag} LLC", tax_id="7801234564")
    make_counterparty(by=me, name=f"Yuzhny Port {tag}", phone="+7 (812) 555-12-34", email=f"port{tag}@yug.test")
    person_at = make_counterparty(by=me, name=f"Vostok {tag}")
    with session.begin():
        logic.add_contact_person(session, counterparty_id=person_at.id, actor=me, data=load(
            schemas.ContactPersonSchema(), {"full_name": f"Innokenty Smoktunovsky{tag}"}))

    assert search(me, search=f"zvezda severnaya {tag}") == ([f"Severnaya Zvezda {tag} LLC"], 1)
    assert search(me, search=f"sever {tag}")[0] == [f"Severnaya Zvezda {tag} LLC"]  # a word's beginning
    assert search(me, search="80123456")[0] == [f"Severnaya Zvezda {tag} LLC"]   # part of the tax id
    assert search(me, search="555-1234")[0] == [f"Yuzhny Port {tag}"]            # phone digits
    assert search(me, search=f"port{tag}@yug")[0] == [f"Yuzhny Port {tag}"]
    assert search(me, search=f"smoktunovsky{tag}")[0] == [f"Vostok {tag}"]
    assert search(me, search="100%_")[1] == 0  # LIKE wildcards are plain characters


def test_a_contact_persons_name_finds_their_counterparty_after_renaming_moving_and_erasing(
        session, make_counterparty, make_actor, search):
    """The names are kept on the counterparty by triggers: every way a person changes shows."""
    me = make_actor("administrator")
    tag = uuid.uuid4().hex[:6]
    first = make_counterparty(by=me, name=f"Pervy {tag}")
    second = make_counterparty(by=me, name=f"Vtoroy {tag}")
    with session.begin():
        person = logic.add_contact_person(session, counterparty_id=first.id, actor=me, data=load(
            schemas.ContactPersonSchema(), {"full_name": f"Anfisa Kuzminichna{tag}"}))
        logic.add_contact_person(session, counterparty_id=first.id, actor=me, data=load(
            schemas.ContactPersonSchema(), {"full_name": f"Bogdan Lavrov{tag}"}))
        person_id = person.id
    assert search(me, search=f"kuzminichna{tag}") == ([f"Pervy {tag}"], 1)
    assert search(me, search=f"anfisa kuzminichna{tag}")[0] == [f"Pervy {tag}"]  # full text, both words
    assert search(me, search=f"Bogdan Lavrov{tag}")[0] == [f"Pervy {tag}"]

    with session.begin():
        logic.update_contact_person(session, contact_person_id=person_id, actor=me,
                                    changes={"full_name": f"Anfisa Zhukova{tag}"})
    assert search(me, search=f"kuzminichna{tag}")[1] == 0
    assert search(me, search=f"zhukova{tag}")[0] == [f"Pervy {tag}"]

    with session.begin():
        logic.move_contact_person(session, contact_person_id=person_id, counterparty_id=second.id, actor=me)
    assert search(me, search=f"zhukova{tag}")[0] == [f"Vtoroy {tag}"]
    assert search(me, search=f"lavrov{tag}")[0] == [f"Pervy {tag}"]

    with session.begin():
        logic.erase_contact_person(session, contact_person_id=person_id, reason="asked to be forgotten", actor=me)
    assert search(me, search=f"zhukova{tag}")[1] == 0


def test_what_one_may_not_see_is_neither_listed_nor_counted(make_counterparty, make_actor, search):
    me, stranger = make_actor(), make_actor()
    tag = uuid.uuid4().hex[:6]
    make_counterparty(by=me, name=f"Mine {tag}")
    make_counterparty(by=stranger, name=f"Theirs {tag}")
    assert search(me, search=tag) == ([f"Mine {tag}"], 1)


def test_filters_by_characteristics_responsible_and_status(make_counterparty, make_actor, search, value, admin):
    me = make_actor()
    region, other_region, group = value("region"), value("region"), value("group")
    tag = uuid.uuid4().hex[:6]
    make_counterparty(by=me, name=f"A {tag}", region_id=region, group_id=group)
    make_counterparty(by=me, name=f"B {tag}", region_id=region)
    make_counterparty(by=me, name=f"C {tag}", region_id=other_region, group_id=group)
    someone = make_actor()
    make_counterparty(by=admin, name=f"D {tag}", region_id=region, responsible_employee_id=str(someone.id))

    assert search(me, search=tag, region_id=[region]) == ([f"A {tag}", f"B {tag}"], 2)
    assert search(me, search=tag, region_id=[region, other_region], group_id=[group]) == (
        [f"A {tag}", f"C {tag}"], 2)
    assert search(admin, search=tag, region_id=[region], responsible_employee_id=str(someone.id)) == (
        [f"D {tag}"], 1)
    assert search(admin, search=tag, status="archived") == ([], 0)


def test_sorting_and_paging(make_counterparty, make_actor, search, update):
    me = make_actor()
    tag = uuid.uuid4().hex[:6]
    made = [make_counterparty(by=me, name=f"{letter} {tag}") for letter in "bca"]
    update(made[0], by=me, notes="touched last")

    assert search(me, search=tag, sort="name") == ([f"a {tag}", f"b {tag}", f"c {tag}"], 3)
    assert search(me, search=tag, sort="-name", limit=2, offset=1) == ([f"b {tag}", f"a {tag}"], 3)
    assert search(me, search=tag, sort="created_at")[0] == [f"b {tag}", f"c {tag}", f"a {tag}"]
    assert search(me, search=tag, sort="-updated_at")[0][0] == f"b {tag}"
    with pytest.raises(InvalidInput):
        load(schemas.CounterpartyQuerySchema(), {"sort": "tax_id"})


def test_saved_filters_belong_to_their_owner(session, make_actor, value, new_audit_rows):
    me, colleague = make_actor(), make_actor()
    region = value("region")
    service = CounterpartiesService()
    service.db = session

    with new_audit_rows() as rows:
        saved = service.save_filter(_wire(me), {
            "name": "My region", "query": {"region_id": [region], "search": "oil", "sort": "-updated_at"}})
    assert saved["query"] == {"region_id": [region], "search": "oil", "sort": "-updated_at"}
    assert [(r["action"], r["record_type"]) for r in rows] == [("created", "saved_filter")]
    again = service.save_filter(_wire(me), {"name": "My region", "query": {"region_id": [region]}})
    assert again["id"] == saved["id"] and again["query"] == {"region_id": [region], "sort": "name"}

    assert [f["name"] for f in service.list_saved_filters(_wire(me))] == ["My region"]
    assert service.list_saved_filters(_wire(colleague)) == []
    session.rollback()  # a worker's read ends with its session; here the session goes on
    with pytest.raises(NotFound):
        service.delete_saved_filter(_wire(colleague), saved["id"])
    with pytest.raises(InvalidInput, match="query.sort"):
        service.save_filter(_wire(me), {"name": "Bad", "query": {"sort": "nonsense"}})
    service.delete_saved_filter(_wire(me), saved["id"])
    with session.begin():
        assert saved_filters.list_filters(session, actor=me) == []


def _wire(actor):
    """The actor as it travels over RPC."""
    return ActorSchema().dump(actor)
