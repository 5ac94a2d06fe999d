"""Reference books: who may change them, renaming, archiving, merging, deleting, and their use."""
import uuid

import pytest

from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from counterparties import logic, reference_books


@pytest.fixture
def editor(make_actor):
    return make_actor("manager", permissions=["edit_reference_books"])


@pytest.fixture
def add_value(session, editor):
    def add(kind="region", name=None, by=None):
        with session.begin():
            return reference_books.create_value(session, kind=kind, name=name or f"Value {uuid.uuid4().hex[:8]}",
                                                actor=by or editor)
    return add


def test_changing_a_book_needs_the_permission(session, actor, add_value):
    with pytest.raises(PermissionDenied, match="edit_reference_books"):
        add_value(by=actor)
    value = add_value()
    for change in (lambda: reference_books.update_value(session, kind="region", value_id=value.id,
                                                        changes={"name": "X"}, actor=actor),
                   lambda: reference_books.delete_value(session, kind="region", value_id=value.id, actor=actor)):
        with session.begin(), pytest.raises(PermissionDenied):
            change()


def test_names_are_unique_per_book_whatever_the_case(session, add_value, editor):
    name = f"North-West {uuid.uuid4().hex[:6]}"
    add_value("region", name)
    with pytest.raises(Conflict, match="already has"):
        add_value("region", name.upper())
    add_value("group", name)  # another book may have it
    other = add_value("region")
    with session.begin(), pytest.raises(Conflict):
        reference_books.update_value(session, kind="region", value_id=other.id, changes={"name": name.lower()},
                                     actor=editor)


def test_counterparties_refer_to_values_so_renaming_renames_everywhere(session, add_value, make_counterparty,
                                                                        editor, actor):
    region = add_value("region", "Siberia " + uuid.uuid4().hex[:6])
    counterparty = make_counterparty(region_id=str(region.id))
    with session.begin():
        renamed = reference_books.update_value(session, kind="region", value_id=region.id,
                                               changes={"name": "Siberian district"}, actor=editor)
    assert (renamed.name, renamed.counterparty_count) == ("Siberian district", 1)
    with session.begin():
        [listed] = [v for v in reference_books.list_values(session, kind="region", actor=actor)
                    if v.id == region.id]
    assert (listed.name, listed.counterparty_count) == ("Siberian district", 1)
    assert logic.get_counterparty(session, counterparty_id=counterparty.id, actor=actor).region_id == region.id
    session.rollback()


def test_a_characteristic_must_be_a_live_value_of_its_own_book(session, add_value, make_counterparty, editor,
                                                               update, admin):
    group = add_value("group")
    group_id = str(group.id)  # the failures below roll back, which expires what the session holds
    with pytest.raises(InvalidInput) as error:
        make_counterparty(region_id=group_id)
    assert "region_id" in error.value.details
    with pytest.raises(InvalidInput):
        make_counterparty(category_id=str(uuid.uuid4()))
    kept = make_counterparty(group_id=group_id)
    with session.begin():
        reference_books.update_value(session, kind="group", value_id=group_id, changes={"is_archived": True},
                                     actor=editor)
    with pytest.raises(InvalidInput, match="group_id"):
        make_counterparty(group_id=group_id)
    # a counterparty that already has the archived value keeps it through other changes
    with session.begin():
        kept = logic.get_counterparty(session, counterparty_id=kept.id, actor=admin)
    assert str(update(kept, group_id=group_id, notes="still ours").group_id) == group_id


def test_a_value_in_use_is_not_deleted_and_the_refusal_says_how_many_use_it(session, add_value, make_counterparty,
                                                                            editor, new_audit_rows):
    source = add_value("advertising_source")
    make_counterparty(advertising_source_id=str(source.id))
    make_counterparty(advertising_source_id=str(source.id))
    with session.begin(), pytest.raises(Conflict, match="used by 2 counterparties"):
        reference_books.delete_value(session, kind="advertising_source", value_id=source.id, actor=editor)

    unused = add_value("advertising_source")
    with new_audit_rows() as rows:
        with session.begin():
            reference_books.delete_value(session, kind="advertising_source", value_id=unused.id, actor=editor)
    assert [(r["action"], r["record_type"], r["record_id"]) for r in rows] == [
        ("deleted", "reference_value", unused.id)]
    with session.begin(), pytest.raises(NotFound):
        reference_books.delete_value(session, kind="advertising_source", value_id=unused.id, actor=editor)


def test_merging_repoints_every_counterparty_and_removes_the_value(session, add_value, make_counterparty, editor,
                                                                  admin, history, new_audit_rows):
    typo, right = add_value("activity_type", "Constrution"), add_value("activity_type", "Construction " +
                                                                        uuid.uuid4().hex[:4])
    first = make_counterparty(activity_type_id=str(typo.id))
    second = make_counterparty(activity_type_id=str(typo.id))
    already = make_counterparty(activity_type_id=str(right.id))

    with new_audit_rows() as rows:
        with session.begin():
            target = reference_books.merge_value(session, kind="activity_type", value_id=typo.id,
                                                 into_id=right.id, actor=editor)
    assert (target.id, target.counterparty_count) == (right.id, 3)
    with session.begin():
        for counterparty in (first, second, already):
            assert logic.get_counterparty(session, counterparty_id=counterparty.id,
                                          actor=admin).activity_type_id == right.id
        assert typo.id not in [v.id for v in reference_books.list_values(session, kind="activity_type",
                                                                           actor=editor)]
    assert sorted((r["action"], r["record_type"]) for r in rows) == [
        ("merged", "reference_value"), ("updated", "counterparty"), ("updated", "counterparty")]
    merged = next(r for r in rows if r["action"] == "merged")
    assert merged["changes"]["into_id"] == str(right.id) and merged["changes"]["counterparties_repointed"] == 2
    assert "merged into" in history(first.id)[0].summary


def test_merging_needs_two_values_of_the_same_book(session, add_value, editor):
    region, group = add_value("region"), add_value("group")
    with session.begin(), pytest.raises(InvalidInput):
        reference_books.merge_value(session, kind="region", value_id=region.id, into_id=region.id, actor=editor)
    with session.begin(), pytest.raises(NotFound):
        reference_books.merge_value(session, kind="region", value_id=region.id, into_id=group.id, actor=editor)


def test_archived_values_can_be_left_out_of_the_list(session, add_value, editor, actor):
    live, old = add_value("category"), add_value("category")
    with session.begin():
        reference_books.update_value(session, kind="category", value_id=old.id, changes={"is_archived": True},
                                     actor=editor)
    with session.begin():
        everything = {v.id for v in reference_books.list_values(session, kind="category", actor=actor)}
        current = {v.id for v in reference_books.list_values(session, kind="category", actor=actor,
                                                             include_archived=False)}
    assert {live.id, old.id} <= everything and live.id in current and old.id not in current
