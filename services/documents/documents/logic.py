"""Documents: registration, the card, its life cycle, links and tree, electronic and paper copies."""
import logging
import posixpath
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import false, func, or_, select, true
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import selectinload

from chancery_common.audit import diff
from chancery_common.idempotency import already_made
from chancery_common.paging import keyset_page, page
from chancery_common import sync, versions
from chancery_common.values import as_uuid

from . import configuration, events, file_texts, file_types, schemas, search
from . import search as search_module
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import (
    CounterpartyName, Document, DocumentFile, DocumentLink, DocumentParticipant, DocumentType, FileVersion, Journal,
    JournalCounter, PaperCopy, PaperMovement, ParentCounter, SavedDocumentFilter,
    Registration, StatusChange, Upload, audit_log,
)
from .storage import SNIFF_BYTES, STAGING_PREFIX, StagedObject, sniff_content_type

log = logging.getLogger(__name__)

# Roles that see every document (docs/permissions.md).
OVERSEEING_ROLES = ("administrator", "director")
# Why someone takes part in a document's approvals, as the participants table says it.
INITIATOR, APPROVER = "approval initiator", "approver"
# The card's fields an audit row of its creation lists.
AUDITED_FIELDS = (
    "type_id", "title", "number", "status", "document_date", "signing_date", "counterparty_id",
    "legal_entity_id", "amount", "currency", "valid_from", "valid_to", "responsible_id", "parent_id",
)

# The card's fields an employee may change while the document is not yet signed.
EDITABLE_FIELDS = (
    "title", "document_date", "signing_date", "amount", "currency", "valid_from", "valid_to",
    "counterparty_id", "legal_entity_id", "responsible_id",
)

# The life cycle: which status may follow which.
TRANSITIONS = {
    "draft": {"on_approval", "signed", "archived"},
    "on_approval": {"approved", "rejected", "draft"},
    "approved": {"signed", "on_approval", "draft", "archived"},
    "rejected": {"draft", "on_approval", "archived"},
    "signed": {"in_execution", "terminated", "archived"},
    "in_execution": {"completed", "terminated"},
    "completed": {"archived"},
    "terminated": {"archived"},
    "archived": set(),
}
# Once signed, a card and its files are fixed: change comes by annex or new version.
LOCKED_STATUSES = {"signed", "in_execution", "completed", "terminated", "archived"}


def list_types(session, include_inactive=False):
    return configuration.list_types(session, include_inactive=include_inactive)


def list_journals(session):
    return session.scalars(select(Journal).order_by(Journal.code)).all()


def visible_to(actor):
    """The SQL condition on documents that selects those the actor may see."""
    if actor.has_role(*OVERSEEING_ROLES):
        return true()
    granted_by_type = Document.type_id.in_(
        select(DocumentType.id).where(DocumentType.visible_to_roles.overlap(list(actor.roles)))
    ) if actor.roles else false()
    # a department head sees the documents of the departments they head (and all inside them)
    headed = Document.department_id.in_(actor.visible_department_ids) if (
        actor.has_role("department_head") and actor.visible_department_ids) else false()
    return or_(
        headed,
        Document.responsible_id == actor.id,
        Document.registrar_id == actor.id,
        Document.created_by == actor.id,
        Document.id.in_(select(DocumentParticipant.document_id)
                        .where(DocumentParticipant.employee_id == actor.id)),
        granted_by_type,
    )


def visible_ids(session, *, ids, actor):
    """Those of ``ids`` naming documents the actor may see (asked by services that show what
    they learned from documents: chancery_common.visibility)."""
    if not ids:
        return []
    return session.scalars(select(Document.id).where(Document.id.in_(ids), visible_to(actor))).all()


def get_document(session, *, document_id, actor):
    """The document, or NotFound when it does not exist or the actor may not see it."""
    document = session.scalars(
        select(Document).where(Document.id == document_id, visible_to(actor))).first()
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def list_documents(session, *, actor, counterparty_id=None, status=None, search=None, ids=None,
                   limit=50, offset=0, **filters):
    """A page of the documents the actor sees, newest first, and the total matching the filters."""
    query = select(Document).where(visible_to(actor))
    query = registry_filters(query, counterparty_id=counterparty_id, status=status, search=search, ids=ids,
                             **filters)
    # a page holds few types: each is read once (selectin), not joined to (and parsed on) every row
    items, total = page(session, query, order_by=(Document.created_at.desc(), Document.id), limit=limit,
                        offset=offset, options=(selectinload(Document.type),))
    return with_file_counts(session, items), total


def documents_changed(session, *, actor, after=None, updated_since=None, limit=50):
    """(documents, cursors): the documents the actor sees in the order they changed (a sync,
    chancery_common.sync). Documents are never deleted: a cancelled one is a change of status."""
    position, since = sync.start("documents", after=after, updated_since=updated_since)
    items, cursors = sync.page(session, select(Document).where(visible_to(actor)), model=Document,
                               list_name="documents", position=position, updated_since=since, limit=limit)
    return with_file_counts(session, items), cursors


def with_file_counts(session, items):
    """``items`` with their file counts, read in one query (not one load of files per document)."""
    counts = dict(session.execute(
        select(DocumentFile.document_id, func.count()).where(DocumentFile.document_id.in_([d.id for d in items]))
        .group_by(DocumentFile.document_id)).all()) if items else {}
    for document in items:
        document.file_count = counts.get(document.id, 0)
    return items


def export_documents(session, *, actor, limit, after=None, **filters):
    """A page of the filtered registry for an export, newest first, keyset-paged (``after``:
    the cursor of the page before): (items, total on the first page else None, next cursor)."""
    query = registry_filters(select(Document).where(visible_to(actor)), **filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) if after is None else None
    items, cursor = keyset_page(session, query, key=Document.created_at, id_column=Document.id, descending=True,
                                limit=limit, after=after, options=(selectinload(Document.type),))
    return items, total, cursor


