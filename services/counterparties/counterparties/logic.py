"""The counterparty directory, contact persons, activities and the relationship history.

Every function takes the calling employee (``actor``) and sees only what the rules in
``access`` let them see: an invisible record is NotFound, lists and totals leave it out.
Every write appends one row to the audit log in the caller's transaction, as does every
read of a contact person's personal data.
"""
import re
import uuid
from datetime import date, datetime, timezone

from sqlalchemy import and_, exists, func, literal_column, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import joinedload

from chancery_common.audit import diff
from chancery_common.idempotency import already_made, pause_after_commit
from chancery_common.paging import page

from chancery_common import versions

from . import access, calendar, events, reference_books, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import (
    COUNTERPARTY_PHONE_DIGITS, COUNTERPARTY_SEARCH_TEXT, REFERENCE_COLUMNS, Activity,
    ContactPerson, Counterparty, CounterpartyResponsible, HistoryEntry, StaffMember, audit_log, outbox,
)

EDITABLE = (
    "kind", "name", "short_name", "country", "tax_id", "registration_number", "kpp", "legal_address",
    "postal_address", "phone", "fax", "email", "website", "main_contact", "notes",
    "responsible_employee_id", "additional_responsible_ids", *REFERENCE_COLUMNS.values(),
)
SORTS = {
    "name": (func.lower(Counterparty.name), Counterparty.id),
    "-name": (func.lower(Counterparty.name).desc(), Counterparty.id),
    "created_at": (Counterparty.created_at, Counterparty.id),
    "-created_at": (Counterparty.created_at.desc(), Counterparty.id),
    "updated_at": (Counterparty.updated_at, Counterparty.id),
    "-updated_at": (Counterparty.updated_at.desc(), Counterparty.id),
}
# A contact person's personal data: the audit log only says that it changed, never what it
# was or became, and erasure removes it from every table of this service.
PERSONAL = ("full_name", "position", "phones", "emails", "messengers", "important_dates", "birthday", "notes")
ANONYMISED_NAME = "Anonymised person"
REMOVED = "[removed]"
ERASERS = ("administrator", "lawyer")
# what an activity's audit rows show; the place may be the contact person's phone
ACTIVITY_AUDITED = ("counterparty_id", "contact_person_id", "kind", "subject", "description",
                    "phone_or_place", "planned_at", "duration_minutes", "responsible_id")
COMPLETION = ("status", "result", "next_step")
SCHEDULE_FOR_ANYONE = ("administrator", "director")
RECORDS = {
    "counterparty": (Counterparty, lambda actor: and_(Counterparty.merged_into_id.is_(None),
                                                      access.counterparty_condition(actor))),
    "contact_person": (ContactPerson, access.contact_person_condition),
    "activity": (Activity, access.activity_condition),
}


def find_visible(session, *, record_type, record_id, actor, for_update=False, joined=()):
    """The record if the actor may see it, else NotFound (whether or not it exists);
    ``joined``: relationships to read in the same query."""
    model, condition = RECORDS[record_type]
    query = select(model).where(model.id == record_id, condition(actor))
    if for_update:
        query = query.with_for_update(of=model)
    if joined:  # one record, its collections' rows joined: every row is needed to fill them
        found = session.scalars(query.options(*(joinedload(r) for r in joined))).unique().all()
        record = found[0] if found else None
    else:
        record = session.scalars(query).first()
    if record is None:
        raise NotFound(f"{record_type.replace('_', ' ')} {record_id} not found")
    return record


def audit(session, *, actor, action, record_type, record_id, changes=None, on_behalf_of=None):
    """Append one audit row in the caller's transaction."""
    audit_log.record(session, actor_id=actor.id, action=action, record_type=record_type,
                     record_id=record_id, changes=changes, on_behalf_of=on_behalf_of)


# Counterparties ----------------------------------------------------------------------

def get_counterparty(session, *, counterparty_id, actor, joined=()):
    """One counterparty the actor sees, or NotFound; for one merged into another that the actor
    sees, NotFound names it (``details``: {merged_into})."""
    try:
        return find_visible(session, record_type="counterparty", record_id=counterparty_id, actor=actor,
                            joined=joined)
    except NotFound as missing:
        survivor_id = session.scalar(select(Counterparty.merged_into_id).where(Counterparty.id == counterparty_id))
        if survivor_id is not None and session.scalar(select(Counterparty.id).where(
                Counterparty.id == survivor_id, access.counterparty_condition(actor))):
            raise NotFound(f"counterparty {counterparty_id} was merged into {survivor_id}",
                           {"merged_into": str(survivor_id)}) from None
        raise missing


def list_counterparties(session, *, actor, search=None, ids=None, responsible_employee_id=None,
                        status=None, sort="name", limit=50, offset=0, **characteristics):
    """A page of the counterparties the actor sees and the total matching the filters.

    ``characteristics``: ``activity_type_id``, ``region_id``, ``group_id``, ``category_id``,
    ``advertising_source_id``, each a list of value ids (any of them matches).
    """
    query = directory_query(actor=actor, search=search, ids=ids, responsible_employee_id=responsible_employee_id,
                            status=status, **characteristics)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(query.order_by(*SORTS[sort]).limit(limit).offset(offset)).all()
    return items, total


