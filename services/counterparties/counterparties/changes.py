"""The sync lists of this service: counterparties, contact persons and activities in the order
they changed, for systems that mirror them (chancery_common.sync, docs/api.md "Sync by change").

Each shows what the caller's plain list shows. A counterparty merged into another stays as a
tombstone naming the survivor, listed to whoever sees the survivor (as reading it answers);
contact persons and activities are never deleted: a merge moves them, which is a change.
"""
from sqlalchemy import and_, or_, select

from chancery_common import sync

from . import access
from .models import Activity, ContactPerson, Counterparty, audit_log


def counterparties(session, *, actor, after=None, updated_since=None, limit=50):
    """(counterparties, cursors): live ones the actor sees and tombstones of merged ones whose survivor they see."""
    position, since = sync.start("counterparties", after=after, updated_since=updated_since)
    survivor_seen = Counterparty.merged_into_id.in_(access.visible_counterparty_ids(actor).correlate(None))
    query = select(Counterparty).where(or_(
        and_(Counterparty.merged_into_id.is_(None), access.counterparty_condition(actor)),
        and_(Counterparty.merged_into_id.is_not(None), survivor_seen)))
    return sync.page(session, query, model=Counterparty, list_name="counterparties", position=position,
                     updated_since=since, limit=limit)


def contact_persons(session, *, actor, after=None, updated_since=None, limit=50):
    """(contact persons, cursors) the actor sees; each one listed is an audited read of personal data."""
    position, since = sync.start("contact_persons", after=after, updated_since=updated_since)
    query = select(ContactPerson).where(access.contact_person_condition(actor))
    persons, cursors = sync.page(session, query, model=ContactPerson, list_name="contact_persons",
                                 position=position, updated_since=since, limit=limit)
    audit_log.record_reads(session, [{"actor_id": actor.id, "action": "read", "record_type": "contact_person",
                                      "record_id": person.id} for person in persons])
    return persons, cursors


def activities(session, *, actor, after=None, updated_since=None, limit=50):
    """(activities, cursors) the actor sees."""
    position, since = sync.start("activities", after=after, updated_since=updated_since)
    query = select(Activity).where(access.activity_condition(actor))
    return sync.page(session, query, model=Activity, list_name="activities", position=position,
                     updated_since=since, limit=limit)
