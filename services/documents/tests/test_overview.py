"""The service's part of the unified counterparty view (documents/overview.py) answers what
the single calls answer: list_documents, paper_copies, completeness_of and get_execution
(in brief), for whoever asks; and which of the counterparty's documents the asker sees (as
``visible_ids`` answers of them)."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from chancery_common.actor import Actor
from documents import models

COLLEAGUE = uuid.uuid4()


def single_calls(service, actor, counterparty_id, session):
    """What the single calls answer, each document's type in brief as the view gives it."""
    documents = service.list_documents(actor, {"counterparty_id": counterparty_id, "limit": 200})
    for document in documents["items"]:
        document["type"] = {key: document["type"][key] for key in ("id", "code", "name", "kind")}
    contracts = [d["id"] for d in documents["items"] if d["type"]["kind"] == "contract"][:30]
    executions = {}
    for contract_id in contracts:
        execution = service.get_execution(actor, contract_id)
        if execution["milestones"] or execution["payments"]:
            upcoming = next((m for m in execution["milestones"] if m["status"] != "done"), None)
            executions[contract_id] = {
                "we_are": execution["we_are"], "overdue": execution["overdue"], "totals": execution["totals"],
                "next_milestone": upcoming and {key: upcoming[key] for key in (
                    "id", "title", "due_on", "status", "days_overdue")}}
    return {"documents": documents,
            "paper_copies": service.paper_copies(actor, {"counterparty_id": counterparty_id, "limit": 100}),
            "completeness": service.completeness_of(actor, contracts) if contracts else {},
            "execution": executions,
            "records_seen": records_seen(service, actor, counterparty_id, session)}


def records_seen(service, actor, counterparty_id, session):
    """Which of every document of the counterparty ``visible_ids`` lets the actor see."""
    every = [str(i) for i in session.scalars(select(models.Document.id).where(
        models.Document.counterparty_id == counterparty_id))]
    session.rollback()
    visible = service.visible_ids(actor, {"ids": every})["ids"]
    return {"visible": visible, "hidden": sorted(set(every) - set(visible)), "complete": True}


@pytest.fixture
def counterparty_documents(service, make_document, upload, attach, actor, session):
    """A counterparty's contract with stages, an annex, an act and an invoice under it, a file,
    a second contract, a memo with extra values, paper copies (one handed out); and another
    counterparty's document."""
    counterparty_id = str(uuid.uuid4())
    contract = make_document("contract", counterparty_id=counterparty_id, extra={"stages": 2},
                             amount="1200.50", currency="EUR")
    for kind, amount in (("annex", "10.00"), ("completion_act", "0.05"), ("invoice", "99999999.99")):
        make_document(kind, counterparty_id=counterparty_id, parent_id=str(contract.id), amount=amount,
                      currency="RUB", document_date="2026-02-28", valid_from="2026-03-01", valid_to="2027-12-31",
                      legal_entity_id=str(uuid.uuid4()), title=f"{kind} «№ 1» \"quoted\" \\ ∑")
    make_document("contract", counterparty_id=counterparty_id)
    memo_id = str(make_document(counterparty_id=counterparty_id, register=False).id)
    attach(contract, upload(contract, b"plain words of the contract\n" * 10), filename="contract.txt")
    contract_id = str(contract.id)
    session.rollback()  # service calls end with a rollback, which expires the objects read before
    original = service.add_paper_copy(actor, contract_id, {"kind": "original", "location": "Archive"})
    service.add_paper_copy(actor, memo_id, {"kind": "copy", "location": "Room 12"})
    due = (datetime.now(timezone.utc).date() + timedelta(days=3)).isoformat()
    service.move_paper_copy(actor, original["id"], {"to_holder": str(COLLEAGUE), "reason": "to sign",
                                                    "expected_return_on": due})
    service.add_milestone(actor, contract_id, {"title": "Design", "due_on": due, "amount": "100.00"})
    service.add_milestone(actor, contract_id, {"title": "Survey", "due_on": "2026-01-15"})
    service.add_payment(actor, contract_id, {"kind": "planned", "on": "2026-02-01", "amount": "600.25"})
    make_document("contract", counterparty_id=str(uuid.uuid4()))
    return counterparty_id


