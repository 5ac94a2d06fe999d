"""Administration and personal data in headless Chromium.

The administrator sets up a department and an employee, imports staff from CSV files (a
Windows-1251 one with Russian headers checked first, one with a mistake, then the good one),
resets a password and creates an API token (each shown once), changes a role setting,
records an absence, asks why an employee sees a counterparty; then opens a contact person,
records consent, exports and erases their personal data, and finds the erasure in the audit
search with every chain intact. A manager sees none of it.
"""
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

from chancery_common import topology

pytestmark = [pytest.mark.browser, pytest.mark.system]


def tab(page, name):
    page.locator(".admin-tabs").get_by_role("link", name=name, exact=True).click()


def flash(page):
    return page.locator(".flash-success")


def test_administration_and_personal_data(page, admin, admin_credentials, unique, employee,
                                          base_url, tmp_path, eventually):
    page.on("dialog", lambda dialog: dialog.accept())  # the confirmations of drastic steps
    department = f"Sales {unique}"
    name, email = f"Pavel Petrov {unique}", f"pavel.{unique}@test.chancery"
    deputy, _deputy_client = employee("Dora Deputy")

    sign_in(page, *admin_credentials)
    page.locator(".mainnav").get_by_role("link", name="Administration").click()
    expect(page.locator(".admin-tabs [aria-current=page]")).to_have_text("Employees")

    tab(page, "Departments")
    page.fill("#f-name", department)
    page.get_by_role("button", name="Add department").click()
    expect(flash(page)).to_contain_text(f"Department “{department}” added.")
    expect(page.locator("#departments")).to_contain_text(department)

    tab(page, "Employees")
    page.get_by_role("link", name="New employee").click()
    page.fill("#f-full_name", name)
    page.fill("#f-email", email)
    page.fill("#f-position", "Sales manager")
    page.select_option("#f-department_id", label=department)
    page.get_by_role("checkbox", name="Employee", exact=True).uncheck()
    page.get_by_role("checkbox", name="Manager", exact=True).check()
    page.fill("#f-password", "initial-password-1")
    page.get_by_role("button", name="Add employee").click()
    expect(flash(page)).to_contain_text(f"Employee “{name}” added.")
    expect(page.locator("#f-department_id option:checked")).to_have_text(department)
    pavel_id = re.search(r"/admin/employees/([0-9a-f-]{36})", page.url).group(1)

    page.get_by_role("button", name="Reset password").click()
    password = page.locator("#secret-value").input_value()
    assert len(password) >= 12
    expect(page.locator("#new-password")).to_contain_text("It is shown only now")
    page.goto(f"/admin/employees/{pavel_id}")  # opened again: the password is not shown
    expect(page.locator("#new-password")).to_have_count(0)
    signed_in = requests.post(f"{base_url}/api/v1/auth/login", json={"email": email, "password": password},
                              timeout=30)
    assert signed_in.status_code == 200, signed_in.text

    tab(page, "Employees")
    page.get_by_role("link", name="Import from CSV or Excel").click()
    bad, good = tmp_path / "bad.csv", tmp_path / "staff.csv"
    bad.write_text("full_name,email,department,roles\n"
                   f"Ivan Import {unique},ivan.{unique}@test.chancery,Imported {unique},employee\n"
                   f"Broken Line {unique},not-an-email,Imported {unique},employee\n")
    good.write_bytes(("ФИО;Эл. почта;Подразделение;Роли;Стаж\n"
                      f"Ivan Import {unique};ivan.{unique}@test.chancery;Imported {unique};employee;3\n"
                      f"Olga Import {unique};olga.{unique}@test.chancery;Imported {unique};Юрист, Сотрудник;5\n"
                      ).encode("cp1251"))
    expect(page.locator("input[name=dry_run]")).to_be_checked()  # a check first, by default
    import_page = page.url

    def upload(path, check):
        """The import runs as a job: its page shows the progress, then the report."""
        page.goto(import_page)
        page.set_input_files("#f-file", path)
        page.locator("input[name=dry_run]").set_checked(check)
        page.get_by_role("button", name="Upload", exact=True).click()
        progress = page.locator("#job-progress")
        expect(progress).to_have_attribute("data-state", re.compile("done|failed"), timeout=30_000)
        return progress

    upload(good, check=True)
    report = page.locator("#import-report")
    expect(report).to_contain_text("Check of the file: nothing changed")
    expect(report.locator("tbody tr")).to_have_count(2)
    expect(page.locator("#file-read")).to_contain_text("Windows-1251")
    expect(page.locator("#file-read")).to_contain_text("semicolon “;”")
    expect(page.locator("#unknown-columns")).to_have_text("Стаж")
    expect(upload(bad, check=False)).to_have_attribute("data-state", "failed")
    errors = page.locator("#import-errors")
    expect(errors).to_contain_text("Nothing was imported")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody td").first).to_have_text("3")
    expect(errors).to_contain_text("the e-mail 'not-an-email' is not valid")
    expect(upload(good, check=False)).to_have_attribute("data-state", "done")
    expect(page.locator("#import-report")).to_contain_text(
        "Import finished. Employees added: 2, updated: 0; departments added: 1.")
    page.goto(import_page.replace("/import", ""))
    page.get_by_role("searchbox", name="Search employees").fill(f"Import {unique}")
    expect(page.locator("#results tbody tr")).to_have_count(2)
    page.get_by_role("searchbox", name="Search employees").fill("")
    expect(page.locator("#results")).to_contain_text(name)
    page.screenshot(path=tmp_path / "admin-employees.png", full_page=True)

    tab(page, "API tokens")
    page.fill("#f-name", f"Accounting {unique}")
    page.select_option("#f-employee_id", label=name)
    page.get_by_role("button", name="Create token").click()
    token = page.locator("#secret-value").input_value()
    assert token.startswith("chy_")
    expect(page.locator("#new-token")).to_contain_text("shown only once")
    answer = requests.get(f"{base_url}/api/v1/counterparties/", headers={"Authorization": f"Bearer {token}"},
                          timeout=30)
    assert answer.status_code == 200, answer.text
    page.goto("/admin/api-tokens")
    expect(page.locator("#new-token")).to_have_count(0)
    expect(page.locator("#tokens")).to_contain_text(f"Accounting {unique}")

    tab(page, "Role settings")
    accountants = page.get_by_role("checkbox", name="Edit reference books: Accountant")
    was_granted = accountants.is_checked()
    try:
        accountants.set_checked(not was_granted)
        page.get_by_role("button", name="Save role settings").click()
        expect(flash(page)).to_contain_text("Role settings saved: Edit reference books.")
        expect(page.get_by_role("checkbox", name="Edit reference books: Accountant")).to_be_checked(
            checked=not was_granted)
    finally:
        roles = admin.get("/settings/role-permissions").json()["edit_reference_books"]
        roles = sorted(set(roles) | {"accountant"} if was_granted else set(roles) - {"accountant"})
        reverted = admin.request("PUT", "/settings/role-permissions",
                                 json={"permission": "edit_reference_books", "roles": roles})
        assert reverted.status_code == 200, reverted.text

    tab(page, "Absences")
    page.select_option("#f-employee_id", value=pavel_id)
    page.select_option("#f-deputy_id", value=deputy["id"])
    page.fill("#f-starts_on", date.today().isoformat())
    page.fill("#f-ends_on", (date.today() + timedelta(days=7)).isoformat())
    page.fill("#f-reason", "Holiday")
    page.get_by_role("button", name="Record absence").click()
    expect(flash(page)).to_contain_text("Absence recorded.")
    row = page.locator("#absences tbody tr", has_text=name)
    expect(row).to_contain_text("Dora Deputy")
    expect(row).to_contain_text("Away now")
    row.get_by_role("button", name="Cancel absence").click()
    expect(flash(page)).to_have_text("Absence cancelled.")
    expect(page.locator("#absences")).not_to_contain_text(name)

    counterparty = admin.post("/counterparties/", json={"name": f"Vasilek {unique}",
                                                        "responsible_employee_id": pavel_id})
    assert counterparty.status_code == 201, counterparty.text
    counterparty = counterparty.json()
    tab(page, "Who sees what")
    page.select_option("#f-employee_id", value=pavel_id)
    page.select_option("#f-record_type", value="counterparty")
    page.fill("#f-record_id", f"{base_url}/counterparties/{counterparty['id']}")
    page.get_by_role("button", name="Explain").click()
    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("Sees it")
    expect(verdict).to_contain_text("They are the responsible employee of the counterparty.")

    person_name = f"Irina Kontaktova {unique}"
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": person_name, "position": "Chief accountant", "phones": ["+7 495 765-43-21"],
        "emails": [f"irina.{unique}@vasilek.example"]})
    assert person.status_code == 201, person.text
    page.goto(f"/counterparties/{counterparty['id']}")
    page.locator("#contact-persons").get_by_role("link", name=person_name).click()
    expect(page.locator("h1")).to_have_text(person_name)
    expect(page.locator(".recorded")).to_contain_text("Your viewing is recorded")
    expect(page.locator("#consent [data-status=consent-none]")).to_be_visible()
    page.fill("#f-method", "Signed form")
    page.get_by_role("button", name="Record consent").click()
    expect(flash(page)).to_have_text("Consent to mailings recorded.")
    expect(page.locator("#consent [data-status=consent-given]")).to_be_visible()
    expect(page.locator("#consent")).to_contain_text("Signed form")
    expect(page.locator("#audit")).to_contain_text("Consent recorded")
    page.screenshot(path=tmp_path / "contact-person.png", full_page=True)

    card_address = page.url
    page.get_by_role("button", name="Export personal data").click()  # a background job
    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}$"))
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "done", timeout=30_000)
    with page.expect_download() as download:
        page.locator("#job-download").click()
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["services"]["counterparties"]["contact_person"]["full_name"] == person_name
    page.goto(card_address)

    page.fill("#f-reason", f"Request of the person {unique}")
    page.get_by_role("button", name="Erase personal data").click()
    expect(flash(page)).to_contain_text("The personal data is erased in every service.")
    expect(page.locator("h1 [data-status=anonymised]")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Anonymised person")
    expect(page.locator("#card")).not_to_contain_text(person_name)
    expect(page.locator("#erasure")).to_have_count(0)
    page.screenshot(path=tmp_path / "contact-person-anonymised.png", full_page=True)

    page.locator(".mainnav").get_by_role("link", name="Administration").click()
    tab(page, "Audit")
    page.select_option("#f-record_type", value="contact_person")
    page.fill("#f-record_id", person.json()["id"])
    page.get_by_role("button", name="Search", exact=True).click()
    erasure = page.locator("#audit-results tr[data-action=anonymised]")
    expect(erasure).to_contain_text("Personal data erased")
    expect(erasure).to_contain_text(f"Request of the person {unique}")

    def every_service_erased():  # the other services act on the erasure event
        page.reload()
        return page.locator("#audit-results tr[data-action=erasure_processed]").count() == 3
    eventually(every_service_erased, timeout=20)
    expect(page.locator("#audit-results tr[data-action=erasure_processed]").first).to_contain_text(
        "Erasure carried out")
    page.get_by_role("button", name="Verify chains").click()
    expect(page.locator("#chains [data-intact]")).to_have_count(len(topology.AUDITED))  # each log verified
    page.screenshot(path=tmp_path / "audit-search.png", full_page=True)


def test_a_manager_has_no_administration(page, employee, unique):
    manager, _client = employee("Mila Manager", roles=("manager",))
    sign_in(page, manager["email"], f"password-{unique}-x")
    expect(page.locator(".mainnav")).to_contain_text("Inbox")
    expect(page.locator(".mainnav")).not_to_contain_text("Administration")
    for path in ("/admin", "/admin/employees", "/admin/audit", "/admin/access"):
        answer = page.goto(path)
        assert answer.status == 403, path
        expect(page.locator("h1")).to_have_text("You may not do this")
