"""The pipeline board in Chromium: a card dragged to another column opens the note form with
that stage, saving it records the note (and the expected deal) and the card's timeline tells
of it; the same by keyboard alone through the card's "Move to" list; on a phone the columns
are a list, one stage under another."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]


@pytest.fixture
def manager(admin, client, unique):
    """A manager (in no department: the board shows only their own counterparties), signed in to the API."""
    email, password = f"pipeline.{unique}@board.chancery", f"board-{unique}-pw"
    created = admin.post("/employees/", json={"full_name": f"Pipeline Manager {unique}", "email": email,
                                              "password": password, "roles": ["manager"],
                                              "time_zone": "Europe/Moscow"})
    assert created.status_code == 201, created.text
    return created.json(), (email, password), client(email, password)


@pytest.fixture
def stages(admin):
    return {stage["code"]: stage for stage in admin.get("/reference-books/negotiation_stage/").json()["items"]}


def in_negotiation(api, stages, name, stage="first_contact", **deal):
    counterparty = api.post("/counterparties/", json={"name": name}).json()
    noted = api.post(f"/counterparties/{counterparty['id']}/negotiation-notes",
                     json={"stage_id": stages[stage]["id"], "text": "First call", **deal})
    assert noted.status_code == 201, noted.text
    return counterparty


def card_of(page, counterparty):
    return page.locator(f".deal-card[data-counterparty-id='{counterparty['id']}']")


def column_of(page, stages, code):
    return page.locator(f".board-column[data-stage-id='{stages[code]['id']}']")


def test_a_card_dragged_to_another_stage_is_noted_there(page, manager, stages, unique, tmp_path):
    _me, credentials, api = manager
    counterparty = in_negotiation(api, stages, f"Dragged Ltd {unique}", expected_amount="1000",
                                  currency="RUB")
    sign_in(page, *credentials)
    page.get_by_role("navigation").get_by_role("link", name="Pipeline", exact=True).click()
    expect(page).to_have_url(re.compile(r"/pipeline$"))
    card = card_of(page, counterparty)
    expect(column_of(page, stages, "first_contact").locator(".deal-card")).to_contain_text(counterparty["name"])
    expect(card).to_contain_text("1,000.00")

    card.drag_to(column_of(page, stages, "needs_clarified"))
    dialog = page.locator("#note-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#f-stage_id")).to_have_value(stages["needs_clarified"]["id"])
    expect(dialog.locator("#f-expected_amount")).to_have_value("1000.00")
    expect(dialog.locator("#f-currency")).to_have_value("RUB")
    dialog.locator("#f-text").fill("They sent the requirements for the second building")
    dialog.locator("#f-expected_amount").fill("2 500,50")
    dialog.locator("#f-expected_close_on").fill("2027-04-30")
    page.screenshot(path=tmp_path / "pipeline-note-dialog.png")
    dialog.get_by_role("button", name="Save the note").click()

    expect(page.locator(".flash-success")).to_contain_text("Negotiation note saved.")
    moved = column_of(page, stages, "needs_clarified").locator(".deal-card")
    expect(moved).to_contain_text(counterparty["name"])
    expect(moved).to_contain_text("2,500.50")
    expect(column_of(page, stages, "first_contact").locator(".deal-card")).to_have_count(0)

    card.locator(".deal-name").click()
    expect(page.locator("#negotiations .current-stage")).to_have_text(stages["needs_clarified"]["name"])
    expect(page.locator("#expected-deal")).to_contain_text("2,500.50")
    expect(page.locator("#timeline")).to_contain_text(
        f"Negotiation: {stages['needs_clarified']['name']}: They sent the requirements for the second building")
    notes = api.get(f"/counterparties/{counterparty['id']}/negotiation-notes").json()
    assert [note["stage"]["code"] for note in notes["items"]] == ["needs_clarified", "first_contact"]
    assert (notes["negotiation"]["expected_amount"], notes["negotiation"]["expected_close_on"]) == (
        "2500.50", "2027-04-30")


def test_the_keyboard_moves_a_card_through_its_move_to_list(page, manager, stages, unique):
    _me, credentials, api = manager
    counterparty = in_negotiation(api, stages, f"Keyboard Ltd {unique}")
    sign_in(page, *credentials)
    page.goto("/pipeline")
    card = card_of(page, counterparty)
    card.locator(".deal-name").focus()

    # Tab reaches the card's "Move to" list; a choice, then Escape, changes nothing
    page.keyboard.press("Tab")
    move = card.locator("select[name=stage_id]")
    expect(move).to_be_focused()
    move.select_option(stages["offer_under_review"]["id"])  # what the arrow keys do on a focused list
    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name=f"Write a note for {counterparty['name']}")).to_be_focused()
    page.keyboard.press("Enter")
    dialog = page.locator("#note-dialog")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(move).to_have_value(stages["first_contact"]["id"])

    move.focus()
    page.keyboard.press("ArrowDown")  # the next stage of the book
    expect(move).to_have_value(stages["needs_clarified"]["id"])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#f-stage_id")).to_have_value(stages["needs_clarified"]["id"])
    expect(dialog.locator("#f-text")).to_be_focused()
    page.keyboard.type("Asked for the budget by phone")
    page.keyboard.press("Tab")  # to "What matters to the client"; Enter there sends the form
    page.keyboard.type("A fixed price")
    page.keyboard.press("Enter")

    expect(page.locator(".flash-success")).to_contain_text("Negotiation note saved.")
    expect(column_of(page, stages, "needs_clarified").locator(".deal-card")).to_contain_text(counterparty["name"])
    notes = api.get(f"/counterparties/{counterparty['id']}/negotiation-notes").json()
    assert (notes["items"][0]["text"], notes["items"][0]["client_priorities"]) == (
        "Asked for the budget by phone", "A fixed price")


def test_without_script_the_move_opens_the_note_page_and_a_bad_amount_is_named(
        browser, base_url, manager, stages, unique):
    _me, credentials, api = manager
    counterparty = in_negotiation(api, stages, f"No Script Ltd {unique}")
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, *credentials)
        page.goto("/pipeline")
        card = card_of(page, counterparty)
        card.locator("select[name=stage_id]").select_option(stages["won"]["id"])
        card.get_by_role("button", name=f"Write a note for {counterparty['name']}").click()
        expect(page.locator("#f-stage_id")).to_have_value(stages["won"]["id"])
        page.fill("#f-text", "Signed")
        page.fill("#f-expected_amount", "-5")
        page.fill("#f-currency", "rub")
        page.get_by_role("button", name="Save the note").click()
        expect(page.locator(".field.has-error")).to_contain_text("above zero")
        assert api.get(f"/counterparties/{counterparty['id']}/negotiation-notes").json()["total"] == 1
        page.fill("#f-expected_amount", "5")
        page.get_by_role("button", name="Save the note").click()
        expect(column_of(page, stages, "won").locator(".deal-card")).to_contain_text("5.00")
    finally:
        context.close()


def test_on_a_phone_the_stages_are_a_list(browser, base_url, manager, stages, unique, tmp_path):
    _me, credentials, api = manager
    in_negotiation(api, stages, f"Phone Ltd {unique}")
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900}, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, *credentials)
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto("/language/ru?next=/pipeline")
        expect(page.locator("h1")).to_have_text("Воронка продаж")
        first, second = (column_of(page, stages, code).bounding_box() for code in ("first_contact",
                                                                                    "needs_clarified"))
        assert second["y"] > first["y"] + first["height"] - 1 and abs(second["x"] - first["x"]) < 1
        assert first["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator(".deal-card button").first.click()
        expect(page.locator("#note-dialog")).to_be_visible()
        page.screenshot(path=tmp_path / "pipeline-note-dialog-390-ru.png")
    finally:
        context.close()
