"""Tables in files: reading uploaded CSV / XLSX into rows, writing rows as CSV / XLSX.

Reading: CSV in UTF-8 (with or without a byte-order mark) or, failing that, Windows-1251
(what Russian Excel saves), separated by ``;`` or ``,`` (whichever the header line uses
more); XLSX by openpyxl, the first sheet. The first row is the header; blank rows are
left out; each row keeps its number in the file (the header is row 1) so that errors can
name it. Writing: CSV separated by ``;`` in UTF-8 with a byte-order mark (Excel opens it
as UTF-8), XLSX by openpyxl; a text cell that a spreadsheet would take for a formula
(starting with = + - @, a tab or a carriage return) gets a leading apostrophe-quote.
"""
import csv
import io
from datetime import date, datetime

from openpyxl import Workbook, load_workbook

from chancery_common.errors import InvalidInput

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def refuse(message):
    raise InvalidInput("Invalid input: file", {"file": [message]})


def neutralise(value):
    """A cell value that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def read_rows(filename, content):
    """[{"row": number in the file, "values": {header: text}}] of an uploaded CSV or XLSX file."""
    if len(content) > MAX_BYTES:
        refuse(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    name = (filename or "").lower()
    if name.endswith(".xlsx") or content[:4] == b"PK\x03\x04":
        table = _xlsx_cells(content)
    elif name.endswith((".csv", ".txt")) or not name:
        table = _csv_cells(content)
    else:
        refuse("Upload a .csv or .xlsx file.")
    table = iter(table)
    header = next(table, None)
    if not header or not any(_text(cell) for cell in header):
        refuse("The file has no header row.")
    headers = [_text(cell) for cell in header]
    rows = []
    for number, cells in enumerate(table, start=2):
        values = {headers[i]: _text(cell) for i, cell in enumerate(cells) if i < len(headers) and headers[i]}
        if not any(values.values()):
            continue
        rows.append({"row": number, "values": values})
        if len(rows) > MAX_ROWS:
            refuse(f"The file has more than {MAX_ROWS} rows: split it.")
    if not rows:
        refuse("The file has no rows under its header.")
    return rows


def _csv_cells(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1251")
        except UnicodeDecodeError:
            refuse("The file is neither UTF-8 nor Windows-1251 text.")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_cells(content):
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        refuse("The file is not a readable XLSX workbook.")
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _text(cell):
    """A cell as text: whole numbers without ".0" (a tax id typed as a number), dates as ISO."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


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
