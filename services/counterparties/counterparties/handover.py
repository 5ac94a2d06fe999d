"""Handing counterparties over from one employee to another in one action.

For a vacation, a reassignment or a dismissal: on each counterparty the ``from`` employee's
responsibility (primary or additional) passes to the ``to`` employee, and with
``include_open_activities`` so do the planned activities of those counterparties that
``from`` is responsible for. One transaction: all of it or nothing. Each counterparty gets
a history entry, every change an audit row, and ``counterparty.handed_over`` tells the
other services.

Administrators and directors hand over anyone's counterparties; a department head only
between employees of their departments; nobody else.
"""
from sqlalchemy import select

from . import access, calendar, events, logic
from .exceptions import Conflict, PermissionDenied
from .models import Activity

HAND_OVER_ANYONE = ("administrator", "director")


def check_may_hand_over(session, *, actor, from_employee_id, to_employee_id):
    if actor.has_role(*HAND_OVER_ANYONE):
        return
    if actor.has_role("department_head"):
        outside = [employee_id for employee_id in (from_employee_id, to_employee_id)
                   if not access.works_in_visible_department(session, actor=actor, employee_id=employee_id)]
        if not outside:
            return
        raise PermissionDenied(f"A department head hands over counterparties only between employees of their "
                               f"departments; employee {outside[0]} works elsewhere.")
    raise PermissionDenied("Only administrators, directors and department heads may hand counterparties over.")


def hand_over(session, *, counterparty_ids, from_employee_id, to_employee_id, include_open_activities, reason,
              actor):
    """Move the responsibility for ``counterparty_ids`` (and their open activities) from one employee to another."""
    check_may_hand_over(session, actor=actor, from_employee_id=from_employee_id, to_employee_id=to_employee_id)
    counterparty_ids = list(dict.fromkeys(counterparty_ids))
    # locked in id order: two handovers of overlapping sets cannot deadlock
    counterparties = [logic.find_visible(session, record_type="counterparty", record_id=counterparty_id,
                                         actor=actor, for_update=True)
                      for counterparty_id in sorted(counterparty_ids, key=str)]
    for counterparty in counterparties:
        if (counterparty.responsible_employee_id != from_employee_id
                and from_employee_id not in counterparty.additional_responsible_ids):
            raise Conflict(f"employee {from_employee_id} is not responsible for counterparty {counterparty.id}")
    activities_moved = 0
    for counterparty in counterparties:
        activities_moved += _hand_over_one(session, counterparty=counterparty, from_employee_id=from_employee_id,
                                           to_employee_id=to_employee_id, reason=reason, actor=actor,
                                           include_open_activities=include_open_activities)
    events.catalog.record(session, events.COUNTERPARTY_HANDED_OVER, {
        "counterparty_ids": counterparty_ids, "from_employee_id": from_employee_id,
        "to_employee_id": to_employee_id, "by": actor.id})
    return {"counterparty_ids": counterparty_ids, "from_employee_id": from_employee_id,
            "to_employee_id": to_employee_id, "activities_moved": activities_moved}


def _hand_over_one(session, *, counterparty, from_employee_id, to_employee_id, include_open_activities, reason,
                   actor):
    names = ("responsible_employee_id", "additional_responsible_ids")
    before = logic._values(counterparty, names)
    additional = [employee_id for employee_id in counterparty.additional_responsible_ids
                  if employee_id != from_employee_id]
    if counterparty.responsible_employee_id == from_employee_id:
        counterparty.responsible_employee_id = to_employee_id
    elif to_employee_id != counterparty.responsible_employee_id:
        additional.append(to_employee_id)
    counterparty.additional_responsible_ids = [employee_id for employee_id in additional
                                               if employee_id != counterparty.responsible_employee_id]
    changes = {name: {"from": before[name], "to": value}
               for name, value in logic._values(counterparty, names).items() if value != before[name]}
    session.flush()
    moved = []
    if include_open_activities:
        moved = session.scalars(select(Activity).where(
            Activity.counterparty_id == counterparty.id, Activity.responsible_id == from_employee_id,
            Activity.status == "planned").order_by(Activity.planned_at, Activity.id).with_for_update()).all()
        for activity in moved:
            activity.responsible_id = to_employee_id
            logic.audit(session, actor=actor, action="handed_over", record_type="activity", record_id=activity.id,
                        changes={"responsible_id": {"from": str(from_employee_id), "to": str(to_employee_id)}})
            # its reminders and calendars follow the new responsible employee
            events.catalog.record(session, events.ACTIVITY_HANDED_OVER, {
                **logic.activity_ref(activity), "scheduled_by": activity.scheduled_by,
                "previous_responsible_id": from_employee_id, "handed_over_by": actor.id,
                "sequence": calendar.sequence_of(session, activity.id)})
        session.flush()
    logic.add_history(session, counterparty_id=counterparty.id, kind="counterparty.handed_over", actor_id=actor.id,
                      summary="Handed over to another responsible employee"
                              + (f" ({len(moved)} planned activities with it)" if moved else "")
                              + (f": {reason}" if reason else ""),
                      data={"from_employee_id": str(from_employee_id), "to_employee_id": str(to_employee_id),
                            "reason": reason, "activity_ids": [str(activity.id) for activity in moved],
                            "changes": changes})
    logic.audit(session, actor=actor, action="handed_over", record_type="counterparty", record_id=counterparty.id,
                changes={**changes, "reason": reason})
    return len(moved)
