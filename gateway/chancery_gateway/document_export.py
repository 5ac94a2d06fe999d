"""The registry's filtered list as an XLSX workbook.

Rows are fetched page by page from the documents service and written by openpyxl in
write-only mode; a cell that a spreadsheet would take for a formula (starting with
= + - @, or a tab or carriage return) is written with a leading apostrophe-quote so it
stays text.
"""
import io
from datetime import datetime, timezone

from flask import Response
from openpyxl import Workbook

from . import rpc
from .web.lookups import counterparty_names, employee_names

MAX_ROWS = 10_000
PAGE = 500
COLUMNS = ("Number", "Registered", "Type", "Title", "Counterparty", "Status", "Amount", "Currency",
           "Document date", "Signed on", "Valid from", "Valid until", "Responsible")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def rows(actor, query):
    query = {**query, "limit": PAGE}
    offset = 0
    while offset < MAX_ROWS:
        page = rpc.call("documents", "list_documents", actor, {**query, "offset": offset})
        items = page["items"]
        if not items:
            return
        counterparties = counterparty_names(d.get("counterparty_id") for d in items)
        people = employee_names(d.get("responsible_id") for d in items)
        for d in items:
            yield [d.get("number"), (d.get("registered_at") or "")[:10] or None, d["type"]["name"], d["title"],
                   counterparties.get(d.get("counterparty_id")), d["status"],
                   float(d["amount"]) if d.get("amount") is not None else None, d.get("currency"),
                   d.get("document_date"), d.get("signing_date"), d.get("valid_from"), d.get("valid_to"),
                   people.get(d.get("responsible_id"))]
        offset += len(items)
        if offset >= page["total"]:
            return


def workbook(actor, query):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Documents")
    sheet.append(list(COLUMNS))
    for row in rows(actor, query):
        sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(actor, query):
    body = workbook(actor, query)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    return Response(body, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", headers={
        "Content-Disposition": f'attachment; filename="documents-{stamp}.xlsx"',
        "X-Content-Type-Options": "nosniff"})
