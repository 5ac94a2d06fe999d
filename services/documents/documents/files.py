"""Electronic copies: a document's files and their versions, uploaded to S3 with a presigned
URL, verified and attached, read through short-lived URLs; the sweeps of what was never
attached."""
import logging
import posixpath
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from chancery_common.audit import diff

from . import events, file_texts, file_types, search
from .access import get_document
from .exceptions import Conflict, InvalidInput, NotFound
from .life_cycle import LOCKED_STATUSES
from .models import DocumentFile, DocumentType, FileVersion, Upload
from .models import audit_log
from .storage import SNIFF_BYTES, STAGING_PREFIX, StagedObject, sniff_content_type

log = logging.getLogger(__name__)


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
    return storage.sweep_unnamed("documents/", lambda keys: session.scalars(
        select(FileVersion.object_key).where(FileVersion.object_key.in_(keys))), older_than=older_than)
