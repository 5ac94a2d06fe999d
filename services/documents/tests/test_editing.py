"""Editing a card: each changed field audited and announced with its old and new value, the
fields checked against the whole card, invisible cards not found, signed ones fixed."""
import uuid

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import models


@pytest.fixture
def audit_rows(reader):
    def of(record_id, action):
        table = models.audit_log.table
        return reader(lambda s: [tuple(row) for row in s.execute(
            select(table.c.actor_id, table.c.changes)
            .where(table.c.record_id == record_id, table.c.action == action).order_by(table.c.id))])
    return of


def test_changed_fields_are_saved_audited_and_announced(service, make_document, actor, audit_rows,
                                                        outbox_events):
    document = make_document(register=False, title="Lease", amount="100.00", currency="EUR")
    counterparty_id = str(uuid.uuid4())

    updated = service.update_document(actor, str(document.id), {
        "title": "Office lease", "amount": "120.50", "valid_from": "2026-01-01", "valid_to": "2026-12-31",
        "counterparty_id": counterparty_id, "currency": "EUR"})

    assert (updated["title"], updated["amount"], updated["valid_to"]) == ("Office lease", "120.50", "2026-12-31")
    changes = {
        "title": {"from": "Lease", "to": "Office lease"}, "amount": {"from": "100.00", "to": "120.50"},
        "valid_from": {"from": None, "to": "2026-01-01"}, "valid_to": {"from": None, "to": "2026-12-31"},
        "counterparty_id": {"from": None, "to": counterparty_id}}
    assert audit_rows(document.id, "updated") == [(actor.id, changes)]
    (event,) = outbox_events("document.updated", document.id)
    assert event["changes"] == changes
    assert (event["changed_by"], event["title"]) == (str(actor.id), "Office lease")


def test_nothing_changed_writes_nothing(service, make_document, actor, audit_rows, outbox_events):
    document = make_document(register=False, title="Lease")

    service.update_document(actor, str(document.id), {"title": "Lease"})

    assert audit_rows(document.id, "updated") == []
    assert outbox_events("document.updated", document.id) == []


@pytest.mark.parametrize("changes, field", [
    ({"amount": "10"}, "currency"),
    ({"valid_from": "2026-05-01"}, "valid_to"),
    ({"title": "  "}, "title"),
    ({"status": "signed"}, "status"),
    ({"currency": "euro"}, "currency"),
    ({"document_date": "yesterday"}, "document_date"),
])
def test_bad_changes_name_the_field_and_change_nothing(service, make_document, actor, reader, changes, field):
    document = make_document(register=False, valid_to="2026-04-01")

    with pytest.raises(InvalidInput) as raised:
        service.update_document(actor, str(document.id), changes)

    assert field in raised.value.args[0]
    stored = reader(lambda s: s.get(models.Document, document.id))
    assert (stored.amount, stored.valid_from, stored.title, stored.status) == (None, None, "Supply contract", "draft")


def test_an_invisible_or_missing_document_is_not_found(service, make_document):
    document = make_document(register=False)
    stranger = Actor(id=uuid.uuid4(), roles=["employee"])

    for document_id in (document.id, uuid.uuid4()):
        with pytest.raises(NotFound):
            service.update_document(stranger, str(document_id), {"title": "Mine now"})


@pytest.mark.parametrize("path", [["signed"], ["signed", "in_execution"], ["archived"]])
def test_a_signed_card_can_only_be_superseded(service, make_document, change_status, actor, audit_rows, path):
    document = make_document(register=False)
    for status in path:
        change_status(document, status)

    with pytest.raises(Conflict) as raised:
        service.update_document(actor, str(document.id), {"title": "Rewritten"})

    assert "annex or a new version" in raised.value.args[0]
    assert audit_rows(document.id, "updated") == []
