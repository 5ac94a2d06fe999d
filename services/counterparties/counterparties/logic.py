"""The counterparty directory and the relationship history."""
from datetime import datetime, timezone

from sqlalchemy import func, or_, select

from . import events
from .exceptions import Conflict, InvalidInput, NotFound
from .models import Activity, ContactPerson, Counterparty, HistoryEntry

EDITABLE = (
    "kind", "name", "short_name", "tax_id", "registration_number", "legal_address",
    "postal_address", "phone", "fax", "email", "website", "main_contact", "notes",
    "responsible_employee_id",
)
SORTS = {
    "name": (func.lower(Counterparty.name), Counterparty.id),
    "-name": (func.lower(Counterparty.name).desc(), Counterparty.id),
    "created_at": (Counterparty.created_at, Counterparty.id),
    "-created_at": (Counterparty.created_at.desc(), Counterparty.id),
}


def get_counterparty(session, *, counterparty_id):
    """One counterparty, or NotFound."""
    counterparty = session.get(Counterparty, counterparty_id)
    if counterparty is None:
        raise NotFound(f"counterparty {counterparty_id} not found")
    return counterparty


def list_counterparties(session, *, search=None, ids=None, responsible_employee_id=None,
                        status=None, sort="name", limit=50, offset=0):
    """A page of counterparties and the total matching the filters."""
    query = select(Counterparty)
    if search:
        pattern = f"%{search.strip()}%"
        digits = "".join(ch for ch in search if ch.isdigit())
        conditions = [
            Counterparty.name.ilike(pattern), Counterparty.short_name.ilike(pattern),
            Counterparty.tax_id.ilike(pattern), Counterparty.email.ilike(pattern),
            Counterparty.main_contact.ilike(pattern),
        ]
        if len(digits) >= 4:
            conditions.append(func.regexp_replace(Counterparty.phone, r"\D", "", "g").contains(digits))
        query = query.where(or_(*conditions))
    if ids is not None:
        query = query.where(Counterparty.id.in_(ids))
    if responsible_employee_id is not None:
        query = query.where(Counterparty.responsible_employee_id == responsible_employee_id)
    if status is not None:
        query = query.where(Counterparty.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(*SORTS[sort]).limit(limit).offset(offset)).all()
    return items, total


def find_duplicates(session, *, data, exclude_id=None):
    """Counterparties that look like the one described: same tax id, phone, e-mail or name."""
    conditions = []
    if data.get("tax_id"):
        conditions.append(Counterparty.tax_id == data["tax_id"])
    if data.get("email"):
        conditions.append(func.lower(Counterparty.email) == data["email"].lower())
    digits = "".join(ch for ch in (data.get("phone") or "") if ch.isdigit())
    if len(digits) >= 6:
        conditions.append(func.regexp_replace(Counterparty.phone, r"\D", "", "g") == digits)
    if data.get("name"):
        conditions.append(func.lower(Counterparty.name) == data["name"].strip().lower())
    if not conditions:
        return []
    query = select(Counterparty).where(or_(*conditions))
    if exclude_id is not None:
        query = query.where(Counterparty.id != exclude_id)
    return session.scalars(query.order_by(Counterparty.name).limit(10)).all()


def create_counterparty(session, *, data, actor):
    """Add a counterparty, record it in its history and announce it."""
    counterparty = Counterparty(**data, created_by=actor.id)
    if counterparty.responsible_employee_id is None:
        counterparty.responsible_employee_id = actor.id
    session.add(counterparty)
    session.flush()
    add_history(session, counterparty_id=counterparty.id, kind="counterparty.created",
                actor_id=actor.id, summary=f"Counterparty {counterparty.name} created")
    events.catalog.record(session, events.COUNTERPARTY_CREATED, {
        "counterparty_id": counterparty.id, "name": counterparty.name, "tax_id": counterparty.tax_id,
        "responsible_employee_id": counterparty.responsible_employee_id, "created_by": actor.id,
    })
    return counterparty


