"""Documents: registration, the card's life cycle and its electronic copies."""
import logging
import posixpath
import uuid
from datetime import datetime, timezone

from sqlalchemy import false, func, or_, select, true
from sqlalchemy.dialects.postgresql import insert

from chancery_common.audit import diff

from . import events
from .exceptions import Conflict, InvalidInput, NotFound, PermissionDenied
from .models import (
    Document, DocumentFile, DocumentParticipant, DocumentType, FileVersion, Journal, JournalCounter,
    Registration, StatusChange, Upload, audit_log,
)
from .storage import STAGING_PREFIX

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


def list_types(session):
    return session.scalars(
        select(DocumentType).where(DocumentType.is_active.is_(True)).order_by(DocumentType.name)
    ).all()


def list_journals(session):
    return session.scalars(select(Journal).order_by(Journal.code)).all()


def visible_to(actor):
    """The SQL condition on documents that selects those the actor may see."""
    if actor.has_role(*OVERSEEING_ROLES):
        return true()
    granted_by_type = Document.type_id.in_(
        select(DocumentType.id).where(DocumentType.visible_to_roles.overlap(list(actor.roles)))
    ) if actor.roles else false()
    return or_(
        Document.responsible_id == actor.id,
        Document.registrar_id == actor.id,
        Document.created_by == actor.id,
        Document.id.in_(select(DocumentParticipant.document_id)
                        .where(DocumentParticipant.employee_id == actor.id)),
        granted_by_type,
    )


def get_document(session, *, document_id, actor):
    """The document, or NotFound when it does not exist or the actor may not see it."""
    document = session.scalars(
        select(Document).where(Document.id == document_id, visible_to(actor))).first()
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def list_documents(session, *, actor, counterparty_id=None, status=None, search=None, ids=None,
                   limit=50, offset=0):
    """A page of the documents the actor sees, newest first, and the total matching the filters."""
    query = select(Document).where(visible_to(actor))
    if counterparty_id is not None:
        query = query.where(Document.counterparty_id == counterparty_id)
    if status is not None:
        query = query.where(Document.status == status)
    if ids is not None:
        query = query.where(Document.id.in_(ids))
    if search:
        pattern = f"%{search.strip()}%"
        query = query.where(or_(Document.title.ilike(pattern), Document.number.ilike(pattern)))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    items = session.scalars(
        query.order_by(Document.created_at.desc(), Document.id).limit(limit).offset(offset)
    ).unique().all()
    return items, total


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
    doc_type = session.get(DocumentType, data["type_id"])
    if doc_type is None or not doc_type.is_active:
        raise InvalidInput("Invalid input: type_id", {"type_id": ["Unknown document type."]})
    if register_now and doc_type.journal is not None:
        ensure_may_register(actor)
    if data.get("parent_id") is not None and session.scalar(select(Document.id).where(
            Document.id == data["parent_id"], visible_to(actor))) is None:
        raise InvalidInput("Invalid input: parent_id", {"parent_id": ["Unknown parent document."]})
    document = Document(**data, status="draft", created_by=actor.id)
    if document.responsible_id is None:
        document.responsible_id = actor.id
    document.type = doc_type
    session.add(document)
    session.flush()
    session.add(StatusChange(document_id=document.id, from_status=None, to_status="draft",
                             changed_by=actor.id, reason="created"))
    audit_log.record(session, actor_id=actor.id, action="created", record_type="document",
                     record_id=document.id, changes=diff(
                         {}, {name: getattr(document, name) for name in AUDITED_FIELDS}, AUDITED_FIELDS))
    events.catalog.record(session, events.DOCUMENT_CREATED, {
        **events.document_ref(document), "status": document.status, "created_by": actor.id,
        "responsible_id": document.responsible_id, "amount": document.amount,
        "currency": document.currency,
    })
    if register_now and doc_type.journal is not None:
        register(session, document=document, journal=doc_type.journal, actor=actor)
    return document


