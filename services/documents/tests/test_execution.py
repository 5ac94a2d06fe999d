"""Contract execution: milestones closed by signed completion acts, planned and actual payments,
the settlement per currency, what is overdue (on the card and across contracts), every
change audited and announced, refusals that name the field."""
import threading
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, NotFound
from documents import events, execution, life_cycle, models


def day(offset):
    return (datetime.now(timezone.utc).date() + timedelta(days=offset)).isoformat()


# The fixtures give ids: the session's objects expire with each call of the service.

@pytest.fixture
def contract(make_document):
    def make(**fields):
        return make_document(type_code="contract", register=False, amount="1000000.00", currency="RUB", **fields).id
    return make


@pytest.fixture
def child(make_document):
    def make(parent_id, type_code="completion_act", amount="400000.00", **fields):
        return make_document(type_code=type_code, register=False, parent_id=str(parent_id), amount=amount,
                             currency="RUB", **fields).id
    return make


@pytest.fixture
def change_status(session, actor):
    def change(document_id, to_status):
        with session.begin():
            life_cycle.change_status(session, document_id=document_id, to_status=to_status, actor=actor)
    return change


def test_a_contract_settles_by_its_signed_acts_and_the_payments_made(service, actor, contract, child,
                                                                     change_status, outbox_events, reader):
    document = contract(title="Construction of block A")
    first = service.add_milestone(actor, str(document), {"title": "Foundation", "due_on": day(-10),
                                                             "amount": "400000"})
    service.add_milestone(actor, str(document), {"title": "Walls", "due_on": day(30), "amount": "600000"})
    foundation = first["milestones"][0]
    assert (foundation["status"], foundation["days_overdue"], foundation["currency"]) == ("overdue", 10, "RUB")

    act = child(document)
    linked = service.update_milestone(actor, foundation["id"], {"act_id": str(act)})
    assert linked["milestones"][0]["status"] == "overdue"  # the act is not signed yet
    assert [(a["id"], a["milestone_id"]) for a in linked["acts"]] == [(str(act), foundation["id"])]
    change_status(act, "signed")

    service.add_payment(actor, str(document), {"kind": "planned", "on": day(-5), "amount": "500000"})
    service.add_payment(actor, str(document), {"kind": "planned", "on": day(20), "amount": "500000"})
    done = service.add_payment(actor, str(document), {"kind": "actual", "on": day(-1), "amount": "300000.00",
                                                         "reference": "p/o 118"})

    assert [(m["title"], m["status"]) for m in done["milestones"]] == [("Foundation", "done"), ("Walls", "planned")]
    assert done["milestones"][0]["completed_on"] == day(0)  # its act's signing
    assert [(p["kind"], p["status"], p["covered"]) for p in done["payments"]] == [
        ("planned", "overdue", "300000.00"), ("planned", "due", "0.00"), ("actual", "recorded", None)]
    assert done["totals"] == [{"currency": "RUB", "contract_amount": "1000000.00", "accrued": "400000.00",
                               "paid": "300000.00", "balance": "100000.00", "planned_to_date": "500000.00",
                               "overdue_amount": "200000.00", "remaining": "600000.00"}]
    assert (done["we_are"], done["overdue"]) == ("supplier", {"milestones": 0, "payments": 1})

    recorded = outbox_events(events.CONTRACT_PAYMENT_RECORDED, document)
    assert [(e["kind"], e["amount"]) for e in recorded] == [
        ("planned", "500000.00"), ("planned", "500000.00"), ("actual", "300000.00")]
    assert recorded[-1]["settlement"][0]["balance"] == "100000.00"
    changed = outbox_events(events.CONTRACT_MILESTONE_CHANGED, document)
    assert [(e["change"], e["milestone_status"], e["changed_by"]) for e in changed] == [
        ("added", "overdue", str(actor.id)), ("added", "planned", str(actor.id)),
        ("updated", "overdue", str(actor.id)), ("updated", "done", str(actor.id))]
    assert changed[2]["changes"] == {"act_id": {"from": None, "to": str(act)}}
    assert (changed[3]["changes"], changed[3]["completed_on"]) == ({"act_status": {"from": None, "to": "signed"}},
                                                                   day(0))
    assert [(o["on"], o["outstanding"]) for o in recorded[-1]["open_planned"]] == [
        (day(-5), "200000.00"), (day(20), "500000.00")]
    table = models.audit_log.table
    actions = reader(lambda s: s.scalars(select(table.c.action).where(
        table.c.record_id == document).order_by(table.c.id)).all())
    assert actions == ["created", "milestone_added", "milestone_added", "milestone_changed",
                       "payment_added", "payment_added", "payment_added"]


