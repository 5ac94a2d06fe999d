"""Background jobs as the API and the pages use them: starting one (the requester's
language goes with it), and streaming a done job's file back from S3.

The jobs service keeps the job and a worker of its own does the work: the gateway only
asks, so a job survives any gateway process ending (docs/reliability.md).
"""
from flask import Response, current_app, g, stream_with_context
from flask_babel import get_locale

from .. import auth, rpc
from ..files import read_stored

KINDS = ("counterparties_export", "contact_persons_export", "documents_export", "counterparties_import",
         "employees_import", "personal_data_export")
IMPORTS = ("counterparties_import", "employees_import")
FINISHED = ("done", "failed", "cancelled")


def language():
    return str(get_locale() or "en")[:2]


def start(kind, params):
    """Queue a job of ``kind`` for the signed-in employee, in their language and time zone (the
    times an export writes are their wall clock); the job, answered at once."""
    employee = auth.current_employee() or {}
    return rpc.call("jobs", "start_job", g.actor, {"kind": kind, "params": params, "language": language(),
                                                   "time_zone": employee.get("time_zone") or None})


def get(job_id):
    return rpc.call("jobs", "get_job", g.actor, str(job_id))


def percent(job):
    """How far the job is, 0 to 100 (a finished job is at 100 whatever it counted)."""
    if job["state"] == "done":
        return 100
    total = job.get("progress_total")
    if not total:
        return 0
    return max(0, min(100, int(job["progress_done"] * 100 / total)))


def download(job_id):
    """A streamed response with a done job's file (attachment, the name it was made with)."""
    info = rpc.call("jobs", "result_download", g.actor, str(job_id))
    timeout = current_app.config["CHANCERY"].upload_timeout
    upstream, body = read_stored(info["url"], timeout)

    return Response(stream_with_context(body), content_type=info["content_type"], headers={
        "Content-Length": str(info["size"]),
        "Content-Disposition": upstream.headers.get("Content-Disposition", "attachment"),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store"})