def next_number(session, *, journal, year):
    """The journal's next sequence number for the year, gap-free under concurrency.

    The counter row is locked until the caller's transaction ends, so concurrent
    registrations queue here, and a rolled-back registration gives its number back.
    """
    session.execute(insert(JournalCounter).values(journal_id=journal.id, year=year, last_value=0)
                    .on_conflict_do_nothing())
    counter = session.scalars(
        select(JournalCounter).where(JournalCounter.journal_id == journal.id, JournalCounter.year == year)
        .with_for_update()
    ).one()
    counter.last_value += 1
    sequence = counter.last_value
    number = journal.number_pattern.format(
        prefix=journal.prefix, year=year, seq=str(sequence).zfill(journal.sequence_width))
    return sequence, number


def register(session, *, document, journal, actor):
    """Give the document the journal's next number."""
    ensure_may_register(actor)
    if document.number is not None:
        raise Conflict(f"document {document.id} is already registered as {document.number}")
    now = datetime.now(timezone.utc)
    sequence, number = next_number(session, journal=journal, year=now.year)
    session.add(Registration(journal_id=journal.id, year=now.year, sequence=sequence, number=number,
                             document_id=document.id, registered_at=now, registrar_id=actor.id))
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
    return document


def apply_approval_outcome(session, *, document_id, to_status, actor_id, reason, occurred_at=None):
    """Follow an approval's event; a step the life cycle forbids is logged, not applied.

    The approvals service's events travel on separate queues, so they may arrive out of
    order: an event older than the last one applied to the document is ignored, and an
    outcome that finds the document still in draft first records that it went on approval.
    """
    document = session.get(Document, _uuid(document_id), with_for_update={"of": Document})
    if document is None:
        log.warning("approval outcome for unknown document %s not applied", document_id)
        return None
    if occurred_at is not None:
        if document.approval_event_at is not None and occurred_at <= document.approval_event_at:
            log.info("stale approval event for document %s ignored (%s)", document_id, to_status)
            return None
        document.approval_event_at = occurred_at
    try:
        if to_status in ("approved", "rejected") and document.status == "draft":
            _move(session, document=document, to_status="on_approval", actor_id=_uuid(actor_id),
                  reason="approval started")
        return _move(session, document=document, to_status=to_status, actor_id=_uuid(actor_id),
                     reason=reason)
    except Conflict as exc:
        log.warning("approval outcome for document %s not applied: %s", document_id, exc)
        return None


def add_participants(session, *, document_id, initiator_id, approver_ids):
    """Record who takes part in an approval of the document: from now on they see it."""
    document_id = _uuid(document_id)
    if session.get(Document, document_id) is None:
        log.warning("participants of unknown document %s not recorded", document_id)
        return []
    wanted = [{"employee_id": _uuid(initiator_id), "reason": INITIATOR}] + [
        {"employee_id": approver_id, "reason": APPROVER}
        for approver_id in dict.fromkeys(_uuid(a) for a in approver_ids)]
    added = session.execute(
        insert(DocumentParticipant)
        .values([{**row, "document_id": document_id, "added_at": datetime.now(timezone.utc)} for row in wanted])
        .on_conflict_do_nothing()
        .returning(DocumentParticipant.employee_id, DocumentParticipant.reason)
    ).all()
    added = [{"employee_id": employee_id, "reason": reason} for employee_id, reason in added]
    if added:
        audit_log.record(session, actor_id=_uuid(initiator_id), action="participants_added",
                         record_type="document", record_id=document_id, changes={"participants": added})
    return added


def _uuid(value):
    """An id from an event (text) as a UUID, so audit hashes see one spelling of it."""
    return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _ensure_files_editable(document):
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number or document.id} is {document.status}: "
                       "its files cannot be changed")


def start_upload(session, *, storage, document_id, actor):
    """Reserve a staging key for a new file and a presigned URL to PUT its bytes to."""
    document = get_document(session, document_id=document_id, actor=actor)
    _ensure_files_editable(document)
    upload = Upload(document_id=document.id, object_key=f"{STAGING_PREFIX}{uuid.uuid4()}",
                    created_by=actor.id)
    session.add(upload)
    session.flush()
    return upload, storage.presigned_put(upload.object_key)


