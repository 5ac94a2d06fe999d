"""The foundation path through the staff web UI in headless Chromium (issue: foundation).

The same path as tests/e2e/test_path.py, only by clicking: the administrator enters a
counterparty (seeing the likely duplicate), registers a contract for it, uploads its PDF
and sends it for approval; the approver finds it through the inbox badge and approves; the
administrator sees the outcome, which arrives by event, on the counterparty card.
"""
import hashlib
import re

import pytest
from counterparties import legal
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 64


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def nav(page, name):
    page.locator(".mainnav").get_by_role("link", name=re.compile(name)).click()


def reload_until(page, eventually, condition):
    """Reload until ``condition()`` holds: some of what the page shows follows events."""
    def probe():
        page.reload()
        return condition()
    eventually(probe, timeout=20)


def contract_type_id(api):
    return next(t["id"] for t in api.get("/document-types/").json()["items"] if t["code"] == "contract")


def test_the_whole_path_in_the_browser(page, admin, admin_credentials, unique, tmp_path,
                                       eventually):
    approver_email, approver_password = f"anna.{unique}@test.chancery", f"approver-{unique}-pw"
    approver = admin.post("/employees/", json={
        "full_name": f"Anna Approver {unique}", "email": approver_email,
        "password": approver_password, "roles": ["lawyer"]})
    assert approver.status_code == 201, approver.text
    approver = approver.json()
    tax_id = legal.complete_inn(f"77{int(unique, 16) % 10**7:07d}")  # a valid INN of its own
    existing = admin.post("/counterparties/",
                          json={"name": f"Romashka (old) {unique}", "tax_id": tax_id})
    assert existing.status_code == 201, existing.text
    name = f"Romashka LLC {unique}"

    sign_in(page, *admin_credentials)
    nav(page, "Counterparties")
    page.get_by_role("link", name="New counterparty").first.click()
    page.fill("#f-name", name)
    page.fill("#f-tax_id", tax_id)
    page.fill("#f-phone", "+7 495 123-45-67")
    page.fill("#f-email", f"office.{unique}@romashka.example")
    expect(page.locator("#duplicates")).to_contain_text(f"Romashka (old) {unique}")
    # the same tax ID: saving is refused until "Create anyway" is ticked (issue 19, item 4)
    page.get_by_role("button", name="Save counterparty").click()
    expect(page.locator("#tax_id-error")).to_contain_text("Create anyway")
    page.check("#allow-duplicate input")
    page.get_by_role("button", name="Save anyway").click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".flash-success")).to_contain_text("created")

    page.get_by_role("link", name="New document").first.click()
    page.select_option("#f-type_id", value=contract_type_id(admin))
    expect(page.locator(".picker .chosen-name")).to_have_text(name)
    page.fill("#f-title", f"Supply contract {unique}")
    page.fill("#f-amount", "1 500 000,00")
    page.fill("#f-currency", "RUB")
    page.get_by_role("button", name="Register document").click()
    expect(page.locator("h1")).to_contain_text("CTR-")
    expect(page.locator("h1 [data-status=draft]")).to_be_visible()
    expect(page.locator("#details")).to_contain_text("1,500,000.00\u00a0RUB")
    number = page.locator("h1 .mono").inner_text().strip()

    upload = tmp_path / "contract.pdf"
    upload.write_bytes(PDF)
    page.locator(".doc-tabs").get_by_role("link", name="Files").click()
    page.set_input_files("#f-file", upload)
    page.get_by_role("button", name="Upload", exact=True).click()
    files = page.locator("#files")
    expect(files).to_contain_text("contract.pdf")
    expect(files).to_contain_text(hashlib.sha256(PDF).hexdigest()[:12])
    expect(files.locator("code.sha")).to_have_attribute("title", hashlib.sha256(PDF).hexdigest())
    expect(files.get_by_role("link", name="View")).to_have_attribute("href", re.compile(r"\?version=.*#viewer$"))

    page.locator(".doc-tabs").get_by_role("link", name="Approvals").click()
    page.select_option("select[name=approver_id] >> nth=0", value=approver["id"])
    page.fill("#f-approval-comment", "Please check the terms")
    page.get_by_role("button", name="Send for approval").click()
    expect(page).to_have_url(re.compile(r"/approvals/[0-9a-f-]{36}$"))
    approval_url = page.url
    expect(page.locator(".page-head [data-status=in_progress]")).to_be_visible()
    sign_out(page)

    sign_in(page, approver_email, approver_password)
    reload_until(page, eventually, lambda: page.locator("#inbox-count").inner_text().strip() == "1")
    nav(page, "Inbox")
    page.get_by_role("link", name=re.compile(re.escape(number))).click()
    expect(page).to_have_url(approval_url)
    expect(page.locator("#inbox-count")).to_be_hidden()
    page.fill("#f-comment", "Terms are fine")
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text("Your decision is recorded")
    expect(page.locator(".page-head [data-status=approved]")).to_be_visible()
    expect(page.locator("#stages")).to_contain_text("Terms are fine")
    sign_out(page)

    sign_in(page, *admin_credentials)
    nav(page, "Counterparties")
    page.locator("#directory-filters").get_by_role("searchbox").fill(unique)
    page.locator("#results").get_by_role("link", name=name).click()
    expect(page.locator("h1")).to_have_text(name)
    reload_until(page, eventually, lambda: (
        page.locator("#documents [data-status=approved]").count() == 1
        and page.locator("#notifications").get_by_text(number).count() > 0
        and page.locator("#history").get_by_text("Approval finished").count() > 0))
    expect(page.locator("#approvals [data-status=approved]")).to_be_visible()
    expect(page.locator("#approvals")).to_contain_text(number)
    expect(page.locator("#notifications")).to_contain_text("Approval finished (Approved)")
    expect(page.locator("#documents")).to_contain_text("1,500,000.00\u00a0RUB")
    page.screenshot(path=tmp_path / "counterparty-card.png", full_page=True)

    page.locator("#documents").get_by_role("link", name=number).click()
    expect(page.locator("h1 [data-status=approved]")).to_be_visible()
    page.locator(".doc-tabs").get_by_role("link", name="History").click()
    expect(page.locator("#status-history")).to_contain_text("approval finished: Approved")
    page.screenshot(path=tmp_path / "document-card.png", full_page=True)


