"""Importing counterparties (and their contact persons) from rows of a file, and exporting them.

The gateway reads the CSV or XLSX file (chancery_common.tabular) into rows ({column: text})
numbered as the file does (the header is row 1). Columns are the field names (``name``,
``tax_id``...) or the usual headers for them (``ИНН``, ``E-mail``...); characteristics are given
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

Headers may be Russian (Наименование, ИНН, КПП, ОГРН, Эл. почта...: ``COLUMNS``); a file
without a name column is refused naming it. A Russian row without a kind whose tax id has
12 digits (a personal INN) is an individual's.

A spreadsheet that holds a tax id or a KPP as a number drops its leading zeros (regions 01
to 09; a personal INN too). For a Russian counterparty, a tax id of digits shorter than an
organisation's INN (10) or a personal one (12), or a KPP shorter than 9, is padded with
zeros to that length when the result is valid (an INN's check digits must match); anything
else is reported as it is.
"""
import re
import uuid

from marshmallow import ValidationError
from sqlalchemy import func, select

from chancery_common.paging import keyset_page
from chancery_common.tabular import Columns, header_key

from . import legal, logic, negotiations, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import REFERENCE_COLUMNS, ContactPerson, Counterparty, ReferenceValue

MAX_ROWS = 10_000
MODES = ("skip", "update", "create")
COUNTERPARTY_FIELDS = (
    "kind", "name", "short_name", "country", "tax_id", "registration_number", "kpp", "legal_address",
    "postal_address", "phone", "fax", "email", "website", "main_contact", "notes",
)
PERSON_FIELDS = ("contact_person", "contact_position", "contact_phone", "contact_email")
CHARACTERISTICS = tuple(REFERENCE_COLUMNS)  # by the value's name: activity_type, region...
# the headers people give the columns besides the field's name, Russian and English (compared
# without case, spaces, punctuation, ё as е: chancery_common.tabular.header_key)
COLUMNS = Columns({
    "name": ("Наименование", "Полное наименование", "Название", "Организация", "Контрагент", "Компания",
             "company", "organisation", "organization", "counterparty", "full name"),
    "short_name": ("Краткое наименование", "Сокращённое наименование", "Краткое название", "short name"),
    "kind": ("Вид", "Тип", "Тип контрагента", "Вид контрагента"),
    "country": ("Страна",),
    "tax_id": ("ИНН", "inn", "tax id", "tax number", "vat"),
    "registration_number": ("ОГРН", "ОГРНИП", "ОГРН/ОГРНИП", "ogrn", "ogrnip", "registration number"),
    "kpp": ("КПП",),
    "legal_address": ("Адрес", "Юридический адрес", "Юр. адрес", "legal address", "address"),
    "postal_address": ("Почтовый адрес", "Фактический адрес", "postal address"),
    "phone": ("Телефон", "Тел.", "telephone", "phone number", "tel"),
    "fax": ("Факс",),
    "email": ("E-mail", "Эл. почта", "Электронная почта", "Почта", "e-mail address", "mail"),
    "website": ("Сайт", "Веб-сайт", "web site", "site"),
    "main_contact": ("Основной контакт", "main contact"),
    "notes": ("Примечание", "Примечания", "Комментарий", "Заметки", "comment"),
    "activity_type": ("Вид деятельности", "activity type"),
    "region": ("Регион",),
    "group": ("Группа",),
    "category": ("Категория",),
    "advertising_source": ("Источник рекламы", "Рекламный источник", "advertising source"),
    "contact_person": ("Контактное лицо", "ФИО контактного лица", "ФИО", "contact", "contact name"),
    "contact_position": ("Должность", "Должность контактного лица", "position"),
    "contact_phone": ("Телефон контактного лица", "Телефон контакта", "contact phone"),
    "contact_email": ("E-mail контактного лица", "Эл. почта контактного лица", "Email контакта",
                      "contact e-mail"),
    # an active employee's full name or e-mail (responsible_employee_id on the card)
    "responsible": ("Ответственный", "Ответственный сотрудник", "Ответственный менеджер", "Менеджер",
                    "responsible employee", "manager", "responsible_employee"),
}, required=("name",))
# a responsible employee named by more than one active employee's name
AMBIGUOUS = "ambiguous"
# the distinct responsible employees one import may name (each is one question to staff)
MAX_RESPONSIBLE_NAMES = 200
# a kind's words in a file ("ИП", "Юрлицо") -> its code
KIND_WORDS = {
    "organisation": "organisation", "organization": "organisation", "организация": "organisation",
    "юридическоелицо": "organisation", "юрлицо": "organisation", "юл": "organisation",
    "individual": "individual", "person": "individual", "ип": "individual", "физлицо": "individual",
    "индивидуальныйпредприниматель": "individual", "физическоелицо": "individual", "фл": "individual",
}
EXPORT_COLUMNS = (*COUNTERPARTY_FIELDS, *CHARACTERISTICS, "responsible_employee_id", "negotiation_stage", "id",
                  "created_at")
PERSON_EXPORT_COLUMNS = ("name", "tax_id", "contact_person", "contact_position", "contact_phone", "contact_email",
                         "birthday", "counterparty_id", "contact_person_id")


