"""Background jobs in headless Chromium: an export from the directory opens the job's page,
whose progress bar (htmx polling a small partial) reaches done and offers the file; the
import page runs its check as a job and shows the per-row report there."""
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


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
