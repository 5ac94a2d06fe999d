"""Documents: the card — created (and registered when asked), edited, listed and filtered in
the registry, its saved filters, the counterparty names it is found by, and the accounting
completeness of a contract. The other parts of a document have their own modules:
registration.py (numbers and journals), life_cycle.py (statuses), links.py (links and the
tree), files.py (electronic copies), paper_copies.py, access.py (who sees what, the audit log),
execution.py (a contract's milestones and payments)."""
from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import selectinload

from chancery_common.audit import diff
from chancery_common.idempotency import already_made
from chancery_common.paging import keyset_page, page
from chancery_common import sync, versions
from chancery_common.values import as_uuid

from . import configuration, events, schemas, search
from . import search as search_module
from .access import get_document, visible_for_update, visible_to
from .exceptions import Conflict, InvalidInput, NotFound
from .life_cycle import LOCKED_STATUSES
from .models import (
    CounterpartyName, Document, DocumentFile, DocumentType, Journal, SavedDocumentFilter, StatusChange, audit_log,
)
from .registration import ensure_may_register, register


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


def list_types(session, include_inactive=False):
    return configuration.list_types(session, include_inactive=include_inactive)


def list_journals(session):
    return session.scalars(select(Journal).order_by(Journal.code)).all()


def list_documents(session, *, actor, counterparty_id=None, status=None, search=None, ids=None,
                   limit=50, offset=0, **filters):
    """A page of the documents the actor sees, newest first, and the total matching the filters."""
    query = select(Document).where(visible_to(actor))
    query = registry_filters(query, counterparty_id=counterparty_id, status=status, search=search, ids=ids,
                             **filters)
    # a page holds few types: each is read once (selectin), not joined to (and parsed on) every row
    options, order_by = (selectinload(Document.type),), (Document.created_at.desc(), Document.id)
    if search and search.strip():
        items, total = _searched_page(session, query, order_by=order_by, limit=limit, offset=offset,
                                      options=options)
    else:
        items, total = page(session, query, order_by=order_by, limit=limit, offset=offset, options=options)
    return with_file_counts(session, items), total


# A search matching at most this many documents is sorted from its matches; one matching more
# walks the documents newest first until the page is full.
SORTED_FROM_MATCHES = 20_000


def _searched_page(session, query, *, order_by, limit, offset, options):
    """``page`` of a registry search, newest first, read the way its number of matches calls for.

    Left to itself, PostgreSQL walks the creation-time index newest first and checks the words
    on each document until the page is full, expecting the matches to be spread evenly: for a
    word in 3,000 of 2,000,000 documents (most words) that read 28,000 documents for 50, 150 ms
    (docs/benchmarks.md, "A working day under load"). Instead the matches are gathered from the
    full-text index, at most ``SORTED_FROM_MATCHES`` + 1 of them, once: counted and sorted in
    the same statement (each match is on a page of its own, so reading them twice, to count
    and then to sort, cost twice). When there are more, the total is counted and the newest
    are walked as PostgreSQL would, which finds a page soonest."""
    matches = (query.with_only_columns(Document.id, Document.created_at).limit(SORTED_FROM_MATCHES + 1)
               .cte("matches").prefix_with("MATERIALIZED"))
    rows = session.execute(select(matches.c.id, func.count().over()).order_by(matches.c.created_at.desc(),
                                                                              matches.c.id)
                           .limit(limit).offset(offset)).all()
    total = rows[0][1] if rows else None
    if total is None or total > SORTED_FROM_MATCHES:
        total = session.scalar(select(func.count()).select_from(query.subquery()))
    if not total or offset >= total:
        return [], total
    if total > SORTED_FROM_MATCHES:
        return session.scalars(query.options(*options).order_by(*order_by).limit(limit).offset(offset)).all(), total
    ids = [document_id for document_id, _ in rows]
    found = {document.id: document
             for document in session.scalars(select(Document).where(Document.id.in_(ids)).options(*options))}
    return [found[document_id] for document_id in ids if document_id in found], total


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
    document = visible_for_update(session, document_id=document_id, actor=actor)
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
