"""Reading an uploaded spreadsheet (CSV or XLSX) into rows, and matching its column headers.

Every import reads its file here, whoever calls it (a page, the API, a background job):
``read_table(content, filename)`` takes the bytes and the file's name and returns a
``Table``: the header texts, the rows and how the file was read (format, encoding,
separator), which the import reports back so that a wrong guess is visible.

CSV: the encoding is detected, not asked for: a UTF-16 byte-order mark means UTF-16 (Excel's
"Unicode text"); valid UTF-8 (with or without a byte-order mark) means UTF-8; anything else
is read as Windows-1251, what Russian Excel saves. Bytes that no text file holds (NUL and
other control characters) are refused. The separator is the one Excel's ``sep=;`` first
line names, else the one of ``;``, ``,`` and tab that splits the header into the most
columns and keeps the following rows the same width.
XLSX: openpyxl, the first sheet; an old binary .xls is refused with a hint. The first row is
the header; blank rows are left out; each row keeps its number in the file (the header is
row 1) so that errors can name it.

``Columns`` matches headers to an import's fields: each field has its name and the usual
headers people give it (Russian and English); headers compare without case, spaces,
punctuation and with ё read as е, so "Эл. почта", "E-mail" and "email" are alike. Headers
that match no field are reported as ignored; a missing required field is an error naming it.
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from marshmallow import Schema, fields, validate

from .errors import InvalidInput

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
# an XLSX file is a zip: what its parts may unpack to in all (a "zip bomb" is refused unread)
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
SEPARATORS = (";", ",", "\t")
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
# characters no spreadsheet saved as text holds: a binary file read as Windows-1251 shows them
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SNIFFED_LINES = 50
# Excel's own hint on a CSV's first line ("sep=;"), which it writes and reads
EXCEL_SEPARATOR_LINE = re.compile(r"sep=(?P<separator>[;,\t]|\\t)[ \t]*\r?\n")


def refuse(message):
    raise InvalidInput("Invalid input: file", {"file": [message]})


@dataclass
class Table:
    """An uploaded table: its headers, rows [{"row": n, "values": {header: text}}] and how it was read."""
    format: str  # "csv" or "xlsx"
    headers: list
    rows: list
    encoding: str | None = None  # "utf-8", "utf-8-sig" (with a byte-order mark), "utf-16", "windows-1251"
    separator: str | None = None  # ";", "," or "\t"

    def describe(self):
        """How the file was read, for an import's report."""
        return {"format": self.format, "encoding": self.encoding, "separator": self.separator}


