"""The reference books users keep: activity type, region, group, category, advertising source,
and the ordered book of negotiation stages (which the negotiation log's notes use).

Anyone signed in reads them; changing them needs the ``edit_reference_books`` permission.
A counterparty refers to a value by id, so renaming a value renames it on every
counterparty at once. Merging value A into B re-points every counterparty from A to B and
removes A; a value still in use is never deleted (merge or archive it instead). Every
change is audited (record type ``reference_value``); a merge also leaves an audit row and
a history entry on each counterparty it re-pointed.
"""
from sqlalchemy import func, select, update

from chancery_common import versions

from . import logic, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import NEGOTIATION_STAGE, REFERENCE_COLUMNS, Counterparty, NegotiationNote, ReferenceValue, audit_log

# what uses the values of each book: a counterparty column, or the negotiation notes' stage
USERS = {**{kind: (Counterparty, getattr(Counterparty, column)) for kind, column in REFERENCE_COLUMNS.items()},
         NEGOTIATION_STAGE: (NegotiationNote, NegotiationNote.stage_id)}
ORDERED = (NEGOTIATION_STAGE,)

PERMISSION = "edit_reference_books"


def _check_may_edit(actor):
    if not actor.may(PERMISSION):
        raise PermissionDenied("Changing reference books needs the edit_reference_books permission.")


def _find(session, *, kind, value_id, for_update=False):
    query = select(ReferenceValue).where(ReferenceValue.id == value_id, ReferenceValue.kind == kind)
    if for_update:
        query = query.with_for_update()
    value = session.scalars(query).first()
    if value is None:
        raise NotFound(f"{kind.replace('_', ' ')} {value_id} not found")
    return value


def _check_name_free(session, *, kind, name, exclude_id=None):
    query = select(ReferenceValue.id).where(ReferenceValue.kind == kind,
                                            func.lower(ReferenceValue.name) == name.lower())
    if exclude_id is not None:
        query = query.where(ReferenceValue.id != exclude_id)
    if session.scalar(query) is not None:
        raise Conflict(f"the {kind.replace('_', ' ')} reference book already has «{name}»")


def _usage(session, *, kind, value_id):
    model, column = USERS[kind]
    return session.scalar(select(func.count()).select_from(model).where(column == value_id))


def list_values(session, *, kind, actor, include_archived=True):
    """The values of one reference book by name (an ordered book by position), each with how many
    records use it (counterparties; for negotiation stages, notes)."""
    model, column = USERS[kind]
    usage = (select(func.count()).select_from(model).where(column == ReferenceValue.id)
             .correlate(ReferenceValue).scalar_subquery())
    query = select(ReferenceValue, usage).where(ReferenceValue.kind == kind)
    if not include_archived:
        query = query.where(ReferenceValue.is_archived.is_(False))
    order = (ReferenceValue.position,) if kind in ORDERED else ()
    rows = session.execute(query.order_by(*order, func.lower(ReferenceValue.name), ReferenceValue.id)).all()
    return [_with_usage(value, used) for value, used in rows]


def _with_usage(value, used):
    value.counterparty_count = used
    return value


def create_value(session, *, kind, name, actor, code=None, position=None):
    """Add a value to a reference book; names are unique per book regardless of case, and so are
    codes. An ordered book puts a value without a position last."""
    _check_may_edit(actor)
    name = name.strip()
    _check_name_free(session, kind=kind, name=name)
    if code is not None:
        _check_code_free(session, kind=kind, code=code)
    if position is None:
        position = (session.scalar(select(func.max(ReferenceValue.position)).where(ReferenceValue.kind == kind))
                    or 0) + 1
    value = ReferenceValue(kind=kind, name=name, is_archived=False, code=code, position=position)
    session.add(value)
    session.flush()
    logic.audit(session, actor=actor, action="created", record_type="reference_value", record_id=value.id,
          changes={"kind": kind, "name": {"from": None, "to": name}, "code": {"from": None, "to": code},
                   "position": {"from": None, "to": position}})
    return _with_usage(value, 0)


def _check_code_free(session, *, kind, code, exclude_id=None):
    query = select(ReferenceValue.id).where(ReferenceValue.kind == kind, ReferenceValue.code == code)
    if exclude_id is not None:
        query = query.where(ReferenceValue.id != exclude_id)
    if session.scalar(query) is not None:
        raise Conflict(f"the {kind.replace('_', ' ')} reference book already has the code «{code}»")


