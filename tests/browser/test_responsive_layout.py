"""Every main page fits the window at a phone's, a laptop's and a desktop's size, in Russian and
English, for the administrator (the longest navigation): nothing sticks out sideways, and every
item of the top bar (the sections, the search, the account, the languages, signing out) can be
reached, through the menu on a narrow screen, with the keyboard too. The document card's tabs
are links with addresses of their own that work without JavaScript; the counterparty card on a
phone shows its key facts first."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]

SIZES = ((390, 844), (1280, 800), (1440, 900))
LANGUAGES = ("ru", "en")
PAGES = ("/", "/dashboard", "/agenda", "/agenda?view=week", "/agenda?view=month", "/counterparties", "/pipeline",
         "/counterparties/{counterparty}", "/documents", "/documents/{document}",
         *(f"/documents/{{document}}/{tab}" for tab in ("files", "tree", "execution", "paper-copies", "approvals",
                                                       "history")),
         "/contracts/overdue", "/approvals", "/inbox", "/search?q=Layout", "/jobs", "/jobs/{job}", "/account",
         "/intake", "/admin/intake", "/admin/employees")
# what the top bar offers: each section, the search field, the account, both languages, signing out
TOP_BAR = ".mainnav a, #global-search-q, .account a.who, .languages a, .account .signout"


@pytest.fixture(scope="module")
def records(admin, text_pdf):
    """A counterparty with a phone, a contract of it (the longest tabs) with a file, a milestone and
    a paper copy, and an export job, for the card, tab and job pages."""
    counterparty = admin.post("/counterparties/", json={
        "name": "ООО «Очень длинное наименование контрагента для проверки вёрстки карточки»",
        "kind": "organisation", "phone": "+7 495 123-45-67"})
    assert counterparty.status_code == 201, counterparty.text
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": "Layout contract",
                                               "counterparty_id": counterparty.json()["id"],
                                               "amount": "1500000.00", "currency": "RUB"})
    assert document.status_code == 201, document.text
    document_id = document.json()["id"]
    # a file (its thumbnail and text state on the files tab), a milestone and a paper copy on their tabs
    uploaded = admin.post(f"/documents/{document_id}/files",
                          files={"file": ("Очень длинное имя файла договора для проверки вёрстки.pdf",
                                    text_pdf("Layout contract"))})
    assert uploaded.status_code == 201, uploaded.text
    assert admin.post(f"/documents/{document_id}/milestones", json={
        "title": "Первый этап работ по договору", "due_on": "2026-01-15", "amount": "100000.00"}).status_code == 201
    assert admin.post(f"/documents/{document_id}/paper-copies", json={
        "kind": "original", "location": "Архив, шкаф 3, полка 2"}).status_code == 201
    job = admin.post("/counterparties/export", json={"format": "xlsx", "search": "Очень длинное"})
    assert job.status_code == 202, job.text
    return {"counterparty": counterparty.json()["id"], "document": document_id, "job": job.json()["id"]}


def signed_in(browser, base_url, credentials, width, height, language, javascript=True):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height},
                                  locale="en-GB", java_script_enabled=javascript)
    context.add_cookies([{"name": "chancery_lang", "value": language, "url": base_url}])
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", credentials[0])
    page.fill("#password", credentials[1])
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_attached()
    return page


def overflow(page):
    """How many CSS pixels the page is wider than the window (0: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


# the top bar's items that are not shown or stick out of the window: hidden or zero-sized (as
# Playwright's is_visible judges), or starting left of it or ending right of it; their names
OFF_SCREEN = """selector => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll(selector)].filter(item => {
    const box = item.getBoundingClientRect();
    const shown = box.width > 0 && box.height > 0 && getComputedStyle(item).visibility !== "hidden";
    return !shown || box.x < 0 || box.x + box.width > width + 0.5;
  }).map(item => item.textContent.trim() || item.id || item.className);
}"""


def unreachable(page):
    """The top bar's items that are not on screen: opens the menu first when the window is narrow.
    One question to the page for all of them (a page walked at six sizes and languages asks it
    156 times)."""
    toggle = page.locator("[data-menu-toggle]")
    if toggle.is_visible():
        expect(toggle).to_have_attribute("aria-expanded", "false")
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
    return page.evaluate(OFF_SCREEN, TOP_BAR)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width, height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_main_page_fits_the_window_and_keeps_the_whole_top_bar_in_reach(browser, base_url, admin_credentials,
                                                                               records, width, height, language):
    page = signed_in(browser, base_url, admin_credentials, width, height, language)
    problems = {}
    for path in PAGES:
        path = path.format(**records)
        answer = page.goto(path)
        assert answer.status == 200, path
        page.wait_for_load_state("networkidle")
        found = {"overflow": overflow(page), "unreachable": unreachable(page)}
        if found["overflow"] > 0 or found["unreachable"]:
            problems[path] = found
    assert len(page.locator(".mainnav a").all()) == 10  # the administrator's whole navigation was checked
    page.context.close()
    assert problems == {}


def test_the_narrow_menu_works_with_the_keyboard(browser, base_url, admin_credentials):
    page = signed_in(browser, base_url, admin_credentials, 390, 844, "en")
    toggle = page.locator("[data-menu-toggle]")
    expect(page.locator(".mainnav")).to_be_hidden()
    expect(toggle).to_have_accessible_name(re.compile("Menu"))
    page.locator("#global-search-q").focus()
    page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    assert toggle.evaluate("e => getComputedStyle(e).boxShadow") != "none"  # the focus is visible

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".mainnav a").first).to_be_focused()
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.locator(".mainnav a").nth(3)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/counterparties$"))
    page.wait_for_load_state()

    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".mainnav")).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".mainnav")).to_be_hidden()
    page.context.close()


