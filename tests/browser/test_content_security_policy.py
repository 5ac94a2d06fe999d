"""Every page keeps to its Content-Security-Policy: walking the main pages as an
administrator, Chromium reports no violation (no inline script, handler or style, htmx's
indicator styles included), and what the moved scripts did still happens."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]

PAGES = ("/", "/dashboard", "/agenda", "/activities/new", "/counterparties", "/counterparties/new",
         "/documents", "/documents/new", "/paper-copies", "/contracts/overdue", "/approvals", "/approvals/report",
         "/approval-routes", "/inbox", "/account", "/account/notifications", "/search?q=Supply",
         "/document-types", "/document-types/new", "/journals", "/reference-books", "/admin", "/admin/employees",
         "/admin/employees/new", "/admin/api-tokens", "/admin/audit", "/admin/access", "/admin/departments",
         "/admin/absences", "/admin/roles", "/admin/webhooks", "/api/v1/docs")

# a violation reaches the page as an event and Chromium's console as an error
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  (window.cspViolations = window.cspViolations || []).push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the list of policy violations reported on it (console or event)."""
    violations = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return page, violations


def test_the_main_pages_report_no_policy_violation(watched, admin, admin_credentials, unique, text_pdf):
    page, violations = watched
    counterparty = admin.post("/counterparties/", json={"name": f"CSP Supplies {unique}", "kind": "organisation"})
    assert counterparty.status_code == 201, counterparty.text
    memo = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "memo")
    document = admin.post("/documents/", json={"type_id": memo["id"], "title": f"Supply memo {unique}",
                                               "counterparty_id": counterparty.json()["id"]})
    assert document.status_code == 201, document.text
    # the card draws its PDF with pdf.js (a module and its worker from 'self', no eval, no style attribute)
    uploaded = admin.post(f"/documents/{document.json()['id']}/files",
                          files={"file": ("memo.pdf", text_pdf(f"Supply memo {unique}"))})
    assert uploaded.status_code == 201, uploaded.text

    page.goto("/login")
    response = page.request.get("/login")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    page.fill("#email", admin_credentials[0])
    page.fill("#password", admin_credentials[1])
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()

    seen = {}
    card = f"/documents/{document.json()['id']}"
    for path in (*PAGES, f"/counterparties/{counterparty.json()['id']}", card, f"{card}/files", f"{card}/history",
                 f"/document-types/{memo['id']}"):
        answer = page.goto(path)
        assert answer.status == 200, path
        page.wait_for_load_state("networkidle")
        if path == card:
            expect(page.locator("#pdf-page-1")).to_have_attribute("data-drawn", "")
        seen[path] = page.evaluate("window.cspViolations || []")
    assert violations == [] and all(found == [] for found in seen.values()), (violations, seen)


def test_what_moved_out_of_the_pages_still_works(watched, admin, admin_credentials):
    page, violations = watched
    page.goto("/login")
    page.fill("#email", admin_credentials[0])
    page.fill("#password", admin_credentials[1])
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()

    page.goto("/dashboard")
    page.select_option("#f-days", index=1)  # a select that sends its form when changed
    expect(page).to_have_url(re.compile(r"days="))

    page.goto("/admin/api-tokens")
    page.fill("#f-name", "CSP check")
    page.locator("#f-employee_id").select_option(index=1)
    page.click("#new-token-form button[type=submit]")
    copy = page.locator("[data-copy]")
    copy.click()
    expect(copy).to_have_text("Copied")
    assert violations == []
