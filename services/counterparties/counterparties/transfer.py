"""Importing counterparties (and their contact persons) from rows of a file, and exporting them.

The gateway parses the CSV or XLSX file into rows ({column: text}) and numbers them as the
file does (the header is row 1). Columns are the field names (``name``, ``tax_id``...), a
few usual headers are understood too (``INN``, ``E-mail``...); characteristics are given
by the value's name (``region``: "Ural"), and one contact person per row by the
``contact_*`` columns. Rows naming the same counterparty (the same tax id, else the same
name) are one counterparty: the later ones only add their contact person.

Every row is validated (errors name the row and the field) and checked for duplicates in
the directory the way quick entry is (same tax id, e-mail, phone or name; those the caller
may not see are only counted). ``mode`` says what a duplicate row does: ``skip`` it,
``update`` the one visible match (its empty fields filled and changed fields replaced by
the file's non-empty values), or ``create`` a new counterparty anyway. All of it is one
transaction: with any row in error nothing is imported, unless ``allow_partial`` (then the
rows in error are left out). A dry run does the same work and rolls it back: the report
is exactly what the import would do.

A spreadsheet that holds a tax id or a KPP as a number drops its leading zeros (regions 01
to 09; a personal INN too). For a Russian counterparty, a tax id of digits shorter than an
organisation's INN (10) or a personal one (12), or a KPP shorter than 9, is padded with
zeros to that length when the result is valid (an INN's check digits must match); anything
else is reported as it is.
"""
import re

from marshmallow import ValidationError
from sqlalchemy import func, select

from . import legal, logic, negotiations, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import REFERENCE_COLUMNS, ContactPerson, ReferenceValue

MAX_ROWS = 10_000
MODES = ("skip", "update", "create")
COUNTERPARTY_FIELDS = (
    "kind", "name", "short_name", "country", "tax_id", "registration_number", "kpp", "legal_address",
    "postal_address", "phone", "fax", "email", "website", "main_contact", "notes",
)
PERSON_FIELDS = ("contact_person", "contact_position", "contact_phone", "contact_email")
CHARACTERISTICS = tuple(REFERENCE_COLUMNS)  # by the value's name: activity_type, region...
# usual headers people give the columns (compared without case, spaces, dots, dashes)
ALIASES = {
    "inn": "tax_id", "taxid": "tax_id", "taxnumber": "tax_id", "vat": "tax_id", "ogrn": "registration_number",
    "ogrnip": "registration_number", "registrationnumber": "registration_number", "mail": "email",
    "emailaddress": "email", "telephone": "phone", "phonenumber": "phone", "tel": "phone", "company": "name",
    "organisation": "name", "organization": "name", "counterparty": "name", "shortname": "short_name",
    "legaladdress": "legal_address", "postaladdress": "postal_address", "maincontact": "main_contact",
    "activitytype": "activity_type", "advertisingsource": "advertising_source", "contact": "contact_person",
    "contactperson": "contact_person", "contactname": "contact_person", "contactposition": "contact_position",
    "contactphone": "contact_phone", "contactemail": "contact_email", "position": "contact_position",
}
KNOWN = set(COUNTERPARTY_FIELDS) | set(PERSON_FIELDS) | set(CHARACTERISTICS)
EXPORT_COLUMNS = (*COUNTERPARTY_FIELDS, *CHARACTERISTICS, "responsible_employee_id", "negotiation_stage", "id",
                  "created_at")
PERSON_EXPORT_COLUMNS = ("name", "tax_id", "contact_person", "contact_position", "contact_phone", "contact_email",
                         "birthday", "counterparty_id", "contact_person_id")


def column_name(header):
    """The field a column header names, or None."""
    text = (header or "").strip().lower()
    if text in KNOWN:
        return text
    squeezed = re.sub(r"[\s._\-/]+", "", text)
    for name in KNOWN:
        if squeezed == name.replace("_", ""):
            return name
    return ALIASES.get(squeezed)