def directory_query(*, actor, search=None, ids=None, responsible_employee_id=None, status=None, department_id=None,
                    **characteristics):
    """The directory's filters as one query of the counterparties the actor sees (the list,
    the export and the pipeline board read through it); ``department_id``: the primary
    responsible employee works there (per ``staff_directory``)."""
    query = select(Counterparty).where(Counterparty.merged_into_id.is_(None), access.counterparty_condition(actor))
    if search and search.strip():
        query = query.where(search_condition(search))
    if ids is not None:
        query = query.where(Counterparty.id.in_(ids))
    if responsible_employee_id is not None:
        query = query.where(or_(Counterparty.responsible_employee_id == responsible_employee_id, exists().where(
            CounterpartyResponsible.counterparty_id == Counterparty.id,
            CounterpartyResponsible.employee_id == responsible_employee_id)))
    if status is not None:
        query = query.where(Counterparty.status == status)
    for name, value_ids in characteristics.items():
        if name not in REFERENCE_COLUMNS.values():
            raise TypeError(f"unknown filter {name}")
        if value_ids:
            query = query.where(getattr(Counterparty, name).in_(value_ids))
    if department_id is not None:
        query = query.where(Counterparty.responsible_employee_id.in_(
            select(StaffMember.employee_id).where(StaffMember.department_id == department_id)))
    return query


def search_condition(search):
    """Text search of the directory: every word of ``search`` (as a word prefix) in the name,
    short name, e-mail, main contact or a contact person's name (PostgreSQL full text,
    'simple' configuration); or the text as a part of the name, short name, tax id, e-mail,
    main contact or a contact person's name; or its digits (four or more) inside the phone
    number. Contact persons' names are kept on the counterparty's row (``contact_names``), so
    every way is an index of the counterparties table (full text: GIN; parts: pg_trgm GIN)
    and PostgreSQL combines their bitmaps with those of the other filters."""
    text = search.strip()
    # lower() of PostgreSQL on both sides, as ILIKE folds case (search_fields is lower-cased)
    found = [Counterparty.search_fields.like(func.lower(f"%{_escape_like(text)}%"), escape="\\")]
    words = re.findall(r"\w+", text)
    # one plain word: a word starting with it contains it, so the part search finds it already
    if words and words != [text]:
        query = func.to_tsquery(literal_column("'simple'"), " & ".join(f"{word.lower()}:*" for word in words))
        found.append(COUNTERPARTY_SEARCH_TEXT.op("@@")(query))
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= 4:
        found.append(COUNTERPARTY_PHONE_DIGITS.contains(digits))
    return or_(*found)


