"""Background jobs: imports, exports and the personal-data export, with progress.

A request that starts one (POST /counterparties/export, /counterparties/import,
/employees/import, /documents/export, /contact-persons/{id}/export) answers 202 at once with the job; its
`Location` is the job. Poll GET /jobs/{id} until `state` is done, failed or cancelled;
then GET /jobs/{id}/result gives the file (until `expires_at`), and an import's `report`
its per-row results. Only the job's creator (and administrators) see a job and its file.
"""
from flask import g, url_for
from flask_smorest import Blueprint
from marshmallow import Schema, fields, post_dump, validate

from .. import jobs, rpc, tabular
from .paging import MAX_OFFSET
from .schemas import BINARY, ID
from .paging import Next, listing

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs",
                description="Background jobs (imports, exports, the personal-data export): state, progress, "
                            "cancel, the result file.")

STATES = ("queued", "running", "done", "failed", "cancelled")


class JobSchema(Schema):
    id = ID()
    kind = fields.String(metadata={"description": ", ".join(jobs.KINDS)})
    state = fields.String(metadata={"description": "queued, running, done, failed or cancelled"})
    language = fields.String(metadata={"description": "the requester's language when it was started (en, ru): "
                                                      "the file's headers"})
    time_zone = fields.String(allow_none=True, metadata={
        "description": "the requester's time zone when it was started (their card's): an export's times are its "
                       "wall clock, its header names the zone"})
    created_by = ID()
    created_at = fields.String()
    started_at = fields.String(allow_none=True)
    finished_at = fields.String(allow_none=True)
    progress_done = fields.Integer(metadata={"description": "rows (or steps) done so far"})
    progress_total = fields.Integer(allow_none=True, metadata={"description": "rows (or steps) in all, once known"})
    cancel_requested = fields.Boolean()
    attempts = fields.Integer(metadata={"description": "how many times a worker took it up (again after a "
                                                       "worker's process died)"})
    params = fields.Dict(metadata={"description": "what it was asked to do (an import's rows left out)"})
    has_result_file = fields.Boolean()
    result_url = fields.String(allow_none=True, metadata={"description": "GET it for the file while it is kept"})
    result_filename = fields.String(allow_none=True)
    result_content_type = fields.String(allow_none=True)
    result_size = fields.Integer(allow_none=True)
    expires_at = fields.String(allow_none=True, metadata={"description": "when the file is removed"})
    result_expired = fields.Boolean()
    report = fields.Dict(allow_none=True, metadata={
        "description": "an import's report (counts, how the file was read, per row the action and errors: "
                       "POST /counterparties/import and /employees/import describe theirs; `row_errors` and "
                       "`errors` when the service refused the file); an export's {rows}"})
    error = fields.String(allow_none=True)

    @post_dump(pass_original=True)
    def link(self, data, job, **kwargs):
        data["result_url"] = (url_for("jobs.job_result", job_id=job["id"]) if job.get("has_result_file") else None)
        return data


class JobSummarySchema(JobSchema):
    class Meta:
        exclude = ("report",)


class JobPageSchema(Schema):
    items = fields.List(fields.Nested(JobSummarySchema))
    more = fields.Boolean(metadata={"description": "older jobs follow (raise offset)"})
    next = Next()


class JobListArgs(Schema):
    everyone = fields.Boolean(load_default=False, metadata={"description": "administrators: every employee's jobs"})
    state = fields.List(fields.String(validate=validate.OneOf(STATES)))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0, max=MAX_OFFSET))


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
