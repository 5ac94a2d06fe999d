"""Background jobs: imports, exports and the personal-data export, with progress.

A request that starts one (POST /counterparties/export, /counterparties/import,
/employees/import, /documents/export, /contact-persons/{id}/export) answers 202 at once with the job; its
`Location` is the job. Poll GET /jobs/{id} until `state` is done, failed or cancelled;
then GET /jobs/{id}/result gives the file (until `expires_at`), and an import's `report`
its per-row results. Only the job's creator (and administrators) see a job and its file.
"""
from flask import g, url_for
from .blueprint import Blueprint

from .. import rpc, tabular
from ..compose import jobs
from .paging import listing
from .schemas.common import BINARY
from .schemas.jobs import JobListArgs, JobPageSchema, JobSchema

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs",
                description="Background jobs (imports, exports, the personal-data export): state, progress, "
                            "cancel, the result file.")


def accepted(job):
    """The answer of a request that started a job (under ``@blp.response(202, JobSchema)``):
    the job, its address in Location."""
    return job, 202, {"Location": url_for("jobs.get_job", job_id=job["id"])}


@blp.route("/")
@blp.arguments(JobListArgs, location="query")
@blp.response(200, JobPageSchema)
@listing
def list_jobs(args):
    """The caller's jobs, newest first."""
    return rpc.call("jobs", "list_jobs", g.actor, args)


@blp.route("/<uuid:job_id>")
@blp.response(200, JobSchema)
def get_job(job_id):
    """A job's state and progress (poll it), and its result once done."""
    return jobs.get(job_id)


@blp.route("/<uuid:job_id>/cancel", methods=["POST"])
@blp.response(200, JobSchema)
def cancel_job(job_id):
    """Cancel a queued job at once, or a running one at its next page (`cancel_requested`);
    409 once it has finished."""
    return rpc.call("jobs", "cancel_job", g.actor, str(job_id))


@blp.route("/<uuid:job_id>/result")
@blp.response(200, BINARY, content_type="text/csv", description="the file, as an attachment")
@blp.alt_response(200, schema=BINARY, content_type=tabular.XLSX_TYPE, success=True)
@blp.alt_response(200, schema=BINARY, content_type="application/json", success=True,
                  description="a personal-data export")
def job_result(job_id):
    """A done job's file (CSV, XLSX or JSON); 409 while it has none, 404 once it expired."""
    return jobs.download(job_id)
