"""Rough edges of issue 19 seen by a browser at 1440 px: the approval sheet's table fits its
panel, dashboard panels keep their content off the border, date/time/number inputs look like
the text inputs, and an e-mail address stays whole."""
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


@pytest.fixture
def wide(browser, base_url, admin_credentials):
    """A signed-in administrator's page 1440 px wide."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1440, "height": 900}, locale="en-GB",
                                  timezone_id="Europe/Moscow")
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", admin_credentials[0])
    page.fill("#password", admin_credentials[1])
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()
    yield page
    context.close()


def test_the_sheet_fits_its_panel_and_dashboard_panels_are_padded(wide, admin, unique):
    approvers = [admin.post("/employees/", json={
        "full_name": f"Approver With A Rather Long Name {n} {unique}", "roles": ["employee"],
        "email": f"sheet{n}.{unique}.{time.monotonic_ns()}@test.chancery", "password": "sheet-password-1"}).json()
        for n in range(2)]
    contract = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    document = admin.post("/documents/", json={"type_id": contract["id"], "title": f"Sheet {unique}"}).json()
    approval = admin.post("/approvals/", json={"document_id": document["id"],
                                               "approver_ids": [a["id"] for a in approvers]})
    assert approval.status_code == 201, approval.text

    wide.goto(f"/approvals/{approval.json()['id']}")
    table = wide.locator("#stages .sheet-tasks").first
    expect(table).to_be_visible()
    assert table.evaluate("t => t.scrollWidth <= t.closest('.panel').clientWidth")

    wide.goto("/dashboard")
    panel = wide.locator("#overdue-approvals")
    padding = panel.evaluate("p => parseFloat(getComputedStyle(p).paddingLeft)")
    assert padding >= 12
    heading = panel.locator("h2").first.bounding_box()
    assert heading["x"] - panel.bounding_box()["x"] >= 12


def test_date_time_and_number_inputs_match_and_e_mail_addresses_stay_whole(wide, admin, unique):
    counterparty = admin.post("/counterparties/", json={"name": f"Inputs {unique}"}).json()
    email = f"a.very.long.mailbox.name.{unique}@an-equally-long-domain-example.ru"
    person = admin.post(f"/counterparties/{counterparty['id']}/contact-persons", json={
        "full_name": f"Whole Address {unique}", "emails": [email]}).json()

    wide.goto(f"/activities/new?counterparty_id={counterparty['id']}")
    looks = ("e => { const s = getComputedStyle(e); "
             "return [s.borderTopWidth, s.borderRadius, s.minHeight, s.paddingLeft]; }")
    text_input = wide.locator("#f-subject").evaluate(looks)
    assert wide.locator("#f-planned_at").evaluate(looks) == text_input
    assert wide.locator("#f-duration_minutes").evaluate(looks) == text_input

    wide.set_viewport_size({"width": 390, "height": 844})
    wide.goto(f"/contact-persons/{person['id']}")
    link = wide.locator(f"a[href='mailto:{email}']")
    expect(link).to_be_visible()
    # one line, however narrow: cut short with an ellipsis, never wrapped inside the address
    assert link.evaluate("a => getComputedStyle(a).whiteSpace") == "nowrap"
    line = link.evaluate("a => parseFloat(getComputedStyle(a).lineHeight) || 20")
    assert link.bounding_box()["height"] < 1.5 * line