def registry_filters(query, *, counterparty_id=None, status=None, search=None, ids=None, type_id=None,
                     journal_id=None, responsible_id=None, legal_entity_id=None, department_id=None,
                     parent_id=None, date_from=None, date_to=None, signed_from=None, signed_to=None,
                     valid_until_from=None, valid_until_to=None, amount_min=None, amount_max=None,
                     currency=None, extra=None):
    """The registry's filters on a query of documents; each one narrows it."""
    def one_or_many(column, value):
        return column.in_(value) if isinstance(value, (list, tuple, set)) else column == value
    for column, value in ((Document.counterparty_id, counterparty_id), (Document.status, status),
                          (Document.type_id, type_id), (Document.responsible_id, responsible_id),
                          (Document.legal_entity_id, legal_entity_id), (Document.department_id, department_id),
                          (Document.parent_id, parent_id), (Document.currency, currency)):
        if value is not None and value != []:
            query = query.where(one_or_many(column, value))
    if ids is not None:
        query = query.where(Document.id.in_(ids))
    if journal_id is not None:
        query = query.where(Document.type_id.in_(select(DocumentType.id).where(DocumentType.journal_id == journal_id)))
    for column, low, high in ((Document.document_date, date_from, date_to),
                              (Document.signing_date, signed_from, signed_to),
                              (Document.valid_to, valid_until_from, valid_until_to),
                              (Document.amount, amount_min, amount_max)):
        if low is not None:
            query = query.where(column >= low)
        if high is not None:
            query = query.where(column <= high)
    if extra:
        query = query.where(Document.extra.contains(extra))
    if search and search.strip():
        words = search.strip()
        query = query.where(or_(search_module.query_condition("documents.search_vector", words),
                                Document.number == words))
    return query


def list_saved_filters(session, *, actor):
    return session.scalars(select(SavedDocumentFilter).where(SavedDocumentFilter.owner_id == actor.id)
                           .order_by(SavedDocumentFilter.name)).all()


def save_filter(session, *, name, query, actor):
    """Keep a registry query under a name (the same name replaces it); only the owner sees it."""
    saved = session.scalars(select(SavedDocumentFilter).where(
        SavedDocumentFilter.owner_id == actor.id, SavedDocumentFilter.name == name)).first()
    if saved is None:
        saved = SavedDocumentFilter(owner_id=actor.id, name=name, query=query)
        session.add(saved)
    else:
        saved.query = query
    session.flush()
    return saved


def delete_saved_filter(session, *, filter_id, actor):
    saved = session.get(SavedDocumentFilter, filter_id)
    if saved is None or saved.owner_id != actor.id:
        raise NotFound(f"saved filter {filter_id} not found")
    session.delete(saved)


def explain_access(session, *, asked_by, actor, record_id):
    """Whether the actor sees the document, and every rule that decides it, as sentences."""
    ensure_may_explain(asked_by)
    document = session.get(Document, record_id)
    if document is None:
        raise NotFound(f"document {record_id} not found")
    reasons = [f"They are {_a(role)}, and {role}s see every document."
               for role in OVERSEEING_ROLES if actor.has_role(role)]
    if document.responsible_id == actor.id:
        reasons.append("They are the document's responsible person.")
    if document.registrar_id == actor.id:
        reasons.append("They registered the document.")
    if document.created_by == actor.id:
        reasons.append("They created the document.")
    if (actor.has_role("department_head") and document.department_id is not None
            and document.department_id in set(actor.visible_department_ids)):
        reasons.append(f"They head department {document.department_id}, which the document belongs to.")
    taking_part = set(session.scalars(select(DocumentParticipant.reason).where(
        DocumentParticipant.document_id == document.id, DocumentParticipant.employee_id == actor.id)))
    if INITIATOR in taking_part:
        reasons.append("They initiated an approval of the document.")
    if APPROVER in taking_part:
        reasons.append("They are an approver of the document.")
    doc_type = document.type
    reasons += [f"The document type {doc_type.name} is open to the role {role}, which they have."
                for role in doc_type.visible_to_roles if actor.has_role(role)]
    if reasons:
        return {"visible": True, "reasons": reasons}
    by_type = (f"the document type {doc_type.name} is open only to the roles "
               f"{', '.join(doc_type.visible_to_roles)}, none of which they have"
               if doc_type.visible_to_roles else f"the document type {doc_type.name} is open to no role")
    return {"visible": False, "reasons": [
        "None of the rules applies: they are neither an administrator nor a director, not the "
        "document's responsible person, registrar or creator, take no part in its approvals, "
        f"and {by_type}."]}


def ensure_may_explain(actor):
    """PermissionDenied unless the actor is an administrator: only they ask why others see what."""
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators may ask why an employee sees a record")


def _a(role):
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role}"


def ensure_may_register(actor):
    """PermissionDenied unless the actor's roles allow registering documents."""
    if not actor.may("register_documents"):
        raise PermissionDenied("your roles do not allow registering documents",
                               {"permission": "register_documents"})


def create_document(session, *, data, actor):
    """Create a draft card and, when asked and its type has a journal, register it."""
    register_now = data.pop("register", True)
    reserved_number = data.pop("reserved_number", None)
    made = already_made(session, Document, actor.idempotency_key)
    if made is not None:  # a retry of a request whose first attempt was written
        return made
    doc_type = session.get(DocumentType, data["type_id"])
    if doc_type is None or not doc_type.is_active:
        raise InvalidInput("Invalid input: type_id", {"type_id": ["Unknown document type."]})
    if reserved_number is not None and not (register_now and doc_type.journal is not None):
        raise InvalidInput("Invalid input: reserved_number", {"reserved_number": [
            "A reserved number is taken only by a document registered now in its type's journal."]})
    if register_now and doc_type.journal is not None:
        ensure_may_register(actor)
    if data.get("parent_id") is not None:
        parent = session.scalars(select(Document).where(
            Document.id == data["parent_id"], visible_to(actor))).first()
        if parent is None:
            raise InvalidInput("Invalid input: parent_id", {"parent_id": ["Unknown parent document."]})
        allowed = parent.type.allowed_child_type_ids
        if allowed is not None and doc_type.id not in allowed:
            raise InvalidInput("Invalid input: parent_id", {"parent_id": [
                f"A {parent.type.name} may not have a {doc_type.name} as its child."]})
    data["extra"] = configuration.validate_extra(doc_type, data.get("extra") or {})
    document = Document(**data, status="draft", created_by=actor.id, idempotency_key=actor.idempotency_key)
    if document.responsible_id is None:
        document.responsible_id = (doc_type.default_responsible_ids or [actor.id])[0]
    if document.department_id is None:
        document.department_id = doc_type.department_id
    document.type = doc_type
    session.add(document)
    session.flush()
    session.add(StatusChange(document_id=document.id, from_status=None, to_status="draft",
                             changed_by=actor.id, reason="created"))
    audit_log.record(session, actor_id=actor.id, action="created", record_type="document",
                     record_id=document.id, changes=diff(
                         {}, _card(document), [*AUDITED_FIELDS, *_extra_names(document)]))
    events.catalog.record(session, events.DOCUMENT_CREATED, {
        **events.document_ref(document), "created_by": actor.id, "amount": document.amount,
        "currency": document.currency,
    })
    if register_now and doc_type.journal is not None:
        register(session, document=document, journal=doc_type.journal, actor=actor,
                 reserved_number=reserved_number)
    else:
        search.refresh(session, [document.id])
    return document


