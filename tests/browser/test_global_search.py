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
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
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

    # a phrase that occurs only inside the PDF, then the full results page; the card's page
    # must have loaded its scripts before its shortcut is pressed
    page.wait_for_load_state()
    page.keyboard.press("Control+k")
    expect(page.locator("#global-search-q")).to_be_focused()
    page.keyboard.type(phrase)
    expect(box.locator("[data-kind=documents] a")).to_contain_text(f"Works {unique}")
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q="))
    expect(page.locator("main [data-kind=documents] a")).to_have_attribute("href", f"/documents/{document['id']}")


def test_results_show_where_the_words_matched_highlighted_and_the_status(page, admin, admin_credentials, unique,
                                                                         eventually):
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Supply {unique}"}).json()
    phrase = f"gravelpit{unique}"
    body = f"Clause 4. <img src=x id=injected> The {phrase} is closed in winter.\n".encode()
    assert admin.post(f"/documents/{document['id']}/files", files={
        "file": ("notes.txt", body, "text/plain")}).status_code == 201
    counterparty = admin.post("/counterparties/", json={"name": f"Quarry {unique}"}).json()
    planned = admin.post("/activities/", json={
        "counterparty_id": counterparty["id"], "kind": "call", "subject": f"Winter {unique}",
        "description": f"Ask when the {phrase} opens again", "planned_at": "2030-01-02T10:00:00+00:00"})
    assert planned.status_code == 201, planned.text
    eventually(lambda: admin.get("/search/", params={"q": phrase}).json()["groups"]["documents"])

    sign_in(page, *admin_credentials)
    page.goto(f"/search?q={phrase}")
    result = page.locator("main [data-kind=documents] a")
    expect(result.locator(".search-snippet mark")).to_have_text(phrase)
    expect(result.locator(".search-snippet")).to_contain_text("closed in winter")
    expect(result.locator("[data-status=draft]")).to_be_visible()
    expect(page.locator("#injected")).to_have_count(0)
    activity = page.locator("main [data-kind=activities] a")
    expect(activity.locator(".search-snippet mark")).to_have_text(phrase)
    expect(activity.locator("[data-status=planned]")).to_be_visible()
