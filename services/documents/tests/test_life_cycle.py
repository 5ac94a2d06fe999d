"""A document card's life cycle: allowed steps are recorded and announced, others refused."""
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import events, life_cycle, logic, models

PATH = ["on_approval", "approved", "signed", "in_execution", "completed", "archived"]


def status_changes(reader, document_id):
    return reader(lambda s: [(c.from_status, c.to_status, c.reason) for c in s.scalars(
        select(models.StatusChange).where(models.StatusChange.document_id == document_id)
        .order_by(models.StatusChange.changed_at))])


def test_a_new_document_is_a_draft_created_by_its_author(make_document, actor, reader, outbox_events):
    document = make_document(amount="1500000.50", currency="RUB")

    assert (document.status, document.created_by, document.responsible_id) == ("draft", actor.id, actor.id)
    assert status_changes(reader, document.id) == [(None, "draft", "created")]
    [created] = outbox_events(events.DOCUMENT_CREATED, document.id)
    assert (created["status"], created["amount"], created["currency"], created["type_code"]) == (
        "draft", "1500000.50", "RUB", "memo")
    assert reader(lambda s: s.get(models.Document, document.id).amount) == Decimal("1500000.50")


def test_an_unknown_type_is_invalid_input_naming_type_id(make_document):
    with pytest.raises(InvalidInput) as refused:
        make_document(type_id=uuid.uuid4())

    assert refused.value.details == {"type_id": ["Unknown document type."]}


def test_an_unknown_parent_is_invalid_input_naming_parent_id(make_document):
    with pytest.raises(InvalidInput) as refused:
        make_document(parent_id=str(uuid.uuid4()))

    assert set(refused.value.details) == {"parent_id"}


def test_every_allowed_step_is_recorded_and_announced(make_document, change_status, actor, reader, outbox_events):
    document = make_document()

    for status in PATH:
        change_status(document, status, reason=f"to {status}")

    steps = list(zip(["draft", *PATH[:-1]], PATH, strict=True))
    assert status_changes(reader, document.id)[1:] == [(old, new, f"to {new}") for old, new in steps]
    announced = outbox_events(events.DOCUMENT_STATUS_CHANGED, document.id)
    assert [(e["from_status"], e["to_status"], e["changed_by"]) for e in announced] == [
        (old, new, str(actor.id)) for old, new in steps]
    assert reader(lambda s: s.get(models.Document, document.id).status) == "archived"


@pytest.mark.parametrize("path, refused", [
    ([], "completed"),
    ([], "draft"),
    (["on_approval"], "signed"),
    (["signed"], "draft"),
    (["signed", "in_execution"], "archived"),
    (["archived"], "draft"),
])
def test_a_step_the_life_cycle_forbids_is_a_conflict_and_changes_nothing(
        make_document, change_status, reader, outbox_events, path, refused):
    document = make_document()
    for status in path:
        change_status(document, status)
    document_id, current = document.id, document.status

    with pytest.raises(Conflict) as conflict:
        change_status(document, refused)

    assert conflict.value.details == {"status": [f"not allowed from {current}"]}
    assert reader(lambda s: s.get(models.Document, document_id).status) == current
    assert len(status_changes(reader, document_id)) == len(path) + 1
    assert len(outbox_events(events.DOCUMENT_STATUS_CHANGED, document_id)) == len(path)


def test_changing_an_unknown_document_is_not_found(session, actor):
    with pytest.raises(NotFound), session.begin():
        life_cycle.change_status(session, document_id=uuid.uuid4(), to_status="signed", actor=actor)


def test_an_approval_outcome_the_life_cycle_forbids_is_skipped_not_raised(session, make_document, actor, reader):
    signed = make_document()
    with session.begin():
        life_cycle.change_status(session, document_id=signed.id, to_status="signed", actor=actor)

    with session.begin():
        applied = life_cycle.apply_approval_outcome(session, document_id=signed.id, to_status="on_approval",
                                               actor_id=actor.id, reason="approval started")

    assert applied is None
    assert reader(lambda s: s.get(models.Document, signed.id).status) == "signed"


def test_documents_are_listed_by_counterparty_and_found_by_number(session, make_document, make_journal_type,
                                                                  actor):
    counterparty_id = uuid.uuid4()
    ours = make_document(counterparty_id=str(counterparty_id))
    registered = make_document(type_id=make_journal_type().id, counterparty_id=str(counterparty_id))
    make_document()

    with session.begin():
        listed, total = logic.list_documents(session, actor=actor, counterparty_id=counterparty_id)
        found, _ = logic.list_documents(session, actor=actor, search=registered.number)
    assert {d.id for d in listed} == {ours.id, registered.id} and total == 2
    assert [d.id for d in found] == [registered.id]


def test_approval_events_arriving_out_of_order_end_in_the_right_status(session, make_document, actor, reader):
    """The outcome overtook the start: the document still goes through on approval, and the
    late start (older) changes nothing."""
    from datetime import datetime, timedelta, timezone

    document = make_document()
    started_at = datetime.now(timezone.utc)
    with session.begin():
        life_cycle.apply_approval_outcome(session, document_id=document.id, to_status="approved",
                                     actor_id=actor.id, reason="approval approved",
                                     occurred_at=started_at + timedelta(seconds=5))
    with session.begin():
        late = life_cycle.apply_approval_outcome(session, document_id=document.id, to_status="on_approval",
                                            actor_id=actor.id, reason="approval started",
                                            occurred_at=started_at)

    assert late is None
    assert reader(lambda s: s.get(models.Document, document.id).status) == "approved"
    steps = reader(lambda s: [(c.from_status, c.to_status) for c in s.get(models.Document, document.id).status_changes])
    assert steps[-2:] == [("draft", "on_approval"), ("on_approval", "approved")]
