"""Reading uploaded spreadsheets: encodings, separators, XLSX, limits, and matching headers."""
import io
import zipfile

import pytest
from openpyxl import Workbook

from chancery_common import tabular
from chancery_common.errors import InvalidInput
from chancery_common.tabular import Columns, header_key, read_table

COUNTERPARTY = Columns({
    "name": ("Наименование", "Полное наименование"), "tax_id": ("ИНН", "inn"), "kpp": ("КПП",),
    "email": ("E-mail", "Эл. почта"), "legal_address": ("Адрес",),
}, required=("name",))


def workbook(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def refusal(content, filename="file.csv"):
    with pytest.raises(InvalidInput) as refused:
        read_table(content, filename)
    return refused.value.details["file"][0]


def test_a_windows_1251_csv_separated_by_semicolons_with_russian_headers():
    content = ("Полное наименование;ИНН;КПП;Эл. почта;Адрес\r\n"
               "ООО «Ёлка»;7707083893;773601001;info@elka.ru;г. Москва, ул. Лесная, д. 1\r\n").encode("cp1251")

    table = read_table(content, "контрагенты.csv")

    assert table.describe() == {"format": "csv", "encoding": "windows-1251", "separator": ";"}
    assert table.headers == ["Полное наименование", "ИНН", "КПП", "Эл. почта", "Адрес"]
    assert COUNTERPARTY.values(table.rows[0]["values"]) == {
        "name": "ООО «Ёлка»", "tax_id": "7707083893", "kpp": "773601001", "email": "info@elka.ru",
        "legal_address": "г. Москва, ул. Лесная, д. 1"}
    assert table.rows[0]["row"] == 2


def test_utf8_with_and_without_a_byte_order_mark():
    text = "Наименование,ИНН\nРомашка,7707083893\n"
    with_mark = read_table(text.encode("utf-8-sig"), "a.csv")
    without = read_table(text.encode("utf-8"), "a.csv")
    assert (with_mark.encoding, without.encoding) == ("utf-8-sig", "utf-8")
    assert with_mark.headers == without.headers == ["Наименование", "ИНН"]  # no BOM glued to the first header
    assert with_mark.separator == without.separator == ","


def test_tab_separated_and_excels_unicode_text():
    text = "ФИО\tE-mail\tПодразделение\nАнна Петрова\tanna@example.com\tПродажи, Север\n"
    tabbed = read_table(text.encode("utf-8"), "staff.tsv")
    assert (tabbed.separator, tabbed.rows[0]["values"]["Подразделение"]) == ("\t", "Продажи, Север")
    unicode_text = read_table(text.encode("utf-16"), "staff.txt")  # Excel's "Unicode text": UTF-16 with a mark
    assert (unicode_text.encoding, unicode_text.separator) == ("utf-16", "\t")
    assert unicode_text.rows == tabbed.rows


def test_the_separator_is_the_one_that_keeps_rows_as_wide_as_the_header():
    # the header has a comma in one quoted name; the rows are separated by semicolons
    content = 'Наименование;"Телефон, факс";ИНН\nА;1, 2;7707083893\nБ;3;7736207543\n'.encode()
    table = read_table(content, "a.csv")
    assert table.separator == ";"
    assert table.rows[1]["values"] == {"Наименование": "Б", "Телефон, факс": "3", "ИНН": "7736207543"}
    # one column only: nothing to split
    assert read_table(b"name\nA\n", "a.csv").rows == [{"row": 2, "values": {"name": "A"}}]


def test_excels_separator_line_names_the_separator():
    table = read_table("sep=,\r\nНаименование;ИНН,КПП\r\nА;Б,773601001\r\n".encode("cp1251"), "a.csv")
    assert table.separator == ","  # the sniffer alone would have taken ";"
    assert table.headers == ["Наименование;ИНН", "КПП"]
    assert table.rows == [{"row": 3, "values": {"Наименование;ИНН": "А;Б", "КПП": "773601001"}}]


def test_an_xlsx_workbook_with_russian_headers_and_numbers_typed_as_numbers():
    content = workbook(["Наименование", "ИНН", "Примечание"], ["Ромашка", 7707083893, None], [None, None, None],
                       ["Лютик", "0101010101", "старый"])
    table = read_table(content, "clients.xlsx")
    assert table.describe() == {"format": "xlsx", "encoding": None, "separator": None}
    assert [row["row"] for row in table.rows] == [2, 4]  # the blank row 3 is left out, numbering kept
    assert table.rows[0]["values"] == {"Наименование": "Ромашка", "ИНН": "7707083893", "Примечание": ""}


def test_headers_compare_without_case_spaces_punctuation_and_yo():
    assert header_key(" Эл. Почта ") == header_key("эл почта") == "элпочта"
    assert header_key("Сокращённое наименование") == header_key("сокращенное-наименование")
    assert header_key("E-mail") == header_key("email") == header_key("EMAIL")
    assert COUNTERPARTY.field("inn") == COUNTERPARTY.field("И.Н.Н.") == "tax_id"
    assert COUNTERPARTY.field("tax_id") == COUNTERPARTY.field("Tax ID") == "tax_id"  # the field's own name


def test_unknown_columns_are_named_and_a_missing_required_one_is_an_error():
    headers = ["ИНН", "Рейтинг", "Наименование", "Менеджер"]
    assert COUNTERPARTY.unknown(headers) == ["Рейтинг", "Менеджер"]
    assert COUNTERPARTY.missing(headers) == []
    with pytest.raises(InvalidInput) as refused:
        COUNTERPARTY.require(["ИНН", "КПП"])
    assert refused.value.details == {"file": ["Missing columns: name."]}


def test_of_two_columns_for_one_field_the_first_non_empty_counts():
    assert COUNTERPARTY.values({"Наименование": "", "Полное наименование": "ООО Ромашка", "name": "Другое"}) == {
        "name": "ООО Ромашка"}


@pytest.mark.parametrize("content, filename, says", [
    (b"%PDF-1.4\n\x00\x01\x02binary", "report.csv", "neither a CSV text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "neither a CSV text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "old Excel workbook"),
    (b"%PDF-1.4", "clients.pdf", "Upload a CSV"),
    (b"PK\x03\x04 not really a zip", "book.xlsx", "not a readable XLSX"),
    (b"not a zip at all", "book.xlsx", "not a readable XLSX"),
    (b"   \r\n", "empty.csv", "empty"),
    (b"name;tax_id\r\n", "header-only.csv", "no rows under its header"),
    (b";;\r\nA;B;C\r\n", "no-header.csv", "no header row"),
])
def test_what_is_not_a_table_is_refused_clearly(content, filename, says):
    assert says in refusal(content, filename)


def test_a_workbook_that_unpacks_too_far_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (tabular.MAX_UNPACKED_BYTES + 1))
    assert len(buffer.getvalue()) < tabular.MAX_BYTES
    assert "unpacks to more than" in refusal(buffer.getvalue(), "clients.xlsx")


def test_rows_past_the_limit_are_refused_not_cut(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    content = workbook(["name"], *[[f"client {n}"] for n in range(5)])
    assert "more than 3 rows" in refusal(content, "clients.xlsx")
    assert "more than 3 rows" in refusal(b"name\n1\n2\n3\n4\n", "clients.csv")
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    assert [row["values"]["name"] for row in read_table(content, "clients.xlsx").rows][-1] == "client 4"


def test_a_cell_an_export_guarded_from_being_a_formula_reads_as_its_text():
    """Exports write "'+7 495 ..." so that a spreadsheet keeps it as text; it imports back as the text."""
    content = b"name;phone;notes\r\nA;'+7 495 111-22-33;'=SUM(1)\r\nB;'plain quote;it's\r\n"
    rows = [row["values"] for row in read_table(content, "list.csv").rows]
    assert rows == [{"name": "A", "phone": "+7 495 111-22-33", "notes": "=SUM(1)"},
                    {"name": "B", "phone": "'plain quote", "notes": "it's"}]
