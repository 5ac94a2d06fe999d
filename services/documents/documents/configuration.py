"""Document types and registration journals, configured by employees with the right role.

A type's extra fields are kept as a list of definitions in the type; a document keeps the
values by field code. A definition is never deleted, only retired: documents made with it
still show its value under its label, and no new value may be given to it. Making a field
required binds new documents, and an edit that names the field (it may not be emptied);
documents made before keep their cards as they are until someone edits that field.
"""
import re
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from chancery_common import versions
from chancery_common.audit import diff

from . import file_types, schemas
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import Document, DocumentType, Journal, audit_log

STANDARD_KINDS = ("incoming", "outgoing", "internal", "contract", "annex", "completion_act", "invoice",
                  "work_order", "work_schedule", "letter", "protocol")
FIELD_KINDS = ("text", "number", "money", "date", "reference", "employee", "counterparty")
JOURNAL_KINDS = ("incoming", "outgoing", "internal", "contracts", "user")
CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# the tokens a journal's number pattern may use
PATTERN_TOKEN = re.compile(r"\{([a-z_]+)(?::0?(\d+)d)?\}")
TOKENS = ("prefix", "year", "yy", "department", "seq", "parent_number", "child_seq")
TEXT_LIMIT = 2000


def ensure_may_configure(actor):
    if not actor.may("configure_document_types"):
        raise PermissionDenied("your roles do not allow configuring document types and journals",
                               {"permission": "configure_document_types"})


def _invalid(field, message):
    raise InvalidInput(f"Invalid input: {field}", {field: [message]})


# Extra field values ------------------------------------------------------------------------

def _normalise(field, value):
    """The value as the card keeps it (JSON), or InvalidInput naming ``extra.<code>``."""
    name, kind = f"extra.{field['code']}", field["kind"]
    if value is None or value == "":
        return None
    if kind in ("text", "reference"):
        if not isinstance(value, str):
            _invalid(name, "Must be text.")
        if len(value) > TEXT_LIMIT:
            _invalid(name, f"Longer than {TEXT_LIMIT} characters.")
        return value.strip() or None
    if kind in ("number", "money"):
        if isinstance(value, bool):
            _invalid(name, "Must be a number.")
        try:
            number = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
        except InvalidOperation:
            _invalid(name, "Must be a number.")
        if not number.is_finite() or abs(number) >= Decimal(10) ** 16:
            _invalid(name, "Must be a finite number below 10^16.")
        if kind == "money":
            return str(number.quantize(Decimal("0.01")))
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == "date":
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            _invalid(name, "Must be a date (YYYY-MM-DD).")
    if kind in ("employee", "counterparty"):
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            _invalid(name, f"Must be the id of a{'n' if kind == 'employee' else ''} {kind}.")
    _invalid(name, f"Unknown field kind {kind}.")


def validate_extra(doc_type, values, *, existing=None):
    """The extra field values checked against the type: all of them for a new card
    (``existing`` None), or those named in an edit merged over the card's ``existing``."""
    fields = {f["code"]: f for f in doc_type.fields or []}
    result = dict(existing or {})
    for code, value in (values or {}).items():
        field = fields.get(code)
        if field is None or field.get("retired"):
            _invalid(f"extra.{code}", f"The type {doc_type.name} has no field {code}.")
        result[code] = _normalise(field, value)
        if result[code] is None:
            if field.get("required"):
                _invalid(f"extra.{code}", "This field is required.")
            del result[code]
    if existing is None:
        for code, field in fields.items():
            if field.get("required") and not field.get("retired") and result.get(code) is None:
                _invalid(f"extra.{code}", "This field is required.")
    return result


# Types -------------------------------------------------------------------------------------

TYPE_FIELDS = ("code", "name", "kind", "journal_id", "visible_to_roles", "fields", "allowed_child_type_ids",
               "default_responsible_ids", "department_id", "department_code", "required_documents",
               "stages_field", "accepted_file_kinds", "is_active")


def list_types(session, *, include_inactive=False):
    query = select(DocumentType).order_by(DocumentType.name)
    if not include_inactive:
        query = query.where(DocumentType.is_active.is_(True))
    return session.scalars(query).unique().all()


def get_type(session, type_id):
    doc_type = session.get(DocumentType, type_id)
    if doc_type is None:
        raise NotFound(f"document type {type_id} not found")
    return doc_type