class Rejected(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors  # {field: [messages]}


def responsible_names(rows):
    """The distinct names or e-mails the rows give as the responsible employee (to be looked
    up in staff before the import's transaction)."""
    found = {}
    for row in rows:
        named = COLUMNS.values(row["values"]).get("responsible")
        if named:
            found.setdefault(header_key(named), named)
    return list(found.values())


def employees_named(names, found_by_name):
    """{header_key(name or e-mail): employee id, or AMBIGUOUS} from staff's answers:
    ``found_by_name`` maps each name to the active employees its search found."""
    directory = {}
    for name in names:
        key = header_key(name)
        matches = {employee["id"] for employee in found_by_name.get(name, ())
                   if key in (header_key(employee.get("full_name")), header_key(employee.get("email")))}
        if matches:
            directory[key] = matches.pop() if len(matches) == 1 else AMBIGUOUS
    return directory


def run(session, *, rows, mode, allow_partial, actor, columns=None, employees=None):
    """Import ``rows`` ([{"row": n, "values": {column: text}}]) of a file whose header is ``columns``
    (by default the rows' headers); returns the report (see module doc). ``employees``: the
    responsible employees the rows name, as ``employees_named`` gives them."""
    if columns is None:
        columns = list(dict.fromkeys(header for row in rows for header in row["values"]))
    COLUMNS.require(columns)
    report = {"mode": mode, "total_rows": len(rows), "created": 0, "updated": 0, "skipped": 0, "failed": 0,
              "contact_persons_added": 0, "unknown_columns": COLUMNS.unknown(columns), "rows": []}
    books = _books(session)
    seen = {}  # key of a counterparty in this file -> (its row's number, the counterparty or None)
    for row in rows:
        number = row["row"]
        values = COLUMNS.values(row["values"])
        outcome = {"row": number, "action": None, "counterparty_id": None, "duplicates": [], "hidden_matches": 0,
                   "errors": {}}
        report["rows"].append(outcome)
        try:
            data, person = _validate(values, books, employees or {})
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


def _validate(values, books, employees):
    """(counterparty data as create_counterparty takes it, contact person data or None) or Rejected."""
    errors = {}
    responsible = employees.get(header_key(values["responsible"])) if "responsible" in values else None
    if "responsible" in values and responsible in (None, AMBIGUOUS):
        errors["responsible"] = [
            f"Several active employees are called «{values['responsible']}»: give the e-mail instead."
            if responsible == AMBIGUOUS else
            f"«{values['responsible']}» is not the name or e-mail of an active employee."]
    raw = {name: values[name] for name in COUNTERPARTY_FIELDS if name in values}
    if "kind" in raw:
        raw["kind"] = KIND_WORDS.get(header_key(raw["kind"]), raw["kind"].lower())
    if "country" in raw:
        raw["country"] = raw["country"].upper()
    if "tax_id" in raw:
        raw["tax_id"] = re.sub(r"\s+", "", raw["tax_id"])
    if raw.get("country", "RU") == "RU":
        _restore_leading_zeros(raw)
        if "kind" not in raw and len(raw.get("tax_id") or "") == 12:
            raw["kind"] = "individual"  # a row without a kind: a personal INN says (an entrepreneur's)
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
    if responsible is not None:
        data["responsible_employee_id"] = uuid.UUID(responsible)
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
    # the duplicates were looked for above; mode create makes one anyway
    return _guarded(session, savepoint, lambda: logic.create_counterparty(
        session, data={**data, "allow_duplicate": True}, actor=actor))


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

def export_counterparties(session, *, actor, query, limit, after=None):
    """A page of the filtered directory as rows of EXPORT_COLUMNS (characteristics by name),
    keyset-paged in the list's order (``after``: the cursor the page before returned)."""
    items, total, cursor = _export_page(session, actor=actor, query=query, limit=limit, after=after)
    negotiations.with_stages(session, items)
    names = _value_names(session, items)
    rows = []
    for c in items:
        row = [getattr(c, name) for name in COUNTERPARTY_FIELDS]
        row += [names.get(getattr(c, REFERENCE_COLUMNS[kind])) for kind in CHARACTERISTICS]
        row += [_text(c.responsible_employee_id), c.negotiation_stage.name if c.negotiation_stage else None,
                str(c.id), c.created_at.isoformat()]
        rows.append(row)
    return {"columns": list(EXPORT_COLUMNS), "rows": rows, "total": total, "next_after": cursor}


def export_contact_persons(session, *, actor, query, limit, after=None):
    """The contact persons of a page of the filtered directory; each person exported is audited."""
    items, total, cursor = _export_page(session, actor=actor, query=query, limit=limit, after=after)
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
    return {"columns": list(PERSON_EXPORT_COLUMNS), "rows": rows, "total": total, "next_after": cursor}


def _export_page(session, *, actor, query, limit, after):
    """(counterparties, total on the first page else None, next cursor) of the filtered directory."""
    sort = query.pop("sort", "name")
    selected = logic.directory_query(actor=actor, **query)
    key = logic.SORTS[sort][0]
    descending = sort.startswith("-")
    key = key.element if descending else key  # the sort's column, without its DESC
    total = session.scalar(select(func.count()).select_from(selected.subquery())) if after is None else None
    items, cursor = keyset_page(session, selected, key=key, id_column=Counterparty.id, descending=descending,
                                limit=limit, after=after)
    return items, total, cursor


def _value_names(session, counterparties):
    ids = {getattr(c, column) for c in counterparties for column in REFERENCE_COLUMNS.values()} - {None}
    if not ids:
        return {}
    return dict(session.execute(select(ReferenceValue.id, ReferenceValue.name).where(ReferenceValue.id.in_(ids))).all())


def _text(value):
    return None if value is None else str(value)