def _extra_names(document):
    return [f"extra.{code}" for code in sorted(document.extra or {})]


def _card(document, extra=None):
    """The card's audited fields, with each extra field as ``extra.<code>``."""
    extra = document.extra if extra is None else extra
    return {**{name: getattr(document, name) for name in AUDITED_FIELDS},
            **{f"extra.{code}": value for code, value in (extra or {}).items()}}


def update_document(session, *, document_id, changes, actor, expected_version=None):
    """Change fields of a card the actor sees; audit and event carry each field's old and new value.

    A signed card is fixed (and so is one further along its life cycle): it changes only
    by an annex or a new version, never by editing. Extra fields (``extra``: code -> value)
    are checked against the type as it is now; only the fields named are checked, so a card
    made before a field became required stays valid until that field is edited.
    ``expected_version``: PreconditionFailed when the card is at another one (versions.check).
    """
    document = _visible_for_update(session, document_id=document_id, actor=actor)
    versions.check(session, record=document, expected_version=expected_version, audit_log=audit_log,
                   record_type="document", dump=schemas.DocumentSchema().dump)
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number or document.id} is {document.status}: its card "
                       "cannot be changed, it can only be superseded by an annex or a new version",
                       {"status": [f"{document.status} documents cannot be edited"]})
    before = {name: getattr(document, name) for name in EDITABLE_FIELDS}
    after = {**before, **{name: value for name, value in changes.items() if name in EDITABLE_FIELDS}}
    _ensure_consistent(after)
    changed = diff(before, after, EDITABLE_FIELDS)
    if "extra" in changes:
        old_extra = dict(document.extra or {})
        new_extra = configuration.validate_extra(document.type, changes["extra"], existing=old_extra)
        names = sorted({*old_extra, *new_extra})
        changed.update(diff({f"extra.{c}": old_extra.get(c) for c in names},
                            {f"extra.{c}": new_extra.get(c) for c in names}, [f"extra.{c}" for c in names]))
        if new_extra != old_extra:
            document.extra = new_extra
    if not changed:
        return document
    for name in changed:
        if not name.startswith("extra."):
            setattr(document, name, after[name])
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="updated", record_type="document",
                     record_id=document.id, changes=changed)
    events.catalog.record(session, events.DOCUMENT_UPDATED, {
        **events.document_ref(document), "changed_by": actor.id, "changes": _plain(changed)})
    if {"title", "counterparty_id"} & set(changed):
        search.refresh(session, [document.id])
    return document


def _ensure_consistent(card):
    """The rules that tie a card's fields together, checked on the card as it would become."""
    if card["amount"] is not None and not card["currency"]:
        raise InvalidInput("Invalid input: currency", {"currency": ["An amount needs a currency."]})
    if card["valid_from"] and card["valid_to"] and card["valid_to"] < card["valid_from"]:
        raise InvalidInput("Invalid input: valid_to", {"valid_to": ["Validity must not end before it starts."]})


def _plain(changes):
    """Changes with dates, amounts and ids as text, as an event's JSON carries them."""
    def text(value):
        return value if value is None or isinstance(value, str) else str(value)
    return {name: {"from": text(change["from"]), "to": text(change["to"])} for name, change in changes.items()}


# Links and the tree: what a document belongs to, what belongs to it, what it relates to.

def add_link(session, *, document_id, other_id, note, actor):
    """Link two documents the actor sees as related; the link reads the same from either end."""
    document = get_document(session, document_id=document_id, actor=actor)
    if other_id == document.id:
        raise InvalidInput("Invalid input: document_id", {"document_id": ["A document cannot relate to itself."]})
    if session.scalar(select(Document.id).where(Document.id == other_id, visible_to(actor))) is None:
        raise InvalidInput("Invalid input: document_id", {"document_id": ["Unknown document."]})
    if _link(session, document.id, other_id) is not None:
        raise Conflict(f"documents {document.id} and {other_id} are already linked")
    link = DocumentLink(from_id=document.id, to_id=other_id, note=note, created_by=actor.id)
    session.add(link)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="linked", record_type="document",
                     record_id=document.id, changes={"related_document_id": {"from": None, "to": other_id},
                                                     "note": {"from": None, "to": note}})
    return link


def remove_link(session, *, document_id, other_id, actor):
    """Remove the link between a document the actor sees and another, whichever end it was made from."""
    document = get_document(session, document_id=document_id, actor=actor)
    link = _link(session, document.id, other_id)
    if link is None:
        raise NotFound(f"document {document.id} has no link to {other_id}")
    session.delete(link)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="unlinked", record_type="document",
                     record_id=document.id, changes={"related_document_id": {"from": other_id, "to": None}})


def _link(session, one, other):
    return session.scalars(select(DocumentLink).where(or_(
        (DocumentLink.from_id == one) & (DocumentLink.to_id == other),
        (DocumentLink.from_id == other) & (DocumentLink.to_id == one)))).first()


def document_tree(session, *, document_id, actor):
    """The document with its parents up to the root, its children recursively and its related
    documents; a document the actor does not see is left out (a visible grandchild under an
    invisible child hangs from the nearest visible ancestor)."""
    document = get_document(session, document_id=document_id, actor=actor)
    chain, parent_id = [], document.parent_id
    while parent_id is not None and parent_id not in chain and parent_id != document.id:
        chain.append(parent_id)
        parent_id = session.scalar(select(Document.parent_id).where(Document.id == parent_id))
    descendants = select(Document.id, Document.parent_id).where(Document.parent_id == document.id) \
        .cte("descendants", recursive=True)
    descendants = descendants.union(
        select(Document.id, Document.parent_id).where(Document.parent_id == descendants.c.id))
    below = dict(session.execute(select(descendants.c.id, descendants.c.parent_id)).all())
    links = session.scalars(select(DocumentLink).where(
        or_(DocumentLink.from_id == document.id, DocumentLink.to_id == document.id))).all()
    related = {(link.to_id if link.from_id == document.id else link.from_id): link for link in links}
    visible = {d.id: d for d in session.scalars(select(Document).where(
        Document.id.in_([*chain, *below, *related]), visible_to(actor))).unique()}

    def nearest_visible_parent(node_id):
        parent = below[node_id]
        while parent != document.id and parent not in visible:
            parent = below[parent]
        return parent

    children_of = {}
    for node_id in below:
        if node_id in visible:
            children_of.setdefault(nearest_visible_parent(node_id), []).append(visible[node_id])

    def subtree(node):
        children = sorted(children_of.get(node.id, []), key=lambda d: (d.created_at, d.id))
        return {"document": node, "children": [subtree(child) for child in children]}

    return {
        "document": document,
        "parents": [visible[i] for i in reversed(chain) if i in visible],
        "children": subtree(document)["children"],
        "related": [{"document": visible[other_id], "note": link.note,
                     "direction": "outgoing" if link.from_id == document.id else "incoming",
                     "created_by": link.created_by, "created_at": link.created_at}
                    for other_id, link in sorted(related.items(), key=lambda item: item[1].created_at)
                    if other_id in visible],
    }