def _escape_like(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_duplicates(session, *, data, actor, exclude_id=None):
    """Visible look-alikes (same tax id, phone, e-mail or name) and how many others exist.

    Duplicates the actor may not see are only counted: entering a counterparty that
    another department already keeps should be noticed, without showing whose it is.
    """
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
        return [], 0
    matching = select(Counterparty).where(or_(*conditions), Counterparty.merged_into_id.is_(None))
    if exclude_id is not None:
        matching = matching.where(Counterparty.id != exclude_id)
    if actor.idempotency_key is not None:
        # a retry of a request whose first attempt was saved (its answer lost): that record is
        # this request's own, not a look-alike; creating it again returns it (already_made)
        matching = matching.where(or_(Counterparty.idempotency_key.is_(None),
                                      Counterparty.idempotency_key != actor.idempotency_key))
    visible = matching.where(access.counterparty_condition(actor))
    items = session.scalars(visible.order_by(Counterparty.name).limit(10)).all()
    hidden = (session.scalar(select(func.count()).select_from(matching.subquery()))
              - session.scalar(select(func.count()).select_from(visible.subquery())))
    return items, hidden


def exact_duplicate(session, *, tax_id, kpp, actor):
    """Conflict naming the counterparty that already has this tax id (and KPP: a branch has its
    own), by name and id when the actor sees it, only that it exists otherwise; so that a second
    copy is made on purpose."""
    if not tax_id:
        return
    query = select(Counterparty).where(Counterparty.tax_id == tax_id, Counterparty.merged_into_id.is_(None),
                                       func.coalesce(Counterparty.kpp, "") == (kpp or ""))
    if actor.idempotency_key is not None:  # a retried request's own record is not its duplicate
        query = query.where(or_(Counterparty.idempotency_key.is_(None),
                                Counterparty.idempotency_key != actor.idempotency_key))
    existing = session.scalars(query.order_by(Counterparty.created_at).limit(1)).first()
    if existing is None:
        return
    if session.scalar(select(func.count()).where(Counterparty.id == existing.id,
                                                 access.counterparty_condition(actor))):
        raise Conflict(f"counterparty {existing.name} ({existing.id}) already has the tax id {tax_id}: "
                       "open it, or send allow_duplicate: true to create another one",
                       {"tax_id": tax_id, "existing_id": str(existing.id), "existing_name": existing.name})
    raise Conflict(f"a counterparty you do not see already has the tax id {tax_id}: ask its responsible "
                   "employee, or send allow_duplicate: true to create another one", {"tax_id": tax_id})


def create_counterparty(session, *, data, actor):
    """Add a counterparty, record it in its history and the audit log, and announce it.

    A tax id another counterparty has is refused (Conflict naming it) unless ``data`` says
    ``allow_duplicate``: a second copy is made only on purpose."""
    data = dict(data)
    allow_duplicate = data.pop("allow_duplicate", False)
    made = already_made(session, Counterparty, actor.idempotency_key)
    if made is not None:  # a retry of a request whose first attempt was written
        return made
    if not allow_duplicate:
        exact_duplicate(session, tax_id=data.get("tax_id"), kpp=data.get("kpp"), actor=actor)
    reference_books.check_characteristics(session, data=data)
    counterparty = Counterparty(**data, created_by=actor.id, idempotency_key=actor.idempotency_key)
    if counterparty.responsible_employee_id is None:
        counterparty.responsible_employee_id = actor.id
    _primary_is_not_additional(counterparty)
    session.add(counterparty)
    session.flush()
    add_history(session, counterparty_id=counterparty.id, kind="counterparty.created",
                actor_id=actor.id, summary=f"Counterparty {counterparty.name} created")
    audit(session, actor=actor, action="created", record_type="counterparty", record_id=counterparty.id,
          changes=diff({}, {name: value for name, value in _values(counterparty, EDITABLE).items() if value != []},
                       EDITABLE))
    events.catalog.record(session, events.COUNTERPARTY_CREATED, {
        "counterparty_id": counterparty.id, "name": counterparty.name, "tax_id": counterparty.tax_id,
        "responsible_employee_id": counterparty.responsible_employee_id, "created_by": actor.id,
    })
    pause_after_commit(session, counterparty.name)
    return counterparty


def update_counterparty(session, *, counterparty_id, changes, actor, expected_version=None):
    """Apply changed fields; history, audit and event carry each field's old and new value.
    ``expected_version``: PreconditionFailed when the card is at another one (versions.check)."""
    counterparty = find_visible(session, record_type="counterparty", record_id=counterparty_id,
                                actor=actor, for_update=True)
    versions.check(session, record=counterparty, expected_version=expected_version, audit_log=audit_log,
                   record_type="counterparty", dump=schemas.CounterpartySchema().dump)
    before = _values(counterparty, EDITABLE)
    reference_books.check_characteristics(session, data=changes, before=before)
    for name, value in changes.items():
        if name in EDITABLE:
            setattr(counterparty, name, value)
    _primary_is_not_additional(counterparty)
    changed = diff(before, _values(counterparty, EDITABLE), EDITABLE)
    if changed:
        # a change of the additional responsible employees alone writes only their rows: the
        # card's own row is written too, so that its version moves
        counterparty.updated_at = datetime.now(timezone.utc)
        session.flush()
        add_history(session, counterparty_id=counterparty.id, kind="counterparty.updated",
                    actor_id=actor.id, summary="Changed: " + ", ".join(sorted(changed)),
                    data={"changes": changed})
        audit(session, actor=actor, action="updated", record_type="counterparty",
              record_id=counterparty.id, changes=changed)
        events.catalog.record(session, events.COUNTERPARTY_UPDATED, {
            "counterparty_id": counterparty.id, "changed_by": actor.id, "changes": changed,
            "name": counterparty.name, "responsible_employee_id": counterparty.responsible_employee_id,
        })
    return counterparty


def _primary_is_not_additional(counterparty):
    if counterparty.responsible_employee_id in counterparty.additional_responsible_ids:
        counterparty.additional_responsible_ids = [
            employee_id for employee_id in counterparty.additional_responsible_ids
            if employee_id != counterparty.responsible_employee_id]


def add_history(session, *, counterparty_id, kind, summary, actor_id=None, data=None,
                occurred_at=None, source_event_id=None):
    """Append an entry to a counterparty's relationship history (who may read which entry:
    relationship_history.py)."""
    entry = HistoryEntry(counterparty_id=counterparty_id, kind=kind, summary=summary,
                         actor_id=actor_id, data=data or {}, source_event_id=source_event_id)
    if occurred_at is not None:
        entry.occurred_at = occurred_at
    session.add(entry)
    return entry


# Contact persons ---------------------------------------------------------------------

def add_contact_person(session, *, counterparty_id, data, actor):
    """Add a person to a visible counterparty; the event and the audit log name no personal data."""
    counterparty = get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    made = already_made(session, ContactPerson, actor.idempotency_key)
    if made is not None:
        return made
    person = ContactPerson(**_json_ready_person(data), counterparty_id=counterparty.id, created_by=actor.id,
                           idempotency_key=actor.idempotency_key)
    session.add(person)
    session.flush()
    add_history(session, counterparty_id=counterparty.id, kind="contact_person.added",
                actor_id=actor.id, summary=_person_summary("contact_person.added", person.full_name),
                data={"contact_person_id": str(person.id)})
    given = {name: value for name, value in _values(person, PERSONAL).items() if value not in (None, [], "")}
    audit(session, actor=actor, action="added", record_type="contact_person", record_id=person.id,
          changes=diff({}, given, PERSONAL, personal=PERSONAL))
    events.catalog.record(session, events.CONTACT_PERSON_ADDED, {
        **person_event(person, counterparty), "added_by": actor.id})
    return person


DATE_TITLES = {"birthday": "Birthday", "anniversary": "Anniversary", "other": "Important date"}


def person_event(person, counterparty):
    """What contact_person.added / updated carry: the name and the important dates, for reminders."""
    return {
        "contact_person_id": person.id, "counterparty_id": counterparty.id, "full_name": person.full_name,
        "important_dates": [{
            "id": item.get("id") or str(uuid.uuid5(person.id, str(index))),
            "title": item.get("label") or DATE_TITLES.get(item.get("kind"), "Important date"),
            "date": item["date"],
            "remind": bool(item.get("remind", item.get("remind_yearly", False))),
            "remind_days_before": int(item.get("remind_days_before") or 0),
        } for index, item in enumerate(person.important_dates)],
        "responsible_employee_id": counterparty.responsible_employee_id,
    }


def get_contact_person(session, *, contact_person_id, actor):
    """A visible contact person; the read of their personal data is audited."""
    person = find_visible(session, record_type="contact_person", record_id=contact_person_id, actor=actor)
    audit_log.record_reads(session, [{"actor_id": actor.id, "action": "read", "record_type": "contact_person",
                                      "record_id": person.id}])
    return person


def list_contact_persons(session, *, counterparty_id, actor):
    """The persons of a visible counterparty; each one listed is an audited read."""
    get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    return contact_persons_of(session, counterparty_id=counterparty_id, actor=actor)


def contact_persons_of(session, *, counterparty_id, actor):
    """``list_contact_persons`` of a counterparty already found visible (the reads audited in
    one insert)."""
    persons = session.scalars(select(ContactPerson).where(ContactPerson.counterparty_id == counterparty_id)
                              .order_by(func.lower(ContactPerson.full_name), ContactPerson.id)).all()
    audit_log.record_reads(session, [{"actor_id": actor.id, "action": "read", "record_type": "contact_person",
                                      "record_id": person.id} for person in persons])
    return persons


def update_contact_person(session, *, contact_person_id, changes, actor, expected_version=None):
    """Change a person's data; history and audit name the fields, never their values.
    ``expected_version``: PreconditionFailed when the person is at another one (versions.check)."""
    person = _editable_person(session, contact_person_id=contact_person_id, actor=actor)
    versions.check(session, record=person, expected_version=expected_version, audit_log=audit_log,
                   record_type="contact_person", dump=schemas.ContactPersonSchema().dump)
    before = _values(person, PERSONAL)
    for name, value in _json_ready_person(changes).items():
        setattr(person, name, value)
    changed = diff(before, _values(person, PERSONAL), PERSONAL, personal=PERSONAL)
    if changed:
        session.flush()
        add_history(session, counterparty_id=person.counterparty_id, kind="contact_person.updated",
                    actor_id=actor.id, summary=_person_summary("contact_person.updated", person.full_name,
                                                               sorted(changed)),
                    data={"contact_person_id": str(person.id), "fields": sorted(changed)})
        audit(session, actor=actor, action="updated", record_type="contact_person", record_id=person.id,
              changes=changed)
        events.catalog.record(session, events.CONTACT_PERSON_UPDATED, {
            **person_event(person, session.get(Counterparty, person.counterparty_id)),
            "updated_by": actor.id, "changed": sorted(changed)})
    return person


def _json_ready_person(data):
    """Messengers and important dates as their JSON columns keep them (dates and ids as text);
    a new important date gets its id here."""
    if "important_dates" not in data:
        return data
    return {**data, "important_dates": [
        {**item, "date": _plain(item["date"]), "id": str(item.get("id") or uuid.uuid4())}
        for item in data["important_dates"]]}


def move_contact_person(session, *, contact_person_id, counterparty_id, actor):
    """Move a person to another visible counterparty: their activities and history stay theirs.

    Both counterparties get a history entry; the audit row keeps both ids.
    """
    person = _editable_person(session, contact_person_id=contact_person_id, actor=actor)
    target = get_counterparty(session, counterparty_id=counterparty_id, actor=actor)
    source_id = person.counterparty_id
    if target.id == source_id:
        raise InvalidInput("Invalid input: counterparty_id", {
            "counterparty_id": ["The person already works at this counterparty."]})
    person.counterparty_id = target.id
    session.flush()
    for kind, on, other in (("contact_person.moved_out", source_id, target.id),
                            ("contact_person.moved_in", target.id, source_id)):
        add_history(session, counterparty_id=on, kind=kind, actor_id=actor.id,
                    summary=_person_summary(kind, person.full_name),
                    data={"contact_person_id": str(person.id), "other_counterparty_id": str(other)})
    audit(session, actor=actor, action="moved", record_type="contact_person", record_id=person.id,
          changes={"counterparty_id": {"from": str(source_id), "to": str(target.id)}})
    events.catalog.record(session, events.CONTACT_PERSON_MOVED, {
        "contact_person_id": person.id, "from_counterparty_id": source_id, "to_counterparty_id": target.id,
        "moved_by": actor.id})
    return person


def record_consent(session, *, contact_person_id, given, method, actor):
    """Record consent to mailings (when and how) or its withdrawal."""
    person = _editable_person(session, contact_person_id=contact_person_id, actor=actor)
    now = datetime.now(timezone.utc)
    before = person.consent_to_mailings
    person.consent_to_mailings = given
    if given:
        person.consent_given_at, person.consent_method, person.consent_withdrawn_at = now, method, None
    else:
        person.consent_withdrawn_at = now
    session.flush()
    audit(session, actor=actor, action="consent_given" if given else "consent_withdrawn",
          record_type="contact_person", record_id=person.id,
          changes={"consent_to_mailings": {"from": before, "to": given}, "method": method})
    return person


def export_contact_person(session, *, contact_person_id, actor):
    """Everything this service holds about a person; the export itself is audited first."""
    person = find_visible(session, record_type="contact_person", record_id=contact_person_id, actor=actor)
    audit(session, actor=actor, action="exported", record_type="contact_person", record_id=person.id)
    activities = session.scalars(select(Activity).where(Activity.contact_person_id == person.id)
                                 .order_by(Activity.planned_at, Activity.id)).all()
    entries = session.scalars(
        # this service's own entries: one from another service's record is that service's to export
        select(HistoryEntry).where(HistoryEntry.data["contact_person_id"].astext == str(person.id),
                                   HistoryEntry.source_event_id.is_(None))
        .order_by(HistoryEntry.occurred_at, HistoryEntry.id)).all()
    audit_rows, _ = audit_log.entries(session, record_type="contact_person", record_ids=[person.id],
                                      limit=None)
    return {"exported_at": datetime.now(timezone.utc), "contact_person": person,
            "counterparty": session.get(Counterparty, person.counterparty_id),
            "activities": activities, "history": entries, "audit": audit_rows}


def erase_contact_person(session, *, contact_person_id, reason, actor):
    """Anonymise a person: their data leaves every table of this service; the row and links stay.

    Administrators and lawyers only. The name, position, phones, e-mails, messengers,
    important dates, birthday and notes are cleared on the person, scrubbed out of the
    history and the outbox of every counterparty the person was at (they may have moved),
    and an activity's place is cleared where it was one of the person's phones.
    The audit log never held the values. ``contact_person.erased`` tells the other services.
    """
    person = find_visible(session, record_type="contact_person", record_id=contact_person_id,
                          actor=actor, for_update=True)
    if not actor.has_role(*ERASERS):
        raise PermissionDenied("Only administrators and lawyers may erase a contact person's personal data.")
    if person.anonymised_at is not None:
        raise Conflict(f"contact person {person.id} is already anonymised")
    scrub = _scrubber(person)
    reason = scrub(reason)
    # the person may have moved: every counterparty they were at, or had activities with
    counterparty_ids = {person.counterparty_id, *session.scalars(
        select(HistoryEntry.counterparty_id).where(HistoryEntry.data["contact_person_id"].astext == str(person.id))),
        *session.scalars(select(Activity.counterparty_id).where(Activity.contact_person_id == person.id))}
    places_cleared = 0
    for activity in session.scalars(select(Activity).where(
            Activity.counterparty_id.in_(counterparty_ids), Activity.phone_or_place.is_not(None))):
        if any(_same_phone(activity.phone_or_place, phone) for phone in person.phones):
            activity.phone_or_place = None
            places_cleared += 1
    entries_scrubbed = 0
    for entry in session.scalars(select(HistoryEntry).where(HistoryEntry.counterparty_id.in_(counterparty_ids))):
        summary, data = scrub(entry.summary), scrub(entry.data)
        if entry.data.get("contact_person_id") == str(person.id) and entry.kind in PERSON_SUMMARIES:
            # written by us: rewritten whole, so a short or since-changed name goes too
            summary = _person_summary(entry.kind, ANONYMISED_NAME, entry.data.get("fields", ()))
        if (summary, data) != (entry.summary, entry.data):
            entry.summary, entry.data = summary, data
            entries_scrubbed += 1
    for counterparty_id in sorted(counterparty_ids, key=str):
        _scrub_outbox(session, counterparty_id=counterparty_id, contact_person_id=person.id, scrub=scrub)
    person.full_name, person.position, person.birthday, person.notes = ANONYMISED_NAME, None, None, None
    person.phones, person.emails, person.messengers, person.important_dates = [], [], [], []
    person.consent_to_mailings = False
    person.anonymised_at = datetime.now(timezone.utc)
    session.flush()
    add_history(session, counterparty_id=person.counterparty_id, kind="contact_person.erased",
                actor_id=actor.id, summary="A contact person's personal data was erased",
                data={"contact_person_id": str(person.id)})
    audit(session, actor=actor, action="anonymised", record_type="contact_person", record_id=person.id,
          changes={"reason": reason, "history_entries_scrubbed": entries_scrubbed,
                   "activity_places_cleared": places_cleared})
    events.catalog.record(session, events.CONTACT_PERSON_ERASED, {
        "contact_person_id": person.id, "counterparty_id": person.counterparty_id,
        "erased_by": actor.id, "reason": reason})
    return person


PERSON_SUMMARIES = {
    "contact_person.added": "Contact person {name} added",
    "contact_person.updated": "Contact person {name}: changed {fields}",
    "contact_person.moved_out": "Contact person {name} moved to another counterparty",
    "contact_person.moved_in": "Contact person {name} moved here from another counterparty",
}


def _person_summary(kind, name, fields=()):
    return PERSON_SUMMARIES[kind].format(name=name, fields=", ".join(fields))


def _editable_person(session, *, contact_person_id, actor):
    person = find_visible(session, record_type="contact_person", record_id=contact_person_id,
                          actor=actor, for_update=True)
    if person.anonymised_at is not None:
        raise Conflict(f"contact person {person.id} is anonymised and can no longer be changed")
    return person


def _scrubber(person):
    """A function replacing the person's values in text, lists and dicts (any case)."""
    replacements = {}
    for value, replacement in ((person.full_name, ANONYMISED_NAME), (person.position, REMOVED),
                               (person.notes, REMOVED), *((v, REMOVED) for v in person.phones + person.emails),
                               (person.birthday.isoformat() if person.birthday else None, REMOVED),
                               *((m.get("handle"), REMOVED) for m in person.messengers),
                               *((d.get(key), REMOVED) for d in person.important_dates for key in ("label", "date"))):
        # very short values would match inside unrelated words
        if value and len(value.strip()) >= 3:
            replacements.setdefault(value.strip().lower(), replacement)
    if not replacements:
        return lambda value: value
    pattern = re.compile("|".join(re.escape(value) for value in sorted(replacements, key=len, reverse=True)),
                         re.IGNORECASE)

    def scrub(value):
        if isinstance(value, str):
            if _is_uuid(value):  # an id may contain a short value by chance; it is no one's data
                return value
            return pattern.sub(lambda match: replacements.get(match.group(0).lower(), REMOVED), value)
        if isinstance(value, list):
            return [scrub(item) for item in value]
        if isinstance(value, dict):
            return {key: scrub(item) for key, item in value.items()}
        return value
    return scrub


def _scrub_outbox(session, *, counterparty_id, contact_person_id, scrub):
    """Events about the counterparty still in the outbox lose the person's values."""
    table = outbox.table
    for row in session.execute(select(table.c.id, table.c.payload).where(
            table.c.payload["counterparty_id"].astext == str(counterparty_id))):
        payload = scrub(row.payload)
        if payload.get("contact_person_id") == str(contact_person_id):
            payload.pop("full_name", None)  # contact_person.added carried it before it was dropped
        if payload != row.payload:
            session.execute(table.update().where(table.c.id == row.id).values(payload=payload))


# Activities --------------------------------------------------------------------------

def plan_activity(session, *, data, actor):
    """Plan an activity on a visible counterparty, for the caller or for another employee."""
    counterparty = get_counterparty(session, counterparty_id=data["counterparty_id"], actor=actor)
    responsible_id = data.get("responsible_id") or actor.id
    if responsible_id != actor.id:
        _check_may_schedule_for(session, actor=actor, employee_id=responsible_id)
    person_id = data.get("contact_person_id")
    if person_id is not None:
        person = session.get(ContactPerson, person_id)
        if person is None or person.counterparty_id != counterparty.id:
            raise InvalidInput("Invalid input: contact_person_id", {
                "contact_person_id": ["Not a contact person of this counterparty."]})
        if person.anonymised_at is not None:
            raise Conflict(f"contact person {person.id} is anonymised")
    made = already_made(session, Activity, actor.idempotency_key)
    if made is not None:
        return made
    return _plan(session, data={**data, "responsible_id": responsible_id, "idempotency_key": actor.idempotency_key},
                 actor=actor)


def _check_may_schedule_for(session, *, actor, employee_id):
    if actor.has_role(*SCHEDULE_FOR_ANYONE):
        return
    if actor.has_role("department_head"):
        if access.works_in_visible_department(session, actor=actor, employee_id=employee_id):
            return
        raise PermissionDenied(f"A department head plans activities only for employees of their "
                               f"departments; employee {employee_id} works elsewhere.")
    raise PermissionDenied("Only administrators, directors and department heads may plan an "
                           "activity for another employee.")


def _plan(session, *, data, actor, follow_up_of=None):
    activity = Activity(**data, scheduled_by=actor.id, status="planned", follow_up_of=follow_up_of)
    session.add(activity)
    session.flush()
    audit(session, actor=actor, action="planned", record_type="activity", record_id=activity.id,
          changes=diff({}, _values(activity, ACTIVITY_AUDITED), ACTIVITY_AUDITED,
                       personal=("phone_or_place",)))
    events.catalog.record(session, events.ACTIVITY_SCHEDULED, {
        **activity_ref(activity), "scheduled_by": actor.id, "sequence": 0})
    return activity


def get_activity(session, *, activity_id, actor):
    """One activity the actor sees, or NotFound."""
    return find_visible(session, record_type="activity", record_id=activity_id, actor=actor)


def list_activities(session, *, actor, counterparty_id=None, responsible_id=None, status=None,
                    planned_from=None, planned_to=None, limit=100, offset=0):
    """Visible activities in planned order, filtered; the agenda is one such query."""
    query = select(Activity).where(access.activity_condition(actor))
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
    return page(session, query, order_by=(Activity.planned_at, Activity.id), limit=limit, offset=offset)


def complete_activity(session, *, activity_id, status, result, next_step, follow_up, actor):
    """Record the result; with ``follow_up``, plan the next one for the same employee."""
    activity = find_visible(session, record_type="activity", record_id=activity_id, actor=actor,
                            for_update=True)
    if activity.status != "planned":
        raise Conflict(f"activity {activity_id} is already {activity.status}")
    before = _values(activity, COMPLETION)
    activity.status = status
    activity.result = result
    activity.next_step = next_step
    activity.completed_at = datetime.now(timezone.utc)
    session.flush()
    add_history(session, counterparty_id=activity.counterparty_id, kind="activity.completed",
                actor_id=actor.id, summary=f"{activity.kind.capitalize()} «{activity.subject}»: {result}",
                data={"activity_id": str(activity.id), "status": status, "next_step": next_step})
    # a deputy completes an absent colleague's activity on their behalf
    on_behalf_of = activity.responsible_id if activity.responsible_id in actor.acting_for else None
    audit(session, actor=actor, action="completed", record_type="activity", record_id=activity.id,
          changes=diff(before, _values(activity, COMPLETION), COMPLETION), on_behalf_of=on_behalf_of)
    sequence = calendar.sequence_of(session, activity.id)
    events.catalog.record(session, events.ACTIVITY_COMPLETED, {
        **activity_ref(activity), "status": status, "result": result, "next_step": next_step,
        "completed_by": actor.id, "sequence": sequence})
    if status == "cancelled":
        events.catalog.record(session, events.ACTIVITY_CANCELLED, {
            "activity_id": activity.id, "counterparty_id": activity.counterparty_id,
            "responsible_id": activity.responsible_id, "cancelled_by": actor.id, "sequence": sequence})
    following = None
    if follow_up is not None:
        # the responsible employee stays: whoever planned the first one could choose them; the
        # phone or place only for the same kind (a call's number is no place for a meeting)
        kind = follow_up["kind"] or activity.kind
        following = _plan(session, actor=actor, follow_up_of=activity.id, data={
            "counterparty_id": activity.counterparty_id, "contact_person_id": activity.contact_person_id,
            "kind": kind, "subject": follow_up["subject"], "description": follow_up["description"],
            "phone_or_place": activity.phone_or_place if kind == activity.kind else None,
            "planned_at": follow_up["planned_at"], "responsible_id": activity.responsible_id})
    return activity, following


def reschedule_activity(session, *, activity_id, planned_at, actor, duration_minutes=None, reason=None):
    """Move a planned activity to another time (and length); the same time changes nothing."""
    activity = find_visible(session, record_type="activity", record_id=activity_id, actor=actor, for_update=True)
    if activity.status != "planned":
        raise Conflict(f"activity {activity_id} is already {activity.status}")
    names = ("planned_at", "duration_minutes")
    before = _values(activity, names)
    previous = activity.planned_at
    activity.planned_at = planned_at
    if duration_minutes is not None:
        activity.duration_minutes = duration_minutes
    changed = diff(before, _values(activity, names), names)
    if not changed:
        return activity
    session.flush()
    add_history(session, counterparty_id=activity.counterparty_id, kind="activity.rescheduled", actor_id=actor.id,
                summary=f"{activity.kind.capitalize()} «{activity.subject}» moved to {planned_at.isoformat()}"
                        + (f": {reason}" if reason else ""),
                data={"activity_id": str(activity.id), "previous_planned_at": previous.isoformat(),
                      "planned_at": planned_at.isoformat(), "reason": reason})
    on_behalf_of = activity.responsible_id if activity.responsible_id in actor.acting_for else None
    audit(session, actor=actor, action="rescheduled", record_type="activity", record_id=activity.id,
          changes={**changed, "reason": reason}, on_behalf_of=on_behalf_of)
    events.catalog.record(session, events.ACTIVITY_RESCHEDULED, {
        **activity_ref(activity), "scheduled_by": activity.scheduled_by, "previous_planned_at": previous,
        "rescheduled_by": actor.id, "sequence": calendar.sequence_of(session, activity.id)})
    return activity


def cancel_activity(session, *, activity_id, reason, actor):
    """Call off a planned activity: completed as ``cancelled`` with the reason as its result."""
    activity, _ = complete_activity(session, activity_id=activity_id, status="cancelled", result=reason,
                                    next_step=None, follow_up=None, actor=actor)
    return activity


def activity_ref(activity):
    """The fields every activity event carries."""
    return {"activity_id": activity.id, "counterparty_id": activity.counterparty_id,
            "contact_person_id": activity.contact_person_id, "kind": activity.kind,
            "subject": activity.subject, "planned_at": activity.planned_at,
            "duration_minutes": activity.duration_minutes, "responsible_id": activity.responsible_id}


# Access, audit --------------------------------------------------------------------------

def explain_access(session, *, employee, record_type, record_id, actor):
    """Whether ``employee`` sees a record and by which rule; administrators ask."""
    if not actor.has_role("administrator"):
        raise PermissionDenied("Only administrators may ask who sees a record.")
    model, _ = RECORDS[record_type]
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(f"{record_type.replace('_', ' ')} {record_id} not found")
    visible, reasons = access.explain(session, employee=employee, record_type=record_type, record=record)
    return {"visible": visible, "reasons": reasons}


def audit_entries(session, *, actor, record_type=None, record_id=None, actor_id=None, action=None,
                  since=None, until=None, limit=100, offset=0):
    """Audit rows of one visible record, or (with ``view_audit``) of the whole log."""
    if record_id is not None:
        find_visible(session, record_type=record_type, record_id=record_id, actor=actor)
    elif not actor.may("view_audit"):
        raise PermissionDenied("Searching the whole audit log needs the view_audit permission.")
    return audit_log.entries(session, record_type=record_type,
                             record_ids=None if record_id is None else [record_id],
                             actor_id=actor_id, action=action, since=since, until=until,
                             limit=limit, offset=offset)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and its first broken row."""
    if not actor.may("view_audit"):
        raise PermissionDenied("Checking the audit log needs the view_audit permission.")
    intact, first_bad_id = audit_log.verify(session.connection())
    return {"intact": intact, "first_bad_id": first_bad_id}


# Other services' events ------------------------------------------------------------------

def remember_employee(session, *, employee_id, department_id, is_active, changed_at):
    """Keep where an employee works; an older event arriving late changes nothing."""
    statement = insert(StaffMember).values(employee_id=employee_id, department_id=department_id,
                                           is_active=is_active, updated_at=changed_at)
    session.execute(statement.on_conflict_do_update(
        index_elements=[StaffMember.employee_id],
        set_={"department_id": statement.excluded.department_id,
              "is_active": statement.excluded.is_active, "updated_at": statement.excluded.updated_at},
        where=StaffMember.updated_at <= statement.excluded.updated_at))


def record_foreign_event(session, *, event, summary):
    """Add an event from another service to the history of the counterparty it names; the
    entry is shown to those the owner of the record it tells of lets see the record (its
    aggregate needs an owner in relationship_history.SOURCES)."""
    counterparty_id = event.payload.get("counterparty_id")
    counterparty = session.get(Counterparty, counterparty_id) if counterparty_id else None
    if counterparty is None:
        return None
    # an event about a merged-away counterparty belongs to the one it went into
    counterparty_id = counterparty.merged_into_id or counterparty.id
    actor_id = next((event.payload.get(key) for key in (
        "decided_by", "signed_by", "registrar_id", "changed_by", "initiator_id", "uploaded_by", "moved_by",
        "recorded_by", "cancelled_by")
        if event.payload.get(key)), None)
    return add_history(session, counterparty_id=counterparty_id, kind=event.type, summary=summary,
                       actor_id=actor_id, data=event.payload, occurred_at=event.occurred_at,
                       source_event_id=event.id)


def _values(record, names):
    return {name: _plain(getattr(record, name)) for name in names}


def _is_uuid(text):
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _same_phone(text, phone):
    """The same number, whatever the formatting (+7 (495) 123-45-67 and 74951234567)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return text.strip() == phone.strip() or (
        len(digits) >= 6 and digits == "".join(ch for ch in phone if ch.isdigit()))


def _plain(value):
    """A value as the audit log, history and events keep it: JSON-ready."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if value is not None and not isinstance(value, (str, int, float, bool, dict)) else value
