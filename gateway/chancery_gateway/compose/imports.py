"""Imports from uploaded spreadsheets, for the API and the pages alike.

Each import is a plain function of the file's bytes, its name and the options: the file is
read by chancery_common.tabular (CSV in UTF-8 or Windows-1251 separated by ``;`` ``,`` or
tab, or XLSX) here, so that a file that cannot be read is refused at once; its header and rows
go to a background job of the jobs service, which hands them to the service that owns the
records (counterparties, staff). The job's report is that service's, with how the file was
read (``file``: format, encoding, separator) so that a wrong guess shows in the dry run.
"""
from chancery_common.errors import InvalidInput
from chancery_common.tabular import MAX_BYTES, read_table

from . import jobs

MODES = ("skip", "update", "create")


def uploaded(upload):
    """(bytes, file name) of a form's file field; InvalidInput naming ``file`` when none was chosen."""
    if upload is None or not upload.filename:
        raise InvalidInput("Invalid input: file", {"file": ["Choose a CSV or XLSX file."]})
    return upload.read(MAX_BYTES + 1), upload.filename


def counterparties_import_params(content, filename, *, mode="skip", dry_run=False, allow_partial=False):
    """The counterparties_import job's parameters: the file read here (a file that cannot be read,
    or a bad mode, is InvalidInput at once), its headers and rows checked and imported by the job."""
    if mode not in MODES:
        raise InvalidInput("Invalid input: mode", {"mode": [f"Must be one of: {', '.join(MODES)}."]})
    table = read_table(content, filename)
    return {"columns": table.headers, "rows": table.rows, "mode": mode, "dry_run": dry_run,
            "allow_partial": allow_partial, "file": table.describe(), "filename": filename[:300]}


def start_counterparties_import(content, filename, *, mode="skip", dry_run=False, allow_partial=False):
    """Counterparties (and a contact person per row) from a file, as a background job: the job,
    whose report is the counterparties service's with how the file was read (``file``)."""
    return jobs.start("counterparties_import", counterparties_import_params(
        content, filename, mode=mode, dry_run=dry_run, allow_partial=allow_partial))


def employees_import_params(content, filename, *, dry_run=False):
    """The employees_import job's parameters: the file read here (a file that cannot be read is
    InvalidInput at once), its header and rows checked and imported by the staff service in the job."""
    table = read_table(content, filename)
    return {"columns": table.headers, "rows": table.rows, "dry_run": dry_run, "file": table.describe(),
            "filename": filename[:300]}


def start_employees_import(content, filename, *, dry_run=False):
    """Employees and departments from a file, as a background job: the job, whose report is the
    staff service's with how the file was read (``file``)."""
    return jobs.start("employees_import", employees_import_params(content, filename, dry_run=dry_run))
