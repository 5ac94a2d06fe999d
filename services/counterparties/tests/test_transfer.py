"""Importing counterparties and contact persons from file rows, and exporting the directory."""
import random
import uuid

import pytest

from chancery_common.errors import InvalidInput
from counterparties import logic
from counterparties.legal import complete_inn, complete_ogrn


def new_inn():
    """An organisation's INN with valid check digits, unused so far (most likely)."""
    return complete_inn("".join(random.choice("0123456789") for _ in range(9)))


def tag_digits(tag, n):
    """``n`` digits drawn from a test's tag (a number no other test uses, most likely)."""
    return f"{int(tag, 16) % 10**n:0{n}d}"


def rows(*values):
    """Rows as the gateway sends them, numbered from 2 (the header is row 1)."""
    return [{"row": number, "values": row} for number, row in enumerate(values, start=2)]


@pytest.fixture
def me(actor, as_dict):
    return as_dict(actor)


def test_a_dry_run_reports_and_changes_nothing_then_the_import_applies(rpc, me, admin, as_dict):
    tag, INN = uuid.uuid4().hex[:8], new_inn()
    region = rpc.create_reference_value(as_dict(admin) | {"permissions": ["edit_reference_books"]}, "region",
                                        {"name": f"Ural {tag}"})
    file_rows = rows(
        {"Name": f"Alpha {tag}", "INN": INN, "E-mail": f"a{tag}@example.ru", "Region": f"ural {tag}",
         "Contact person": "Ivan Petrov", "Contact phone": "+7 900 000-00-01; +7 900 000-00-02"},
        {"Name": f"Alpha {tag}", "INN": INN, "Contact person": "Olga Orlova"},  # the same counterparty
        {"name": f"Beta {tag}", "phone": "+7 (495) 111-22-33", "Favourite colour": "green"})

    preview = rpc.import_counterparties(me, {"rows": file_rows, "dry_run": True})
    assert (preview["applied"], preview["created"], preview["contact_persons_added"], preview["failed"]) == (
        False, 2, 2, 0)
    assert [row["action"] for row in preview["rows"]] == ["create", "same_as_row", "create"]
    assert preview["rows"][1]["same_as_row"] == 2
    assert preview["unknown_columns"] == ["Favourite colour"]
    assert rpc.list_counterparties(me, {"search": tag})["total"] == 0

    done = rpc.import_counterparties(me, {"rows": file_rows})
    assert (done["applied"], done["created"], done["contact_persons_added"]) == (True, 2, 2)
    alpha = rpc.get_counterparty(me, done["rows"][0]["counterparty_id"])
    assert (alpha["tax_id"], alpha["region_id"], alpha["responsible_employee_id"]) == (INN, region["id"], me["id"])
    persons = rpc.list_contact_persons(me, alpha["id"])
    assert sorted(p["full_name"] for p in persons) == ["Ivan Petrov", "Olga Orlova"]
    assert next(p for p in persons if p["full_name"] == "Ivan Petrov")["phones"] == [
        "+7 900 000-00-01", "+7 900 000-00-02"]

    # importing the same file again: duplicates are skipped (by default), or update their match
    again = rpc.import_counterparties(me, {"rows": file_rows})
    assert (again["created"], again["skipped"], again["contact_persons_added"]) == (0, 2, 0)
    assert again["rows"][0]["duplicates"][0]["id"] == alpha["id"]
    changed = rows({"Name": f"Alpha {tag}", "INN": INN, "website": "https://alpha.example.ru",
                    "contact_person": "Ivan Petrov"})
    updated = rpc.import_counterparties(me, {"rows": changed, "mode": "update"})
    assert (updated["updated"], updated["contact_persons_added"]) == (1, 0)
    assert rpc.get_counterparty(me, alpha["id"])["website"] == "https://alpha.example.ru"
    created = rpc.import_counterparties(me, {"rows": changed, "mode": "create"})
    assert created["created"] == 1 and created["rows"][0]["counterparty_id"] != alpha["id"]


