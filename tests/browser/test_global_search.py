"""Global search from any page: "/" opens it, results come grouped as you type, the
keyboard moves through them, and a phrase found only inside an uploaded PDF finds its document."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()


def test_search_as_you_type_and_open_a_result_with_the_keyboard(page, admin, admin_credentials, unique,
                                                                text_pdf, eventually):
    counterparty = admin.post("/counterparties/", json={"name": f"Bazalt {unique}"}).json()
    admin.post(f"/counterparties/{counterparty['id']}/contact-persons",
               json={"full_name": f"Boris Bazaltov {unique}"})
    contract = next(t for t in admin.get("/document-types/").json() if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Works {unique}",
                                               "counterparty_id": counterparty["id"]}).json()
    phrase = f"waterproofing{unique}"
    assert admin.post(f"/documents/{document['id']}/files", files={
        "file": ("spec.pdf", text_pdf(f"Membrane {phrase} layer"), "application/pdf")}).status_code == 201
    eventually(lambda: admin.get("/search/", params={"q": phrase}).json()["groups"]["documents"])

    sign_in(page, *admin_credentials)
    page.goto("/documents")
    page.keyboard.press("/")
    expect(page.locator("#global-search-q")).to_be_focused()
    page.keyboard.type(f"Bazalt {unique}")
    box = page.locator("#global-search-box")
    expect(box).to_be_visible()
    expect(box.locator("[data-kind=counterparties] a")).to_have_text(re.compile(f"Bazalt {unique}"))
    expect(box.locator("[data-kind=contact_persons] a")).to_contain_text(f"Boris Bazaltov {unique}")

    page.keyboard.press("ArrowDown")
    expect(box.locator("[data-kind=counterparties] a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/counterparties/{counterparty['id']}$"))

    # a phrase that occurs only inside the PDF, then the full results page
    page.keyboard.press("Control+k")
    page.keyboard.type(phrase)
    expect(box.locator("[data-kind=documents] a")).to_contain_text(f"Works {unique}")
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q="))
    expect(page.locator("main [data-kind=documents] a")).to_have_attribute("href", f"/documents/{document['id']}")