def update_counterparty(session, *, counterparty_id, changes, actor):
    """Apply changed fields; history and the event carry each field's old and new value."""
    counterparty = get_counterparty(session, counterparty_id=counterparty_id)
    diff = {}
    for name, value in changes.items():
        if name in EDITABLE and getattr(counterparty, name) != value:
            diff[name] = {"from": _plain(getattr(counterparty, name)), "to": _plain(value)}
            setattr(counterparty, name, value)
    if diff:
        session.flush()
        add_history(session, counterparty_id=counterparty.id, kind="counterparty.updated",
                    actor_id=actor.id, summary="Changed: " + ", ".join(sorted(diff)),
                    data={"changes": diff})
        events.catalog.record(session, events.COUNTERPARTY_UPDATED, {
            "counterparty_id": counterparty.id, "changed_by": actor.id, "changes": diff,
        })
    return counterparty


def add_history(session, *, counterparty_id, kind, summary, actor_id=None, data=None,
                occurred_at=None, source_event_id=None):
    entry = HistoryEntry(counterparty_id=counterparty_id, kind=kind, summary=summary,
                         actor_id=actor_id, data=data or {}, source_event_id=source_event_id)
    if occurred_at is not None:
        entry.occurred_at = occurred_at
    session.add(entry)
    return entry


def history(session, *, counterparty_id, limit=50, offset=0):
    """The relationship history, newest first, and its total length."""
    query = select(HistoryEntry).where(HistoryEntry.counterparty_id == counterparty_id)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(
        query.order_by(HistoryEntry.occurred_at.desc(), HistoryEntry.id).limit(limit).offset(offset)
    ).all()
    return items, total


# Contact persons ---------------------------------------------------------------------

def add_contact_person(session, *, counterparty_id, data, actor):
    counterparty = get_counterparty(session, counterparty_id=counterparty_id)
    person = ContactPerson(**data, counterparty_id=counterparty.id, created_by=actor.id)
    session.add(person)
    session.flush()
    add_history(session, counterparty_id=counterparty.id, kind="contact_person.added",
                actor_id=actor.id, summary=f"Contact person {person.full_name} added",
                data={"contact_person_id": str(person.id)})
    events.catalog.record(session, events.CONTACT_PERSON_ADDED, {
        "contact_person_id": person.id, "counterparty_id": counterparty.id,
        "full_name": person.full_name, "added_by": actor.id})
    return person


def get_contact_person(session, *, contact_person_id):
    person = session.get(ContactPerson, contact_person_id)
    if person is None:
        raise NotFound(f"contact person {contact_person_id} not found")
    return person


def list_contact_persons(session, *, counterparty_id):
    return session.scalars(select(ContactPerson).where(ContactPerson.counterparty_id == counterparty_id)
                           .order_by(func.lower(ContactPerson.full_name), ContactPerson.id)).all()


def update_contact_person(session, *, contact_person_id, changes, actor):
    person = get_contact_person(session, contact_person_id=contact_person_id)
    changed = sorted(name for name, value in changes.items() if getattr(person, name) != value)
    for name in changed:
        setattr(person, name, changes[name])
    if changed:
        session.flush()
        # which fields changed, not their values: this is personal data
        add_history(session, counterparty_id=person.counterparty_id, kind="contact_person.updated",
                    actor_id=actor.id, summary=f"Contact person {person.full_name}: changed "
                    + ", ".join(changed), data={"contact_person_id": str(person.id), "fields": changed})
    return person


# Activities ------------------------------------------------------------------------------