def test_rows_in_error_name_the_row_and_field_and_nothing_is_imported(rpc, me):
    tag = uuid.uuid4().hex[:8]
    file_rows = rows({"name": f"Good {tag}"},
                     {"name": f"Bad INN {tag}", "tax_id": "7707083890"},
                     {"name": "", "email": "not-an-email"},
                     {"name": f"Unknown region {tag}", "region": "Atlantis"},
                     {"name": f"Nameless contact {tag}", "contact_email": "x@example.ru"})

    with pytest.raises(InvalidInput) as refused:
        rpc.import_counterparties(me, {"rows": file_rows})
    errors = refused.value.details["rows"]
    assert set(errors) == {"3", "4", "5", "6"}
    assert "tax_id" in errors["3"] and set(errors["4"]) == {"name", "email"}
    assert "Atlantis" in errors["5"]["region"][0] and "contact_person" in errors["6"]
    assert "nothing was imported" in refused.value.message
    assert rpc.list_counterparties(me, {"search": tag})["total"] == 0

    preview = rpc.import_counterparties(me, {"rows": file_rows, "dry_run": True})
    assert (preview["created"], preview["failed"], preview["applied"]) == (1, 4, False)

    partial = rpc.import_counterparties(me, {"rows": file_rows, "allow_partial": True})
    assert (partial["created"], partial["failed"], partial["applied"]) == (1, 4, True)
    assert [c["name"] for c in rpc.list_counterparties(me, {"search": tag})["items"]] == [f"Good {tag}"]


def test_russian_headers_name_the_fields_and_checks_are_stdnums(rpc, me):
    tag = uuid.uuid4().hex[:8]
    inn, person_inn = complete_inn("77" + tag_digits(tag, 7)), complete_inn("50" + tag_digits(tag, 8))
    ogrnip = complete_ogrn("3" + tag_digits(tag, 13))
    columns = ["Полное наименование", "Краткое наименование", "ИНН", "КПП", "ОГРН/ОГРНИП", "Вид", "Телефон",
               "Эл. почта", "Юр. адрес", "Примечание", "Контактное лицо", "Должность", "Рейтинг"]
    file_rows = rows(
        dict(zip(columns, [f"ООО «Ёлка» {tag}", "Ёлка", inn, "773601001", "", "Юрлицо", "+7 495 000-00-00",
                           f"info{tag}@elka.ru", "г. Москва", "с 2010 года", "Иван Петров", "Директор", "A"],
                 strict=True)),
        dict(zip(columns, [f"ИП Сидоров {tag}", "", person_inn, "", ogrnip, "ИП", "", "", "", "", "", "", "B"],
                 strict=True)),
        dict(zip(columns, [f"Ошибка {tag}", "", inn[:-1] + str((int(inn[-1]) + 1) % 10), "77-36", "1027700132196",
                           "", "", "", "", "", "", "", ""], strict=True)),
        dict(zip(columns, [f"Петров Пётр {tag}", "", complete_inn("51" + tag_digits(tag, 8)), "", "", "", "", "",
                           "", "", "", "", ""], strict=True)))  # no kind: a personal INN makes it an individual

    preview = rpc.import_counterparties(me, {"columns": columns, "rows": file_rows, "dry_run": True})

    assert preview["unknown_columns"] == ["Рейтинг"]
    assert [row["action"] for row in preview["rows"]] == ["create", "create", "error", "create"]
    assert set(preview["rows"][2]["errors"]) == {"tax_id", "kpp", "registration_number"}
    assert "check digit" in preview["rows"][2]["errors"]["registration_number"][0]
    done = rpc.import_counterparties(me, {"columns": columns, "rows": file_rows, "allow_partial": True})
    elka = rpc.get_counterparty(me, done["rows"][0]["counterparty_id"])
    assert (elka["short_name"], elka["kpp"], elka["email"], elka["legal_address"], elka["notes"], elka["kind"]) == (
        "Ёлка", "773601001", f"info{tag}@elka.ru", "г. Москва", "с 2010 года", "organisation")
    assert rpc.list_contact_persons(me, elka["id"])[0]["position"] == "Директор"
    sidorov = rpc.get_counterparty(me, done["rows"][1]["counterparty_id"])
    assert (sidorov["kind"], sidorov["tax_id"], sidorov["registration_number"]) == ("individual", person_inn, ogrnip)
    assert rpc.get_counterparty(me, done["rows"][3]["counterparty_id"])["kind"] == "individual"


