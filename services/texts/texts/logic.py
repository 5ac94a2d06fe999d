"""Extraction jobs: asked for by the documents service's events, claimed by workers with a
lease, done outside any transaction, and recorded with the event that tells the result.

Safe in any number of replicas: a job is claimed with ``FOR UPDATE SKIP LOCKED`` and leased
(a worker that died leaves it to the next claim once the lease ends); each claim counts an
attempt, and a job out of attempts is failed with the last error, never tried for ever.
A file that can never be read (``extraction.Unreadable``) is failed at once.

The same bytes are read once: a job whose file has the SHA-256 and content type of a file read
before (its "twin": a scan the intake took in, then attached to the document its draft became)
copies that reading, its text and its derived files (copied inside the store), instead of
running OCR again. A re-extraction always reads the file itself. When the twin's derived files
are gone, the file is read as any other.
"""
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.dialects.postgresql import insert

from chancery_common.metrics import TEXT_EXTRACTION_SECONDS, TEXT_EXTRACTIONS

from . import events, extraction
from .models import Extraction

log = logging.getLogger(__name__)

REQUEST_FIELDS = ("document_id", "file_id", "object_key", "filename", "content_type", "size", "sha256")


@dataclass
class Settings:
    concurrency: int = 1  # files one process works on at once
    max_attempts: int = 3
    lease_seconds: int = 1800  # longer than one file's OCR may take (OCR_TIMEOUT)
    retry_seconds: int = 30  # pause before a job that failed by chance is tried again (times its attempts)
    reading: extraction.Settings = None  # how files are read (OCR languages, jobs, limits)

    @classmethod
    def from_config(cls, config):
        return cls(concurrency=max(1, int(config.get("TEXTS_CONCURRENCY", 1))),
                   max_attempts=max(1, int(config.get("TEXTS_MAX_ATTEMPTS", 3))),
                   lease_seconds=int(config.get("TEXTS_LEASE_SECONDS", 1800)),
                   retry_seconds=int(config.get("TEXTS_RETRY_SECONDS", 30)),
                   reading=extraction.Settings.from_config(config))


def utcnow():
    return datetime.now(timezone.utc)


def request(session, *, payload, again=False):
    """A stored file version to read: a new job, or (``again``: a re-extraction) the job
    started afresh, with no attempts, whatever its state."""
    values = {"version_id": payload["version_id"], **{name: payload[name] for name in REQUEST_FIELDS},
              "state": "pending", "attempts": 0, "requested_at": utcnow(), "read_afresh": again}
    statement = insert(Extraction).values(**values)
    if again:
        statement = statement.on_conflict_do_update(index_elements=[Extraction.version_id], set_={
            **{name: values[name] for name in REQUEST_FIELDS}, "state": "pending", "attempts": 0,
            "reason": None, "lease_until": None, "requested_at": values["requested_at"], "read_afresh": True})
    else:  # the same file announced twice (an event sent again) is one job
        statement = statement.on_conflict_do_nothing(index_elements=[Extraction.version_id])
    session.execute(statement)


@dataclass
class Twin:
    """A reading of the same bytes done before, to copy."""
    version_id: object
    method: str | None
    pages: int | None
    reason: str | None
    text: str
    derived: dict


@dataclass
class Job:
    version_id: object
    document_id: object
    file_id: object
    object_key: str
    filename: str
    content_type: str
    attempts: int
    twin: Twin | None = None


def twin_of(session, row):
    """The latest reading of the same bytes (SHA-256 and content type) to copy, or None (a
    re-extraction reads afresh; rows read before the text was kept have none to copy)."""
    if row.read_afresh:
        return None
    found = session.scalars(select(Extraction).where(
        Extraction.sha256 == row.sha256, Extraction.content_type == row.content_type, Extraction.state == "done",
        Extraction.text.is_not(None), Extraction.version_id != row.version_id)
        .order_by(Extraction.finished_at.desc()).limit(1)).first()
    if found is None:
        return None
    return Twin(found.version_id, found.method, found.pages, found.reason, found.text, found.derived or {})


def claim(session, *, settings, limit, now=None):
    """Lease up to ``limit`` jobs that are due (pending, or running with an ended lease); a job
    out of attempts is failed here instead, with its event."""
    now = now or utcnow()
    rows = session.scalars(
        select(Extraction)
        .where(or_(Extraction.state == "pending", Extraction.state == "running"),
               or_(Extraction.lease_until.is_(None), Extraction.lease_until < now))
        .order_by(Extraction.requested_at).limit(limit)
        .with_for_update(skip_locked=True)).all()
    jobs = []
    for row in rows:
        if row.attempts >= settings.max_attempts:
            last = row.reason or "its worker stopped before it finished"
            _finish(session, row, state="failed", now=now,
                    reason=f"gave up after {row.attempts} attempts; the last: {last}")
            continue
        row.attempts += 1
        row.state = "running"
        row.lease_until = now + timedelta(seconds=settings.lease_seconds)
        jobs.append(Job(row.version_id, row.document_id, row.file_id, row.object_key, row.filename,
                        row.content_type, row.attempts, twin_of(session, row)))
    return jobs


@dataclass
class Outcome:
    state: str  # done | failed | retry
    reason: str | None = None
    method: str | None = None
    pages: int | None = None
    text: str = ""
    rendition: dict | None = None
    thumbnail: dict | None = None
    seconds: float = 0.0