@pytest.mark.parametrize("who", ["author", "overseer", "stranger"])
def test_the_overview_part_equals_the_single_calls(service, counterparty_documents, actor, who, session):
    viewer = {"author": actor, "overseer": Actor(id=uuid.uuid4(), roles=["administrator"]),
              "stranger": Actor(id=uuid.uuid4(), roles=["employee"])}[who]

    part = service.overview_part(viewer, counterparty_documents)

    part["records_seen"] = {key: sorted(value) if key != "complete" else value
                            for key, value in part["records_seen"].items()}
    expected = single_calls(service, viewer, counterparty_documents, session)
    expected["records_seen"]["visible"].sort()
    assert part == expected
    assert len(part["records_seen"]["visible"] + part["records_seen"]["hidden"]) == 6
    shown = {"author": 6, "overseer": 6, "stranger": 0}[who]
    assert (part["documents"]["total"], len(part["documents"]["items"])) == (shown, shown)
    if shown:
        assert part["paper_copies"]["total"] == 2
        assert [len(c["movements"]) for c in part["paper_copies"]["items"]] == [1, 0]  # the one out first
        assert sum(d["file_count"] for d in part["documents"]["items"]) == 1
        assert sorted(r["stages"] for r in part["completeness"].values()) == [1, 2]
        [execution] = part["execution"].values()
        assert (execution["overdue"], execution["next_milestone"]["title"]) == (
            {"milestones": 1, "payments": 1}, "Survey")
        assert execution["totals"][0]["overdue_amount"] == "600.25"


def test_a_page_of_the_view_holds_the_newest_200_and_counts_them_all(service, make_document, actor,
                                                                    monkeypatch):
    from documents import overview

    monkeypatch.setattr(overview, "DOCUMENTS", 3)
    counterparty_id = str(uuid.uuid4())
    made = [make_document(counterparty_id=counterparty_id, register=False) for _ in range(5)]

    part = service.overview_part(actor, counterparty_id)

    assert part["documents"]["total"] == 5
    assert [d["id"] for d in part["documents"]["items"]] == [str(d.id) for d in reversed(made[-3:])]
    assert sorted(part["records_seen"]["visible"]) == sorted(str(d.id) for d in made)  # all of them


def test_past_the_records_it_tells_of_the_part_says_its_list_is_not_complete(service, make_document, actor,
                                                                             monkeypatch):
    from chancery_common import visibility

    monkeypatch.setattr(visibility, "MAX_SEEN", 2)
    counterparty_id = str(uuid.uuid4())
    made = {str(make_document(counterparty_id=counterparty_id, register=False).id) for _ in range(3)}

    seen = service.overview_part(actor, counterparty_id)["records_seen"]

    assert (len(seen["visible"]), seen["hidden"], seen["complete"]) == (2, [], False)
    assert set(seen["visible"]) < made


def test_a_type_changed_or_added_shows_at_once(service, make_document, actor, session, make_journal_type):
    """The process keeps the types (type_cache.py) only while no type or journal changes."""
    counterparty_id = str(uuid.uuid4())
    memo = make_document(counterparty_id=counterparty_id, register=False)
    memo_type_id, memo_type_name = memo.type_id, memo.type.name
    session.rollback()
    assert service.overview_part(actor, counterparty_id)["documents"]["items"][0]["type"]["name"] == memo_type_name

    try:
        with session.begin():
            session.execute(update(models.DocumentType).where(models.DocumentType.id == memo_type_id)
                            .values(name="Memo (renamed)"))
        [shown] = service.overview_part(actor, counterparty_id)["documents"]["items"]
        assert shown["type"]["name"] == "Memo (renamed)"

        new_type = make_journal_type()  # a journal and a type made after the copy was taken
        make_document(type_id=new_type.id, counterparty_id=counterparty_id, register=False)
        session.rollback()
        names = [d["type"]["name"] for d in service.overview_part(actor, counterparty_id)["documents"]["items"]]
        assert names == [new_type.name, "Memo (renamed)"]
        listed = single_calls(service, actor, counterparty_id, session)["documents"]["items"]
        assert names == [d["type"]["name"] for d in listed]
    finally:
        with session.begin():
            session.execute(update(models.DocumentType).where(models.DocumentType.id == memo_type_id)
                            .values(name=memo_type_name))
