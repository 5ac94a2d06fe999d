"""Document types and journals configured by employees: extra fields checked on every card,
a changed type never breaking documents made before, number patterns, annexes numbered
within their contract, even under concurrency."""
import threading
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, PermissionDenied, load
from documents import configuration, events, logic, models, schemas


@pytest.fixture
def configurer():
    return Actor(id=uuid.uuid4(), roles=["lawyer"], full_name="Type Keeper",
                 permissions=["configure_document_types", "register_documents"])


@pytest.fixture
def make_type(session, configurer):
    def make(**data):
        payload = {"code": f"t_{uuid.uuid4().hex[:8]}", "name": "Lease", "kind": "contract", **data}
        with session.begin():
            return configuration.create_type(session, data=load(schemas.NewDocumentTypeSchema(), payload),
                                             actor=configurer)
    return make


@pytest.fixture
def change_type(session, configurer):
    def change(doc_type, **changes):
        with session.begin():
            return configuration.update_type(session, type_id=doc_type.id, actor=configurer,
                                             changes=load(schemas.DocumentTypeChangesSchema(), changes))
    return change


@pytest.fixture
def make_journal(session, configurer):
    def make(**data):
        payload = {"code": f"J{uuid.uuid4().hex[:6]}", "name": "Leases", **data}
        with session.begin():
            return configuration.create_journal(session, data=load(schemas.NewJournalSchema(), payload),
                                                actor=configurer)
    return make


LEASE_FIELDS = [
    {"code": "payment_due", "label": "Payment due", "kind": "date", "required": True},
    {"code": "area", "label": "Area, m²", "kind": "number"},
    {"code": "deposit", "label": "Deposit", "kind": "money"},
    {"code": "region", "label": "Region", "kind": "reference", "reference_book": "regions"},
]


def test_only_those_allowed_configure_types(session, actor):
    with pytest.raises(PermissionDenied), session.begin():
        configuration.create_type(session, data={"code": "x", "name": "X", "kind": "letter"}, actor=actor)


def test_a_configured_type_checks_its_extra_fields_and_announces_its_dates(make_type, make_document, outbox_events):
    lease = make_type(fields=LEASE_FIELDS)

    document = make_document(type_id=lease.id, extra={"payment_due": "2026-03-01", "area": "120,5",
                                                      "deposit": 1000, "region": "North"})

    assert document.extra == {"payment_due": "2026-03-01", "area": 120.5, "deposit": "1000.00", "region": "North"}
    [created] = outbox_events(events.DOCUMENT_CREATED, document.id)
    assert created["dates"] == {"document_date": None, "signing_date": None, "valid_from": None,
                                "valid_until": None, "payment_due": "2026-03-01"}
    assert (created["document_type_id"], created["status"]) == (str(lease.id), "draft")


@pytest.mark.parametrize("extra, field, message", [
    ({}, "extra.payment_due", "This field is required."),
    ({"payment_due": "soon"}, "extra.payment_due", "Must be a date (YYYY-MM-DD)."),
    ({"payment_due": "2026-03-01", "area": "big"}, "extra.area", "Must be a number."),
    ({"payment_due": "2026-03-01", "colour": "red"}, "extra.colour", None),
])
def test_a_wrong_extra_field_is_invalid_input_naming_it(make_type, make_document, extra, field, message):
    lease = make_type(fields=LEASE_FIELDS)

    with pytest.raises(InvalidInput) as refused:
        make_document(type_id=lease.id, extra=extra)

    assert list(refused.value.details) == [field]
    if message:
        assert refused.value.details[field] == [message]


def test_changing_a_type_never_breaks_documents_made_with_it(make_type, change_type, make_document, session, actor,
                                                            reader):
    lease = make_type(fields=LEASE_FIELDS[1:])
    old = make_document(type_id=lease.id, extra={"area": 50})

    # the area field dropped, a required field added
    lease = change_type(lease, fields=[LEASE_FIELDS[0], *LEASE_FIELDS[2:]])

    lease_id, old_id = lease.id, old.id
    kept = {f["code"]: f for f in lease.fields}
    assert kept["area"]["retired"] is True
    shown = {f["code"]: f["value"] for f in schemas.shown_fields(lease, old.extra)}
    assert shown["area"] == 50  # the old card still shows its value
    with session.begin():  # an edit that does not touch the new required field is fine
        logic.update_document(session, document_id=old_id, changes={"title": "Lease of the warehouse"}, actor=actor)
    with pytest.raises(InvalidInput) as refused, session.begin():
        logic.update_document(session, document_id=old_id, changes={"extra": {"payment_due": None}}, actor=actor)
    assert list(refused.value.details) == ["extra.payment_due"]
    with pytest.raises(InvalidInput) as refused:  # a new document must fill it
        make_document(type_id=lease_id)
    assert list(refused.value.details) == ["extra.payment_due"]
    with pytest.raises(InvalidInput):  # and may not use the retired field
        make_document(type_id=lease_id, extra={"payment_due": "2026-01-01", "area": 5})
    with session.begin():
        lease = session.get(models.DocumentType, lease_id)
    with pytest.raises(InvalidInput) as refused:
        change_type(lease, fields=[{**LEASE_FIELDS[0], "kind": "text"}])
    assert "fields" in refused.value.details
    assert reader(lambda s: s.get(models.Document, old_id).extra) == {"area": 50}


