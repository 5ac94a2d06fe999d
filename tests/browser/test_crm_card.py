"""The counterparty card filled in over time, in headless Chromium (issue: CRM screens).

Sections of the card edited one by one (legal details checked, characteristics from the
reference books, primary and additional responsible employees), a contact person added with
messengers and an important date reminded yearly, edited and moved to another counterparty,
a negotiation note, and the relationship history shown page by page.
"""
import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.system]


def make_person(admin, client, unique, key, roles):
    email, password = f"{key}.{unique}@crm-card.chancery", f"crm-card-{unique}-pw"
    created = admin.post("/employees/", json={
        "full_name": f"{key.capitalize()} {unique}", "email": email, "password": password, "roles": roles,
        "time_zone": "Europe/Moscow"})
    assert created.status_code == 201, created.text
    return created.json(), (email, password), client(email, password)


def test_the_card_is_filled_in_section_by_section(page, admin, client, unique):
    me, credentials, api = make_person(admin, client, unique, "cora", ["manager"])
    colleague, _login, _api = make_person(admin, client, unique, "colin", ["manager"])
    region = admin.post("/reference-books/region/", json={"name": f"Volga {unique}"}).json()
    card = api.post("/counterparties/", json={"name": f"Card Co {unique}"}).json()

    sign_in(page, *credentials)
    page.goto(f"/counterparties/{card['id']}")
    page.get_by_role("link", name="Edit legal details").click()
    page.fill("#f-tax_id", "7707083894")  # a wrong check digit
    page.fill("#f-legal_address", "Moscow, Tverskaya 7")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#tax_id-error")).to_be_visible()
    expect(page.locator("#f-legal_address")).to_have_value("Moscow, Tverskaya 7")
    page.fill("#f-tax_id", "7707083893")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flash-success")).to_contain_text("saved")
    expect(page.locator("#details")).to_contain_text("7707083893")
    expect(page.locator("#details")).to_contain_text("Moscow, Tverskaya 7")

    page.get_by_role("link", name="Edit characteristics").click()
    page.select_option("#f-region_id", region["id"])
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#details .characteristics")).to_contain_text(f"Volga {unique}")

    page.get_by_role("link", name="Change responsible").click()
    page.select_option("#f-additional_responsible_ids", [colleague["id"]])
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#details .additional-responsible")).to_have_text(colleague["full_name"])
    expect(page.locator("#details .responsible")).to_have_text(me["full_name"])
    saved = api.get(f"/counterparties/{card['id']}").json()
    assert saved["tax_id"] == "7707083893" and saved["region_id"] == region["id"]
    assert saved["additional_responsible_ids"] == [colleague["id"]]
    assert saved["responsible_employee_id"] == me["id"]


def test_contact_persons_are_added_edited_and_moved(page, admin, client, unique):
    _me, credentials, api = make_person(admin, client, unique, "dora", ["manager"])
    old = api.post("/counterparties/", json={"name": f"Old Employer {unique}"}).json()
    new = api.post("/counterparties/", json={"name": f"New Employer {unique}"}).json()

    sign_in(page, *credentials)
    page.goto(f"/counterparties/{old['id']}")
    page.locator("#contact-persons").get_by_role("link", name="Add").click()
    page.fill("#f-full_name", f"Pavel Orlov {unique}")
    page.fill("#f-position", "Chief accountant")
    page.fill("#f-phones", "+7 495 111-00-01\n+7 916 222-00-02")
    page.fill("#f-emails", f"pavel.{unique}@old.example")
    page.fill("#f-messenger_kind-1", "telegram")
    page.fill("#f-messenger_handle-1", "@pavel_orlov")
    page.select_option("#f-date_kind-0", "birthday")
    page.fill("#f-date_date-0", "1980-05-17")
    page.fill("#f-date_days_before-0", "3")
    page.locator("input[name=date_remind][value='0']").check()
    page.get_by_role("button", name="Save contact person").click()
    people = page.locator("#contact-persons")
    expect(people).to_contain_text(f"Pavel Orlov {unique}")
    expect(people).to_contain_text("+7 916 222-00-02")

    person = api.get(f"/counterparties/{old['id']}/contact-persons").json()["items"][0]
    assert person["phones"] == ["+7 495 111-00-01", "+7 916 222-00-02"]
    assert person["messengers"] == [{"kind": "telegram", "handle": "@pavel_orlov"}]
    assert len(person["important_dates"]) == 1
    important = person["important_dates"][0]
    assert important["date"] == "1980-05-17" and important["kind"] == "birthday"
    assert important.get("remind", important.get("remind_yearly")) is True

    people.get_by_role("link", name=f"Pavel Orlov {unique}").click()
    expect(page.locator(".important-dates")).to_contain_text("reminded yearly")
    page.get_by_role("link", name="Edit", exact=True).click()
    expect(page.locator("#f-messenger_handle-1")).to_have_value("@pavel_orlov")
    page.fill("#f-position", "Finance director")
    page.get_by_role("button", name="Save contact person").click()
    expect(page.locator(".subtitle")).to_contain_text("Finance director")
    assert api.get(f"/contact-persons/{person['id']}").json()["important_dates"][0]["date"] == "1980-05-17"

    page.fill("#f-counterparty", f"New Employer {unique}")
    page.locator(".choices").get_by_role("option", name=f"New Employer {unique}").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.locator(".flash-success")).to_contain_text(f"New Employer {unique}")
    assert api.get(f"/contact-persons/{person['id']}").json()["counterparty_id"] == new["id"]
    page.goto(f"/counterparties/{new['id']}")
    expect(page.locator("#contact-persons")).to_contain_text(f"Pavel Orlov {unique}")