def next_number(session, *, journal, year, document=None):
    """The journal's next sequence number for the year (or within the document's parent, for a
    pattern with {parent_number}), gap-free under concurrency, and the number it makes.

    The counter row is locked until the caller's transaction ends, so concurrent
    registrations queue here, and a rolled-back registration gives its number back.
    """
    parent = None
    if journal.per_parent:
        parent = session.get(Document, document.parent_id) if document is not None and document.parent_id else None
        if parent is None or parent.number is None:
            raise Conflict(f"the journal {journal.code} numbers documents within their registered parent: "
                           "give the document a registered parent first",
                           {"parent_id": ["A registered parent document is needed to number this document."]})
        session.execute(insert(ParentCounter).values(journal_id=journal.id, parent_id=parent.id, last_value=0)
                        .on_conflict_do_nothing())
        counter = session.scalars(select(ParentCounter).where(
            ParentCounter.journal_id == journal.id, ParentCounter.parent_id == parent.id).with_for_update()).one()
    else:
        session.execute(insert(JournalCounter).values(journal_id=journal.id, year=year, last_value=0)
                        .on_conflict_do_nothing())
        counter = session.scalars(
            select(JournalCounter).where(JournalCounter.journal_id == journal.id, JournalCounter.year == year)
            .with_for_update()
        ).one()
    counter.last_value += 1
    sequence = counter.last_value
    department = document.type.department_code if document is not None else None
    number = configuration.format_number(
        journal.number_pattern, prefix=journal.prefix, year=year, department=department, seq=sequence,
        width=journal.sequence_width, parent_number=parent.number if parent else None, child_seq=sequence)
    return sequence, number, parent


def register(session, *, document, journal, actor, reserved_number=None, idempotency_key=None):
    """Give the document the journal's next number, or a number reserved in the journal before."""
    ensure_may_register(actor)
    if document.number is not None:
        raise Conflict(f"document {document.id} is already registered as {document.number}")
    now = datetime.now(timezone.utc)
    if reserved_number is None:
        sequence, number, parent = next_number(session, journal=journal, year=now.year, document=document)
        session.add(Registration(journal_id=journal.id, year=now.year, sequence=sequence, number=number,
                                 parent_id=parent.id if parent else None,
                                 document_id=document.id, registered_at=now, registrar_id=actor.id,
                                 idempotency_key=idempotency_key))
    else:
        reservation = session.scalars(select(Registration).where(
            Registration.number == reserved_number, Registration.journal_id == journal.id,
            Registration.status == "reserved").with_for_update()).first()
        if reservation is None:
            raise InvalidInput("Invalid input: reserved_number", {"reserved_number": [
                f"No number {reserved_number} is reserved in the journal {journal.code}."]})
        reservation.status, reservation.document_id = "registered", document.id
        reservation.registered_at, reservation.registrar_id = now, actor.id
        reservation.idempotency_key = idempotency_key
        number = reservation.number
    document.number = number
    document.registered_at = now
    document.registrar_id = actor.id
    session.flush()
    registered = {"number": number, "registered_at": now, "registrar_id": actor.id}
    audit_log.record(session, actor_id=actor.id, action="registered", record_type="document",
                     record_id=document.id, changes=diff({}, registered, list(registered)))
    events.catalog.record(session, events.DOCUMENT_REGISTERED, {
        **events.document_ref(document), "journal_code": journal.code,
        "registered_at": now, "registrar_id": actor.id,
    })
    search.refresh(session, [document.id])
    return document


def register_document(session, *, document_id, actor, reserved_number=None):
    """Register a card the actor sees that has no number yet, in its type's journal."""
    ensure_may_register(actor)
    document = _visible_for_update(session, document_id=document_id, actor=actor)
    if already_made(session, Registration, actor.idempotency_key):
        return document  # a retry of a registration that was written
    if document.type.journal is None:
        raise Conflict(f"documents of the type {document.type.name} are not registered in a journal")
    return register(session, document=document, journal=document.type.journal, actor=actor,
                    reserved_number=reserved_number, idempotency_key=actor.idempotency_key)


def reserve_number(session, *, journal_id, actor, year=None, note=None):
    """Take the journal's next number for a document prepared in advance; it waits as reserved."""
    ensure_may_register(actor)
    journal = session.get(Journal, journal_id)
    if journal is None:
        raise NotFound(f"journal {journal_id} not found")
    if journal.per_parent:
        raise Conflict(f"the journal {journal.code} numbers documents within their parent: its numbers "
                       "are given when a document is registered, not reserved")
    year = year or datetime.now(timezone.utc).year
    sequence, number, _ = next_number(session, journal=journal, year=year)
    reservation = Registration(journal_id=journal.id, year=year, sequence=sequence, number=number,
                               status="reserved", registrar_id=actor.id, note=note)
    session.add(reservation)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="reserved", record_type="registration",
                     record_id=reservation.id, changes=diff(
                         {}, {"journal_id": journal.id, "number": number, "note": note},
                         ["journal_id", "number", "note"]))
    return reservation


def cancel_registration(session, *, document_id, reason, actor):
    """Take a document's number away: the number stays recorded as cancelled, never given again,
    and the document may be registered anew. A signed document keeps its number."""
    ensure_may_register(actor)
    document = _visible_for_update(session, document_id=document_id, actor=actor)
    if document.number is None:
        raise Conflict(f"document {document.id} is not registered")
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number} is {document.status}: its registration cannot be "
                       "cancelled, it can only be superseded by an annex or a new version")
    registration = session.scalars(select(Registration).where(
        Registration.document_id == document.id, Registration.status == "registered")
        .with_for_update()).one()
    now = datetime.now(timezone.utc)
    registration.status, registration.cancelled_at = "cancelled", now
    registration.cancelled_by, registration.cancel_reason = actor.id, reason
    before = {"number": document.number, "registered_at": document.registered_at,
              "registrar_id": document.registrar_id}
    document.number = document.registered_at = document.registrar_id = None
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="registration_cancelled", record_type="document",
                     record_id=document.id, changes={**diff(before, {}, list(before)),
                                                     "reason": {"from": None, "to": reason}})
    events.catalog.record(session, events.DOCUMENT_REGISTRATION_CANCELLED, {
        **events.document_ref(document), "cancelled_number": registration.number,
        "journal_code": document.type.journal.code if document.type.journal else None,
        "cancelled_at": now, "cancelled_by": actor.id, "reason": reason,
    })
    search.refresh(session, [document.id])
    return document


