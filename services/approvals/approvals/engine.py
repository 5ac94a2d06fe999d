"""The stage engine: pure functions, no database, no bus.

A route version is a list of stage definitions (JSON, as saved by the route editor):

    {"name": "Legal", "mode": "sequential" | "parallel",
     "completion": "all" | "any" | "quorum", "quorum": 2 | None,
     "deadline_unit": "hours" | "working_days", "deadline_value": 8 | None,
     "approvers": [{"kind": "employee", "employee_id": ...} | {"kind": "position", "position": ...}
                   | {"kind": "role", "role": ..., "scope": "department" | "legal_entity"}
                   | {"kind": "department_head"} | {"kind": "initiator_head"} | {"kind": "responsible"}],
     "conditions": [{"field": "amount", "op": "gt", "value": "1000000"}, ...],   # all must hold
     "allow_adding": bool,           # the initiator may add approvers to the running stage
     "on_return": "first_stage" | "this_stage"}   # where a resubmitted document restarts

Versions saved before stages had these keys (``approver_ids``, ``deadline_hours``) are
read through :func:`normalize_stage`.

The engine answers: which stages a document runs (:func:`plan`), when a stage is due
(:func:`due_at`), and what the decisions so far mean for a stage (:func:`stage_outcome`,
:func:`next_sequential`).
"""
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

MODES = ("sequential", "parallel")
COMPLETIONS = ("all", "any", "quorum")
DEADLINE_UNITS = ("hours", "working_days")
APPROVER_KINDS = ("employee", "position", "role", "department_head", "initiator_head", "responsible")
CONDITION_OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "in", "not_in", "present", "absent")
ON_RETURN = ("first_stage", "this_stage")

APPROVED = ("approved", "approved_with_remarks")
# decisions and the task status each leaves
DECISION_STATUS = {"approve": "approved", "approve_with_remarks": "approved_with_remarks",
                   "reject": "rejected", "return_for_revision": "returned"}


def normalize_stage(spec):
    """A stage definition with every key present (older versions named employees only)."""
    approvers = spec.get("approvers")
    if approvers is None:
        approvers = [{"kind": "employee", "employee_id": str(a)} for a in spec.get("approver_ids") or []]
    completion = spec.get("completion") or "all"
    mode = spec.get("mode") or ("parallel" if completion != "all" or len(approvers) > 1 else "sequential")
    if "deadline_unit" in spec or "deadline_value" in spec:
        unit, value = spec.get("deadline_unit") or "hours", spec.get("deadline_value")
    else:
        unit, value = "hours", spec.get("deadline_hours")
    return {
        "name": spec.get("name"), "mode": mode, "completion": completion if mode == "parallel" else "all",
        "quorum": spec.get("quorum") if completion == "quorum" else None,
        "deadline_unit": unit, "deadline_value": value, "approvers": approvers,
        "conditions": spec.get("conditions") or [], "allow_adding": bool(spec.get("allow_adding")),
        "on_return": spec.get("on_return") or "first_stage",
    }


# Conditions --------------------------------------------------------------------------------

def field_value(snapshot, field):
    """A field of the document snapshot: a card field, or ``fields.<code>`` for an extra field."""
    if field.startswith("fields."):
        return (snapshot.get("fields") or {}).get(field[len("fields."):])
    return snapshot.get(field)


def _comparable(left, right):
    """Both sides as numbers when both read as numbers, else as text."""
    try:
        return Decimal(str(left)), Decimal(str(right))
    except (InvalidOperation, ValueError):
        return str(left), str(right)


def condition_holds(condition, snapshot):
    """Whether one condition holds for the document; a missing value satisfies only ``absent``/``ne``."""
    op, value = condition["op"], condition.get("value")
    actual = field_value(snapshot, condition["field"])
    if op == "present":
        return actual not in (None, "")
    if op == "absent":
        return actual in (None, "")
    if op in ("in", "not_in"):
        options = value if isinstance(value, list) else [v.strip() for v in str(value).split(",")]
        inside = actual is not None and any(left == right for left, right in
                                            (_comparable(actual, option) for option in options))
        return inside if op == "in" else not inside
    if actual is None:
        return op == "ne"
    left, right = _comparable(actual, value)
    return {"eq": left == right, "ne": left != right, "gt": left > right, "gte": left >= right,
            "lt": left < right, "lte": left <= right}[op]


def stage_applies(spec, snapshot):
    return all(condition_holds(condition, snapshot) for condition in spec.get("conditions") or [])


def plan(stages, snapshot):
    """``[(position, normalized stage, applies)]`` for every stage of the route, in order:
    a stage whose conditions do not hold for the document is skipped."""
    result = []
    for position, spec in enumerate(stages, start=1):
        stage = normalize_stage(spec)
        result.append((position, stage, stage_applies(stage, snapshot)))
    return result


# Deadlines ---------------------------------------------------------------------------------

def due_at(start, unit, value, time_zone="Europe/Moscow"):
    """When a stage started at ``start`` is due: plain hours, or working days (Monday to
    Friday in ``time_zone``): the same time of day ``value`` working days later (from a
    weekend, counted from the next Monday's start)."""
    if not value:
        return None
    if unit == "hours":
        return start + timedelta(hours=value)
    zone = ZoneInfo(time_zone)
    local = start.astimezone(zone)
    if local.weekday() >= 5:  # a weekend start counts from Monday morning
        local = datetime.combine(local.date() + timedelta(days=7 - local.weekday()), time(0), zone)
    day, left = local.date(), value
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), zone).astimezone(start.tzinfo)


# Stage outcome -----------------------------------------------------------------------------

def required_approvals(completion, quorum, count):
    """How many approvals complete a stage of ``count`` approvers."""
    if completion == "any":
        return min(1, count)
    if completion == "quorum":
        return min(quorum or count, count)
    return count


def stage_outcome(mode, completion, quorum, statuses):
    """What a stage's task statuses mean: "rejected" or "returned" (anyone's veto ends the
    stage at once), "completed" (enough approvals), or "open".

    ``statuses`` are those of the stage's current tasks (pending, waiting, approved,
    approved_with_remarks, rejected, returned, cancelled).
    """
    live = [s for s in statuses if s != "cancelled"]
    if "rejected" in live:
        return "rejected"
    if "returned" in live:
        return "returned"
    approved = sum(1 for s in live if s in APPROVED)
    if mode == "sequential":
        return "completed" if live and approved == len(live) else "open"
    need = required_approvals(completion, quorum, len(live))
    return "completed" if live and approved >= need else "open"


def next_sequential(statuses):
    """The index of the next task a sequential stage activates, or None: the first waiting
    task when no task is pending."""
    if "pending" in statuses:
        return None
    return next((index for index, status in enumerate(statuses) if status == "waiting"), None)


def restart_position(stage_spec_on_return, returning_position, first_position):
    """The stage a resubmitted document restarts from."""
    return returning_position if stage_spec_on_return == "this_stage" else first_position