def test_payments_cover_the_schedule_oldest_first_and_a_cancelled_one_leaves_the_totals(service, actor, contract):
    document = contract()
    for on, amount in ((day(-20), "100"), (day(-10), "200"), (day(-1), "300")):
        service.add_payment(actor, str(document), {"kind": "planned", "on": on, "amount": amount})
    service.add_payment(actor, str(document), {"kind": "actual", "on": day(-15), "amount": "250"})
    wrong = service.add_payment(actor, str(document), {"kind": "actual", "on": day(-2), "amount": "350"})
    assert [p["status"] for p in wrong["payments"]] == ["paid", "paid", "paid", "recorded", "recorded"]

    mistaken = wrong["payments"][-1]["id"]
    after = service.cancel_payment(actor, mistaken, {"reason": "  booked twice  "})

    assert [(p["status"], p["covered"]) for p in after["payments"][:3]] == [
        ("paid", "100.00"), ("overdue", "150.00"), ("overdue", "0.00")]
    cancelled = after["payments"][-1]
    assert (cancelled["status"], cancelled["cancel_reason"], cancelled["cancelled_by"]) == (
        "cancelled", "booked twice", str(actor.id))
    assert (after["totals"][0]["paid"], after["totals"][0]["overdue_amount"]) == ("250.00", "350.00")
    with pytest.raises(Conflict, match="already cancelled"):
        service.cancel_payment(actor, mistaken, {"reason": "again"})


def test_the_overdue_list_agrees_with_the_cards_and_shows_only_what_the_employee_sees(
        service, actor, contract, session):
    mine, other = contract(title="Mine"), contract(title="Theirs", by=Actor(id=uuid.uuid4(), roles=["manager"]))
    service.add_milestone(actor, str(mine), {"title": "Design", "due_on": day(-3)})
    service.add_milestone(actor, str(mine), {"title": "Handover", "due_on": day(-4)})
    handover = service.get_execution(actor, str(mine))["milestones"][0]
    service.update_milestone(actor, handover["id"], {"completed_on": day(-1)})
    service.add_payment(actor, str(mine), {"kind": "planned", "on": day(-7), "amount": "1000"})
    service.add_payment(actor, str(mine), {"kind": "planned", "on": day(-6), "amount": "500", "currency": "EUR"})
    service.add_payment(actor, str(mine), {"kind": "actual", "on": day(-1), "amount": "400"})

    items = service.execution_overdue(actor, {"counterparty_id": None})["items"]
    ours = [i for i in items if i["document_id"] == str(mine)]
    assert [(i["kind"], i["title"], i["outstanding"], i["currency"], i["days_overdue"]) for i in ours] == [
        ("payment", None, "600.00", "RUB", 7), ("payment", None, "500.00", "EUR", 6),
        ("milestone", "Design", None, None, 3)]
    assert str(other) not in {i["document_id"] for i in items}
    card = service.get_execution(actor, str(mine))
    assert card["overdue"] == {"milestones": 1, "payments": 2}
    assert {t["currency"]: t["overdue_amount"] for t in card["totals"]} == {"RUB": "600.00", "EUR": "500.00"}
    admin = Actor(id=uuid.uuid4(), roles=["administrator"])
    service.add_milestone(admin, str(other), {"title": "Late", "due_on": day(-1)})
    assert str(other) in {i["document_id"] for i in service.execution_overdue(admin, {"limit": 500})["items"]}
    assert service.execution_overdue(actor, {"responsible_id": str(uuid.uuid4())}) == {"items": [], "total": 0}
    assert service.execution_overdue(actor, {"department_id": str(uuid.uuid4())}) == {"items": [], "total": 0}


def test_an_act_closes_one_milestone_of_its_own_contract(service, actor, contract, child, change_status):
    document, elsewhere = contract(), contract()
    two = [service.add_milestone(actor, str(document), {"title": t, "due_on": day(5)})["milestones"][-1]
           for t in ("Stage 1", "Stage 2")]
    act, foreign = child(document), child(elsewhere)
    annex = child(document, type_code="annex", amount=None)
    annex_act = child(annex, amount="50000.00")
    change_status(annex_act, "signed")

    with pytest.raises(InvalidInput) as refused:
        service.update_milestone(actor, two[0]["id"], {"act_id": str(foreign)})
    assert "act_id" in refused.value.details
    service.update_milestone(actor, two[0]["id"], {"act_id": str(act)})
    with pytest.raises(Conflict, match="Stage 1"):
        service.update_milestone(actor, two[1]["id"], {"act_id": str(act)})
    pending = service.update_milestone(actor, two[1]["id"], {"act_id": str(annex_act)})
    assert [m["status"] for m in pending["milestones"]] == ["act_pending", "done"]
    assert pending["totals"][0]["accrued"] == "50000.00"  # an annex's signed act counts; the unsigned one not
    change_status(act, "signed")
    change_status(act, "terminated")
    assert service.get_execution(actor, str(document))["milestones"][0]["status"] == "act_pending"


