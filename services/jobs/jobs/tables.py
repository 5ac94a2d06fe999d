"""Writing a table to a file on disk as it is produced: XLSX (openpyxl in write-only mode,
rows streamed to the file, so memory stays flat whatever the number of rows) or CSV
(``;``-separated UTF-8 with a byte-order mark, which Excel opens as UTF-8).

Each column has a kind: ``text``; ``date`` and ``datetime`` (from ISO text, written as real
date cells with the number format ``DD.MM.YYYY``, Excel's ДД.ММ.ГГГГ, and
``DD.MM.YYYY HH:MM``; in a CSV as that text in Russian, ISO in English; a spreadsheet has no
time zones, so a moment is written as the wall clock of the requester's time zone, and a
moment in a date column is the day it was there); ``money`` (a
number with two decimals, the currency in a column of its own). A text cell a spreadsheet
would take for a formula (starting with = + - @, a tab or a carriage return) gets a
leading apostrophe-quote.
"""
import csv
from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
MONEY_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str = "text"  # text, date, datetime, money


def neutralise(value):
    """A cell value that cannot run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def zone_of(name):
    """The ZoneInfo of an IANA name; UTC for none."""
    return ZoneInfo(name) if name else timezone.utc


def typed(value, kind, zone=timezone.utc):
    """The Python value of a cell: a date, a naive datetime (the wall clock in ``zone``), a
    Decimal, or text. A moment given for a date column is the day it was in ``zone``."""
    if value is None or value == "":
        return None
    try:
        if kind in ("date", "datetime"):
            if isinstance(value, date) and not isinstance(value, datetime):
                return value
            text = str(value)
            if kind == "date" and len(text) == 10:
                return date.fromisoformat(text)
            moment = value if isinstance(value, datetime) else datetime.fromisoformat(text)
            if moment.tzinfo:  # a spreadsheet has no time zones: the wall clock there (the header names it)
                moment = moment.astimezone(zone).replace(tzinfo=None)
            return moment.date() if kind == "date" else moment
        if kind == "money":
            return Decimal(str(value))
    except (ValueError, InvalidOperation):
        return neutralise(str(value))
    return neutralise(value)


class TableFile:
    """``with TableFile(path, "xlsx", columns, sheet, language) as table: table.append(values)``."""

    def __init__(self, path, output, columns, sheet_name, language="en", time_zone=None):
        self.path, self.output, self.columns, self.language = path, output, list(columns), language
        self.zone = zone_of(time_zone)
        self.sheet_name = sheet_name[:31]
        self.rows = 0

    @property
    def content_type(self):
        return XLSX_TYPE if self.output == "xlsx" else CSV_TYPE

    def __enter__(self):
        if self.output == "xlsx":
            self.book = Workbook(write_only=True)
            self.sheet = self.book.create_sheet(self.sheet_name)
            bold = Font(bold=True)
            header = []
            for column in self.columns:
                cell = WriteOnlyCell(self.sheet, value=neutralise(column.label))
                cell.font = bold
                header.append(cell)
            self.sheet.append(header)
        else:
            self.file = open(self.path, "w", encoding="utf-8-sig", newline="")
            self.writer = csv.writer(self.file, delimiter=";", lineterminator="\r\n")
            self.writer.writerow([neutralise(column.label) for column in self.columns])
        return self

    def append(self, values):
        cells = zip(self.columns, values, strict=True)
        if self.output == "xlsx":
            self.sheet.append([self._cell(column, value) for column, value in cells])
        else:
            self.writer.writerow([self._text(column, value) for column, value in cells])
        self.rows += 1

    def _cell(self, column, value):
        value = typed(value, column.kind, self.zone)
        if column.kind == "text" or value is None or isinstance(value, str):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.number_format = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "money": MONEY_FORMAT}[column.kind]
        return cell

    def _text(self, column, value):
        value = typed(value, column.kind, self.zone)
        russian = self.language == "ru"
        if value is None:
            return ""
        if isinstance(value, datetime):
            return value.strftime("%d.%m.%Y %H:%M") if russian else value.isoformat(sep=" ", timespec="minutes")
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y") if russian else value.isoformat()
        if isinstance(value, Decimal):
            text = f"{value:.2f}"
            return text.replace(".", ",") if russian else text
        return value

    def __exit__(self, exc_type, exc, tb):
        if self.output == "xlsx":
            if exc_type is None:
                self.book.save(self.path)
            else:
                self.book.close()
        else:
            self.file.close()
        return False
