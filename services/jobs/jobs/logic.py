"""The job's life: queued -> running -> done | failed | cancelled.

A request makes a *queued* row and answers at once. A worker of this service claims the
oldest queued job (``FOR UPDATE SKIP LOCKED``: replicas never take the same one), marks it
*running* with a lease, and commits; it then does the work outside any transaction, and
after every page writes the progress and renews the lease in a short transaction of its
own, reading back whether the creator asked to cancel. A job whose lease ran out (its
process died) is claimed again, from the start, up to ``max_attempts`` times. Only the
creator and administrators see a job and its file.
"""
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import or_, select, update

from chancery_common.idempotency import already_made

from .exceptions import Cancelled, Conflict, Lost, NotFound
from .models import FINISHED, Job

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    result_ttl: timedelta = timedelta(hours=24)
    lease: timedelta = timedelta(seconds=60)
    max_attempts: int = 3
    page_size: int = 500
    import_timeout: float = 300.0

    @classmethod
    def from_config(cls, config):
        return cls(result_ttl=timedelta(seconds=float(config.get("JOBS_RESULT_TTL_SECONDS") or 86400)),
                   lease=timedelta(seconds=float(config.get("JOBS_LEASE_SECONDS") or 60)),
                   max_attempts=int(config.get("JOBS_MAX_ATTEMPTS") or 3),
                   page_size=int(config.get("JOBS_PAGE_SIZE") or 500),
                   import_timeout=float(config.get("JOBS_IMPORT_TIMEOUT") or 300))


def now():
    return datetime.now(timezone.utc)


def may_see(actor, job):
    return job.created_by == actor.id or actor.has_role("administrator")


def start_job(session, *, actor, actor_data, kind, params, language, time_zone=None):
    """A queued job of ``kind`` for the actor (a retry of the same request finds the first)."""
    made = already_made(session, Job, actor.idempotency_key)
    if made is not None:
        return made
    caller = {key: value for key, value in actor_data.items() if key != "idempotency_key"}
    job = Job(kind=kind, params=params, actor=caller, language=language, time_zone=time_zone, created_by=actor.id,
              idempotency_key=actor.idempotency_key, state="queued", progress_done=0, attempts=0)
    session.add(job)
    session.flush()
    return job


def get_job(session, *, actor, job_id):
    """The job, to its creator or an administrator; NotFound to anyone else (not even that it exists)."""
    job = session.get(Job, job_id)
    if job is None or not may_see(actor, job):
        raise NotFound(f"job {job_id} not found")
    return job


def list_jobs(session, *, actor, everyone=False, state=None, limit=50, offset=0):
    """The actor's jobs, newest first (administrators: everyone's with ``everyone``)."""
    query = select(Job)
    if not (everyone and actor.has_role("administrator")):
        query = query.where(Job.created_by == actor.id)
    if state:
        query = query.where(Job.state.in_(state))
    items = session.scalars(query.order_by(Job.created_at.desc(), Job.id).limit(limit + 1).offset(offset)).all()
    return items[:limit], len(items) > limit


def cancel_job(session, *, actor, job_id):
    """A queued job is cancelled at once; a running one when its worker reaches its next page."""
    job = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).first()
    if job is None or not may_see(actor, job):
        raise NotFound(f"job {job_id} not found")
    if job.state in FINISHED:
        raise Conflict(f"the job is already {job.state}", {"state": job.state})
    if job.state == "queued":
        job.state, job.finished_at = "cancelled", now()
    else:
        job.cancel_requested = True
    return job


# the worker's side ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A job a worker took: what it needs to do the work, and its attempt (the lease's owner)."""
    id: object
    kind: str
    params: dict
    actor: dict
    language: str
    attempt: int
    time_zone: str | None = None


def claim_next(session, *, settings, moment=None):
    """Take the oldest queued job (or a running one whose worker stopped renewing its lease):
    a Claim, or None when there is nothing to do."""
    moment = moment or now()
    while True:
        with session.begin():
            job = session.scalars(
                select(Job).where(or_(Job.state == "queued", (Job.state == "running") & (Job.lease_until < moment)))
                .order_by(Job.created_at).limit(1).with_for_update(skip_locked=True)).first()
            if job is None:
                return None
            if job.state == "running" and (job.cancel_requested or job.attempts >= settings.max_attempts):
                # its worker died; it was to stop anyway, or it was tried often enough
                job.state = "cancelled" if job.cancel_requested else "failed"
                job.error = None if job.cancel_requested else (
                    f"The worker running it stopped {job.attempts} times.")
                job.finished_at, job.lease_until = moment, None
                continue
            job.state, job.attempts, job.progress_done = "running", job.attempts + 1, 0
            job.started_at, job.lease_until = moment, moment + settings.lease
            return Claim(id=job.id, kind=job.kind, params=job.params, actor=job.actor, language=job.language,
                         attempt=job.attempts, time_zone=job.time_zone)


