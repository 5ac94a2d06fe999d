"""Importing counterparties and contact persons from CSV / XLSX files, and exporting them,
both as background jobs (api/jobs.py).

The gateway reads the file (``imports``: chancery_common.tabular) and queues its headers and
rows as a job; the jobs service's worker sends them to the counterparties service, which
validates every row, finds duplicates and imports all rows in one transaction (or reports
what it would do: ``dry_run``); the job keeps the report, with how the file was read. The
export job pages through the same filters as the directory list and writes every row as
``;``-separated UTF-8 CSV or XLSX.
"""
from flask import request
from .blueprint import Blueprint
from marshmallow import fields, validate

from ..compose import imports, jobs
from .jobs import accepted
from ..payload import form_flag, jsonable
from .schemas.counterparties import CounterpartySearchArgs
from .schemas.jobs import JobSchema

blp = Blueprint("counterparty-files", __name__, url_prefix="/api/v1/counterparties",
                description="Import and export of the directory as CSV or XLSX.")


class ExportArgs(CounterpartySearchArgs):
    class Meta:
        exclude = ("limit", "offset")

    format = fields.String(load_default="csv", validate=validate.OneOf(("csv", "xlsx")))
    what = fields.String(load_default="counterparties", validate=validate.OneOf(("counterparties", "contact_persons")),
                         metadata={"description": "the counterparties, or the contact persons of those counterparties"})


@blp.route("/import", methods=["POST"])
@blp.response(202, JobSchema)
@blp.doc(requestBody={"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "CSV (; , or tab separated; UTF-8 "
                                                                      "with or without BOM, or Windows-1251: "
                                                                      "detected) or XLSX; the first row names "
                                                                      "the columns"},
        "mode": {"type": "string", "enum": ["skip", "update", "create"], "default": "skip",
                 "description": "what a row duplicating an existing counterparty does"},
        "dry_run": {"type": "boolean", "default": False, "description": "report only, change nothing"},
        "allow_partial": {"type": "boolean", "default": False,
                          "description": "import the good rows even if others have errors"}}}}}})
def import_counterparties():
    """Start an import job: counterparties (and one contact person per row, columns
    contact_person, contact_position, contact_phone, contact_email) from a file. Columns: name,
    tax_id (INN), kpp, registration_number, kind, country, short_name, legal_address,
    postal_address, phone, fax, email, website, main_contact, notes, and the characteristics by
    value name (activity_type, region, group, category, advertising_source); or their Russian
    headers (Наименование, ИНН, КПП, ОГРН, Телефон, Эл. почта, Адрес, Контактное лицо...:
    docs/api.md). A file that cannot be read, or without a name column, is a 422 at once
    naming it under `errors.json.file`; the rows are checked by the job: all rows in one transaction, and
    a row in error imports nothing unless `allow_partial` (the job then fails, its report
    naming each row and field under `row_errors`). The job's `report` has the counts
    (total_rows, created, updated, skipped, failed, contact_persons_added, unknown_columns),
    `file` (how the file was read: format, encoding, separator)
    and per row its `action` (create, update, skip, same_as_row or error), `errors` (field ->
    messages), `duplicates` ([{id, name, tax_id}] visible look-alikes) and `hidden_matches`."""
    content, filename = imports.uploaded(request.files.get("file"))
    return accepted(imports.start_counterparties_import(
        content, filename, mode=(request.form.get("mode") or "skip").strip().lower(),
        dry_run=form_flag("dry_run"), allow_partial=form_flag("allow_partial")))


@blp.route("/export", methods=["POST"])
@blp.arguments(ExportArgs)
@blp.response(202, JobSchema)
def export_counterparties(args):
    """Start an export job: the directory filtered as the list is (every row), or their
    contact persons (`what=contact_persons`; each exported person is audited), as CSV (`;`,
    UTF-8 with BOM) or XLSX (dates as date cells). Headers are the field names (the file
    imports back), or Russian words when the caller's language is Russian."""
    output, what = args.pop("format"), args.pop("what")
    kind = "counterparties_export" if what == "counterparties" else "contact_persons_export"
    return accepted(jobs.start(kind, {"query": jsonable(args), "format": output}))
