"""Saved filters: directory queries an employee keeps under a name.

Only their owner lists, uses or deletes them; another employee's filter is NotFound.
Saving under a name the owner already uses replaces that filter's query. Every write is
audited (record type ``saved_filter``).
"""
from sqlalchemy import select

from . import logic
from .exceptions import NotFound
from .models import SavedFilter


def list_filters(session, *, actor):
    """The caller's saved filters by name."""
    return session.scalars(select(SavedFilter).where(SavedFilter.owner_id == actor.id)
                           .order_by(SavedFilter.name, SavedFilter.id)).all()


def save_filter(session, *, name, query, actor):
    """Keep ``query`` (already validated, JSON-ready) under ``name``; the same name is replaced."""
    name = name.strip()
    saved = session.scalars(select(SavedFilter).where(
        SavedFilter.owner_id == actor.id, SavedFilter.name == name).with_for_update()).first()
    if saved is None:
        saved = SavedFilter(owner_id=actor.id, name=name, query=query)
        session.add(saved)
        session.flush()
        logic.audit(session, actor=actor, action="created", record_type="saved_filter", record_id=saved.id,
                    changes={"name": {"from": None, "to": name}, "query": {"from": None, "to": query}})
    elif saved.query != query:
        before, saved.query = saved.query, query
        session.flush()
        logic.audit(session, actor=actor, action="updated", record_type="saved_filter", record_id=saved.id,
                    changes={"query": {"from": before, "to": query}})
    return saved


def delete_filter(session, *, filter_id, actor):
    """Delete one of the caller's filters; anyone else's is NotFound."""
    saved = session.scalars(select(SavedFilter).where(
        SavedFilter.id == filter_id, SavedFilter.owner_id == actor.id).with_for_update()).first()
    if saved is None:
        raise NotFound(f"saved filter {filter_id} not found")
    session.delete(saved)
    session.flush()
    logic.audit(session, actor=actor, action="deleted", record_type="saved_filter", record_id=filter_id,
                changes={"name": {"from": saved.name, "to": None}})
