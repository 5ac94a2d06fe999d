"""Doing one claimed job: the kind's work into a temporary file, the file to S3, the
outcome on the job's row.

The work runs outside any transaction; ``Tracker`` reports progress after each page and
stops the work (``Cancelled``) when the creator cancelled it. A cancelled or failed job
keeps no file; a job that is no longer this worker's (``Lost``: its lease ran out while the
process hung, and another worker took it up) leaves everything to that worker.
"""
import logging
import os
import re
import tempfile
from datetime import datetime, timezone

from chancery_common.errors import ChanceryError

from . import exports, imports, personal_data
from .exceptions import Cancelled, Lost
from .logic import Tracker
from .storage import result_key

log = logging.getLogger(__name__)

NAMES = {"counterparties_export": "counterparties", "contact_persons_export": "contact-persons",
         "documents_export": "documents"}


def filename(claim):
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    if claim.kind == "personal_data_export":
        return f"contact-person-{claim.params['contact_person_id']}.json"
    extension = claim.params.get("format", "xlsx" if claim.kind == "documents_export" else "csv")
    return f"{NAMES[claim.kind]}-{stamp}.{extension}"


def run(session, claim, *, settings, storage, call, call_long):
    """Do the claimed job to its end; returns its final state."""
    tracker = Tracker(session, claim, settings)
    workdir = tempfile.mkdtemp(prefix="chancery-job-")
    path = os.path.join(workdir, "result")
    try:
        tracker.report()
        if claim.kind in imports.IMPORTS:
            state, report, error = imports.run_import(claim, call_long=call_long, tracker=tracker)
            if state == "done":
                tracker.finish(report=report)
            else:
                tracker.end(state, error=error, report=report)
            return state
        if claim.kind == "documents_export":
            content_type, rows = exports.export_documents(claim, call=call, path=path, tracker=tracker,
                                                          page_size=settings.page_size)
        elif claim.kind == "personal_data_export":
            content_type, rows = personal_data.export_personal_data(claim, call=call, path=path, tracker=tracker)
        else:
            content_type, rows = exports.export_directory(claim, call=call, path=path, tracker=tracker,
                                                          page_size=settings.page_size)
        tracker.report()  # a cancel asked for during the last page still counts
        name = filename(claim)
        key = result_key(claim.id, re.sub(r"[^\w.\-]", "_", name))
        storage.put_file(key, path, content_type)
        try:
            tracker.finish(key=key, filename=name, content_type=content_type, size=os.path.getsize(path),
                           report=None if rows is None else {"rows": rows})
        except Lost:
            storage.remove(key)
            raise
        return "done"
    except Cancelled:
        tracker.end("cancelled")
        return "cancelled"
    except Lost:
        log.warning("job %s was taken up by another worker; this one stops", claim.id)
        return "lost"
    except ChanceryError as exc:  # a service refused (bad filter, a permission) or did not answer
        tracker.end("failed", error=exc.message)
        return "failed"
    except Exception as exc:
        log.exception("job %s (%s) failed", claim.id, claim.kind)
        tracker.end("failed", error=f"{type(exc).__name__}: {exc}"[:2000])
        return "failed"
    finally:
        if os.path.exists(path):
            os.remove(path)
        os.rmdir(workdir)
