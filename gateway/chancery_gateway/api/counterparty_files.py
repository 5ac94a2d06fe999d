"""Importing counterparties and contact persons from CSV / XLSX files, and exporting them.

The gateway reads the file (``tabular``) and sends its rows to the counterparties service,
which validates every row, finds duplicates and imports all rows in one transaction (or
reports what it would do: ``dry_run``). The export pages through the same filters as the
directory list and writes the rows as ``;``-separated UTF-8 CSV or XLSX.
"""
from datetime import datetime, timezone

from flask import Response, g, request
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from chancery_common.errors import InvalidInput

from .. import rpc, tabular
from .payload import jsonable
from .schemas import CounterpartySearchArgs

blp = Blueprint("counterparty-files", __name__, url_prefix="/api/v1/counterparties",
                description="Import and export of the directory as CSV or XLSX.")

MAX_EXPORT = 50_000
PAGE = 500
TRUE = ("1", "true", "yes", "on")


class ImportRowResultSchema(Schema):
    row = fields.Integer()
    action = fields.String(metadata={"description": "create, update, skip, same_as_row or error"})
    same_as_row = fields.Integer()
    counterparty_id = fields.String(allow_none=True)
    contact_person_added = fields.Boolean()
    duplicates = fields.List(fields.Dict(), metadata={"description": "[{id, name, tax_id}] visible look-alikes"})
    hidden_matches = fields.Integer(metadata={"description": "look-alikes the caller may not see"})
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                         metadata={"description": "field (or _row) -> messages"})


class ImportReportSchema(Schema):
    dry_run = fields.Boolean()
    applied = fields.Boolean()
    mode = fields.String()
    total_rows = fields.Integer()
    created = fields.Integer()
    updated = fields.Integer()
    skipped = fields.Integer()
    failed = fields.Integer()
    contact_persons_added = fields.Integer()
    unknown_columns = fields.List(fields.String())
    rows = fields.List(fields.Nested(ImportRowResultSchema))


class ExportArgs(CounterpartySearchArgs):
    class Meta:
        exclude = ("limit", "offset")

    format = fields.String(load_default="csv", validate=validate.OneOf(("csv", "xlsx")))
    what = fields.String(load_default="counterparties", validate=validate.OneOf(("counterparties", "contact_persons")),
                         metadata={"description": "the counterparties, or the contact persons of those counterparties"})


def _flag(name):
    return (request.form.get(name) or request.args.get(name) or "").strip().lower() in TRUE


@blp.route("/import", methods=["POST"])
@blp.response(200, ImportReportSchema)
@blp.doc(requestBody={"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "CSV (; or , separated; UTF-8 or "
                                                                      "Windows-1251) or XLSX; the first row names "
                                                                      "the columns"},
        "mode": {"type": "string", "enum": ["skip", "update", "create"], "default": "skip",
                 "description": "what a row duplicating an existing counterparty does"},
        "dry_run": {"type": "boolean", "default": False, "description": "report only, change nothing"},
        "allow_partial": {"type": "boolean", "default": False,
                          "description": "import the good rows even if others have errors"}}}}}})
def import_counterparties():
    """Counterparties (and one contact person per row, columns contact_person, contact_position,
    contact_phone, contact_email) from a file. Columns: name, tax_id (INN), kpp,
    registration_number, kind, country, short_name, legal_address, postal_address, phone, fax,
    email, website, main_contact, notes, and the characteristics by value name (activity_type,
    region, group, category, advertising_source). All rows in one transaction: a row in error
    (422 naming the row and field under `errors.json.rows`) imports nothing unless
    `allow_partial`."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise InvalidInput("Invalid input: file", {"file": ["Choose a CSV or XLSX file."]})
    mode = (request.form.get("mode") or "skip").strip().lower()
    if mode not in ("skip", "update", "create"):
        raise InvalidInput("Invalid input: mode", {"mode": ["Must be one of: skip, update, create."]})
    rows = tabular.read_rows(upload.filename, upload.read(tabular.MAX_BYTES + 1))
    return rpc.call("counterparties", "import_counterparties", g.actor, {
        "rows": rows, "mode": mode, "dry_run": _flag("dry_run"), "allow_partial": _flag("allow_partial")},
        timeout=120)


@blp.route("/export")
@blp.arguments(ExportArgs, location="query")
@blp.response(200, content_type="text/csv")
@blp.alt_response(200, content_type=tabular.XLSX_TYPE, success=True, description="with format=xlsx")
def export_counterparties(args):
    """The directory filtered as the list is (up to 50,000 counterparties), or their contact
    persons (`what=contact_persons`; each exported person is audited), as CSV (`;`, UTF-8 with
    BOM) or XLSX. The contact persons' file imports back (same column names)."""
    output, what = args.pop("format"), args.pop("what")
    method = "export_counterparties" if what == "counterparties" else "export_contact_persons"
    query = jsonable(args)
    columns, rows, offset = None, [], 0
    while offset < MAX_EXPORT:
        page = rpc.call("counterparties", method, g.actor, {**query, "limit": PAGE, "offset": offset})
        columns = page["columns"]
        rows.extend(page["rows"])
        offset += PAGE
        if offset >= page["total"]:
            break
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    name = "counterparties" if what == "counterparties" else "contact-persons"
    if output == "xlsx":
        body = tabular.xlsx_bytes(name, columns, rows)
        mimetype = tabular.XLSX_TYPE
    else:
        body = tabular.csv_bytes(columns, rows)
        mimetype = "text/csv; charset=utf-8"
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{name}-{stamp}.{output}"', "X-Content-Type-Options": "nosniff"})