def plan_activity(session, *, data, actor, follow_up_of=None):
    """Plan an activity for the caller or (scheduled by the caller) for another employee."""
    counterparty = get_counterparty(session, counterparty_id=data["counterparty_id"])
    person_id = data.get("contact_person_id")
    if person_id is not None:
        person = session.get(ContactPerson, person_id)
        if person is None or person.counterparty_id != counterparty.id:
            raise InvalidInput("Invalid input: contact_person_id", {
                "contact_person_id": ["Not a contact person of this counterparty."]})
    activity = Activity(**{**data, "responsible_id": data.get("responsible_id") or actor.id},
                        scheduled_by=actor.id, status="planned", follow_up_of=follow_up_of)
    session.add(activity)
    session.flush()
    events.catalog.record(session, events.ACTIVITY_PLANNED, {
        **_activity_ref(activity), "scheduled_by": actor.id})
    return activity


def get_activity(session, *, activity_id):
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(f"activity {activity_id} not found")
    return activity


def list_activities(session, *, counterparty_id=None, responsible_id=None, status=None,
                    planned_from=None, planned_to=None, limit=100, offset=0):
    """Activities in planned order, filtered; the agenda is one such query."""
    query = select(Activity)
    if counterparty_id is not None:
        query = query.where(Activity.counterparty_id == counterparty_id)
    if responsible_id is not None:
        query = query.where(Activity.responsible_id == responsible_id)
    if status is not None:
        query = query.where(Activity.status == status)
    if planned_from is not None:
        query = query.where(Activity.planned_at >= planned_from)
    if planned_to is not None:
        query = query.where(Activity.planned_at < planned_to)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(Activity.planned_at, Activity.id).limit(limit).offset(offset)).all()
    return items, total


def complete_activity(session, *, activity_id, status, result, next_step, follow_up, actor):
    """Record the result; with ``follow_up``, plan the next activity in the same action."""
    activity = session.get(Activity, activity_id, with_for_update=True)
    if activity is None:
        raise NotFound(f"activity {activity_id} not found")
    if activity.status != "planned":
        raise Conflict(f"activity {activity_id} is already {activity.status}")
    activity.status = status
    activity.result = result
    activity.next_step = next_step
    activity.completed_at = datetime.now(timezone.utc)
    session.flush()
    add_history(session, counterparty_id=activity.counterparty_id, kind="activity.completed",
                actor_id=actor.id, summary=f"{activity.kind.capitalize()} «{activity.subject}»: {result}",
                data={"activity_id": str(activity.id), "status": status, "next_step": next_step})
    events.catalog.record(session, events.ACTIVITY_COMPLETED, {
        **_activity_ref(activity), "status": status, "result": result, "next_step": next_step,
        "completed_by": actor.id})
    following = None
    if follow_up is not None:
        following = plan_activity(session, actor=actor, follow_up_of=activity.id, data={
            "counterparty_id": activity.counterparty_id, "contact_person_id": activity.contact_person_id,
            "kind": follow_up["kind"] or activity.kind, "subject": follow_up["subject"],
            "description": follow_up["description"], "phone_or_place": activity.phone_or_place,
            "planned_at": follow_up["planned_at"], "responsible_id": activity.responsible_id})
    return activity, following


def _activity_ref(activity):
    return {"activity_id": activity.id, "counterparty_id": activity.counterparty_id,
            "contact_person_id": activity.contact_person_id, "kind": activity.kind,
            "subject": activity.subject, "planned_at": activity.planned_at,
            "responsible_id": activity.responsible_id}


# What other services' events mean in a counterparty's history.
def record_foreign_event(session, *, event, summary):
    """Add an event from another service to the history of the counterparty it names."""
    counterparty_id = event.payload.get("counterparty_id")
    if not counterparty_id or session.get(Counterparty, counterparty_id) is None:
        return None
    actor_id = next((event.payload.get(key) for key in (
        "registrar_id", "changed_by", "initiator_id", "uploaded_by") if event.payload.get(key)), None)
    return add_history(session, counterparty_id=counterparty_id, kind=event.type, summary=summary,
                       actor_id=actor_id, data=event.payload, occurred_at=event.occurred_at,
                       source_event_id=event.id)


def _plain(value):
    return str(value) if value is not None and not isinstance(value, (str, int, float, bool)) else value
