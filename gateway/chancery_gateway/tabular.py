"""Tables in files: writing rows as CSV / XLSX (reading uploads is chancery_common.tabular).

CSV separated by ``;`` in UTF-8 with a byte-order mark (Excel opens it as UTF-8), XLSX by
openpyxl; a text cell that a spreadsheet would take for a formula (starting with = + - @,
a tab or a carriage return) gets a leading apostrophe-quote.
"""
import csv
import io

from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A cell value that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(columns, rows):
    """``;``-separated UTF-8 with a byte-order mark; formula-like cells neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheet_name, columns, rows):
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    sheet.append(list(columns))
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