class Rejected(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors  # {field: [messages]}


def run(session, *, rows, mode, allow_partial, actor):
    """Import ``rows`` ([{"row": n, "values": {column: text}}]); returns the report (see module doc)."""
    report = {"mode": mode, "total_rows": len(rows), "created": 0, "updated": 0, "skipped": 0, "failed": 0,
              "contact_persons_added": 0, "unknown_columns": [], "rows": []}
    unknown = sorted({header for row in rows for header in row["values"] if column_name(header) is None})
    report["unknown_columns"] = unknown
    books = _books(session)
    seen = {}  # key of a counterparty in this file -> (its row's number, the counterparty or None)
    for row in rows:
        number = row["row"]
        values = {}
        for header, text in row["values"].items():
            name = column_name(header)
            if name is not None and text is not None and str(text).strip() != "":
                values.setdefault(name, str(text).strip())
        outcome = {"row": number, "action": None, "counterparty_id": None, "duplicates": [], "hidden_matches": 0,
                   "errors": {}}
        report["rows"].append(outcome)
        try:
            data, person = _validate(values, books)
            given = set(values)
            key = _key(data)
            if key in seen:
                first_row, counterparty = seen[key]
                outcome.update(action="same_as_row", same_as_row=first_row)
            else:
                counterparty = _apply(session, data=data, given=given, mode=mode, actor=actor, outcome=outcome,
                                      savepoint=allow_partial)
                seen[key] = (number, counterparty)
            if counterparty is not None:
                outcome["counterparty_id"] = str(counterparty.id)
                if person and _add_person(session, counterparty=counterparty, person=person, actor=actor,
                                          savepoint=allow_partial):
                    report["contact_persons_added"] += 1
                    outcome["contact_person_added"] = True
        except Rejected as rejected:
            outcome.update(action="error", errors=rejected.errors)
            report["failed"] += 1
            continue
        if outcome["action"] in ("create", "update", "skip"):
            report[{"create": "created", "update": "updated", "skip": "skipped"}[outcome["action"]]] += 1
    return report


def _books(session):
    """{kind: {lower name: value}} of the characteristics' reference books."""
    books = {kind: {} for kind in CHARACTERISTICS}
    for value in session.scalars(select(ReferenceValue).where(ReferenceValue.kind.in_(CHARACTERISTICS))):
        books[value.kind][value.name.lower()] = value
    return books


def _validate(values, books):
    """(counterparty data as create_counterparty takes it, contact person data or None) or Rejected."""
    errors = {}
    raw = {name: values[name] for name in COUNTERPARTY_FIELDS if name in values}
    if "kind" in raw:
        raw["kind"] = {"organization": "organisation", "person": "individual"}.get(raw["kind"].lower(),
                                                                                     raw["kind"].lower())
    if "country" in raw:
        raw["country"] = raw["country"].upper()
    if "tax_id" in raw:
        raw["tax_id"] = re.sub(r"\s+", "", raw["tax_id"])
    if raw.get("country", "RU") == "RU":
        _restore_leading_zeros(raw)
    try:
        data = schemas.CounterpartySchema().load(raw)
    except ValidationError as invalid:
        errors.update({field: list(_messages(messages)) for field, messages in invalid.messages.items()})
        data = None
    for kind in CHARACTERISTICS:
        if kind in values:
            value = books[kind].get(values[kind].lower())
            if value is None:
                errors[kind] = [f"«{values[kind]}» is not in the {kind.replace('_', ' ')} reference book."]
            elif value.is_archived:
                errors[kind] = [f"«{value.name}» is archived."]
            elif data is not None:
                data[REFERENCE_COLUMNS[kind]] = value.id
    person = None
    if any(name in values for name in PERSON_FIELDS):
        raw_person = {"full_name": values.get("contact_person", "")}
        if "contact_position" in values:
            raw_person["position"] = values["contact_position"]
        if "contact_phone" in values:
            raw_person["phones"] = _split(values["contact_phone"])
        if "contact_email" in values:
            raw_person["emails"] = _split(values["contact_email"])
        try:
            person = schemas.ContactPersonSchema().load(raw_person)
        except ValidationError as invalid:
            names = {"full_name": "contact_person", "position": "contact_position", "phones": "contact_phone",
                     "emails": "contact_email"}
            errors.update({names.get(field, field): list(_messages(messages))
                           for field, messages in invalid.messages.items()})
    if errors:
        raise Rejected(errors)
    return data, person


def _restore_leading_zeros(raw):
    """A tax id or KPP a spreadsheet kept as a number, with the zeros it lost put back (see above):
    a value of digits, invalid as given, that zeros in front make valid at the next length up."""
    for field, problem, lengths in (("tax_id", legal.inn_problem, (10, 12)), ("kpp", legal.kpp_problem, (9,))):
        value = raw.get(field)
        if not value or not value.isdigit() or problem(value) is None:
            continue
        length = next((length for length in lengths if length > len(value)), None)
        if length is not None and problem(value.zfill(length)) is None:
            raw[field] = value.zfill(length)


def _messages(messages):
    if isinstance(messages, dict):
        for item in messages.values():
            yield from _messages(item)
    elif isinstance(messages, list):
        for item in messages:
            yield from _messages(item)
    else:
        yield str(messages)


def _split(text):
    return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]


def _key(data):
    if data.get("tax_id"):
        return ("tax_id", data["tax_id"], data.get("kpp") or "")
    return ("name", data["name"].strip().lower())


