"""The negotiation's expected deal (amount with currency, close date), the pipeline board and
the funnel: validation, history, audit and events; grouping, totals per currency, stalled
cards and who sees which card."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from chancery_common.errors import InvalidInput
from counterparties import reference_books
from counterparties.models import NegotiationNote, ReferenceValue


@pytest.fixture
def stages(session):
    """The seeded stages by code (first_contact, needs_clarified, offer_under_review...)."""
    with session.begin():
        values = session.scalars(select(ReferenceValue).where(ReferenceValue.kind == "negotiation_stage")).all()
        return {value.code: str(value.id) for value in values if value.code}


@pytest.fixture
def note(rpc, as_dict):
    def add(actor, counterparty, stage_id, text="Talked", **deal):
        return rpc.add_negotiation_note(as_dict(actor), str(counterparty.id),
                                        {"stage_id": stage_id, "text": text, **deal})
    return add


@pytest.fixture
def backdate(session):
    """``backdate(counterparty, days)``: every note of the counterparty moves ``days`` into the past."""
    def move(counterparty, days):
        with session.begin():
            session.execute(update(NegotiationNote).where(NegotiationNote.counterparty_id == counterparty.id)
                            .values(noted_at=NegotiationNote.noted_at - timedelta(days=days)))
    return move


def column(board, stage_id):
    return next(c for c in board["columns"] if c["stage"]["id"] == stage_id)


def test_bad_deals_are_refused_naming_the_field_and_nothing_is_written(
        rpc, as_dict, make_counterparty, actor, stages, note):
    counterparty = make_counterparty(by=actor)
    me, counterparty_id = as_dict(actor), str(counterparty.id)
    for deal, field in (({"expected_amount": "-5", "currency": "RUB"}, "expected_amount"),
                        ({"expected_amount": "0", "currency": "RUB"}, "expected_amount"),
                        ({"expected_amount": "ten", "currency": "RUB"}, "expected_amount"),
                        ({"expected_amount": "100", "currency": "rub"}, "currency"),
                        ({"expected_amount": "100", "currency": "RUBL"}, "currency"),
                        ({"expected_close_on": "31.12.2027"}, "expected_close_on")):
        with pytest.raises(InvalidInput) as refused:
            rpc.update_negotiation(me, counterparty_id, deal)
        assert list(refused.value.details) == [field], deal
        with pytest.raises(InvalidInput) as refused:
            note(actor, counterparty, stages["first_contact"], **deal)
        assert list(refused.value.details) == [field], deal
    # an amount without its currency (nothing to take it from) names the currency; the note is not kept
    with pytest.raises(InvalidInput) as refused:
        note(actor, counterparty, stages["first_contact"], expected_amount="100")
    assert list(refused.value.details) == ["currency"]
    with pytest.raises(InvalidInput) as refused:
        rpc.update_negotiation(me, counterparty_id, {"currency": "EUR"})
    assert list(refused.value.details) == ["expected_amount"]
    log = rpc.list_negotiation_notes(me, counterparty_id)
    assert log["total"] == 0
    assert log["negotiation"]["expected_amount"] is None and log["negotiation"]["currency"] is None


def test_the_deal_set_with_a_note_and_on_its_own(
        rpc, as_dict, make_counterparty, actor, stages, note, history, outbox_events, new_audit_rows):
    counterparty = make_counterparty(by=actor)
    me, counterparty_id = as_dict(actor), str(counterparty.id)
    with new_audit_rows() as audited:
        note(actor, counterparty, stages["offer_under_review"], text="Offer sent",
             expected_amount="1500000.5", currency="RUB", expected_close_on="2027-03-31")
    log = rpc.list_negotiation_notes(me, counterparty_id)
    deal = log["negotiation"]
    assert (deal["expected_amount"], deal["currency"], deal["expected_close_on"]) == ("1500000.50", "RUB",
                                                                                      "2027-03-31")
    assert deal["current_stage"]["id"] == stages["offer_under_review"] and deal["updated_by"] == str(actor.id)
    assert [(row["record_type"], row["changes"]) for row in audited if row["record_type"] == "negotiation"] == [
        ("negotiation", {"expected_amount": {"from": None, "to": "1500000.50"}, "currency": {"from": None, "to": "RUB"},
                         "expected_close_on": {"from": None, "to": "2027-03-31"}})]
    entry = history(counterparty.id)[0]
    assert entry.kind == "negotiation.noted"
    assert entry.summary == "Negotiation: Offer under review: Offer sent (1500000.50 RUB, close by 2027-03-31)"
    assert entry.data["deal"] == {"expected_amount": "1500000.50", "currency": "RUB",
                                  "expected_close_on": "2027-03-31"}
    noted = outbox_events("negotiation.noted", counterparty.id)[-1]
    assert (noted["expected_amount"], noted["currency"], noted["expected_close_on"]) == ("1500000.50", "RUB",
                                                                                         "2027-03-31")

    # a note that leaves the deal alone keeps it and says nothing of it
    note(actor, counterparty, stages["offer_under_review"], text="Still reading")
    assert history(counterparty.id)[0].summary == "Negotiation: Offer under review: Still reading"
    assert outbox_events("negotiation.noted", counterparty.id)[-1]["currency"] == "RUB"

    # on its own: the amount changes in another currency, the date is cleared
    changed = rpc.update_negotiation(me, counterparty_id, {"expected_amount": "20000", "currency": "EUR",
                                                           "expected_close_on": None})
    assert (changed["expected_amount"], changed["currency"], changed["expected_close_on"]) == ("20000.00", "EUR", None)
    entry = history(counterparty.id)[0]
    assert (entry.kind, entry.summary) == ("negotiation.updated", "Expected deal: 20000.00 EUR, no close date")
    assert outbox_events("negotiation.updated", counterparty.id) == [{
        "counterparty_id": counterparty_id, "changed_by": str(actor.id),
        "changes": {"expected_amount": {"from": "1500000.50", "to": "20000.00"},
                    "currency": {"from": "RUB", "to": "EUR"}, "expected_close_on": {"from": "2027-03-31", "to": None}},
        "expected_amount": "20000.00", "currency": "EUR", "expected_close_on": None}]
    # the same values again change nothing: no history, no event
    rpc.update_negotiation(me, counterparty_id, {"expected_amount": "20000.00", "currency": "EUR"})
    assert len(outbox_events("negotiation.updated", counterparty.id)) == 1
    # both cleared
    cleared = rpc.update_negotiation(me, counterparty_id, {"expected_amount": None, "currency": None})
    assert (cleared["expected_amount"], cleared["currency"]) == (None, None)


def test_the_board_groups_by_stage_sums_per_currency_and_marks_the_stalled(
        rpc, as_dict, make_actor, make_counterparty, stages, note, backdate):
    manager = make_actor()
    me = as_dict(manager)
    fresh, old, euro, quiet = (make_counterparty(by=manager, name=f"{n} {uuid.uuid4().hex[:6]}")
                               for n in ("Fresh", "Old", "Euro", "Quiet"))
    make_counterparty(by=manager)  # not in negotiation: no card
    note(manager, fresh, stages["first_contact"], expected_amount="100.10", currency="RUB")
    note(manager, old, stages["needs_clarified"])
    backdate(old, 40)
    note(manager, old, stages["offer_under_review"], expected_amount="200", currency="RUB")
    backdate(old, 20)   # entered the offer stage 20 days ago; its first note 60 days ago
    note(manager, euro, stages["offer_under_review"], expected_amount="50", currency="EUR",
         expected_close_on="2027-01-15")
    note(manager, quiet, stages["offer_under_review"])
    backdate(quiet, 5)
    note(manager, quiet, stages["offer_under_review"], text="Still thinking")  # same stage: no new start

    board = rpc.negotiation_board(me, {"stalled_days": 10})
    assert board["stalled_days"] == 10 and board["count"] == 4
    first, offer = column(board, stages["first_contact"]), column(board, stages["offer_under_review"])
    assert [card["name"] for card in first["cards"]] == [fresh.name]
    assert (first["count"], first["amounts"]) == (1, [{"currency": "RUB", "amount": "100.10"}])
    # the longest in the stage first; amounts per currency; a card without an amount counts, adds nothing
    assert [card["name"] for card in offer["cards"]] == [old.name, quiet.name, euro.name]
    assert offer["count"] == 3
    assert offer["amounts"] == [{"currency": "EUR", "amount": "50.00"}, {"currency": "RUB", "amount": "200.00"}]
    assert board["amounts"] == [{"currency": "EUR", "amount": "50.00"}, {"currency": "RUB", "amount": "300.10"}]
    cards = {card["name"]: card for card in offer["cards"]}
    assert (cards[old.name]["days_in_stage"], cards[old.name]["stalled"]) == (20, True)
    assert (cards[quiet.name]["days_in_stage"], cards[quiet.name]["stalled"]) == (5, False)
    assert cards[euro.name]["expected_close_on"] == "2027-01-15"
    assert offer["stalled"] == 1
    assert column(board, stages["needs_clarified"])["count"] == 0
    # every stage is a column, in the book's order
    positions = [c["stage"]["position"] for c in board["columns"]]
    assert positions == sorted(positions) and len(board["columns"]) >= 9

    # the threshold from the query: with 25 days none is stalled
    assert column(rpc.negotiation_board(me, {"stalled_days": 25}), stages["offer_under_review"])["stalled"] == 0
    with pytest.raises(InvalidInput) as refused:
        rpc.negotiation_board(me, {"stalled_days": 0})
    assert list(refused.value.details) == ["stalled_days"]
    # the cards listed per column are limited; the count is not
    limited = column(rpc.negotiation_board(me, {"limit": 1}), stages["offer_under_review"])
    assert (len(limited["cards"]), limited["count"], limited["truncated"]) == (1, 3, True)


def test_a_contact_and_the_next_planned_one_show_on_the_card(
        rpc, as_dict, make_actor, make_counterparty, stages, note, backdate):
    manager = make_actor()
    me = as_dict(manager)
    counterparty = make_counterparty(by=manager)
    note(manager, counterparty, stages["first_contact"])
    backdate(counterparty, 30)
    assert column(rpc.negotiation_board(me, {"stalled_days": 14}), stages["first_contact"])["cards"][0]["stalled"]
    now = datetime.now(timezone.utc)
    call = rpc.plan_activity(me, {"counterparty_id": str(counterparty.id), "kind": "call", "subject": "Call",
                                  "planned_at": (now - timedelta(hours=1)).isoformat()})
    rpc.complete_activity(me, call["id"], {"status": "done", "result": "Spoke"})
    later = rpc.plan_activity(me, {"counterparty_id": str(counterparty.id), "kind": "meeting", "subject": "Meet",
                                   "planned_at": (now + timedelta(days=3)).isoformat()})
    card = column(rpc.negotiation_board(me, {"stalled_days": 14}), stages["first_contact"])["cards"][0]
    assert card["stalled"] is False and card["days_in_stage"] == 30
    assert card["next_contact_at"] == later["planned_at"]


def test_the_board_shows_what_the_directory_shows_each_employee(
        rpc, as_dict, make_actor, make_counterparty, place, stages, note):
    """As the directory list: one's own counterparties, and those of one's visible departments (an
    employee's own department; a head's also every department inside theirs)."""
    division, sales, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    head = make_actor("department_head", department_id=division, visible_department_ids=[division, sales])
    anna, boris, stranger = make_actor(department_id=sales), make_actor(department_id=sales), make_actor(
        department_id=other)
    loner = make_actor()  # in no department: sees only their own
    for person, where in ((head, division), (anna, sales), (boris, sales), (stranger, other)):
        place(person, where)
    annas, boris_, strangers, loners = (make_counterparty(by=p) for p in (anna, boris, stranger, loner))
    for person, counterparty in ((anna, annas), (boris, boris_), (stranger, strangers), (loner, loners)):
        note(person, counterparty, stages["first_contact"], expected_amount="10", currency="RUB")

    def names(actor, **query):
        board = rpc.negotiation_board(as_dict(actor), query)
        return {card["name"] for c in board["columns"] for card in c["cards"]}

    assert names(loner) == {loners.name}
    assert names(anna) == {annas.name, boris_.name}
    assert names(head) == {annas.name, boris_.name}
    assert names(stranger) == {strangers.name}
    assert names(head, responsible_employee_id=str(boris.id)) == {boris_.name}
    assert names(head, department_id=str(other)) == set()
    assert names(head, department_id=str(sales)) == {annas.name, boris_.name}
    board = rpc.negotiation_board(as_dict(head), {})
    assert (board["count"], board["amounts"]) == (2, [{"currency": "RUB", "amount": "20.00"}])


def test_filters_by_reference_book_values(rpc, as_dict, make_actor, make_counterparty, stages, note, session):
    manager, admin = make_actor(), make_actor("administrator", permissions=["edit_reference_books"])
    with session.begin():
        region = reference_books.create_value(session, kind="region", name=f"Ural {uuid.uuid4().hex[:6]}",
                                              actor=admin)
        region_id = str(region.id)
    in_region, elsewhere = make_counterparty(by=manager, region_id=region_id), make_counterparty(by=manager)
    note(manager, in_region, stages["first_contact"])
    note(manager, elsewhere, stages["first_contact"])
    board = rpc.negotiation_board(as_dict(manager), {"region_id": [region_id]})
    assert [card["name"] for c in board["columns"] for card in c["cards"]] == [in_region.name]


def test_the_funnel_counts_who_reached_each_stage_and_went_on(
        rpc, as_dict, make_actor, make_counterparty, stages, note, backdate):
    manager = make_actor()
    me = as_dict(manager)
    a, b, c, before = (make_counterparty(by=manager) for _ in range(4))
    note(manager, before, stages["first_contact"])
    backdate(before, 100)  # reached before the period: not counted
    note(manager, before, stages["first_contact"], text="again")  # same stage: no new arrival
    for counterparty in (a, b, c):
        note(manager, counterparty, stages["first_contact"])
    note(manager, a, stages["needs_clarified"])
    note(manager, a, stages["offer_under_review"])
    note(manager, b, stages["offer_under_review"])  # skipped a stage: did not go on to the next one
    now = datetime.now(timezone.utc)
    result = rpc.negotiation_funnel(me, {"since": (now - timedelta(days=30)).isoformat(),
                                         "until": (now + timedelta(minutes=1)).isoformat()})
    steps = {step["stage"]["code"]: step for step in result["steps"]}
    assert (steps["first_contact"]["reached"], steps["first_contact"]["went_on"],
            steps["first_contact"]["conversion"]) == (3, 1, 33.3)
    assert (steps["needs_clarified"]["reached"], steps["needs_clarified"]["conversion"]) == (1, 100.0)
    assert (steps["offer_under_review"]["reached"], steps["offer_under_review"]["went_on"]) == (2, 0)
    assert steps["won"]["conversion"] is None and steps["won"]["reached"] == 0
    assert result["steps"][-1]["went_on"] is None
    with pytest.raises(InvalidInput) as refused:
        rpc.negotiation_funnel(me, {"since": now.isoformat(), "until": (now - timedelta(days=1)).isoformat()})
    assert list(refused.value.details) == ["until"]


def test_merging_keeps_the_survivors_deal_or_takes_the_merged_ones(
        rpc, as_dict, make_actor, make_counterparty, stages, note):
    boss = make_actor("administrator")
    survivor, merged = make_counterparty(by=boss), make_counterparty(by=boss)
    note(boss, merged, stages["first_contact"], expected_amount="70", currency="USD")
    rpc.merge_counterparties(as_dict(boss), str(survivor.id), {"merged_id": str(merged.id)})
    deal = rpc.list_negotiation_notes(as_dict(boss), str(survivor.id))["negotiation"]
    assert (deal["expected_amount"], deal["currency"]) == ("70.00", "USD")
