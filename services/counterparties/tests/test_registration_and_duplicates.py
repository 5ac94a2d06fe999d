"""Registering documents across departments, and exact tax-id duplicates made only on purpose."""
import dataclasses
import uuid

import pytest

from chancery_common.errors import Conflict, PermissionDenied
from counterparties import registration

INN = "7707083893"  # a valid organisation INN (Sberbank)


def test_an_exact_tax_id_duplicate_needs_an_explicit_yes(make_counterparty, make_actor):
    manager, other = make_actor(department_id=uuid.uuid4()), make_actor(department_id=uuid.uuid4())
    first = make_counterparty(by=manager, name="Sber one", tax_id=INN, kpp="773601001").id  # (a refusal expires it)
    with pytest.raises(Conflict) as seen:
        make_counterparty(by=manager, name="Sber again", tax_id=INN, kpp="773601001")
    assert str(first) in seen.value.message and seen.value.details["existing_id"] == str(first)
    with pytest.raises(Conflict) as hidden:  # one the asker does not see is not named
        make_counterparty(by=other, name="Sber elsewhere", tax_id=INN, kpp="773601001")
    assert str(first) not in hidden.value.message and "existing_id" not in hidden.value.details
    branch = make_counterparty(by=manager, name="Sber branch", tax_id=INN, kpp="773602002").id  # its own KPP
    again = make_counterparty(by=manager, name="Sber again", tax_id=INN, kpp="773601001", allow_duplicate=True).id
    assert len({first, branch, again}) == 3


def test_a_registrar_finds_any_counterparty_by_name_or_tax_id_and_sees_only_that(
        session, make_counterparty, make_actor):
    owner = make_actor(department_id=uuid.uuid4())
    kept = make_counterparty(by=owner, name=f"Vostok {uuid.uuid4().hex[:6]}", tax_id="500100732259",
                             kind="individual", phone="+7 495 123-45-67")
    secretary = make_actor("secretary", department_id=uuid.uuid4(), permissions=["register_documents"])
    by_name = registration.choices(session, actor=secretary, search=kept.name[:9])
    by_tax_id = registration.choices(session, actor=secretary, search="500100732259")
    assert [c["id"] for c in by_name] == [kept.id] == [c["id"] for c in by_tax_id]
    assert set(by_name[0]) == {"id", "name", "short_name", "tax_id", "card_visible"}
    assert by_name[0]["card_visible"] is False
    registrar_owner = dataclasses.replace(owner, permissions=["register_documents"])
    assert registration.choices(session, actor=registrar_owner, ids=[kept.id])[0]["card_visible"] is True
    with pytest.raises(PermissionDenied):
        registration.choices(session, actor=make_actor("manager", department_id=uuid.uuid4()), search="Vostok")