def test_the_document_cards_tabs_have_their_own_addresses_and_work_without_javascript(
        browser, base_url, admin_credentials, records):
    page = signed_in(browser, base_url, admin_credentials, 1280, 800, "en", javascript=False)
    document = records["document"]
    tabs = {"Card": ("", "#details"), "Files": ("/files", "#upload-form"), "Contract tree": ("/tree", "#tree"),
            "Execution": ("/execution", "#execution"), "Paper copies": ("/paper-copies", "#paper"),
            "Approvals": ("/approvals", "#send-for-approval"), "History": ("/history", "#status-history")}
    page.goto(f"/documents/{document}")
    names = [name.strip() for name in page.locator(".doc-tabs a").all_inner_texts()]
    assert [re.sub(r"\s*\d+$", "", name) for name in names] == list(tabs)
    for name, (suffix, section) in tabs.items():
        page.locator(".doc-tabs").get_by_role("link", name=re.compile(f"^{name}")).click()
        expect(page).to_have_url(re.compile(rf"/documents/{document}{suffix}$"))
        expect(page.locator(".doc-tabs [aria-current=page]")).to_have_count(1)
        expect(page.locator(".doc-tabs [aria-current=page]")).to_contain_text(name)
        expect(page.locator(section)).to_be_visible()
    page.context.close()


def test_the_counterparty_card_on_a_phone_shows_its_key_facts_first(browser, base_url, admin_credentials, records):
    page = signed_in(browser, base_url, admin_credentials, 390, 844, "ru")
    page.goto(f"/counterparties/{records['counterparty']}")
    phone = page.locator("#details a[href^='tel:']")
    expect(phone).to_have_text("+7 495 123-45-67")
    tops = {section: page.locator(section).bounding_box()["y"]
            for section in ("#details", "#activities", "#documents", "#approvals", "#history")}
    assert tops["#details"] < tops["#activities"] < tops["#documents"] < tops["#approvals"] < tops["#history"], tops
    assert phone.bounding_box()["y"] < 2 * 844, "the phone number is within the first two screens"
    page.context.close()
