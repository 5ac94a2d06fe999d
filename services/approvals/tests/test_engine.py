"""The stage engine without a database: outcomes of stages (property-based against a
plain model), conditions and deadlines (tables)."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from approvals import engine as stage_engine

DECISIONS = list(stage_engine.DECISION_STATUS.values())  # approved, approved_with_remarks, rejected, returned


@st.composite
def stages(draw):
    """A stage and the decisions its approvers made so far, in the order made."""
    mode = draw(st.sampled_from(stage_engine.MODES))
    completion = "all" if mode == "sequential" else draw(st.sampled_from(stage_engine.COMPLETIONS))
    count = draw(st.integers(min_value=1, max_value=6))
    quorum = draw(st.integers(min_value=1, max_value=count)) if completion == "quorum" else None
    decided = draw(st.lists(st.sampled_from(DECISIONS), max_size=count))
    return mode, completion, quorum, count, decided


def expected_outcome(mode, completion, quorum, count, decided):
    """The rules written plainly: a veto (reject or return) ends the stage; otherwise all,
    any one or a quorum of approvals complete it."""
    for decision in decided:
        if decision == "rejected":
            return "rejected"
        if decision == "returned":
            return "returned"
    approvals = len(decided)
    need = {"all": count, "any": 1, "quorum": quorum}[completion]
    return "completed" if approvals >= need else "open"


def statuses_of(mode, count, decided):
    """The task statuses after the decisions: a sequential stage decides in order."""
    rest = count - len(decided)
    if mode == "sequential":
        return [*decided, *(["pending"] if rest else []), *(["waiting"] * max(rest - 1, 0))]
    return [*decided, *(["pending"] * rest)]


@settings(max_examples=400, deadline=None)
@given(stages())
def test_a_stage_outcome_follows_the_rules(stage):
    mode, completion, quorum, count, decided = stage
    # a stage stops taking decisions once it has an outcome: look at the first moment it has one
    for made in range(len(decided) + 1):
        outcome = expected_outcome(mode, completion, quorum, count, decided[:made])
        if outcome != "open":
            decided = decided[:made]
            break
    statuses = statuses_of(mode, count, decided)

    assert stage_engine.stage_outcome(mode, completion, quorum, statuses) == expected_outcome(
        mode, completion, quorum, count, decided)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=6), st.data())
def test_a_sequential_stage_activates_its_approvers_one_by_one(count, data):
    statuses = ["pending", *["waiting"] * (count - 1)]
    activated = [0]
    while stage_engine.stage_outcome("sequential", "all", None, statuses) == "open":
        current = statuses.index("pending")
        assert stage_engine.next_sequential(statuses) is None  # someone is deciding
        statuses[current] = data.draw(st.sampled_from(["approved", "approved_with_remarks"]))
        following = stage_engine.next_sequential(statuses)
        if following is None:
            break
        assert following == current + 1
        statuses[following] = "pending"
        activated.append(following)

    assert activated == list(range(count))
    assert stage_engine.stage_outcome("sequential", "all", None, statuses) == "completed"


def test_cancelled_tasks_do_not_count():
    assert stage_engine.stage_outcome("parallel", "all", None, ["approved", "cancelled"]) == "completed"
    assert stage_engine.stage_outcome("parallel", "quorum", 2, ["approved", "cancelled", "pending"]) == "open"


SNAPSHOT = {"type_code": "contract", "amount": "1500000.00", "currency": "RUB",
            "fields": {"region": "north", "urgent": True}}


@pytest.mark.parametrize("condition, holds", [
    ({"field": "amount", "op": "gt", "value": "1000000"}, True),
    ({"field": "amount", "op": "gt", "value": 2000000}, False),
    ({"field": "amount", "op": "gte", "value": "1500000"}, True),
    ({"field": "amount", "op": "lt", "value": "999.99"}, False),
    ({"field": "amount", "op": "lte", "value": "1500000.00"}, True),
    ({"field": "type_code", "op": "eq", "value": "contract"}, True),
    ({"field": "type_code", "op": "eq", "value": "letter"}, False),
    ({"field": "type_code", "op": "in", "value": ["letter", "contract"]}, True),
    ({"field": "type_code", "op": "in", "value": "letter, order"}, False),
    ({"field": "type_code", "op": "not_in", "value": ["letter"]}, True),
    ({"field": "currency", "op": "ne", "value": "USD"}, True),
    ({"field": "fields.region", "op": "eq", "value": "north"}, True),
    ({"field": "fields.missing", "op": "gt", "value": "1"}, False),
    ({"field": "fields.missing", "op": "absent"}, True),
    ({"field": "fields.region", "op": "present"}, True),
    ({"field": "legal_entity_id", "op": "ne", "value": "x"}, True),
])
def test_conditions(condition, holds):
    assert stage_engine.condition_holds(condition, SNAPSHOT) is holds


def test_a_plan_skips_the_stages_whose_conditions_do_not_hold():
    route = [
        {"name": "Legal", "approver_ids": ["a"], "conditions": [{"field": "type_code", "op": "eq",
                                                                 "value": "contract"}]},
        {"name": "Finance director", "approver_ids": ["b"], "conditions": [
            {"field": "amount", "op": "gt", "value": "5000000"}]},
        {"name": "Director", "approver_ids": ["c"]},
    ]

    assert [(position, stage["name"], applies) for position, stage, applies in
            stage_engine.plan(route, SNAPSHOT)] == [
        (1, "Legal", True), (2, "Finance director", False), (3, "Director", True)]
    assert [applies for _, _, applies in stage_engine.plan(route, {**SNAPSHOT, "amount": "9000000"})] == [
        True, True, True]
    assert [applies for _, _, applies in stage_engine.plan(route, {"type_code": "letter"})] == [
        False, False, True]


def test_old_route_versions_read_as_stages():
    stage = stage_engine.normalize_stage({"name": "Legal", "approver_ids": ["a", "b"], "completion": "any",
                                          "deadline_hours": 8})

    assert (stage["mode"], stage["completion"], stage["deadline_unit"], stage["deadline_value"]) == (
        "parallel", "any", "hours", 8)
    assert stage["approvers"] == [{"kind": "employee", "employee_id": "a"}, {"kind": "employee", "employee_id": "b"}]


MSK = ZoneInfo("Europe/Moscow")


@pytest.mark.parametrize("start, unit, value, due", [
    # Wednesday 10:00 + 8 hours
    (datetime(2026, 12, 2, 10, 0, tzinfo=MSK), "hours", 8, datetime(2026, 12, 2, 18, 0, tzinfo=MSK)),
    # Wednesday + 2 working days = Friday, same time
    (datetime(2026, 12, 2, 10, 0, tzinfo=MSK), "working_days", 2, datetime(2026, 12, 4, 10, 0, tzinfo=MSK)),
    # Thursday + 2 working days = Monday
    (datetime(2026, 12, 3, 15, 30, tzinfo=MSK), "working_days", 2, datetime(2026, 12, 7, 15, 30, tzinfo=MSK)),
    # Friday + 1 = Monday
    (datetime(2026, 12, 4, 9, 0, tzinfo=MSK), "working_days", 1, datetime(2026, 12, 7, 9, 0, tzinfo=MSK)),
    # Saturday noon + 1 = Tuesday 00:00 (counted from Monday's start)
    (datetime(2026, 12, 5, 12, 0, tzinfo=MSK), "working_days", 1, datetime(2026, 12, 8, 0, 0, tzinfo=MSK)),
    # Friday 23:30 in Moscow is Friday 20:30 UTC: the zone decides the day
    (datetime(2026, 12, 4, 20, 30, tzinfo=timezone.utc), "working_days", 1,
     datetime(2026, 12, 7, 23, 30, tzinfo=MSK)),
])
def test_deadlines(start, unit, value, due):
    assert stage_engine.due_at(start, unit, value, "Europe/Moscow") == due


def test_no_deadline():
    assert stage_engine.due_at(datetime(2026, 12, 2, tzinfo=timezone.utc), "hours", None) is None
