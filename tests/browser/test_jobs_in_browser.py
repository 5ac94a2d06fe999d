"""Background jobs in headless Chromium: an export from the directory opens the job's page,
whose progress bar (htmx polling a small partial) reaches done and offers the file; the
import page runs its check as a job and shows the per-row report there."""
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]


def test_an_export_shows_its_progress_to_done_and_downloads(page, admin, admin_credentials, unique):
    for n in range(3):
        assert admin.post("/counterparties/", json={"name": f"Progress {unique} {n}"}).status_code == 201
    sign_in(page, *admin_credentials)
    page.goto(f"/counterparties?q={unique}")
    expect(page.locator("#results tbody tr")).to_have_count(3)
    page.locator("#export-xlsx").click()

    expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}$"))
    progress = page.locator("#job-progress")
    expect(progress).to_have_attribute("data-state", "done", timeout=30_000)
    expect(progress.locator("progress")).to_have_attribute("value", "100")
    expect(progress).to_contain_text("3 of 3")
    with page.expect_download() as download:
        page.locator("#job-download").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    with open(download.value.path(), "rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    column = [cell.value for cell in sheet[1]].index("name")
    names = sorted(row[column] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == [f"Progress {unique} {n}" for n in range(3)]
    # the job is on the list of the employee's jobs, with its file
    page.goto("/jobs")
    expect(page.locator(".jobs-table")).to_contain_text("Export of counterparties")


def test_the_import_check_runs_as_a_job_and_reports_each_row(page, admin_credentials, unique):
    sign_in(page, *admin_credentials)
    page.goto("/counterparties/import")
    page.set_input_files("#f-file", files=[{
        "name": "list.csv", "mimeType": "text/csv",
        "buffer": f"name;email\r\nChecked {unique};office@{unique}.example\r\n;not an e-mail\r\n".encode()}])
    page.get_by_role("button", name="Upload").click()  # "Only check the file" is ticked by default
    expect(page.locator("#job-progress")).to_have_attribute("data-state", "done", timeout=30_000)
    report = page.locator("#import-report")
    expect(report).to_contain_text("Check of the file: nothing changed")
    expect(report.locator("tbody tr")).to_have_count(2)


def test_the_employees_import_runs_as_a_job_checked_then_imported(page, admin, admin_credentials, unique):
    """The administrator's employees import: the check and then the import each run as a job
    whose page shows the report; rows in error fail the job, naming each row."""
    sign_in(page, *admin_credentials)
    good = (f"ФИО;Эл. почта;Подразделение;Роли\r\nИрина Фонова;irina.{unique}@x.ru;Фон {unique};Менеджер\r\n"
            f"Глеб Фонов;gleb.{unique}@x.ru;Фон {unique};\r\n").encode("cp1251")

    def upload(content, check):
        page.goto("/admin/employees/import")
        page.set_input_files("#f-file", files=[{"name": "staff.csv", "mimeType": "text/csv", "buffer": content}])
        page.locator("input[name=dry_run]").set_checked(check)
        page.get_by_role("button", name="Upload").click()
        expect(page).to_have_url(re.compile(r"/jobs/[0-9a-f-]{36}$"))
        return page.locator("#job-progress")

    checked = upload(good, check=True)
    expect(checked).to_have_attribute("data-state", "done", timeout=30_000)
    expect(checked.locator("#import-report")).to_contain_text("Check of the file: nothing changed")
    expect(checked.locator("#import-report tbody tr")).to_have_count(2)
    expect(checked.locator("[data-encoding]")).to_have_attribute("data-encoding", "windows-1251")
    assert admin.get("/employees/", params={"search": f"irina.{unique}"}).json()["total"] == 0

    imported = upload(good, check=False)
    expect(imported).to_have_attribute("data-state", "done", timeout=30_000)
    expect(imported.locator("#import-report")).to_contain_text("Employees added: 2")
    assert admin.get("/employees/", params={"search": f"irina.{unique}"}).json()["items"][0]["roles"] == ["manager"]
    page.goto("/jobs")
    expect(page.locator(".jobs-table")).to_contain_text("Import of employees")

    refused = upload(f"full_name;email\r\nNo Mail {unique};\r\n".encode(), check=False)
    expect(refused).to_have_attribute("data-state", "failed", timeout=30_000)
    expect(refused.locator("#import-errors")).to_contain_text("2")