def attach_file(session, *, storage, document_id, upload_id, filename, file_id, actor, max_bytes):
    """Verify a staged upload and make it a file (or a new version of one) of the document.

    Returns ``(version, cleanup)``: ``cleanup(committed)`` removes the staged copy after a
    commit, or the copied object when the transaction failed, so no object is left
    without its row.
    """
    document = get_document(session, document_id=document_id, actor=actor)
    _ensure_files_editable(document)
    upload = session.get(Upload, upload_id, with_for_update=True)
    if upload is None or upload.document_id != document.id:
        raise NotFound(f"upload {upload_id} not found for document {document_id}")
    if upload.attached_at is not None:
        raise Conflict(f"upload {upload_id} is already attached")
    staged = storage.inspect(upload.object_key)
    if staged is None:
        raise InvalidInput("Invalid input: file", {"file": ["Nothing was uploaded."]})
    if staged.size == 0:
        storage.remove(upload.object_key)
        raise InvalidInput("Invalid input: file", {"file": ["The file is empty."]})
    if staged.size > max_bytes:
        storage.remove(upload.object_key)
        raise InvalidInput("Invalid input: file", {"file": [
            f"The file is {staged.size} bytes; the limit is {max_bytes} bytes."]})
    filename = posixpath.basename(filename.replace("\\", "/")).strip() or "file"
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
    target_key = f"documents/{document.id}/{file.id}/v{version_number}-{uuid.uuid4().hex}"
    version = FileVersion(file_id=file.id, version=version_number, object_key=target_key,
                          filename=filename, size=staged.size, sha256=staged.sha256,
                          content_type=staged.content_type, uploaded_by=actor.id)
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
    })
    # the copy comes last: after it only the commit can fail, which cleanup undoes
    storage.copy(upload.object_key, target_key)

    def cleanup(committed):
        try:
            storage.remove(upload.object_key if committed else target_key)
        except Exception:  # the staging sweeper removes what is left
            log.warning("could not remove %s", upload.object_key if committed else target_key)

    return version, cleanup


def file_download(session, *, storage, document_id, version_id, actor, inline=True):
    """A short-lived URL to read one version of one of the document's files."""
    document = get_document(session, document_id=document_id, actor=actor)
    version = session.get(FileVersion, version_id)
    if version is None or version.file.document_id != document.id:
        raise NotFound(f"file version {version_id} not found in document {document_id}")
    url = storage.presigned_get(version.object_key, version.filename, version.content_type, inline)
    return version, url


def sweep_staging(*, storage):
    """Remove staged uploads that were never attached (older than a day)."""
    removed = 0
    for key in storage.stale_staged_keys():
        storage.remove(key)
        removed += 1
    return removed


# The audit log and personal data.

def audit_entries(session, *, actor, **query):
    """Audit rows newest first: of a record the actor sees, or of the whole log with view_audit."""
    checks = {"document": lambda record_id: get_document(session, document_id=record_id, actor=actor)}
    return audit_log.readable(session, actor=actor, checks=checks, **query)


def verify_audit(session, *, actor):
    """Whether the audit chain is whole, and the first row that breaks it."""
    return audit_log.verified(session, actor=actor)


def process_erasure(session, *, event):
    """A contact person was erased: documents hold none of their data, so only trace it."""
    p = event.payload
    audit_log.record(session, actor_id=_uuid(p.get("erased_by")), action="erasure_processed",
                     record_type="contact_person", record_id=_uuid(p["contact_person_id"]), changes={
                         "event_id": event.id, "counterparty_id": _uuid(p.get("counterparty_id")),
                         "reason": p.get("reason"), "records_removed": 0})


def export_personal_data(session, *, contact_person_id):
    """What this service holds about a contact person: no records, and the audit rows about them."""
    entries, _ = audit_log.entries(session, record_type="contact_person", record_ids=[contact_person_id],
                                   limit=None)
    return {"service": "documents", "records": [], "audit_entries": entries}
