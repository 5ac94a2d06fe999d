"""Contract execution in the browser: a milestone added on the contract's card (and refused
without its deadline), a payment recorded, the balance read from our side, the overdue
milestone on /contracts/overdue; and the section and page wholly in Russian."""
import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.locator("button[type=submit]").click()
    expect(page.locator("a.who")).to_be_visible()


def days(n):
    return (datetime.now(timezone.utc).date() + timedelta(days=n)).isoformat()


@pytest.fixture
def contract(admin, unique):
    contract_type = next(t for t in admin.get("/document-types/").json()["items"] if t["code"] == "contract")
    counterparty = admin.post("/counterparties/", json={"name": f"Ispolnenie {unique}"}).json()
    made = admin.post("/documents/", json={"type_id": contract_type["id"], "title": f"Warehouse {unique}",
                                           "counterparty_id": counterparty["id"], "amount": "1000000.00",
                                           "currency": "RUB"})
    assert made.status_code == 201, made.text
    return made.json()


def test_milestone_payment_balance_and_the_overdue_list(page, admin_credentials, contract, unique, tmp_path):
    sign_in(page, *admin_credentials)
    page.goto(f"/documents/{contract['id']}/execution")
    section = page.locator("#execution")
    # nothing done or paid yet is not "settled" (issue 19)
    expect(section.locator("[data-balance]")).to_have_text(
        "Nothing done or paid yet; 1,000,000.00\u00a0RUB under the contract")

    form = page.locator("#add-milestone")
    form.locator("input[name=title]").fill(f"Walls {unique}")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.get_by_role("button", name="Add milestone").click()
    assert answer.value.status == 422
    expect(page.locator("#add-milestone .field-error")).to_have_text("Missing data for required field.")
    expect(page.locator("#add-milestone input[name=title]")).to_have_value(f"Walls {unique}")

    form.locator("input[name=due_on]").fill(days(-10))
    form.locator("input[name=amount]").fill("250 000,00")
    form.get_by_role("button", name="Add milestone").click()
    expect(page.locator(".flash-success")).to_have_text("Milestone added.")
    expect(page).to_have_url(re.compile(rf"/documents/{contract['id']}/execution$"))
    row = page.locator("#milestones tr", has_text=f"Walls {unique}")
    expect(row.locator("[data-status=overdue]")).to_have_text("Overdue")
    expect(row).to_contain_text("10 days overdue")
    expect(row).to_contain_text("250,000.00\u00a0RUB")

    paid = page.locator("#add-payment-actual")
    paid.locator("input[name=on]").fill(days(-1))
    paid.locator("input[name=amount]").fill("300 000")
    paid.locator("input[name=reference]").fill("PO-17")
    paid.get_by_role("button", name="Record the payment").click()
    expect(page.locator(".flash-success")).to_have_text("Payment recorded.")
    expect(page.locator("#payments-actual")).to_contain_text("300,000.00\u00a0RUB")
    expect(page.locator("#payments-actual .badge[data-status=recorded]")).to_contain_text("Recorded")
    expect(page.locator("#payments-actual")).to_contain_text("PO-17")
    expect(section.locator("[data-balance]")).to_have_text(
        "Advance of 300,000.00\u00a0RUB received from the counterparty")
    expect(section.locator("[data-total=paid]")).to_have_text("300,000.00\u00a0RUB")
    page.screenshot(path=tmp_path / "contract-execution.png", full_page=True)

    page.goto("/documents")
    page.get_by_role("link", name="Overdue obligations").click()
    expect(page.locator("h1")).to_have_text("Overdue obligations")
    item = page.locator("[data-overdue-item]", has_text=f"Walls {unique}")
    expect(item).to_contain_text("10")
    expect(item).to_contain_text("250,000.00\u00a0RUB")
    item.get_by_role("link", name=re.compile(re.escape(contract["title"]))).click()
    expect(page).to_have_url(re.compile(rf"/documents/{contract['id']}/execution$"))


def latin_words(text, allowed, unique):
    """Words in Latin letters left in a Russian screen, but for the names the test gave."""
    return sorted({w for w in re.findall(r"[A-Za-z]{2,}", text.replace(unique, "")) if w not in allowed})


def test_the_section_and_the_overdue_page_read_wholly_in_russian(browser, base_url, admin, admin_credentials,
                                                                 contract, unique):
    document_id = contract["id"]
    assert admin.post(f"/documents/{document_id}/milestones", json={
        "title": "Fundament", "due_on": days(-3), "amount": "100000.00"}).status_code == 201
    assert admin.post(f"/documents/{document_id}/payments", json={
        "kind": "planned", "on": days(-2), "amount": "500000.00"}).status_code == 201
    assert admin.post(f"/documents/{document_id}/payments", json={
        "kind": "actual", "on": days(-1), "amount": "1000.00", "reference": "PP"}).status_code == 201
    context = browser.new_context(base_url=base_url, locale="ru-RU")
    context.add_cookies([{"name": "chancery_lang", "value": "ru", "url": base_url}])
    page = context.new_page()
    sign_in(page, *admin_credentials)
    allowed = {"RUB", "Fundament", "PP", "Warehouse", *re.findall(r"[A-Za-z]+", contract["number"] or "")}

    page.goto(f"/documents/{document_id}/execution")
    section = page.locator("#execution")
    expect(section.locator("[data-balance]")).to_have_text(re.compile(r"^Аванс .*RUB"))
    for details in section.locator("details").all():
        details.evaluate("d => d.open = true")
    assert latin_words(section.inner_text(), allowed, unique) == []

    page.goto(f"/contracts/overdue?counterparty_id={contract['counterparty_id']}")
    expect(page.locator("[data-overdue-item]")).to_have_count(2)
    shown = " ".join([page.locator(".page-head").inner_text(), page.locator("#overdue").inner_text(),
                      *page.locator("#overdue-filters label, #overdue-filters button").all_inner_texts()])
    allowed |= {"Ispolnenie", *re.findall(r"[A-Za-z]+", admin.employee["full_name"])}
    assert latin_words(shown, allowed, unique) == []
    context.close()