def _apply(session, *, data, given, mode, actor, outcome, savepoint):
    """Create, update or skip one counterparty; returns it (None when skipped)."""
    duplicates, hidden = logic.find_duplicates(session, data=data, actor=actor)
    outcome["duplicates"] = [{"id": str(c.id), "name": c.name, "tax_id": c.tax_id} for c in duplicates]
    outcome["hidden_matches"] = hidden
    if (duplicates or hidden) and mode == "skip":
        outcome["action"] = "skip"
        return None
    if (duplicates or hidden) and mode == "update":
        if hidden and not duplicates:
            raise Rejected({"_row": ["A counterparty with these details exists, but you do not see it: "
                                     "ask its responsible employee, or import with mode create."]})
        if len(duplicates) > 1:
            raise Rejected({"_row": [f"{len(duplicates)} counterparties look like this row: merge them first, "
                                     "or import with mode create."]})
        target = duplicates[0]
        # what the file gives (kind and country only when it has those columns)
        changes = {name: value for name, value in data.items()
                   if value not in (None, "") and (name not in ("kind", "country") or name in given)}
        outcome["action"] = "update"
        return _guarded(session, savepoint, lambda: logic.update_counterparty(
            session, counterparty_id=target.id, changes=changes, actor=actor))
    outcome["action"] = "create"
    return _guarded(session, savepoint, lambda: logic.create_counterparty(session, data=dict(data), actor=actor))


def _guarded(session, savepoint, work):
    """Run ``work``; with ``savepoint`` a failure of the service's rules rolls back only this row."""
    if not savepoint:
        try:
            return work()
        except (InvalidInput, Conflict, NotFound, PermissionDenied) as refused:
            raise Rejected(getattr(refused, "details", None) or {"_row": [str(refused)]}) from None
    nested = session.begin_nested()
    try:
        result = work()
    except (InvalidInput, Conflict, NotFound, PermissionDenied) as refused:
        nested.rollback()
        raise Rejected(getattr(refused, "details", None) or {"_row": [str(refused)]}) from None
    nested.commit()
    return result


def _add_person(session, *, counterparty, person, actor, savepoint):
    """Add the row's contact person unless one of that name is already at the counterparty."""
    exists = session.scalar(select(ContactPerson.id).where(
        ContactPerson.counterparty_id == counterparty.id,
        func.lower(ContactPerson.full_name) == person["full_name"].strip().lower()))
    if exists is not None:
        return False
    _guarded(session, savepoint, lambda: logic.add_contact_person(
        session, counterparty_id=counterparty.id, data=dict(person), actor=actor))
    return True


# Export -------------------------------------------------------------------------------------

def export_counterparties(session, *, actor, query, limit, offset):
    """A page of the filtered directory as rows of EXPORT_COLUMNS (characteristics by name)."""
    items, total = logic.list_counterparties(session, actor=actor, limit=limit, offset=offset, **query)
    negotiations.with_stages(session, items)
    names = _value_names(session, items)
    rows = []
    for c in items:
        row = [getattr(c, name) for name in COUNTERPARTY_FIELDS]
        row += [names.get(getattr(c, REFERENCE_COLUMNS[kind])) for kind in CHARACTERISTICS]
        row += [_text(c.responsible_employee_id), c.negotiation_stage.name if c.negotiation_stage else None,
                str(c.id), c.created_at.isoformat()]
        rows.append(row)
    return {"columns": list(EXPORT_COLUMNS), "rows": rows, "total": total}


def export_contact_persons(session, *, actor, query, limit, offset):
    """The contact persons of a page of the filtered directory; each person exported is audited."""
    items, total = logic.list_counterparties(session, actor=actor, limit=limit, offset=offset, **query)
    by_id = {c.id: c for c in items}
    persons = session.scalars(select(ContactPerson).where(
        ContactPerson.counterparty_id.in_(list(by_id)), ContactPerson.anonymised_at.is_(None))
        .order_by(ContactPerson.counterparty_id, func.lower(ContactPerson.full_name), ContactPerson.id)).all()
    rows = []
    for person in persons:
        c = by_id[person.counterparty_id]
        logic.audit(session, actor=actor, action="exported", record_type="contact_person", record_id=person.id)
        rows.append([c.name, c.tax_id, person.full_name, person.position, ", ".join(person.phones),
                     ", ".join(person.emails), person.birthday.isoformat() if person.birthday else None,
                     str(c.id), str(person.id)])
    return {"columns": list(PERSON_EXPORT_COLUMNS), "rows": rows, "total": total}


def _value_names(session, counterparties):
    ids = {getattr(c, column) for c in counterparties for column in REFERENCE_COLUMNS.values()} - {None}
    if not ids:
        return {}
    return dict(session.execute(select(ReferenceValue.id, ReferenceValue.name).where(ReferenceValue.id.in_(ids))).all())


def _text(value):
    return None if value is None else str(value)