def _check_fields(previous, fields):
    """Field definitions as they would become: a field in use is never dropped, only retired."""
    by_code = {}
    for index, field in enumerate(fields):
        code = field["code"]
        if not CODE.match(code):
            _invalid(f"fields.{index}.code", "Lower-case letters, digits and _ (starting with a letter).")
        if code in by_code:
            _invalid(f"fields.{index}.code", f"The code {code} is used twice.")
        if field["kind"] == "reference" and not field.get("reference_book"):
            _invalid(f"fields.{index}.reference_book", "A reference field names its reference book.")
        by_code[code] = {"code": code, "label": field["label"].strip(), "kind": field["kind"],
                         "required": bool(field.get("required")), "retired": bool(field.get("retired")),
                         "reference_book": field.get("reference_book") if field["kind"] == "reference" else None}
    for old in previous:
        new = by_code.get(old["code"])
        if new is None:  # dropped: kept, retired, so old documents still show it
            by_code[old["code"]] = {**old, "retired": True, "required": False}
        elif new["kind"] != old["kind"]:
            _invalid("fields", f"The field {old['code']} is {old['kind']}; its kind cannot change "
                               "(retire it and add a new one).")
    return list(by_code.values())


def _check_type(session, data, type_id=None):
    if "code" in data and session.scalar(select(DocumentType.id).where(
            DocumentType.code == data["code"], DocumentType.id != type_id)) is not None:
        _invalid("code", "Another document type has this code.")
    if data.get("journal_id") is not None:
        journal = session.get(Journal, data["journal_id"])
        if journal is None or not journal.is_active:
            _invalid("journal_id", "Unknown journal.")
    for name in ("allowed_child_type_ids",):
        ids = data.get(name)
        if ids:
            known = set(session.scalars(select(DocumentType.id).where(DocumentType.id.in_(ids))))
            if type_id is not None:
                known.add(type_id)
            unknown = [str(i) for i in ids if i not in known]
            if unknown:
                _invalid(name, f"Unknown document types: {', '.join(unknown)}.")
    for index, rule in enumerate(data.get("required_documents") or []):
        if session.get(DocumentType, rule["type_id"]) is None:
            _invalid(f"required_documents.{index}.type_id", "Unknown document type.")
    if "accepted_file_kinds" in data:
        data["accepted_file_kinds"] = file_types.check_kinds(data["accepted_file_kinds"])


def _plain_type(doc_type):
    return {name: getattr(doc_type, name) for name in TYPE_FIELDS}


def _required_documents(rules):
    return [{"type_id": str(r["type_id"]), "per": r["per"], "count": r["count"]} for r in rules or []]


def create_type(session, *, data, actor):
    ensure_may_configure(actor)
    _check_type(session, data)
    doc_type = DocumentType(**{**data, "fields": _check_fields([], data.get("fields") or []),
                               "required_documents": _required_documents(data.get("required_documents"))})
    _check_stages_field(doc_type)
    session.add(doc_type)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="created", record_type="document_type",
                     record_id=doc_type.id, changes=diff({}, _plain_type(doc_type), TYPE_FIELDS))
    return doc_type


def update_type(session, *, type_id, changes, actor, expected_version=None):
    """Change a type; documents made with it keep their cards (see the module's docstring).
    ``expected_version``: as versions.check."""
    ensure_may_configure(actor)
    doc_type = session.scalars(select(DocumentType).where(DocumentType.id == type_id)
                               .with_for_update(of=DocumentType)).unique().first()
    if doc_type is None:
        raise NotFound(f"document type {type_id} not found")
    versions.check(session, record=doc_type, expected_version=expected_version, audit_log=audit_log,
                   record_type="document_type", dump=schemas.DocumentTypeSchema().dump)
    _check_type(session, changes, type_id=doc_type.id)
    before = _plain_type(doc_type)
    if "fields" in changes:
        changes["fields"] = _check_fields(doc_type.fields or [], changes["fields"])
    if "required_documents" in changes:
        changes["required_documents"] = _required_documents(changes["required_documents"])
    for name, value in changes.items():
        setattr(doc_type, name, value)
    _check_stages_field(doc_type)
    changed = diff(before, _plain_type(doc_type), TYPE_FIELDS)
    if changed:
        session.flush()
        audit_log.record(session, actor_id=actor.id, action="updated", record_type="document_type",
                         record_id=doc_type.id, changes=changed)
    return doc_type


def _check_stages_field(doc_type):
    if doc_type.stages_field and not any(f["code"] == doc_type.stages_field and f["kind"] == "number"
                                         for f in doc_type.fields or []):
        _invalid("stages_field", "Name one of the type's number fields.")