def journal_numbers(session, *, journal_id, actor, year=None):
    """Every number the journal gave out in the year, in order, with its status (registrars).

    The document holding a number is named only when the actor sees it.
    """
    ensure_may_register(actor)
    if session.get(Journal, journal_id) is None:
        raise NotFound(f"journal {journal_id} not found")
    year = year or datetime.now(timezone.utc).year
    numbers = session.scalars(select(Registration).where(
        Registration.journal_id == journal_id, Registration.year == year)
        .order_by(Registration.sequence)).all()
    holders = [n.document_id for n in numbers if n.document_id is not None]
    visible = set(session.scalars(select(Document.id).where(Document.id.in_(holders), visible_to(actor))))
    columns = [column.name for column in Registration.__table__.columns]
    return [{**{name: getattr(n, name) for name in columns},
             "document_id": n.document_id if n.document_id in visible else None} for n in numbers]


def _visible_for_update(session, *, document_id, actor):
    document = session.scalars(
        select(Document).where(Document.id == document_id, visible_to(actor))
        .with_for_update(of=Document)).first()
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def change_status(session, *, document_id, to_status, actor, reason=None):
    """Move a document the actor sees along its life cycle, recording and announcing the step."""
    document = get_document(session, document_id=document_id, actor=actor)
    return _move(session, document=document, to_status=to_status, actor_id=actor.id, reason=reason)


def _move(session, *, document, to_status, actor_id, reason):
    """One step of the life cycle, whoever asks for it (an employee or an approval's event)."""
    from_status = document.status
    if to_status not in TRANSITIONS[from_status]:
        raise Conflict(f"a document in status {from_status} cannot become {to_status}",
                       {"status": [f"not allowed from {from_status}"]})
    document.status = to_status
    session.add(StatusChange(document_id=document.id, from_status=from_status, to_status=to_status,
                             changed_by=actor_id, reason=reason))
    session.flush()
    audit_log.record(session, actor_id=actor_id, action="status_changed", record_type="document",
                     record_id=document.id, changes=diff({"status": from_status}, {"status": to_status},
                                                         ["status"]))
    events.catalog.record(session, events.DOCUMENT_STATUS_CHANGED, {
        **events.document_ref(document), "from_status": from_status, "to_status": to_status,
        "changed_by": actor_id, "reason": reason,
    })
    if to_status == "signed":
        events.catalog.record(session, events.DOCUMENT_SIGNED, {
            **events.document_ref(document), "signed_at": datetime.now(timezone.utc), "signed_by": actor_id})
    if to_status in ("signed", "terminated") and document.type.kind == "completion_act":
        from . import execution  # it builds on this module
        execution.on_act_status(session, document, actor_id)
    return document


def apply_approval_outcome(session, *, document_id, to_status, actor_id, reason, occurred_at=None):
    """Follow an approval's event; a step the life cycle forbids is logged, not applied.

    The approvals service's events travel on separate queues, so they may arrive out of
    order: an event older than the last one applied to the document is ignored, and an
    outcome that finds the document still in draft first records that it went on approval.
    """
    document = session.get(Document, as_uuid(document_id), with_for_update={"of": Document})
    if document is None:
        log.warning("approval outcome for unknown document %s not applied", document_id)
        return None
    if occurred_at is not None:
        if document.approval_event_at is not None and occurred_at <= document.approval_event_at:
            log.info("stale approval event for document %s ignored (%s)", document_id, to_status)
            return None
        document.approval_event_at = occurred_at
    if document.status == to_status:
        return document
    try:
        if to_status in ("approved", "rejected") and document.status == "draft":
            _move(session, document=document, to_status="on_approval", actor_id=as_uuid(actor_id),
                  reason="approval started")
        return _move(session, document=document, to_status=to_status, actor_id=as_uuid(actor_id),
                     reason=reason)
    except Conflict as exc:
        log.warning("approval outcome for document %s not applied: %s", document_id, exc)
        return None


def add_participants(session, *, document_id, initiator_id, approver_ids, with_initiator=True):
    """Record who takes part in an approval of the document: from now on they see it."""
    document_id = as_uuid(document_id)
    if session.get(Document, document_id) is None:
        log.warning("participants of unknown document %s not recorded", document_id)
        return []
    wanted = [{"employee_id": as_uuid(initiator_id), "reason": INITIATOR}] * bool(with_initiator) + [
        {"employee_id": approver_id, "reason": APPROVER}
        for approver_id in dict.fromkeys(as_uuid(a) for a in approver_ids)]
    added = session.execute(
        insert(DocumentParticipant)
        .values([{**row, "document_id": document_id, "added_at": datetime.now(timezone.utc)} for row in wanted])
        .on_conflict_do_nothing()
        .returning(DocumentParticipant.employee_id, DocumentParticipant.reason)
    ).all()
    added = [{"employee_id": employee_id, "reason": reason} for employee_id, reason in added]
    if added:
        audit_log.record(session, actor_id=as_uuid(initiator_id), action="participants_added",
                         record_type="document", record_id=document_id, changes={"participants": added})
    return added



def _ensure_files_editable(document):
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number or document.id} is {document.status}: "
                       "its files cannot be changed")


def start_upload(session, *, storage, document_id, actor):
    """Reserve the key a new file's bytes go to and a presigned URL to PUT them there.

    The key is already the file's final one (``documents/<document>/<upload>``), so the
    bytes are written once and attaching only records them. Until a version names it, the
    object counts as an orphan, which the sweep removes after its grace period.
    """
    document = get_document(session, document_id=document_id, actor=actor)
    _ensure_files_editable(document)
    upload_id = uuid.uuid4()
    upload = Upload(id=upload_id, document_id=document.id, object_key=f"documents/{document.id}/{upload_id}",
                    created_by=actor.id)
    session.add(upload)
    session.flush()
    return upload, storage.presigned_put(upload.object_key)


# An upload must be attached well within the orphan sweep's grace period (a day), so the
# sweep never removes an object whose version is being recorded at that moment.
ATTACH_WINDOW = timedelta(hours=12)


