"""The counterparty directory and the relationship history."""
from sqlalchemy import func, or_, select

from . import events
from .exceptions import NotFound
from .models import Counterparty, HistoryEntry

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
