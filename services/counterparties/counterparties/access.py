"""Who sees which records (docs/permissions.md), as SQL conditions and as reasons.

Every read and write of this service filters by these conditions, so what an employee may
not see does not exist for them: lists and totals leave it out and a direct id is
NotFound. ``explain`` reads the same rules as sentences for people.

- counterparty (and its contact persons and history): administrators, directors and
  lawyers see all; others see those whose responsible employee (the primary one or an
  additional one) is themselves or works (per ``staff_directory``) in one of their
  ``visible_department_ids``. A dismissed
  employee's counterparties stay visible to their department, so they can be handed on.
- activity: whoever sees its counterparty, and its responsible employee.
"""
from sqlalchemy import exists, or_, select, true

from .models import Activity, ContactPerson, Counterparty, CounterpartyResponsible, StaffMember

SEES_EVERY_COUNTERPARTY = {"administrator": "administrators", "director": "directors",
                           "lawyer": "lawyers"}


def counterparty_condition(actor):
    """The condition on Counterparty rows the actor may see."""
    if actor.has_role(*SEES_EVERY_COUNTERPARTY):
        return true()
    colleagues = select(StaffMember.employee_id).where(
        StaffMember.department_id.in_(actor.visible_department_ids))
    additional = exists().where(
        CounterpartyResponsible.counterparty_id == Counterparty.id,
        or_(CounterpartyResponsible.employee_id == actor.id, CounterpartyResponsible.employee_id.in_(colleagues)))
    return or_(Counterparty.responsible_employee_id == actor.id,
               Counterparty.responsible_employee_id.in_(colleagues), additional)


def visible_counterparty_ids(actor):
    return select(Counterparty.id).where(counterparty_condition(actor))


def contact_person_condition(actor):
    """The condition on ContactPerson rows: they follow their counterparty."""
    if actor.has_role(*SEES_EVERY_COUNTERPARTY):
        return true()
    return ContactPerson.counterparty_id.in_(visible_counterparty_ids(actor))


def activity_condition(actor):
    """The condition on Activity rows: their counterparty is visible, or they are the actor's
    (or of someone away whose deputy the actor is today)."""
    if actor.has_role(*SEES_EVERY_COUNTERPARTY):
        return true()
    return or_(Activity.responsible_id.in_([actor.id, *actor.acting_for]),
               Activity.counterparty_id.in_(visible_counterparty_ids(actor)))


def works_in_visible_department(session, *, actor, employee_id):
    """True when the employee works in one of the actor's visible departments."""
    department_id = session.scalar(
        select(StaffMember.department_id).where(StaffMember.employee_id == employee_id))
    return department_id is not None and department_id in actor.visible_department_ids


# why (not): the same rules in sentences ------------------------------------------------

def explain_counterparty(session, *, employee, counterparty):
    """(visible, reasons) for one counterparty, by the rules of counterparty_condition."""
    grants = [f"{plural} see every counterparty"
              for role, plural in SEES_EVERY_COUNTERPARTY.items() if employee.has_role(role)]
    responsible_id = counterparty.responsible_employee_id
    member = session.get(StaffMember, responsible_id) if responsible_id is not None else None
    if responsible_id is not None and responsible_id == employee.id:
        grants.append("responsible employee of the counterparty")
    elif member is not None and member.department_id in employee.visible_department_ids:
        grants.append(f"the responsible employee works in department {member.department_id}, "
                      f"which is {_whose(employee, member.department_id)}")
    for additional_id in counterparty.additional_responsible_ids:
        other = session.get(StaffMember, additional_id)
        if additional_id == employee.id:
            grants.append("an additional responsible employee of the counterparty")
        elif other is not None and other.department_id in employee.visible_department_ids:
            grants.append(f"an additional responsible employee works in department {other.department_id}, "
                          f"which is {_whose(employee, other.department_id)}")
    if grants:
        return True, grants
    roles = ", ".join(employee.roles) or "none"
    if responsible_id is None:
        why = "the counterparty has no responsible employee"
    elif member is None or member.department_id is None:
        why = "not responsible, and the responsible employee is in no department known here"
    else:
        why = ("not responsible, and the responsible employee works in department "
               f"{member.department_id}, outside the employee's")
    reasons = [f"the employee's roles ({roles}) do not see every counterparty", why]
    if counterparty.additional_responsible_ids:
        reasons.append("not an additional responsible employee, and none of those works in the employee's "
                       "departments")
    return False, reasons


def _whose(employee, department_id):
    return ("the employee's own department" if department_id == employee.department_id
            else "one the employee heads or that lies inside one they head")


def explain(session, *, employee, record_type, record):
    """(visible, reasons) for a counterparty, contact person or activity."""
    if record_type == "counterparty":
        return explain_counterparty(session, employee=employee, counterparty=record)
    counterparty = session.get(Counterparty, record.counterparty_id)
    visible, reasons = explain_counterparty(session, employee=employee, counterparty=counterparty)
    if record_type == "contact_person":
        return visible, ["a contact person is visible to whoever sees their counterparty", *reasons]
    if record.responsible_id == employee.id:
        return True, ["responsible employee of the activity", *(reasons if visible else [])]
    if record.responsible_id in employee.acting_for:
        return True, ["deputy today of the activity's responsible employee, who is away",
                      *(reasons if visible else [])]
    if visible:
        return True, ["an activity is visible to whoever sees its counterparty", *reasons]
    return False, ["not responsible for the activity, and its counterparty is not visible", *reasons]