def attach_file(session, *, storage, document_id, upload_id, filename, file_id, actor, max_bytes,
                claimed=None):
    """Verify an uploaded object and make it a file (or a new version of one) of the document.

    ``claimed`` (``{"size", "sha256", "md5"}``, computed by the uploader while it sent the
    bytes) lets the object be verified without reading it back: its size and ETag must
    match; without it, or when the server's ETag is no plain MD5, the object is re-read.
    Returns ``(version, cleanup)``; ``cleanup(committed)`` must be called after the
    transaction: for an upload staged by an older release it removes the staged copy
    after a commit, or the copy made under the document when the transaction failed.
    """
    document = get_document(session, document_id=document_id, actor=actor)
    _ensure_files_editable(document)
    upload = session.get(Upload, upload_id, with_for_update=True)
    if upload is None or upload.document_id != document.id:
        raise NotFound(f"upload {upload_id} not found for document {document_id}")
    if upload.attached_at is not None:
        raise Conflict(f"upload {upload_id} is already attached")
    if upload.created_at < datetime.now(timezone.utc) - ATTACH_WINDOW:
        raise Conflict(f"upload {upload_id} has expired: upload the file again")
    staged = _verified_upload(storage, upload.object_key, claimed)
    filename = safe_filename(filename)
    doc_type = session.get(DocumentType, document.type_id)
    _check_acceptable(storage, upload.object_key, staged, max_bytes, filename, doc_type.accepted_file_kinds)
    if file_id is not None:
        # locked, so two new versions of one file never take the same number
        file = session.get(DocumentFile, file_id, with_for_update=True)
        if file is None or file.document_id != document.id:
            raise NotFound(f"file {file_id} not found in document {document_id}")
        version_number = (file.versions[0].version + 1) if file.versions else 1
    else:
        file = DocumentFile(document_id=document.id, name=filename)
        session.add(file)
        session.flush()
        version_number = 1
    legacy = upload.object_key.startswith(STAGING_PREFIX)
    target_key = (f"documents/{document.id}/{file.id}/v{version_number}-{uuid.uuid4().hex}" if legacy
                  else upload.object_key)
    version = FileVersion(file_id=file.id, version=version_number, object_key=target_key,
                          filename=filename, size=staged.size, sha256=staged.sha256,
                          content_type=staged.content_type, uploaded_by=actor.id, text_state="pending",
                          text_content=search.extract_text(storage, upload.object_key, staged.content_type,
                                                           staged.size))
    session.add(version)
    upload.attached_at = datetime.now(timezone.utc)
    session.flush()
    added = {"file_id": file.id, "version_id": version.id, "version": version.version,
             "filename": version.filename, "size": version.size, "sha256": version.sha256,
             "content_type": version.content_type}
    audit_log.record(session, actor_id=actor.id, action="file_version_added", record_type="document",
                     record_id=document.id, changes=diff({}, added, list(added)))
    events.catalog.record(session, events.DOCUMENT_FILE_ADDED, {
        **events.document_ref(document), "file_id": file.id, "version_id": version.id,
        "version": version.version, "filename": version.filename, "size": version.size,
        "sha256": version.sha256, "content_type": version.content_type, "uploaded_by": actor.id,
        "object_key": version.object_key,
    })
    if version.text_content:
        search.refresh(session, [document.id])
    if not legacy:
        # a failed commit leaves the object to its upload (the attach may be retried) and,
        # if never attached, to the orphan sweep: removing it here could remove the bytes
        # of a version whose commit did happen but was reported lost
        return version, lambda committed: None
    # the copy comes last: after it only the commit can fail, which cleanup undoes
    storage.copy(upload.object_key, target_key)

    def cleanup(committed):
        try:
            storage.remove(upload.object_key if committed else target_key)
        except Exception:  # the sweeps remove what is left
            log.warning("could not remove %s", upload.object_key if committed else target_key)

    return version, cleanup


def _verified_upload(storage, key, claimed):
    """Size, SHA-256 and sniffed type of an uploaded object, checked against the uploader's claim.

    With a claim and a plain-MD5 ETag only the object's metadata and first bytes are read:
    the MD5 ties the stored bytes to the ones the uploader hashed, and so to its SHA-256.
    The type always comes from the stored bytes, never from the uploader.
    """
    if claimed is None:
        staged = storage.inspect(key)
        if staged is None:
            raise InvalidInput("Invalid input: file", {"file": ["Nothing was uploaded."]})
        return staged
    info = storage.stat(key)
    if info is None:
        raise InvalidInput("Invalid input: file", {"file": ["Nothing was uploaded."]})
    if info.size != claimed["size"]:
        _refuse_upload(storage, key, f"The stored file is {info.size} bytes, but {claimed['size']} bytes were sent.")
    if info.md5 is not None:
        if info.md5 != claimed["md5"].lower():
            _refuse_upload(storage, key, f"The stored file's MD5 {info.md5} differs from the MD5 "
                                         f"{claimed['md5'].lower()} of the bytes sent.")
        head = storage.read(key, SNIFF_BYTES) if info.size else b""
        return StagedObject(info.size, claimed["sha256"].lower(), sniff_content_type(head))
    staged = storage.inspect(key)  # the server's ETag is no MD5: read the bytes back
    if staged is None:
        raise InvalidInput("Invalid input: file", {"file": ["Nothing was uploaded."]})
    if (staged.size, staged.sha256) != (claimed["size"], claimed["sha256"].lower()):
        _refuse_upload(storage, key, f"The stored file's SHA-256 {staged.sha256} differs from the SHA-256 "
                                     f"{claimed['sha256'].lower()} of the bytes sent.")
    return staged


def _check_acceptable(storage, key, staged, max_bytes, filename, accepted_kinds):
    """Refuse (and remove) an empty file, one over the limit, one whose name contradicts its
    contents or of a kind the document's type does not accept (file_types.py)."""
    if staged.size == 0:
        _refuse_upload(storage, key, "The file is empty.")
    if staged.size > max_bytes:
        _refuse_upload(storage, key, f"The file is {staged.size} bytes; the limit is {max_bytes} bytes.")
    refused = file_types.refusal(filename, staged.content_type, accepted_kinds)
    if refused:
        _refuse_upload(storage, key, refused)


def _refuse_upload(storage, key, message):
    """Remove a refused upload's object (nothing names it) and say why it was refused."""
    storage.remove(key)
    raise InvalidInput("Invalid input: file", {"file": [message]})


def safe_filename(filename):
    """The last path component, without control characters or markup; never empty."""
    name = posixpath.basename(filename.replace("\\", "/"))
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>"\'`')
    name = name.strip().lstrip(".").strip()
    return name[:255] or "file"


