"""Background jobs."""

from flask import url_for
from marshmallow import Schema, fields, post_dump, validate

from ...compose import jobs

from .common import ID, MAX_OFFSET, Next


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