def update_value(session, *, kind, value_id, changes, actor, expected_version=None):
    """Rename or (un)archive a value; an archived value stays on counterparties that have it
    but is offered for no new choice. ``expected_version``: as versions.check."""
    _check_may_edit(actor)
    value = _find(session, kind=kind, value_id=value_id, for_update=True)
    versions.check(session, record=value, expected_version=expected_version, audit_log=audit_log,
                   record_type="reference_value",
                   dump=lambda found: schemas.ReferenceValueSchema().dump(
                       _with_usage(found, _usage(session, kind=kind, value_id=found.id))))
    changed = {}
    if "name" in changes and changes["name"].strip() != value.name:
        name = changes["name"].strip()
        _check_name_free(session, kind=kind, name=name, exclude_id=value.id)
        changed["name"] = {"from": value.name, "to": name}
        value.name = name
    if "is_archived" in changes and changes["is_archived"] != value.is_archived:
        changed["is_archived"] = {"from": value.is_archived, "to": changes["is_archived"]}
        value.is_archived = changes["is_archived"]
    if changes.get("position") is not None and changes["position"] != value.position:
        changed["position"] = {"from": value.position, "to": changes["position"]}
        value.position = changes["position"]
    if "code" in changes and changes["code"] != value.code:
        if changes["code"] is not None:
            _check_code_free(session, kind=kind, code=changes["code"], exclude_id=value.id)
        changed["code"] = {"from": value.code, "to": changes["code"]}
        value.code = changes["code"]
    if changed:
        session.flush()
        logic.audit(session, actor=actor, action="updated", record_type="reference_value", record_id=value.id,
              changes={"kind": kind, **changed})
    return _with_usage(value, _usage(session, kind=kind, value_id=value.id))


def delete_value(session, *, kind, value_id, actor):
    """Remove a value no counterparty uses; one in use is a Conflict saying how many use it."""
    _check_may_edit(actor)
    value = _find(session, kind=kind, value_id=value_id, for_update=True)
    used = _usage(session, kind=kind, value_id=value.id)
    if used:
        users = "negotiation notes" if kind == NEGOTIATION_STAGE else "counterparties"
        raise Conflict(f"«{value.name}» is used by {used} {users}: merge it into another value "
                       "or archive it instead")
    session.delete(value)
    session.flush()
    logic.audit(session, actor=actor, action="deleted", record_type="reference_value", record_id=value_id,
          changes={"kind": kind, "name": {"from": value.name, "to": None}})


def merge_value(session, *, kind, value_id, into_id, actor):
    """Re-point every counterparty from one value to another of the same book, then remove the first."""
    _check_may_edit(actor)
    if value_id == into_id:
        raise InvalidInput("Invalid input: into_id", {"into_id": ["A value cannot be merged into itself."]})
    # both locked in a fixed order, so two merges of the same pair cannot deadlock
    first, second = sorted((value_id, into_id), key=str)
    locked = {v: _find(session, kind=kind, value_id=v, for_update=True) for v in (first, second)}
    source, target = locked[value_id], locked[into_id]
    if kind == NEGOTIATION_STAGE:
        return _merge_stage(session, source=source, target=target, actor=actor)
    name = REFERENCE_COLUMNS[kind]
    column = getattr(Counterparty, name)
    repointed = session.scalars(
        update(Counterparty).where(column == source.id)
        .values({name: target.id, "version": Counterparty.version + 1})  # a change of each card
        .returning(Counterparty.id).execution_options(synchronize_session="fetch")).all()
    for counterparty_id in repointed:
        change = {name: {"from": str(source.id), "to": str(target.id)}}
        logic.add_history(session, counterparty_id=counterparty_id, kind="counterparty.updated", actor_id=actor.id,
                    summary=f"{kind.replace('_', ' ').capitalize()}: «{source.name}» merged into «{target.name}»",
                    data={"changes": change})
        logic.audit(session, actor=actor, action="updated", record_type="counterparty", record_id=counterparty_id,
              changes=change)
    session.delete(source)
    session.flush()
    logic.audit(session, actor=actor, action="merged", record_type="reference_value", record_id=source.id,
          changes={"kind": kind, "name": {"from": source.name, "to": None}, "into_id": str(target.id),
                   "counterparties_repointed": len(repointed)})
    return _with_usage(target, _usage(session, kind=kind, value_id=target.id))


def _merge_stage(session, *, source, target, actor):
    """Every negotiation note of one stage moves to another; the first stage goes."""
    repointed = session.execute(update(NegotiationNote).where(NegotiationNote.stage_id == source.id)
                                .values(stage_id=target.id).execution_options(synchronize_session="fetch")).rowcount
    session.delete(source)
    session.flush()
    logic.audit(session, actor=actor, action="merged", record_type="reference_value", record_id=source.id,
                changes={"kind": NEGOTIATION_STAGE, "name": {"from": source.name, "to": None},
                         "into_id": str(target.id), "notes_repointed": repointed})
    return _with_usage(target, _usage(session, kind=NEGOTIATION_STAGE, value_id=target.id))


def check_characteristics(session, *, data, before=None):
    """Each characteristic id in ``data`` names a value of its own book; a new choice is not archived."""
    errors = {}
    for kind, name in REFERENCE_COLUMNS.items():
        value_id = data.get(name)
        if value_id is None or (before is not None and before.get(name) == str(value_id)):
            continue
        value = session.get(ReferenceValue, value_id)
        if value is None or value.kind != kind:
            errors[name] = [f"Not a value of the {kind.replace('_', ' ')} reference book."]
        elif value.is_archived:
            errors[name] = [f"«{value.name}» is archived."]
    if errors:
        raise InvalidInput("Invalid input: " + ", ".join(sorted(errors)), errors)