def test_a_file_without_a_name_column_is_refused_naming_it(rpc, me):
    with pytest.raises(InvalidInput) as refused:
        rpc.import_counterparties(me, {"columns": ["ИНН", "КПП"], "rows": rows({"ИНН": new_inn(), "КПП": ""})})
    assert refused.value.details == {"file": ["Missing columns: name."]}


def test_a_tax_id_and_kpp_a_spreadsheet_kept_as_numbers_get_their_leading_zeros_back(rpc, me):
    tag = uuid.uuid4().hex[:8]
    digits = lambda n: "".join(random.choice("0123456789") for _ in range(n))  # noqa: E731
    inn = complete_inn("0" + digits(8))  # region 01-09
    zeros = complete_inn("00" + digits(7))  # two zeros lost: Excel keeps none
    personal = complete_inn("0" + digits(9))  # a person's 12 digits
    wrong = inn[1:-1] + str((int(inn[-1]) + 1) % 10)  # one digit short and a wrong check digit
    file_rows = rows({"name": f"Adygea {tag}", "tax_id": inn[1:], "kpp": "10501001"},
                     {"name": f"Typo {tag}", "tax_id": wrong},
                     {"name": f"Abroad {tag}", "country": "DE", "tax_id": inn[1:]},
                     {"name": f"Zeros {tag}", "tax_id": str(int(zeros))},
                     {"name": f"Person {tag}", "kind": "individual", "tax_id": personal[1:]})

    report = rpc.import_counterparties(me, {"rows": file_rows, "allow_partial": True, "mode": "create"})

    outcomes = {outcome["row"]: outcome for outcome in report["rows"]}
    assert "tax_id" in outcomes[3]["errors"]  # not an INN with the zero either: reported as typed
    imported = {c["name"]: c for c in rpc.list_counterparties(me, {"search": tag})["items"]}
    assert set(imported) == {f"Adygea {tag}", f"Abroad {tag}", f"Zeros {tag}", f"Person {tag}"}, report
    tax_id = {name: rpc.get_counterparty(me, c["id"])["tax_id"] for name, c in imported.items()}
    assert (tax_id[f"Adygea {tag}"], tax_id[f"Zeros {tag}"], tax_id[f"Person {tag}"]) == (inn, zeros, personal)
    assert rpc.get_counterparty(me, imported[f"Adygea {tag}"]["id"])["kpp"] == "010501001"
    assert tax_id[f"Abroad {tag}"] == inn[1:]  # other rules abroad


def test_a_duplicate_the_importer_cannot_see_is_not_updated(rpc, me, make_counterparty, make_actor):
    tag = uuid.uuid4().hex[:8]
    make_counterparty(by=make_actor(), name=f"Hidden {tag}")
    file_rows = rows({"name": f"Hidden {tag}", "notes": "mine now"})
    skipped = rpc.import_counterparties(me, {"rows": file_rows})
    assert skipped["rows"][0]["hidden_matches"] == 1 and skipped["rows"][0]["duplicates"] == []
    with pytest.raises(InvalidInput) as refused:
        rpc.import_counterparties(me, {"rows": file_rows, "mode": "update"})
    assert "do not see" in refused.value.details["rows"]["2"]["_row"][0]