def read_table(content, filename):
    """The ``Table`` of an uploaded CSV or XLSX file (see the module doc); InvalidInput naming ``file``."""
    if len(content) > MAX_BYTES:
        refuse(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if not content.strip():
        refuse("The file is empty.")
    name = (filename or "").lower()
    if content[:4] == b"PK\x03\x04":
        table = Table("xlsx", *_split(_xlsx_cells(content)))
    elif content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or name.endswith(".xls"):
        refuse("This is an old Excel workbook (.xls): save it as .xlsx or CSV and upload that.")
    elif name.endswith(".xlsx"):
        refuse("The file is not a readable XLSX workbook.")
    elif "." in name and not name.endswith(TEXT_EXTENSIONS):
        refuse("Upload a CSV (.csv, .txt, .tsv) or XLSX file.")
    else:
        text, encoding = decode(content)
        hint = EXCEL_SEPARATOR_LINE.match(text)
        separator = hint["separator"].replace("\\t", "\t") if hint else sniff_separator(text)
        cells = csv.reader(io.StringIO(text[hint.end():] if hint else text, newline=""), delimiter=separator)
        table = Table("csv", *_split(cells, first=2 if hint else 1), encoding=encoding, separator=separator)
    return table


def decode(content):
    """(text, encoding name) of CSV bytes: UTF-16 by its mark, UTF-8 if valid, else Windows-1251."""
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text, encoding = content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            refuse("The file says it is UTF-16 text but is not.")
    elif content[:3] == b"\xef\xbb\xbf":
        try:
            text, encoding = content[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            refuse("The file says it is UTF-8 text but is not.")
    else:
        try:
            text, encoding = content.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = content.decode("cp1251"), "windows-1251"
            except UnicodeDecodeError:
                text = None
    if text is None or NOT_TEXT.search(text):
        refuse("The file is neither a CSV text (UTF-8 or Windows-1251) nor an XLSX workbook.")
    return text, encoding


def sniff_separator(text):
    """The separator of ``;``, ``,`` and tab that splits the header widest and keeps the rows as wide."""
    lines = text.splitlines()[:SNIFFED_LINES]
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        try:
            rows = [row for row in csv.reader(lines, delimiter=separator) if any(cell.strip() for cell in row)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(row) == width for row in rows[1:]), width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _split(cells, first=1):
    """(headers, rows) of the cells' first row (row ``first`` of the file) and the non-blank rows under it."""
    cells = iter(cells)
    try:
        header = next(cells, None)
    except csv.Error:
        refuse("The file is not a readable CSV table.")
    if not header or not any(_text(cell) for cell in header):
        refuse("The file has no header row.")
    headers = [_text(cell) for cell in header]
    rows, number = [], first
    try:
        for number, row in enumerate(cells, start=first + 1):
            values = {headers[i]: _text(cell) for i, cell in enumerate(row) if i < len(headers) and headers[i]}
            if not any(values.values()):
                continue
            rows.append({"row": number, "values": values})
            if len(rows) > MAX_ROWS:
                refuse(f"The file has more than {MAX_ROWS} rows: split it.")
    except csv.Error as broken:
        refuse(f"The file is not a readable CSV table (row {number}: {broken}).")
    if not rows:
        refuse("The file has no rows under its header.")
    return [header for header in headers if header], rows


def _xlsx_cells(content):
    from openpyxl import load_workbook  # only the services that read workbooks need it loaded

    try:
        # zipfile never unpacks a member past the size its directory declares
        unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, ValueError):
        refuse("The file is not a readable XLSX workbook.")
    if unpacked > MAX_UNPACKED_BYTES:
        refuse(f"The workbook unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB: "
               "save only the rows to import.")
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        refuse("The file is not a readable XLSX workbook.")
    return _sheet_rows(book)


def _sheet_rows(book):
    """The first sheet's rows, read as they are asked for (the reader stops past MAX_ROWS)."""
    try:
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


FORMULA_GUARDED = ("=", "+", "-", "@", "\t", "\r")  # what an export prefixes with an apostrophe


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
    text = str(cell).strip()
    if text[:1] == "'" and text[1:2] in FORMULA_GUARDED:
        # a text cell an export guarded against being taken for a formula ("'+7 495 ...", as
        # Chancery's exports write it): read as the text it guards, so an export imports back
        return text[1:].strip()
    return text


# Column headers ----------------------------------------------------------------------------

def header_key(header):
    """A header as compared: lower case, ё as е, without spaces and punctuation ("Эл. почта" -> "элпочта")."""
    return re.sub(r"[\W_]+", "", (header or "").lower().replace("ё", "е"))


@dataclass
class Columns:
    """An import's fields ({field: (other headers for it...)}) and those the file must have."""
    names: dict
    required: tuple = ()
    _by_key: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._by_key = {}
        for name, aliases in self.names.items():
            for header in (name, *aliases):
                self._by_key.setdefault(header_key(header), name)

    def field(self, header):
        """The field a header names, or None."""
        return self._by_key.get(header_key(header))

    def unknown(self, headers):
        """The headers that name no field (ignored by the import), in the file's order."""
        return [header for header in headers if header and self.field(header) is None]

    def missing(self, headers):
        """The required fields no header names."""
        present = {self.field(header) for header in headers}
        return [name for name in self.required if name not in present]

    def require(self, headers):
        """InvalidInput naming the required columns the file lacks (the file is not read further)."""
        missing = self.missing(headers)
        if missing:
            raise InvalidInput(f"Invalid input: the file has no column {', '.join(missing)}",
                               {"file": [f"Missing columns: {', '.join(missing)}."]})

    def values(self, values):
        """{field: text} of a row's non-empty cells; of two columns for one field the first counts."""
        found = {}
        for header, text in values.items():
            name = self.field(header)
            if name is not None and text is not None and str(text).strip() != "":
                found.setdefault(name, str(text).strip())
        return found


# Rows on the bus -----------------------------------------------------------------------------

class RowSchema(Schema):
    """A table's row as an import's RPC carries it."""
    row = fields.Integer(required=True, validate=validate.Range(min=1), metadata={
        "description": "the row's number in the file (the header is row 1)"})
    values = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), required=True, metadata={
        "description": "column header -> cell text"})


class TableSchema(Schema):
    """The header and rows of an uploaded table (``Table.headers``, ``Table.rows``)."""
    columns = fields.List(fields.String(), load_default=None, validate=validate.Length(max=1000), metadata={
        "description": "the header row's texts (default: the rows' headers)"})
    rows = fields.List(fields.Nested(RowSchema), required=True, validate=validate.Length(min=1, max=MAX_ROWS))
