"""Merging two counterparties that turned out to be one (a duplicate entered twice).

Everything of the merged one moves to the survivor in one transaction: contact persons,
activities, the relationship history, negotiation notes (and the expected deal, when the
survivor has none) and responsible employees (its
primary and additional ones become additional responsibles of the survivor). For each
field of the card the caller may choose whose value stays (``survivor`` or ``merged``);
unchosen, the survivor's value stays and the merged one's fills only what the survivor
lacks; notes are joined. The merged counterparty stays as a tombstone (status
``merged``, ``merged_into_id``): reading it answers NotFound naming the survivor, and
``counterparty.merged`` tells the other services to re-point their records.

Administrators and directors merge, or whoever has the ``merge_counterparties``
permission; both counterparties must be visible to the caller.
"""
from datetime import datetime, timezone

from sqlalchemy import update

from chancery_common.audit import diff

from . import events, logic
from .exceptions import InvalidInput, PermissionDenied
from .models import (
    REFERENCE_COLUMNS, Activity, ContactPerson, Counterparty, HistoryEntry, Negotiation, NegotiationNote,
)

MERGERS = ("administrator", "director")
PERMISSION = "merge_counterparties"
# the card's fields a merge may take from either side
CHOOSABLE = tuple(name for name in logic.EDITABLE if name != "additional_responsible_ids")


def check_may_merge(actor):
    if not (actor.has_role(*MERGERS) or actor.may(PERMISSION)):
        raise PermissionDenied("Only administrators, directors and employees with the merge_counterparties "
                               "permission may merge counterparties.")


def merge(session, *, survivor_id, merged_id, actor, fields=None):
    """Merge ``merged_id`` into ``survivor_id``; returns (survivor, what moved)."""
    check_may_merge(actor)
    fields = fields or {}
    unknown = sorted(set(fields) - set(CHOOSABLE))
    if unknown:
        raise InvalidInput("Invalid input: fields",
                           {"fields": {name: ["Not a field of the card."] for name in unknown}})
    if survivor_id == merged_id:
        raise InvalidInput("Invalid input: merged_id", {"merged_id": ["A counterparty cannot be merged into itself."]})
    # both locked in id order: two merges of the same pair cannot deadlock
    locked = {counterparty_id: logic.find_visible(session, record_type="counterparty", record_id=counterparty_id,
                                                  actor=actor, for_update=True)
              for counterparty_id in sorted((survivor_id, merged_id), key=str)}
    survivor, merged = locked[survivor_id], locked[merged_id]
    before = logic._values(survivor, logic.EDITABLE)
    original_primary = survivor.responsible_employee_id
    merged_values = logic._values(merged, logic.EDITABLE)
    for name in CHOOSABLE:
        choice = fields.get(name)
        mine, theirs = getattr(survivor, name), getattr(merged, name)
        if name == "notes" and choice is None:
            if theirs and theirs.strip() and (mine or "").strip() != theirs.strip():
                survivor.notes = f"{mine}\n\n{theirs}" if mine and mine.strip() else theirs
        elif choice == "merged" or (choice is None and mine in (None, "") and theirs not in (None, "")):
            setattr(survivor, name, theirs)
    additional = [*survivor.additional_responsible_ids, *merged.additional_responsible_ids]
    additional += [employee_id for employee_id in (original_primary, merged.responsible_employee_id)
                   if employee_id is not None]
    survivor.additional_responsible_ids = [employee_id for employee_id in additional
                                           if employee_id != survivor.responsible_employee_id]
    session.flush()
    moved = {
        "contact_persons": _repoint(session, ContactPerson, merged.id, survivor.id),
        "activities": _repoint(session, Activity, merged.id, survivor.id),
        "history_entries": _repoint(session, HistoryEntry, merged.id, survivor.id),
        "negotiation_notes": _repoint(session, NegotiationNote, merged.id, survivor.id),
    }
    # the expected deal: the survivor's own, else the merged one's
    if session.get(Negotiation, survivor.id) is None:
        _repoint(session, Negotiation, merged.id, survivor.id)
    # tombstones of earlier merges into the merged one now point at the survivor (no chains)
    session.execute(update(Counterparty).where(Counterparty.merged_into_id == merged.id)
                    .values(merged_into_id=survivor.id).execution_options(synchronize_session="fetch"))
    merged.status = "merged"
    merged.merged_into_id = survivor.id
    merged.merged_at = datetime.now(timezone.utc)
    merged.additional_responsible_ids = []
    for name in REFERENCE_COLUMNS.values():  # a tombstone keeps no reference value in use
        setattr(merged, name, None)
    session.flush()
    changed = diff(before, logic._values(survivor, logic.EDITABLE), logic.EDITABLE)
    logic.add_history(session, counterparty_id=survivor.id, kind="counterparty.merged", actor_id=actor.id,
                      summary=f"Merged with {merged.name}: its contact persons, activities and history are here now",
                      data={"merged_id": str(merged.id), "merged_name": merged.name, "changes": changed,
                            "moved": moved})
    logic.audit(session, actor=actor, action="merged", record_type="counterparty", record_id=survivor.id,
                changes={**changed, "merged_id": str(merged.id), "moved": moved})
    logic.audit(session, actor=actor, action="merged_into", record_type="counterparty", record_id=merged.id,
                changes={"survivor_id": str(survivor.id), "values": merged_values})
    events.catalog.record(session, events.COUNTERPARTY_MERGED, {
        "merged_id": merged.id, "survivor_id": survivor.id, "merged_by": actor.id})
    if changed:
        events.catalog.record(session, events.COUNTERPARTY_UPDATED, {
            "counterparty_id": survivor.id, "changed_by": actor.id, "changes": changed, "name": survivor.name,
            "responsible_employee_id": survivor.responsible_employee_id})
    return survivor, moved


def _repoint(session, model, from_id, to_id):
    return session.execute(update(model).where(model.counterparty_id == from_id).values(counterparty_id=to_id)
                           .execution_options(synchronize_session="fetch")).rowcount