class Tracker:
    """What a running job reports: its total, its progress after each page (renewing the
    lease), and whether it is to stop. Each report is a short transaction of its own."""

    def __init__(self, session, claim, settings):
        self.session, self.claim, self.settings = session, claim, settings
        self.done, self.total = 0, None

    def _mine(self):
        return (Job.id == self.claim.id) & (Job.state == "running") & (Job.attempts == self.claim.attempt)

    def report(self, done=None, total=None):
        """Write the progress and renew the lease; raises Cancelled when the creator cancelled
        it, Lost when it is no longer this worker's."""
        if done is not None:
            self.done = done
        if total is not None:
            self.total = total
        with self.session.begin():
            asked = self.session.execute(
                update(Job).where(self._mine()).values(progress_done=self.done, progress_total=self.total,
                                                       lease_until=now() + self.settings.lease)
                .returning(Job.cancel_requested)).scalar()
        if asked is None:
            raise Lost(f"job {self.claim.id} is no longer this worker's")
        if asked:
            raise Cancelled()

    def finish(self, *, key=None, filename=None, content_type=None, size=None, report=None):
        """Done: the result recorded, the file kept until its expiry. Raises Lost (the caller
        then removes the file it stored)."""
        moment = now()
        with self.session.begin():
            found = self.session.execute(
                update(Job).where(self._mine()).values(
                    state="done", finished_at=moment, lease_until=None, progress_done=self.done,
                    progress_total=self.total, result_key=key, result_filename=filename,
                    result_content_type=content_type, result_size=size, report=report,
                    expires_at=moment + self.settings.result_ttl if key else None)
                .returning(Job.id)).scalar()
        if found is None:
            raise Lost(f"job {self.claim.id} is no longer this worker's")

    def end(self, state, *, error=None, report=None):
        """Failed or cancelled (nothing kept but the error and the report)."""
        with self.session.begin():
            self.session.execute(update(Job).where(self._mine()).values(
                state=state, finished_at=now(), lease_until=None, error=error, report=report,
                progress_done=self.done, progress_total=self.total))


def expire_results(session, *, storage, moment=None, batch=100):
    """Remove the files of jobs whose result expired. The rows are claimed with
    ``FOR UPDATE SKIP LOCKED`` and marked in one transaction, the objects removed after it
    commits (no call to S3 while holding locks); a removal that fails leaves the key for
    the next pass. Returns how many files were removed."""
    moment = moment or now()
    with session.begin():
        rows = session.execute(
            select(Job.id, Job.result_key).where(Job.result_key.is_not(None), Job.expires_at <= moment)
            .order_by(Job.expires_at).limit(batch).with_for_update(skip_locked=True)).all()
        session.execute(update(Job).where(Job.id.in_([row.id for row in rows])).values(result_expired=True))
    removed = []
    for row in rows:
        try:
            storage.remove(row.result_key)
            removed.append(row.id)
        except Exception as exc:  # the object store is away: the next pass tries again
            log.warning("could not remove the expired result of job %s: %r", row.id, exc)
    if removed:
        with session.begin():
            session.execute(update(Job).where(Job.id.in_(removed)).values(result_key=None))
    return len(removed)


def forget_person(session, *, contact_person_id, moment=None):
    """After a contact person's erasure: their personal-data exports stop (queued ones are
    cancelled, running ones asked to stop) and the files made expire now, for the expiry
    sweep to remove (not here: no call to S3 inside the event's transaction)."""
    moment = moment or now()
    about = (Job.kind == "personal_data_export") & (Job.params["contact_person_id"].astext == str(contact_person_id))
    session.execute(update(Job).where(about, Job.state == "queued").values(state="cancelled", finished_at=moment))
    session.execute(update(Job).where(about, Job.state == "running").values(cancel_requested=True))
    return session.execute(update(Job).where(about, Job.result_key.is_not(None)).values(expires_at=moment)).rowcount