def file_download(session, *, storage, document_id, version_id, actor, inline=True, variant=None):
    """A short-lived URL to read one version of one of the document's files, or its searchable
    PDF or thumbnail (``variant``, file_texts.py): the version then names the derived file."""
    document = get_document(session, document_id=document_id, actor=actor)
    version = session.get(FileVersion, version_id)
    if version is None or version.file.document_id != document.id:
        raise NotFound(f"file version {version_id} not found in document {document_id}")
    if variant is None:
        return version, storage.presigned_get(version.object_key, version.filename, version.content_type, inline)
    key, content_type, size, sha256, filename = file_texts.derived(version, variant)
    session.expunge(version)  # what is answered, never written back
    version.filename, version.content_type, version.size, version.sha256 = filename, content_type, size, sha256
    return version, storage.presigned_get(key, filename, content_type, inline)


def sweep_staging(*, storage):
    """Remove uploads staged by an older release that were never attached (older than a day)."""
    removed = 0
    for key in storage.stale_staged_keys():
        storage.remove(key)
        removed += 1
    return removed


def sweep_orphans(session, *, storage, older_than=timedelta(days=1)):
    """Remove stored objects under documents/ that no file version names, once older than the
    grace period: uploads never attached (or whose attach failed or crashed before its commit).
    An upload is attached within ATTACH_WINDOW of its start, well inside the grace period, so
    an object whose version is being recorded is never taken. Returns how many were removed."""
    cutoff = datetime.now(timezone.utc) - older_than
    removed, batch = 0, []

    def flush():
        nonlocal removed
        known = set(session.scalars(select(FileVersion.object_key).where(FileVersion.object_key.in_(batch))))
        for key in batch:
            if key not in known:
                storage.remove(key)
                removed += 1
        batch.clear()

    for key, modified in storage.keys("documents/"):
        if modified is not None and modified < cutoff:
            batch.append(key)
            if len(batch) >= 500:
                flush()
    if batch:
        flush()
    return removed


# Paper copies: where each original or copy is kept and who holds it; visible with their document.

def list_paper_copies(session, *, document_id, actor):
    """The paper copies of a document the actor sees, with their movements."""
    document = get_document(session, document_id=document_id, actor=actor)
    return session.scalars(select(PaperCopy).where(PaperCopy.document_id == document.id)
                           .order_by(PaperCopy.created_at, PaperCopy.id)).all()


def add_paper_copy(session, *, document_id, kind, location, actor):
    """Record a paper original or copy of a document the actor sees, kept at a location."""
    document = get_document(session, document_id=document_id, actor=actor)
    paper_copy = PaperCopy(document_id=document.id, kind=kind, location=location, status="in_place",
                           created_by=actor.id)
    session.add(paper_copy)
    session.flush()
    audit_log.record(session, actor_id=actor.id, action="paper_copy_added", record_type="document",
                     record_id=document.id, changes={"paper_copy_id": {"from": None, "to": paper_copy.id},
                                                     "kind": {"from": None, "to": kind},
                                                     "location": {"from": None, "to": location}})
    return paper_copy


def move_paper_copy(session, *, paper_copy_id, actor, to_holder=None, to_location=None, reason=None,
                    expected_return_on=None):
    """Hand a paper copy to an employee (until a date), or return it to a location."""
    paper_copy = session.scalars(select(PaperCopy).where(
        PaperCopy.id == paper_copy_id, PaperCopy.document_id.in_(select(Document.id).where(visible_to(actor))))
        .with_for_update(of=PaperCopy)).first()
    if paper_copy is None:
        raise NotFound(f"paper copy {paper_copy_id} not found")
    if paper_copy.status == "lost":
        raise Conflict(f"paper copy {paper_copy.id} is lost")
    if to_holder is not None and to_holder == paper_copy.holder_id:
        raise Conflict(f"paper copy {paper_copy.id} is already with {to_holder}")
    before = _paper_state(paper_copy)
    now = datetime.now(timezone.utc)
    session.add(PaperMovement(paper_copy_id=paper_copy.id, at=now, from_holder=paper_copy.holder_id,
                              to_holder=to_holder, to_location=to_location, reason=reason,
                              expected_return_on=expected_return_on, by=actor.id))
    if to_holder is not None:
        paper_copy.holder_id, paper_copy.status = to_holder, "handed_out"
        paper_copy.expected_return_on = expected_return_on
    else:
        paper_copy.holder_id, paper_copy.status, paper_copy.location = None, "in_place", to_location
        paper_copy.expected_return_on = None
    session.flush()
    after = _paper_state(paper_copy)
    audit_log.record(session, actor_id=actor.id, action="paper_copy_moved", record_type="document",
                     record_id=paper_copy.document_id, changes={
                         "paper_copy_id": paper_copy.id,
                         **diff(before, after, list(after)),
                         **({"reason": {"from": None, "to": reason}} if reason else {})})
    events.catalog.record(session, events.PAPER_COPY_MOVED, {
        **events.document_ref(paper_copy.document), "document_status": paper_copy.document.status,
        "paper_copy_id": paper_copy.id, "kind": paper_copy.kind,
        "from_holder_id": before["holder_id"], "to_holder_id": to_holder, "to_location": to_location,
        "status": paper_copy.status, "expected_return_on": expected_return_on, "reason": reason,
        "moved_by": actor.id, "moved_at": now,
    })
    session.refresh(paper_copy, ["movements"])
    return paper_copy


def mark_paper_copy_lost(session, *, paper_copy_id, reason, actor):
    """Record that a paper copy is lost, and why; it stays listed as lost and moves no more."""
    paper_copy = session.scalars(select(PaperCopy).where(
        PaperCopy.id == paper_copy_id, PaperCopy.document_id.in_(select(Document.id).where(visible_to(actor))))
        .with_for_update(of=PaperCopy)).first()
    if paper_copy is None:
        raise NotFound(f"paper copy {paper_copy_id} not found")
    if paper_copy.status == "lost":
        raise Conflict(f"paper copy {paper_copy.id} is already lost")
    before = _paper_state(paper_copy)
    now = datetime.now(timezone.utc)
    session.add(PaperMovement(paper_copy_id=paper_copy.id, at=now, from_holder=paper_copy.holder_id,
                              to_holder=None, to_location=None, reason=f"lost: {reason}", by=actor.id))
    paper_copy.status, paper_copy.expected_return_on = "lost", None
    session.flush()
    after = _paper_state(paper_copy)
    audit_log.record(session, actor_id=actor.id, action="paper_copy_lost", record_type="document",
                     record_id=paper_copy.document_id, changes={
                         "paper_copy_id": paper_copy.id, **diff(before, after, list(after)),
                         "reason": {"from": None, "to": reason}})
    events.catalog.record(session, events.PAPER_COPY_MOVED, {
        **events.document_ref(paper_copy.document), "document_status": paper_copy.document.status,
        "paper_copy_id": paper_copy.id, "kind": paper_copy.kind,
        "from_holder_id": before["holder_id"], "to_holder_id": None, "to_location": None,
        "status": "lost", "expected_return_on": None, "reason": reason, "moved_by": actor.id, "moved_at": now,
    })
    session.refresh(paper_copy, ["movements"])
    return paper_copy