def process(job, *, storage, settings, scratch=None):
    """Read one file (no transaction is open meanwhile): its text, and its searchable PDF or
    office preview and its thumbnail stored under derived/. Never raises: the outcome says what
    happened (``done`` with a reason: the text was read, the preview could not be made)."""
    started = time.monotonic()
    if job.twin is not None:
        outcome = _copied(job, storage=storage)
        if outcome is not None:
            outcome.seconds = time.monotonic() - started
            TEXT_EXTRACTIONS.labels("copied", outcome.method or "none").inc()
            return outcome
    workdir = Path(tempfile.mkdtemp(prefix="chancery-texts-", dir=scratch))
    try:
        original = workdir / "original"
        storage.download(job.object_key, original)
        found = extraction.extract(original, content_type=job.content_type, filename=job.filename,
                                   workdir=workdir, settings=settings.reading)
        prefix = f"derived/{job.document_id}/{job.version_id}"
        # a scan's searchable PDF, or an office file's PDF preview (LibreOffice's, previews.py)
        name = "preview.pdf" if found.method == "office" else "searchable.pdf"
        rendition = (storage.upload(f"{prefix}/{name}", found.rendition, "application/pdf")
                     if found.rendition else None)
        thumbnail = (storage.upload(f"{prefix}/thumbnail.png", found.thumbnail, "image/png")
                     if found.thumbnail else None)
        # done, with what could not be made though the text was read (a preview) as its reason
        outcome = Outcome("done", reason=found.note, method=found.method, pages=found.pages, text=found.text,
                          rendition=rendition, thumbnail=thumbnail)
    except extraction.Unreadable as exc:
        outcome = Outcome("failed", reason=str(exc))
    except Exception as exc:  # a program killed, the store away: worth another attempt
        log.warning("reading %s (%s) failed, attempt %d", job.version_id, job.filename, job.attempts,
                    exc_info=True)
        outcome = Outcome("retry", reason=f"{type(exc).__name__}: {exc}"[:1000])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    outcome.seconds = time.monotonic() - started
    TEXT_EXTRACTIONS.labels(outcome.state, outcome.method or "none").inc()
    TEXT_EXTRACTION_SECONDS.labels(outcome.method or "none").observe(outcome.seconds)
    return outcome


def _copied(job, *, storage):
    """The twin's reading as this job's, its derived files copied under this version's prefix;
    None when a derived file cannot be copied (then the file is read)."""
    twin, prefix = job.twin, f"derived/{job.document_id}/{job.version_id}"
    derived = {}
    try:
        for part in ("rendition", "thumbnail"):
            told = twin.derived.get(part)
            if told:
                key = f"{prefix}/{told['key'].rsplit('/', 1)[-1]}"
                storage.copy(told["key"], key)
                derived[part] = {**told, "key": key}
    except Exception:  # gone, or the store away: read the file as any other
        log.info("the reading of %s (the same bytes as %s) could not be copied; reading it", job.version_id,
                 twin.version_id, exc_info=True)
        return None
    log.info("%s (%s) has the bytes of %s: its reading copied", job.version_id, job.filename, twin.version_id)
    return Outcome("done", reason=twin.reason, method=twin.method, pages=twin.pages, text=twin.text,
                   rendition=derived.get("rendition"), thumbnail=derived.get("thumbnail"))


def record(session, *, job, outcome, settings, now=None):
    """Keep what a worker found; a job asked for again meanwhile (a re-extraction) is left to
    its new run. A passing failure is tried again later, until the attempts run out."""
    now = now or utcnow()
    row = session.get(Extraction, job.version_id, with_for_update=True)
    if row is None or row.state != "running" or row.attempts != job.attempts:
        return None
    if outcome.state == "retry":
        if row.attempts >= settings.max_attempts:
            return _finish(session, row, state="failed", now=now, seconds=outcome.seconds,
                           reason=f"gave up after {row.attempts} attempts; the last: {outcome.reason}")
        row.state, row.reason = "pending", outcome.reason
        row.lease_until = now + timedelta(seconds=settings.retry_seconds * row.attempts)
        return row
    return _finish(session, row, state=outcome.state, now=now, reason=outcome.reason, method=outcome.method,
                   pages=outcome.pages, text=outcome.text, rendition=outcome.rendition,
                   thumbnail=outcome.thumbnail, seconds=outcome.seconds)


def _finish(session, row, *, state, now, reason=None, method=None, pages=None, text="", rendition=None,
            thumbnail=None, seconds=None):
    row.state, row.reason, row.method, row.pages = state, reason, method, pages
    row.text_length = len(text) if state == "done" else None
    row.text = text if state == "done" else None
    row.derived = {"rendition": rendition, "thumbnail": thumbnail} if state == "done" else None
    row.rendition_key = rendition["key"] if rendition else None
    row.thumbnail_key = thumbnail["key"] if thumbnail else None
    row.lease_until, row.finished_at, row.seconds = None, now, seconds
    events.catalog.record(session, events.FILE_TEXT_EXTRACTED, {
        "document_id": row.document_id, "file_id": row.file_id, "version_id": row.version_id,
        "state": state, "reason": reason, "method": method, "pages": pages, "text": text,
        "rendition": rendition, "thumbnail": thumbnail, "attempts": row.attempts, "extracted_at": now,
    })
    return row


def counts(session):
    """How many jobs are in each state: {"pending": n, "running": n, "done": n, "failed": n}."""
    found = dict(session.execute(select(Extraction.state, func.count()).group_by(Extraction.state)).all())
    return {state: found.get(state, 0) for state in ("pending", "running", "done", "failed")}
