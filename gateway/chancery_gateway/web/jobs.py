"""Background jobs on the pages: starting the exports and the import, a job's page with its
progress bar (a small partial htmx asks for every second until the job has finished), the
result (a file to download, or an import's report), cancelling, and the list of one's jobs."""
from flask import flash, g, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from chancery_common.errors import Conflict, InvalidInput, NotFound

from .. import auth, rpc
from ..compose import imports, jobs
from . import admin_texts, bp

def started(kind, params):
    """Start the job and go to its page (htmx follows HX-Redirect; a plain form, the redirect)."""
    job = jobs.start(kind, params)
    target = url_for("web.job", job_id=job["id"])
    if request.headers.get("HX-Request"):
        response = make_response("", 204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, code=303)


@bp.route("/jobs")
@auth.page_login_required
def jobs_list():
    """The signed-in employee's jobs, newest first."""
    found = rpc.call("jobs", "list_jobs", g.actor, {"limit": 100})
    return render_template("jobs/list.html", jobs=found["items"], percent=jobs.percent)


def job_context(job):
    """What the job's page and its progress partial show: an import's outcome as the import
    page's report (``report``, or the rows in error: ``row_errors``; what is wrong with the
    file as a whole, such as a missing column: ``file_errors``, translated)."""
    outcome = job.get("report") if job["kind"] in jobs.IMPORTS else None
    failed = job["state"] == "failed"
    return {"job": job, "percent": jobs.percent(job), "finished": jobs.FINISHED,
            "report": outcome if outcome and job["state"] == "done" else None,
            "row_errors": (outcome or {}).get("row_errors") if failed else None,
            "file_errors": admin_texts.field_errors((outcome or {}).get("errors") or {}) if failed else {}}


@bp.route("/jobs/<uuid:job_id>")
@auth.page_login_required
def job(job_id):
    return render_template("jobs/job.html", **job_context(jobs.get(job_id)))


@bp.route("/jobs/<uuid:job_id>/progress")
@auth.page_login_required
def job_progress(job_id):
    """The progress partial: polled while the job runs; once finished, it stops asking."""
    return render_template("jobs/_progress.html", **job_context(jobs.get(job_id)))


@bp.route("/jobs/<uuid:job_id>/cancel", methods=["POST"])
@auth.page_login_required
def cancel_job(job_id):
    try:
        rpc.call("jobs", "cancel_job", g.actor, str(job_id))
    except Conflict:
        flash(_("The job has already finished."), "error")
    return redirect(url_for("web.job", job_id=job_id), code=303)


@bp.route("/jobs/<uuid:job_id>/download")
@auth.page_login_required
def job_download(job_id):
    try:
        return jobs.download(job_id)
    except (NotFound, Conflict) as exc:
        if isinstance(exc, Conflict) or not (exc.details or {}).get("expired"):
            raise
        flash(_("The file has expired and was removed; start the export again."), "error")
        return redirect(url_for("web.job", job_id=job_id), code=303)


@bp.route("/contact-persons/<uuid:contact_person_id>/personal-data-export", methods=["POST"])
@auth.page_login_required
def export_personal_data(contact_person_id):
    """Everything every service holds about the person, as a job (the person must be visible)."""
    rpc.call("counterparties", "get_contact_person", g.actor, str(contact_person_id))
    return started("personal_data_export", {"contact_person_id": str(contact_person_id)})


def start_import(values):
    """The import page's POST: the file read here (a file that cannot be read answers at once,
    naming what is wrong), its rows checked and imported by a job."""
    try:
        content, filename = imports.uploaded(request.files.get("file"))
        params = imports.counterparties_import_params(
            content, filename, mode=values["mode"] if values["mode"] in imports.MODES else "skip",
            dry_run=values["dry_run"] == "1", allow_partial=values["allow_partial"] == "1")
    except InvalidInput as exc:
        details = exc.details or {}
        errors = admin_texts.field_errors({key: value for key, value in details.items() if key != "rows"})
        return render_template("counterparties/import.html", values=values, report=None, errors=errors,
                               row_errors=None), 422
    return started("counterparties_import", params)