def test_the_export_has_the_filtered_directory_and_its_people(rpc, me, new_audit_rows):
    tag, INN = uuid.uuid4().hex[:8], new_inn()
    imported = rpc.import_counterparties(me, {"rows": rows(
        {"name": f"Export A {tag}", "tax_id": INN, "contact_person": "Anna", "contact_email": "anna@example.ru"},
        {"name": f"Export B {tag}", "notes": "=HYPERLINK(\"http://evil\")"})})

    page = rpc.export_counterparties(me, {"search": tag, "sort": "name"})
    assert page["total"] == 2, imported
    name, tax_id, notes = (page["columns"].index(c) for c in ("name", "tax_id", "notes"))
    assert [(row[name], row[tax_id]) for row in page["rows"]] == [(f"Export A {tag}", INN), (f"Export B {tag}", None)]
    assert page["rows"][1][notes] == "=HYPERLINK(\"http://evil\")"  # the gateway neutralises cells in files
    # keyset paging: each page starts after the last row of the one before; the total comes first
    first = rpc.export_counterparties(me, {"search": tag, "sort": "-name", "limit": 1})
    second = rpc.export_counterparties(me, {"search": tag, "sort": "-name", "limit": 1, "after": first["next_after"]})
    assert [first["rows"][0][name], second["rows"][0][name]] == [f"Export B {tag}", f"Export A {tag}"]
    third = rpc.export_counterparties(me, {"search": tag, "sort": "-name", "limit": 1, "after": second["next_after"]})
    assert (first["total"], second["total"], third["rows"], third["next_after"]) == (2, None, [], None)

    with new_audit_rows() as audit:
        people = rpc.export_contact_persons(me, {"search": tag})
    assert [row[:3] for row in people["rows"]] == [[f"Export A {tag}", INN, "Anna"]]
    assert [(row["action"], row["record_type"]) for row in audit] == [("exported", "contact_person")]


def test_the_responsible_employee_is_named_by_name_or_e_mail(session, admin, make_actor):
    """«Ответственный»: an active employee's full name or e-mail, as staff found them (the
    service asks staff before its transaction; here its answers are given)."""
    from counterparties import transfer

    tag = uuid.uuid4().hex[:8]
    colleague = make_actor()
    namesakes = [{"id": str(uuid.uuid4()), "full_name": "Анна Смирнова", "email": f"a1{tag}@firm.ru"},
                 {"id": str(uuid.uuid4()), "full_name": "Анна Смирнова", "email": f"a2{tag}@firm.ru"}]
    found = {"Пётр Ёлкин": [{"id": str(colleague.id), "full_name": "Петр Елкин", "email": f"p{tag}@firm.ru"},
                             {"id": str(uuid.uuid4()), "full_name": "Пётр Ёлкин-Младший", "email": "x@firm.ru"}],
             f"P{tag}@FIRM.RU": [{"id": str(colleague.id), "full_name": "Петр Елкин", "email": f"p{tag}@firm.ru"}],
             "Анна Смирнова": namesakes, "Никто": []}
    columns = ["Наименование", "Ответственный"]
    file_rows = rows(*[dict(zip(columns, [f"{who} {tag}", who], strict=True)) for who in found])

    assert transfer.responsible_names(file_rows) == list(found)
    employees = transfer.employees_named(transfer.responsible_names(file_rows), found)
    with session.begin():
        report = transfer.run(session, rows=file_rows, columns=columns, mode="create", allow_partial=True,
                              actor=admin, employees=employees)
        created = {row["row"]: row for row in report["rows"]}
        by_name = logic.get_counterparty(session, counterparty_id=uuid.UUID(created[2]["counterparty_id"]),
                                         actor=admin)
        by_email = logic.get_counterparty(session, counterparty_id=uuid.UUID(created[3]["counterparty_id"]),
                                          actor=admin)
        assert by_name.responsible_employee_id == by_email.responsible_employee_id == colleague.id
        session.rollback()
    assert report["unknown_columns"] == []
    assert created[4]["errors"] == {"responsible": [
        "Several active employees are called «Анна Смирнова»: give the e-mail instead."]}
    assert created[5]["errors"] == {"responsible": ["«Никто» is not the name or e-mail of an active employee."]}
