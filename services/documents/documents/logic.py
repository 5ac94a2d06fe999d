"""Documents: registration, the card's life cycle and its electronic copies."""
import logging
import posixpath
import uuid
from datetime import datetime, timezone

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert

from . import events
from .exceptions import Conflict, InvalidInput, NotFound
from .models import (
    Document, DocumentFile, DocumentType, FileVersion, Journal, JournalCounter, Registration,
    StatusChange, Upload,
)
from .storage import STAGING_PREFIX

log = logging.getLogger(__name__)

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


def get_document(session, *, document_id):
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"document {document_id} not found")
    return document


def list_documents(session, *, counterparty_id=None, status=None, search=None, ids=None,
                   limit=50, offset=0):
    """A page of documents, newest first, and the total matching the filters."""
    query = select(Document)
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


def create_document(session, *, data, actor):
    """Create a draft card and, when asked and its type has a journal, register it."""
    register_now = data.pop("register", True)
    doc_type = session.get(DocumentType, data["type_id"])
    if doc_type is None or not doc_type.is_active:
        raise InvalidInput("Invalid input: type_id", {"type_id": ["Unknown document type."]})
    if data.get("parent_id") is not None and session.get(Document, data["parent_id"]) is None:
        raise InvalidInput("Invalid input: parent_id", {"parent_id": ["Unknown parent document."]})
    document = Document(**data, status="draft", created_by=actor.id)
    if document.responsible_id is None:
        document.responsible_id = actor.id
    document.type = doc_type
    session.add(document)
    session.flush()
    session.add(StatusChange(document_id=document.id, from_status=None, to_status="draft",
                             changed_by=actor.id, reason="created"))
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
    events.catalog.record(session, events.DOCUMENT_REGISTERED, {
        **events.document_ref(document), "journal_code": journal.code,
        "registered_at": now, "registrar_id": actor.id,
    })
    return document


def change_status(session, *, document_id, to_status, actor_id, reason=None):
    """Move a document along its life cycle, recording and announcing the step."""
    document = get_document(session, document_id=document_id)
    from_status = document.status
    if to_status not in TRANSITIONS[from_status]:
        raise Conflict(f"a document in status {from_status} cannot become {to_status}",
                       {"status": [f"not allowed from {from_status}"]})
    document.status = to_status
    session.add(StatusChange(document_id=document.id, from_status=from_status, to_status=to_status,
                             changed_by=actor_id, reason=reason))
    session.flush()
    events.catalog.record(session, events.DOCUMENT_STATUS_CHANGED, {
        **events.document_ref(document), "from_status": from_status, "to_status": to_status,
        "changed_by": actor_id, "reason": reason,
    })
    return document


def apply_approval_outcome(session, *, document_id, to_status, actor_id, reason):
    """Follow an approval's event; a step the life cycle forbids is logged, not applied."""
    try:
        return change_status(session, document_id=document_id, to_status=to_status,
                             actor_id=actor_id, reason=reason)
    except (Conflict, NotFound) as exc:
        log.warning("approval outcome for document %s not applied: %s", document_id, exc)
        return None


def _ensure_files_editable(document):
    if document.status in LOCKED_STATUSES:
        raise Conflict(f"document {document.number or document.id} is {document.status}: "
                       "its files cannot be changed")


def start_upload(session, *, storage, document_id, actor):
    """Reserve a staging key for a new file and a presigned URL to PUT its bytes to."""
    document = get_document(session, document_id=document_id)
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
    document = get_document(session, document_id=document_id)
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


def file_download(session, *, storage, document_id, version_id, inline=True):
    """A short-lived URL to read one version of one of the document's files."""
    document = get_document(session, document_id=document_id)
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