def test_the_language_switch_renders_the_navigation_in_russian(page, admin_credentials):
    sign_in(page, *admin_credentials)
    page.get_by_role("link", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    menu = page.locator(".mainnav")
    for label in ("Главная", "Контрагенты", "Документы", "Согласования", "Входящие"):
        expect(menu).to_contain_text(label)
    expect(page.get_by_role("button", name="Выйти")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Добрый день")

    page.get_by_role("link", name="English").click()
    expect(page.locator(".mainnav")).to_contain_text("Counterparties")


def test_a_wrong_password_shows_a_clear_error(page, employee):
    someone, _client = employee("Wrong Password")
    page.goto("/login?next=/inbox")
    page.fill("#email", someone["email"])
    page.fill("#password", "certainly-not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Wrong e-mail or password. Check both and try again.")
    expect(page).to_have_url(re.compile(r"/login\?next=/inbox$"))
    expect(page.locator("#email")).to_have_value(someone["email"])


def test_an_empty_file_is_refused_with_a_clear_error(page, admin, admin_credentials, unique,
                                                     tmp_path):
    document = admin.post("/documents/", json={"type_id": contract_type_id(admin),
                                               "title": f"Empty upload {unique}"})
    assert document.status_code == 201, document.text
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")

    sign_in(page, *admin_credentials)
    page.goto(f"/documents/{document.json()['id']}/files")
    page.set_input_files("#f-file", empty)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Upload", exact=True).click()
    assert answer.value.status == 422
    expect(page.locator("#upload-form .field-error")).to_have_text("The file is empty.")
    expect(page.locator("#files")).to_contain_text("No electronic copies yet.")
