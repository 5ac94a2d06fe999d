"""Importing the directory from real CSV / XLSX files and exporting it, through the API."""
import csv
import io
import random

import pytest
from openpyxl import Workbook, load_workbook

pytestmark = pytest.mark.system


def inn(first=None):
    """An organisation's INN with valid check digits (its first digit as given, else random; its
    region, the first two digits, never 00)."""
    body = (first or random.choice("0123456789")) + random.choice("123456789") + "".join(
        random.choice("0123456789") for _ in range(7))
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, weights)) % 11 % 10)


def upload(api, name, content, **fields):
    return api.post("/counterparties/import", files={"file": (name, content)},
                    data={key: str(value).lower() for key, value in fields.items()})


def test_a_utf8_csv_with_bom_and_a_windows_1251_csv_import(admin, unique):
    tax_id = inn()
    utf8 = (f"Name;INN;E-mail;Contact person;Contact phone\r\n"
            f"Ромашка {unique};{tax_id};info{unique}@romashka.ru;Иван Петров;+7 900 000-00-01\r\n"
            f"Ромашка {unique};{tax_id};;Ольга Орлова;\r\n").encode("utf-8-sig")
    preview = upload(admin, "romashka.csv", utf8, dry_run=True)
    assert preview.status_code == 200, preview.text
    assert (preview.json()["created"], preview.json()["contact_persons_added"], preview.json()["applied"]) == (
        1, 2, False)
    assert admin.get("/counterparties/", params={"search": unique}).json()["total"] == 0

    done = upload(admin, "romashka.csv", utf8)
    assert done.status_code == 200 and done.json()["applied"], done.text
    counterparty_id = done.json()["rows"][0]["counterparty_id"]
    card = admin.get(f"/counterparties/{counterparty_id}").json()
    assert (card["name"], card["tax_id"]) == (f"Ромашка {unique}", tax_id)
    people = admin.get(f"/counterparties/{counterparty_id}/contact-persons").json()
    assert sorted(p["full_name"] for p in people) == ["Иван Петров", "Ольга Орлова"]

    digits = f"{int(unique, 16) % 10**7:07d}"  # a phone no other test uses: same phones are duplicates
    phone = f"+7 495 {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    legacy = f"name,phone,notes\r\nЛютик {unique},{phone},\"Старый клиент, с 2010\"\r\n".encode("cp1251")
    done = upload(admin, "lutik.csv", legacy)
    assert done.status_code == 200 and done.json()["created"] == 1, done.text
    card = admin.get(f"/counterparties/{done.json()['rows'][0]['counterparty_id']}").json()
    assert (card["name"], card["notes"]) == (f"Лютик {unique}", "Старый клиент, с 2010")

    again = upload(admin, "romashka.csv", utf8)
    assert (again.json()["skipped"], again.json()["created"]) == (1, 0)


def test_an_xlsx_file_with_an_error_imports_nothing_and_names_the_row(admin, unique):
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "tax_id", "email"])
    good_inn = inn(first="0")  # a region 01-09 tax id, typed as a number: Excel drops the zero
    sheet.append([f"Good {unique}", int(good_inn), None])
    sheet.append([f"Bad {unique}", None, "not an e-mail"])
    buffer = io.BytesIO()
    book.save(buffer)

    refused = upload(admin, "clients.xlsx", buffer.getvalue())
    assert refused.status_code == 422, refused.text
    assert list(refused.json()["errors"]["json"]["rows"]) == ["3"]
    assert "email" in refused.json()["errors"]["json"]["rows"]["3"]
    assert admin.get("/counterparties/", params={"search": unique}).json()["total"] == 0

    partial = upload(admin, "clients.xlsx", buffer.getvalue(), allow_partial=True)
    assert (partial.json()["created"], partial.json()["failed"]) == (1, 1), partial.text
    imported = admin.get("/counterparties/", params={"search": unique}).json()["items"][0]
    assert imported["name"] == f"Good {unique}"
    assert admin.get(f"/counterparties/{imported['id']}").json()["tax_id"] == good_inn

    assert upload(admin, "clients.pdf", b"%PDF-1.4").status_code == 422
    assert upload(admin, "empty.csv", b"name;tax_id\r\n").status_code == 422


def test_the_export_follows_the_filters_and_neutralises_formulas(admin, employee, unique):
    group = admin.post("/reference-books/group/", json={"name": f"Export group {unique}"}).json()
    for name, group_id in ((f"Exported A {unique}", group["id"]), (f"Exported B {unique}", None)):
        made = admin.post("/counterparties/", json={"name": name, "group_id": group_id,
                                                    "notes": "=HYPERLINK(\"http://evil.example\")"})
        assert made.status_code == 201, made.text
    admin.post(f"/counterparties/{made.json()['id']}/contact-persons", json={"full_name": "@Formula Person"})

    exported = admin.get("/counterparties/export", params={"format": "csv", "search": unique, "group_id": group["id"]})
    assert exported.status_code == 200, exported.text
    assert exported.content.startswith(b"\xef\xbb\xbf") and "attachment" in exported.headers["Content-Disposition"]
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    header, rows = table[0], table[1:]
    assert [row[header.index("name")] for row in rows] == [f"Exported A {unique}"]
    assert rows[0][header.index("notes")] == "'=HYPERLINK(\"http://evil.example\")"
    assert rows[0][header.index("group")] == f"Export group {unique}"

    xlsx = admin.get("/counterparties/export", params={"format": "xlsx", "search": unique, "sort": "-name"})
    assert xlsx.status_code == 200 and xlsx.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert [row[values[0].index("name")] for row in values[1:]] == [f"Exported B {unique}", f"Exported A {unique}"]

    people = admin.get("/counterparties/export", params={"what": "contact_persons", "search": unique})
    table = list(csv.reader(io.StringIO(people.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[table[0].index("contact_person")] for row in table[1:]] == ["'@Formula Person"]

    _, stranger = employee("Export Stranger")
    theirs = stranger.get("/counterparties/export", params={"search": unique})
    assert len(list(csv.reader(io.StringIO(theirs.content.decode("utf-8-sig")), delimiter=";"))) == 1
    assert admin.get("/counterparties/export", params={"format": "pdf"}).status_code == 422