@pytest.mark.parametrize("payload, field", [
    ({"kind": "actual", "on": day(0), "amount": "0"}, "amount"),
    ({"kind": "actual", "on": day(0), "amount": "-5"}, "amount"),
    ({"kind": "actual", "on": day(0), "amount": "NaN"}, "amount"),
    ({"kind": "actual", "on": day(3), "amount": "10"}, "on"),
    ({"kind": "gift", "on": day(0), "amount": "10"}, "kind"),
    ({"kind": "planned", "on": "31.12.2026", "amount": "10"}, "on"),
    ({"kind": "planned", "on": day(1), "amount": "10", "currency": "rub"}, "currency"),
    ({"kind": "planned", "on": day(1), "amount": "10", "invoice_id": str(uuid.uuid4())}, "invoice_id"),
])
def test_a_bad_payment_is_refused_naming_the_field_and_nothing_is_stored(service, actor, contract, payload, field):
    document = contract()
    with pytest.raises(InvalidInput) as refused:
        service.add_payment(actor, str(document), payload)
    assert field in refused.value.details, refused.value.details
    assert service.get_execution(actor, str(document))["payments"] == []


def test_money_needs_a_currency_from_the_contract_or_given(service, actor, make_document):
    bare = make_document(type_code="contract", register=False).id
    with pytest.raises(InvalidInput) as refused:
        service.add_milestone(actor, str(bare), {"title": "Stage", "due_on": day(1), "amount": "10"})
    assert "currency" in refused.value.details
    made = service.add_payment(actor, str(bare), {"kind": "planned", "on": day(1), "amount": "10",
                                                     "currency": "USD"})
    assert made["totals"] == [{"currency": "USD", "contract_amount": None, "accrued": "0.00", "paid": "0.00",
                               "balance": "0.00", "planned_to_date": "0.00", "overdue_amount": "0.00",
                               "remaining": None}]


def test_only_contracts_have_an_execution_and_archived_ones_do_not_change(service, actor, contract, make_document,
                                                                          change_status):
    memo = make_document(register=False).id
    with pytest.raises(InvalidInput) as refused:
        service.get_execution(actor, str(memo))
    assert "contracts" in refused.value.details["document_id"][0]
    document = contract()
    milestone = service.add_milestone(actor, str(document), {"title": "Stage", "due_on": day(1)})["milestones"][0]
    change_status(document, "archived")
    with pytest.raises(Conflict, match="archived"):
        service.add_payment(actor, str(document), {"kind": "actual", "on": day(0), "amount": "1"})
    with pytest.raises(Conflict, match="archived"):
        service.remove_milestone(actor, milestone["id"])
    stranger = Actor(id=uuid.uuid4(), roles=["manager"])
    with pytest.raises(NotFound):
        service.get_execution(stranger, str(document))


def test_milestones_move_are_done_by_hand_reopened_and_removed(service, actor, contract, outbox_events):
    document = contract()
    made = service.add_milestone(actor, str(document), {"title": " Survey ", "due_on": day(2), "amount": "10"})
    milestone = made["milestones"][0]
    assert milestone["title"] == "Survey"
    with pytest.raises(InvalidInput) as refused:
        service.update_milestone(actor, milestone["id"], {"completed_on": day(1)})
    assert "completed_on" in refused.value.details
    with pytest.raises(InvalidInput) as refused:
        service.update_milestone(actor, milestone["id"], {"title": "   "})
    assert "title" in refused.value.details
    done = service.update_milestone(actor, milestone["id"], {"completed_on": day(0), "due_on": day(-1)})
    assert (done["milestones"][0]["status"], done["milestones"][0]["completed_on"]) == ("done", day(0))
    reopened = service.update_milestone(actor, milestone["id"], {"completed_on": None})
    assert reopened["milestones"][0]["status"] == "overdue"
    dropped = service.update_milestone(actor, milestone["id"], {"amount": None})
    assert (dropped["milestones"][0]["amount"], dropped["milestones"][0]["currency"]) == (None, None)
    assert service.remove_milestone(actor, milestone["id"])["milestones"] == []
    with pytest.raises(NotFound):
        service.update_milestone(actor, milestone["id"], {"title": "Back"})
    assert [e["change"] for e in outbox_events(events.CONTRACT_MILESTONE_CHANGED, document)] == [
        "added", "updated", "updated", "updated", "removed"]


def test_who_we_are_is_kept_and_audited(service, actor, contract):
    document = contract()
    assert service.get_execution(actor, str(document))["we_are"] == "supplier"
    assert service.set_execution_terms(actor, str(document), {"we_are": "customer"})["we_are"] == "customer"
    with pytest.raises(InvalidInput) as refused:
        service.set_execution_terms(actor, str(document), {"we_are": "partner"})
    assert "we_are" in refused.value.details


def test_payments_recorded_at_the_same_moment_all_count(Session, contract, actor):
    document = contract()
    go = threading.Barrier(4)

    def pay():
        with Session() as session:
            go.wait()
            with session.begin():
                execution.add_payment(session, document_id=document, actor=actor, kind="actual",
                                      on=datetime.now(timezone.utc).date(), amount=Decimal("25.00"))

    threads = [threading.Thread(target=pay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with Session() as session:
        assert execution.get_execution(session, document_id=document, actor=actor)["totals"][0]["paid"] == (
            Decimal("100.00"))