def _paper_state(paper_copy):
    return {"status": paper_copy.status, "holder_id": paper_copy.holder_id, "location": paper_copy.location,
            "expected_return_on": paper_copy.expected_return_on}


def paper_copies(session, *, actor, out=False, overdue=False, lost=False, holder_id=None, counterparty_id=None,
                 limit=50, offset=0):
    """Paper copies of the documents the actor sees: those handed out, those overdue (handed out
    past their expected return), or one holder's; overdue first, then by expected return."""
    query = select(PaperCopy).where(PaperCopy.document_id.in_(select(Document.id).where(visible_to(actor))))
    if out or overdue:
        query = query.where(PaperCopy.status == "handed_out")
    if overdue:
        query = query.where(PaperCopy.expected_return_on < datetime.now(timezone.utc).date())
    if lost:
        query = query.where(PaperCopy.status == "lost")
    if holder_id is not None:
        query = query.where(PaperCopy.holder_id == holder_id)
    if counterparty_id is not None:
        query = query.where(PaperCopy.document_id.in_(
            select(Document.id).where(Document.counterparty_id == counterparty_id)))
    return page(session, query, order_by=(PaperCopy.expected_return_on.asc().nulls_last(), PaperCopy.created_at,
                                          PaperCopy.id), limit=limit, offset=offset, unique=True)


# Counterparties: a copy of their names (for search), and merges re-point documents.

def remember_counterparty(session, *, counterparty_id, name):
    """Keep a counterparty's name and re-index its documents when it changed."""
    counterparty_id = as_uuid(counterparty_id)
    known = session.get(CounterpartyName, counterparty_id)
    if known is not None and known.name == name:
        return
    session.execute(insert(CounterpartyName).values(counterparty_id=counterparty_id, name=name)
                    .on_conflict_do_update(index_elements=["counterparty_id"], set_={"name": name}))
    search.refresh_counterparty(session, counterparty_id)


def merge_counterparty(session, *, merged_id, survivor_id, merged_by):
    """The merged-away counterparty's documents now belong to the survivor: each is re-pointed,
    audited and announced (document.updated). A signed card changes here too: the counterparty
    itself did not change, only its record."""
    merged_id, survivor_id, merged_by = as_uuid(merged_id), as_uuid(survivor_id), as_uuid(merged_by)
    documents = session.scalars(select(Document).where(Document.counterparty_id == merged_id)
                                .with_for_update(of=Document)).unique().all()
    for document in documents:
        document.counterparty_id = survivor_id
        changes = {"counterparty_id": {"from": merged_id, "to": survivor_id}}
        session.flush()
        audit_log.record(session, actor_id=merged_by, action="counterparty_merged", record_type="document",
                         record_id=document.id, changes=changes)
        events.catalog.record(session, events.DOCUMENT_UPDATED, {
            **events.document_ref(document), "changed_by": merged_by, "changes": _plain(changes)})
    session.execute(CounterpartyName.__table__.update().where(CounterpartyName.counterparty_id == merged_id)
                    .values(merged_into=survivor_id))
    search.refresh(session, [d.id for d in documents])
    return documents


# Accounting completeness: the documents a contract must have, and which are missing.

def completeness(session, *, document_id, actor):
    """For each document the type requires (once, or once per stage), how many exist among the
    document's children and how many are missing. Stages are the value of the type's stages
    field (at least 1). Every child of the required type counts, whatever its status: an act
    that exists is submitted, even if not yet signed."""
    document = get_document(session, document_id=document_id, actor=actor)
    return completeness_of_visible(session, [document])[document.id]


def completeness_of(session, *, document_ids, actor):
    """``completeness`` of many documents at once (the unified view's contracts), by id, in three
    queries whatever their number; documents the actor does not see are left out."""
    documents = session.scalars(select(Document).where(Document.id.in_(document_ids), visible_to(actor))).all()
    return completeness_of_visible(session, documents)


def completeness_of_visible(session, documents, type_names=None):
    """``completeness_of`` of documents already read for the actor, by id (``type_names``:
    {type id: name} when the caller has them)."""
    if not documents:
        return {}
    counts = {}
    for parent_id, type_id, count in session.execute(
            select(Document.parent_id, Document.type_id, func.count())
            .where(Document.parent_id.in_([document.id for document in documents]))
            .group_by(Document.parent_id, Document.type_id)):
        counts[(parent_id, type_id)] = count
    names = type_names if type_names is not None else dict(
        session.execute(select(DocumentType.id, DocumentType.name)).all())
    found = {}
    for document in documents:
        doc_type = document.type
        stages = 1
        if doc_type.stages_field:
            try:
                stages = max(1, int((document.extra or {}).get(doc_type.stages_field) or 1))
            except (TypeError, ValueError):
                stages = 1
        items = []
        for rule in doc_type.required_documents or []:
            type_id = as_uuid(rule["type_id"])
            required = int(rule.get("count") or 1) * (stages if rule.get("per") == "stage" else 1)
            present = counts.get((document.id, type_id), 0)
            items.append({"type_id": type_id, "type_name": names.get(type_id, str(type_id)), "per": rule.get("per"),
                          "required": required, "present": present, "missing": max(0, required - present)})
        found[document.id] = {"document_id": document.id, "stages": stages, "items": items,
                              "complete": all(item["missing"] == 0 for item in items)}
    return found


# The audit log and personal data.

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"document": lambda record_id: get_document(session, document_id=record_id, actor=actor),
              "document_type": lambda record_id: configuration.get_type(session, record_id),
              "journal": lambda record_id: _journal(session, record_id),
              "registration": lambda record_id: _registration_for_registrar(session, record_id, actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def _journal(session, journal_id):
    if session.get(Journal, journal_id) is None:
        raise NotFound(f"journal {journal_id} not found")


def _registration_for_registrar(session, registration_id, actor):
    """A journal's number: registrars see them all (the documents holding them are checked apart)."""
    if not actor.may("register_documents") or session.get(Registration, registration_id) is None:
        raise NotFound(f"registration {registration_id} not found")


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def process_erasure(session, *, event):
    """A contact person was erased: documents hold none of their data, so only trace it."""
    audit_log.erasure_processed(session, event=event)


def export_personal_data(session, *, actor, contact_person_id):
    """What this service holds about a contact person: no records, and the audit rows about them."""
    return {"service": "documents", "records": [],
            "audit_entries": audit_log.about_contact_person(session, contact_person_id)}