def type_usage(session, type_id):
    return session.scalar(select(func.count()).select_from(Document).where(Document.type_id == type_id))


# Journals ----------------------------------------------------------------------------------

JOURNAL_FIELDS = ("code", "name", "kind", "prefix", "number_pattern", "sequence_width", "is_active")


def check_pattern(pattern):
    """InvalidInput unless the pattern uses known tokens and numbers documents somehow."""
    tokens = [m.group(1) for m in PATTERN_TOKEN.finditer(pattern)]
    unknown = sorted(set(tokens) - set(TOKENS))
    if unknown:
        _invalid("number_pattern", f"Unknown tokens: {', '.join(unknown)} (known: {', '.join(TOKENS)}).")
    if "parent_number" in tokens:
        if "child_seq" not in tokens:
            _invalid("number_pattern", "A pattern with {parent_number} numbers children with {child_seq}.")
    elif "seq" not in tokens:
        _invalid("number_pattern", "The pattern needs {seq} (or {parent_number} and {child_seq}).")
    if "seq" in tokens and "child_seq" in tokens:
        _invalid("number_pattern", "Use either {seq} or {child_seq}.")
    try:
        format_number(pattern, prefix="X", year=2026, department="D", seq=1, width=6,
                      parent_number="P", child_seq=1)
    except (ValueError, KeyError, IndexError):
        _invalid("number_pattern", "The pattern is malformed (braces only around tokens).")


def format_number(pattern, *, prefix, year, department, seq, width, parent_number=None, child_seq=None):
    """A number from the journal's pattern: {seq} padded to the journal's width unless the
    pattern gives one ({seq:04d}); {yy} is the year's last two digits."""
    def value(match):
        token, given_width = match.group(1), match.group(2)
        if token in ("seq", "child_seq"):
            number = seq if token == "seq" else child_seq
            return str(number).zfill(int(given_width) if given_width else (width if token == "seq" else 1))
        return {"prefix": prefix, "year": str(year), "yy": f"{year % 100:02d}", "department": department or "",
                "parent_number": parent_number or ""}[token]
    rendered = PATTERN_TOKEN.sub(value, pattern)
    if "{" in rendered or "}" in rendered:
        raise ValueError(pattern)
    return rendered


def create_journal(session, *, data, actor):
    ensure_may_configure(actor)
    if session.scalar(select(Journal.id).where(Journal.code == data["code"])) is not None:
        _invalid("code", "Another journal has this code.")
    check_pattern(data["number_pattern"])
    journal = Journal(**data)
    session.add(journal)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="created", record_type="journal", record_id=journal.id,
                     changes=diff({}, {n: getattr(journal, n) for n in JOURNAL_FIELDS}, JOURNAL_FIELDS))
    return journal


def update_journal(session, *, journal_id, changes, actor, expected_version=None):
    """Change a journal: numbers already given keep their text; new ones follow the new pattern.
    Switching between per-year and per-parent numbering is refused once numbers exist.
    ``expected_version``: as versions.check."""
    ensure_may_configure(actor)
    journal = session.get(Journal, journal_id, with_for_update=True)
    if journal is None:
        raise NotFound(f"journal {journal_id} not found")
    versions.check(session, record=journal, expected_version=expected_version, audit_log=audit_log,
                   record_type="journal", dump=schemas.JournalSchema().dump)
    if "code" in changes and session.scalar(select(Journal.id).where(
            Journal.code == changes["code"], Journal.id != journal.id)) is not None:
        _invalid("code", "Another journal has this code.")
    if "number_pattern" in changes:
        check_pattern(changes["number_pattern"])
        from .models import Registration
        per_parent = "{parent_number}" in changes["number_pattern"]
        if per_parent != journal.per_parent and session.scalar(
                select(Registration.id).where(Registration.journal_id == journal.id).limit(1)) is not None:
            raise Conflict(f"journal {journal.code} has given out numbers: it cannot switch between "
                           "numbering per year and numbering within the parent document",
                           {"number_pattern": ["Cannot switch numbering scope once numbers exist."]})
    before = {n: getattr(journal, n) for n in JOURNAL_FIELDS}
    for name, value in changes.items():
        setattr(journal, name, value)
    changed = diff(before, {n: getattr(journal, n) for n in JOURNAL_FIELDS}, JOURNAL_FIELDS)
    if changed:
        session.flush()
        audit_log.record(session, actor_id=actor.id, action="updated", record_type="journal",
                         record_id=journal.id, changes=changed)
    return journal
