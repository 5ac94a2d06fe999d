"""The jobs service's entrypoints: validate input, call logic, dump output; and the two
timers that do the work (claiming jobs) and remove expired result files."""
import logging

import eventlet
from nameko.dependency_providers import Config
from nameko.events import event_handler

from chancery_common.actor import load_actor
from chancery_common.consumer import handle_once
from chancery_common.database import Database
from chancery_common.errors import ServiceUnavailable, Unavailable, load, parse_uuid
from chancery_common.metrics import JOBS_ENDED, JOBS_EXPIRED_FILES
from chancery_common.observability import Observability
from chancery_common.rpc import TimedRpcProxy, rpc
from chancery_common.timers import every

from . import logic, runner, schemas
from .exceptions import Conflict, NotFound
from .models import processed_events
from .storage import ObjectStorage

log = logging.getLogger(__name__)

# how often an idle worker looks for a queued job, and the expiry sweep for expired files
RETRY_PAUSES = (1, 2, 4)

job_schema = schemas.JobSchema()
summary_schema = schemas.JobSummarySchema()


class JobsService:
    name = "jobs"

    db = Database()
    observability = Observability()
    storage = ObjectStorage()
    config = Config()
    # no request waits on a job's calls: they may take longer than a page's (JOBS_RPC_TIMEOUT)
    counterparties = TimedRpcProxy("counterparties", timeout=30, setting="JOBS_RPC_TIMEOUT")
    documents = TimedRpcProxy("documents", timeout=30, setting="JOBS_RPC_TIMEOUT")
    staff = TimedRpcProxy("staff", timeout=30, setting="JOBS_RPC_TIMEOUT")
    approvals = TimedRpcProxy("approvals", timeout=30, setting="JOBS_RPC_TIMEOUT")
    notifications = TimedRpcProxy("notifications", timeout=30, setting="JOBS_RPC_TIMEOUT")
    # an import is one transaction over up to 10,000 rows: it may take minutes
    counterparties_long = TimedRpcProxy("counterparties", timeout=300, setting="JOBS_IMPORT_TIMEOUT")
    staff_long = TimedRpcProxy("staff", timeout=300, setting="JOBS_IMPORT_TIMEOUT")

    @property
    def settings(self):
        return logic.Settings.from_config(self.config)

    @rpc
    def ping(self):
        return "pong"

    @rpc
    def start_job(self, actor, job):
        """``job``: {kind, params, language, time_zone}; a queued job, answered at once (a worker does it)."""
        actor_data = actor
        actor = load_actor(actor)
        data = load(schemas.NewJobSchema(), job)
        params_schema = schemas.PARAMS[data["kind"]]()
        params = params_schema.dump(params_schema.load(data["params"]))
        with self.db.begin():
            started = logic.start_job(self.db, actor=actor, actor_data=actor_data, kind=data["kind"], params=params,
                                      language=data["language"], time_zone=data["time_zone"])
            return job_schema.dump(started)

    @rpc
    def get_job(self, actor, job_id):
        job = logic.get_job(self.db, actor=load_actor(actor), job_id=parse_uuid(job_id, "job_id"))
        return job_schema.dump(job)

    @rpc
    def list_jobs(self, actor, query=None):
        """{items (newest first, without reports), more}: the actor's jobs."""
        params = load(schemas.JobQuerySchema(), query or {})
        items, more = logic.list_jobs(self.db, actor=load_actor(actor), **params)
        return {"items": summary_schema.dump(items, many=True), "more": more}

    @rpc
    def cancel_job(self, actor, job_id):
        with self.db.begin():
            job = logic.cancel_job(self.db, actor=load_actor(actor), job_id=parse_uuid(job_id, "job_id"))
            return job_schema.dump(job)

    @rpc
    def result_download(self, actor, job_id):
        """{url (presigned, a few minutes), filename, content_type, size} of a done job's file."""
        job = logic.get_job(self.db, actor=load_actor(actor), job_id=parse_uuid(job_id, "job_id"))
        if job.result_key is None:
            if job.result_expired:
                raise NotFound("the job's file has expired", {"expired": True})
            raise Conflict(f"the job has no file ({job.state})", {"state": job.state})
        url = self.storage.presigned_get(job.result_key, job.result_filename, job.result_content_type)
        return {"url": url, "filename": job.result_filename, "content_type": job.result_content_type,
                "size": job.result_size}

    # the work ---------------------------------------------------------------------------------

    @every("JOBS_POLL_SECONDS", 1)
    def run_jobs(self):
        """Claim and do queued jobs one after another until none is left (nameko does not tick
        this timer again while it runs; each process does one job at a time)."""
        done = 0
        while True:
            claim = logic.claim_next(self.db, settings=self.settings)
            if claim is None:
                return done
            log.info("job %s (%s) started, attempt %d", claim.id, claim.kind, claim.attempt)
            state = runner.run(self.db, claim, settings=self.settings, storage=self.storage,
                               call=self._call, call_long=self._call_long)
            log.info("job %s (%s) ended: %s", claim.id, claim.kind, state)
            JOBS_ENDED.labels(claim.kind, state).inc()
            done += 1

    @every("JOBS_EXPIRY_SWEEP_SECONDS", 60)
    def expire_results(self):
        removed = logic.expire_results(self.db, storage=self.storage)
        JOBS_EXPIRED_FILES.inc(removed)
        return removed

    @event_handler("counterparties", "contact_person.erased", requeue_on_error=True)
    @handle_once(processed_events)
    def on_contact_person_erased(self, session, event):
        """The person's personal-data exports are stopped and their files removed."""
        return logic.forget_person(session, contact_person_id=event.payload["contact_person_id"])

    def _call(self, service, method, *args):
        """A call of the job's work; a service that is away for a moment (restarting, the
        broker reconnecting) is asked again after 1, 2 and 4 s before the job fails."""
        for pause in RETRY_PAUSES:
            try:
                return getattr(getattr(self, service), method)(*args)
            except (ServiceUnavailable, Unavailable) as exc:
                log.warning("%s.%s did not answer (%s); asking again in %g s", service, method, exc, pause)
                eventlet.sleep(pause)
        return getattr(getattr(self, service), method)(*args)

    def _call_long(self, service, method, *args):
        return getattr(getattr(self, f"{service}_long"), method)(*args)
