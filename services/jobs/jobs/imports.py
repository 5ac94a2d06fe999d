"""Imports as jobs: the rows the gateway read from the file go to the owning service's
existing import (one transaction, or a dry run that changes nothing); the job keeps its
per-row report. The parsing of files stays in the gateway, the rules in the service."""
from chancery_common.errors import InvalidInput

# kind -> (the owning service, its import, the parameters passed on to it)
IMPORTS = {
    "counterparties_import": ("counterparties", "import_counterparties", ("rows", "mode", "dry_run", "allow_partial")),
    "employees_import": ("staff", "import_employees", ("rows", "dry_run")),
}


def run_import(job, *, call_long, tracker):
    """An import job: returns (state, report, error): done with the service's report (and how
    the file was read), or failed with the rows in error (``row_errors``) and what is wrong with
    the file as a whole (``errors``) when the service refused it."""
    service, method, passed = IMPORTS[job.kind]
    params = job.params
    tracker.report(done=0, total=len(params["rows"]))
    request = {key: params[key] for key in passed if key in params}
    if params.get("columns") is not None:
        request["columns"] = params["columns"]
    try:
        report = call_long(service, method, job.actor, request)
    except InvalidInput as exc:
        details = exc.details or {}
        rows = details.get("rows") if isinstance(details.get("rows"), dict) else {}
        return "failed", {"row_errors": rows, "errors": {k: v for k, v in details.items() if k != "rows"},
                          "filename": params.get("filename")}, exc.message
    tracker.done = len(params["rows"])
    described = {"file": params["file"]} if params.get("file") is not None else {}
    return "done", {**report, "filename": params.get("filename"), **described}, None