def test_an_extra_field_edit_is_in_the_history_and_the_event(make_type, make_document, session, actor, outbox_events):
    lease = make_type(fields=LEASE_FIELDS)
    document = make_document(type_id=lease.id, extra={"payment_due": "2026-03-01"})

    with session.begin():
        logic.update_document(session, document_id=document.id, actor=actor,
                              changes={"extra": {"payment_due": "2026-04-01", "area": 10}})

    [updated] = outbox_events(events.DOCUMENT_UPDATED, document.id)
    assert updated["changes"] == {"extra.payment_due": {"from": "2026-03-01", "to": "2026-04-01"},
                                  "extra.area": {"from": None, "to": "10"}}
    assert updated["dates"]["payment_due"] == "2026-04-01"


def test_allowed_children_are_enforced(make_type, make_document, document_type):
    invoice = document_type("invoice")
    lease = make_type(allowed_child_type_ids=[str(invoice.id)])
    parent = make_document(type_id=lease.id, register=False)

    make_document("invoice", parent_id=str(parent.id))
    with pytest.raises(InvalidInput) as refused:
        make_document("memo", parent_id=str(parent.id), register=False)
    assert list(refused.value.details) == ["parent_id"]


def test_default_responsible_and_department_come_from_the_type(make_type, make_document):
    keeper, department = uuid.uuid4(), uuid.uuid4()
    lease = make_type(default_responsible_ids=[str(keeper)], department_id=str(department))

    document = make_document(type_id=lease.id)

    assert (document.responsible_id, document.department_id) == (keeper, department)


@pytest.mark.parametrize("pattern", ["{prefix}-{year}", "{prefix}-{seq}-{colour}", "{parent_number}-A",
                                     "{prefix}-{seq}}"])
def test_a_bad_pattern_is_invalid_input(make_journal, pattern):
    with pytest.raises(InvalidInput) as refused:
        make_journal(number_pattern=pattern)
    assert list(refused.value.details) == ["number_pattern"]


def test_a_user_journal_numbers_by_its_pattern(make_journal, make_type, make_document, this_year):
    journal = make_journal(prefix="LS", number_pattern="{prefix}/{department}/{yy}-{seq:04d}")
    lease = make_type(journal_id=str(journal.id), department_code="FIN")

    numbers = [make_document(type_id=lease.id).number for _ in range(3)]

    assert numbers == [f"LS/FIN/{this_year % 100:02d}-{n:04d}" for n in (1, 2, 3)]


def test_annexes_are_numbered_within_their_contract(document_type, make_document, session):
    contract = make_document("contract")
    other = make_document("contract")

    annexes = [make_document("annex", parent_id=str(contract.id)) for _ in range(3)]
    other_annex = make_document("annex", parent_id=str(other.id))

    assert [a.number for a in annexes] == [f"{contract.number}-A{n}" for n in (1, 2, 3)]
    assert other_annex.number == f"{other.number}-A1"
    with pytest.raises(Conflict) as refused:  # an annex without a contract gets no number
        make_document("annex")
    assert "parent_id" in refused.value.details


def test_concurrent_annexes_of_one_contract_get_gap_free_numbers(Session, make_document, document_type, actor):
    contract = make_document("contract")
    annex_type = document_type("annex")
    threads_count, per_thread = 5, 3
    start, failures = threading.Barrier(threads_count), []

    def register_some():
        with Session() as own:
            start.wait()
            for _ in range(per_thread):
                try:
                    with own.begin():
                        logic.create_document(own, actor=actor, data={
                            "type_id": annex_type.id, "title": "Annex", "parent_id": contract.id})
                except Exception as exc:
                    failures.append(exc)

    threads = [threading.Thread(target=register_some) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert failures == []
    with Session() as s:
        numbers = s.scalars(select(models.Registration.number).where(
            models.Registration.parent_id == contract.id).order_by(models.Registration.sequence)).all()
    assert numbers == [f"{contract.number}-A{n}" for n in range(1, threads_count * per_thread + 1)]


def test_a_journal_cannot_switch_numbering_scope_once_used(make_journal, make_type, make_document, session,
                                                          configurer):
    journal = make_journal(prefix="Q")
    make_document(type_id=make_type(journal_id=str(journal.id)).id)

    with pytest.raises(Conflict), session.begin():
        configuration.update_journal(session, journal_id=journal.id, actor=configurer,
                                     changes={"number_pattern": "{parent_number}-{child_seq}"})
    with session.begin():
        changed = configuration.update_journal(session, journal_id=journal.id, actor=configurer,
                                               changes={"number_pattern": "{prefix}{seq}"})
    assert changed.number_pattern == "{prefix}{seq}"
