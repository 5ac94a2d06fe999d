"""What the texts service reads from the stored files, kept with their versions: the text
(for the registry's full-text search), whether it could be read, a scan's searchable PDF or an
office file's PDF preview (the rendition), a thumbnail of the first page; and the re-extraction
of every stored file, or of the office files that have no preview yet.

The texts service does the reading (OCR takes seconds to minutes of CPU per file) and says
what it found in ``file_text.extracted``; this service keeps it and decides, as for the
original, who may see the derived files.
"""
import uuid
from datetime import datetime

from sqlalchemy import func, or_, select, text, update

from . import events, search
from .exceptions import NotFound
from .models import DocumentFile, FileVersion

VARIANTS = ("searchable_pdf", "thumbnail")
# the office files the texts service makes PDF previews of with LibreOffice (texts/previews.py)
OFFICE_EXTENSIONS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".doc", ".xls", ".ppt")


def apply_extracted(session, *, payload):
    """Keep a reading of a file version (``file_text.extracted``); an older reading than the
    one kept (events of two re-extractions crossing) changes nothing."""
    version = session.get(FileVersion, uuid.UUID(str(payload["version_id"])), with_for_update=True)
    if version is None:
        return None
    extracted_at = datetime.fromisoformat(payload["extracted_at"])
    if version.text_extracted_at is not None and version.text_extracted_at >= extracted_at:
        return None
    version.text_state, version.text_reason = payload["state"], payload.get("reason")
    version.text_method, version.text_extracted_at = payload.get("method"), extracted_at
    rendition, thumbnail = payload.get("rendition"), payload.get("thumbnail")
    version.rendition_key = rendition["key"] if rendition else None
    version.rendition_size = rendition["size"] if rendition else None
    version.rendition_sha256 = rendition["sha256"] if rendition else None
    version.thumbnail_key = thumbnail["key"] if thumbnail else None
    version.thumbnail_size = thumbnail["size"] if thumbnail else None
    version.thumbnail_sha256 = thumbnail["sha256"] if thumbnail else None
    found = (payload.get("text") or "").replace("\x00", " ")[:search.TEXT_LIMIT].strip()
    if payload["state"] == "done" and found:
        version.text_content = found
        session.flush()
        search.refresh(session, [version.file.document_id])
    return version


def derived(version, variant):
    """(key, content type, size, sha256, filename) of a version's searchable PDF (an office file's
    PDF preview) or thumbnail, or NotFound when it has none (yet)."""
    stem = version.filename.rsplit(".", 1)[0] if "." in version.filename else version.filename
    if variant == "searchable_pdf" and version.rendition_key:
        kind = "preview" if version.text_method == "office" else "searchable"
        return (version.rendition_key, "application/pdf", version.rendition_size, version.rendition_sha256,
                f"{stem} ({kind}).pdf")
    if variant == "thumbnail" and version.thumbnail_key:
        return (version.thumbnail_key, "image/png", version.thumbnail_size, version.thumbnail_sha256,
                f"{stem} (thumbnail).png")
    raise NotFound(f"file version {version.id} has no {variant.replace('_', ' ')}")


FIRST_FILES = text("""
SELECT DISTINCT ON (df.document_id) df.document_id, v.id AS version_id, v.content_type, v.filename,
       v.thumbnail_key IS NOT NULL AS has_thumbnail
FROM document_files df
JOIN LATERAL (SELECT * FROM file_versions fv WHERE fv.file_id = df.id ORDER BY fv.version DESC LIMIT 1) v ON true
WHERE df.document_id = ANY(:ids)
ORDER BY df.document_id, df.created_at, df.id
""")


def first_files(session, document_ids):
    """{document id: {version_id, filename, content_type, has_thumbnail}} of each document's first file's
    current version: what the registry shows beside a document."""
    ids = list(document_ids)
    if not ids:
        return {}
    return {row.document_id: {"version_id": row.version_id, "filename": row.filename,
                              "content_type": row.content_type,
                              "has_thumbnail": row.has_thumbnail}
            for row in session.execute(FIRST_FILES, {"ids": ids})}


def request_reextraction(session, *, only_unread=False, missing_previews=False, document_ids=None, after=None,
                         batch=500):
    """Ask the texts service to read a batch of stored file versions again, in id order after
    ``after`` (``only_unread``: those never read or that failed; ``missing_previews``: office files
    without a PDF preview, stored before the texts service made them or whose conversion
    failed; ``document_ids``: only these documents' files); each is marked pending. Returns the
    ids asked for (empty when none are left)."""
    query = (select(FileVersion, DocumentFile.document_id).join(DocumentFile, DocumentFile.id == FileVersion.file_id)
             .order_by(FileVersion.id).limit(batch))
    if after is not None:
        query = query.where(FileVersion.id > after)
    if document_ids:
        query = query.where(DocumentFile.document_id.in_(list(document_ids)))
    if only_unread:
        query = query.where((FileVersion.text_state.is_(None)) | (FileVersion.text_state == "failed"))
    if missing_previews:
        query = query.where(FileVersion.rendition_key.is_(None), or_(
            *(func.lower(FileVersion.filename).like(f"%{ext}") for ext in OFFICE_EXTENSIONS)))
    rows = session.execute(query).all()
    for version, document_id in rows:
        events.catalog.record(session, events.DOCUMENT_FILE_TEXT_REQUESTED, {
            "document_id": document_id, "file_id": version.file_id, "version_id": version.id,
            "filename": version.filename, "size": version.size, "sha256": version.sha256,
            "content_type": version.content_type, "object_key": version.object_key})
    ids = [version.id for version, _ in rows]
    if ids:
        session.execute(update(FileVersion).where(FileVersion.id.in_(ids))
                        .values(text_state="pending", text_reason=None))
    return ids


def progress(session, version_ids):
    """How many of these versions are pending, done and failed now."""
    found = {"pending": 0, "done": 0, "failed": 0}
    ids = list(version_ids)
    for start in range(0, len(ids), 5000):
        for state, count in session.execute(
                select(FileVersion.text_state, text("count(*)")).where(FileVersion.id.in_(ids[start:start + 5000]))
                .group_by(FileVersion.text_state)):
            found[state or "pending"] = found.get(state or "pending", 0) + count
    return found