def test_negotiation_notes_and_the_history_page_by_page(page, admin, client, unique):
    _me, credentials, api = make_person(admin, client, unique, "nina", ["manager"])
    stage = admin.post("/reference-books/negotiation_stage/", json={"name": f"Offer checked by legal {unique}"})
    assert stage.status_code == 201, stage.text
    card = api.post("/counterparties/", json={"name": f"Long Story {unique}"}).json()
    for number in range(35):  # 36 history entries in all: more than the card's first page
        changed = api.patch(f"/counterparties/{card['id']}", json={"notes": f"Version {number}"})
        assert changed.status_code == 200, changed.text

    sign_in(page, *credentials)
    page.goto(f"/counterparties/{card['id']}")
    entries = page.locator("#timeline > li:not(.timeline-more)")
    expect(entries).to_have_count(30)
    page.get_by_role("button", name="Show earlier events").click()
    expect(entries).to_have_count(36)
    expect(page.locator("#timeline")).to_contain_text("Counterparty created")
    expect(page.get_by_role("button", name="Show earlier events")).to_have_count(0)

    page.select_option("#f-stage_id", stage.json()["id"])
    page.fill("#f-note-text", "They compare us with two others; answer expected Friday")
    page.fill("#f-client_priorities", "Delivery time")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#negotiations .current-stage")).to_have_text(f"Offer checked by legal {unique}")
    expect(page.locator("#negotiations")).to_contain_text("answer expected Friday")
    notes = api.get(f"/counterparties/{card['id']}/negotiation-notes").json()
    assert [note["text"] for note in notes["items"]] == ["They compare us with two others; answer expected Friday"]


def test_merging_a_duplicate_choosing_the_values_field_by_field(page, admin, admin_credentials, unique):
    region = admin.post("/reference-books/region/", json={"name": f"Ural {unique}"}).json()
    other_region = admin.post("/reference-books/region/", json={"name": f"Volga {unique}"}).json()
    keeper = admin.post("/counterparties/", json={
        "name": f"Stroymontazh {unique}", "phone": "+7 495 111-11-11", "region_id": region["id"]}).json()
    duplicate = admin.post("/counterparties/", json={
        "name": f"Stroymontazh LLC {unique}", "phone": "+7 495 222-22-22", "email": f"office.{unique}@sm.ru",
        "region_id": other_region["id"]}).json()
    person = admin.post(f"/counterparties/{duplicate['id']}/contact-persons",
                        json={"full_name": f"Irina Duplova {unique}"})
    assert person.status_code == 201, person.text

    sign_in(page, *admin_credentials)
    page.goto(f"/counterparties/{keeper['id']}#merge")
    page.fill("#f-merge-counterparty", f"Stroymontazh LLC {unique}")
    page.locator("#merge .choices").get_by_role("option", name=f"Stroymontazh LLC {unique}").click()
    page.get_by_role("button", name="Compare and merge").click()

    fields = page.locator("#merge-fields")
    # only what differs is offered; this card's value is chosen where it has one, else the duplicate's
    expect(fields.locator("tr[data-field=name]")).to_be_visible()
    expect(fields.locator("tr[data-field=region_id]")).to_contain_text(f"Volga {unique}")
    expect(fields.locator("tr[data-field=email] input[value=merged]")).to_be_checked()
    expect(fields.locator("tr[data-field=phone] input[value=survivor]")).to_be_checked()
    fields.locator("tr[data-field=phone] input[value=merged]").check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Merge into this one").click()
    expect(page.locator(".flash-success")).to_contain_text("1 contact persons")

    merged = admin.get(f"/counterparties/{keeper['id']}").json()
    assert (merged["name"], merged["phone"], merged["email"], merged["region_id"]) == (
        f"Stroymontazh {unique}", "+7 495 222-22-22", f"office.{unique}@sm.ru", region["id"])
    assert [p["full_name"] for p in admin.get(f"/counterparties/{keeper['id']}/contact-persons").json()["items"]] == [
        f"Irina Duplova {unique}"]
    assert admin.get(f"/counterparties/{duplicate['id']}").status_code == 404
