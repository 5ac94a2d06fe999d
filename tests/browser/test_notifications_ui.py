"""Notifications in the browser: a reminder scheme configured on a document type shows its
reminders on a document; the inbox updates without reloading; preferences are saved."""
from datetime import date, datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, base_url, email, password):
    page.goto(f"{base_url}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()


@pytest.fixture
def person(admin, client, unique):
    """A new employee: (card, API client, password)."""
    def make(name, roles=("employee",)):
        email, password = f"{name.split()[0].lower()}.{unique}@test.chancery", f"password-{unique}-x"
        created = admin.post("/employees/", json={"full_name": name, "email": email, "password": password,
                                                  "roles": list(roles)})
        assert created.status_code == 201, created.text
        return created.json(), client(email, password), password
    return make


def test_configuring_a_reminder_scheme_and_seeing_its_reminders_on_a_document(page, base_url, admin, person,
                                                                                unique, eventually):
    configurer, configurer_api, password = person("Tanya Typesetter", roles=("administrator",))
    created = admin.post("/document-types/", json={
        "code": f"sup_{unique}", "name": f"Supply {unique}", "kind": "contract",
        "fields": [{"code": "delivery_date", "label": "Delivery date", "kind": "date"}]})
    assert created.status_code == 201, created.text
    type_id = created.json()["id"]

    sign_in(page, base_url, configurer["email"], password)
    page.goto(f"{base_url}/reminder-schemes/{type_id}")
    expect(page.locator("#schemes")).to_contain_text("no reminder scheme yet")
    page.fill("#f-name", "Delivery is near")
    page.select_option("#f-date_field", "delivery_date")
    page.fill("#f-offsets", "-7, -1, 0")
    page.fill("#f-at_time", "10:00")
    page.click("text=Add scheme")
    row = page.locator("tr.scheme")
    expect(row).to_contain_text("Delivery is near")
    expect(row).to_contain_text("Delivery date")
    expect(row).to_contain_text("7 days before")

    delivery = date.today() + timedelta(days=20)
    document = configurer_api.post("/documents/", json={
        "type_id": type_id, "title": "Cement", "responsible_id": configurer["id"],
        "extra": {"delivery_date": delivery.isoformat()}})
    assert document.status_code == 201, document.text

    def planned():  # the reminders follow the document's event: look again until they are there
        page.goto(f"{base_url}/documents/{document.json()['id']}")  # the card loads its reminders
        page.locator("#record-reminders").wait_for()
        return page.locator("#record-reminders li.reminder").count() == 3

    eventually(planned, timeout=30)
    expect(page.locator("li.reminder").first).to_contain_text("Delivery is near")

    # a reminder set by hand on the same document, from the fragment's form
    page.fill("#f-title", "Check the invoice")
    page.fill("#f-due_at", (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    page.click("text=Set reminder")
    expect(page.locator("li.reminder")).to_have_count(4)
    expect(page.locator("#record-reminders")).to_contain_text("Check the invoice")


def test_the_inbox_updates_live(page, base_url, person):
    me, api, password = person("Lev Live")
    sign_in(page, base_url, me["email"], password)
    page.goto(f"{base_url}/inbox")
    expect(page.locator("#inbox-list")).to_contain_text("Your inbox is empty")

    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    assert api.post("/reminders", json={"title": "Ring the notary", "due_at": due.isoformat()}).status_code == 201

    expect(page.locator("#inbox-list li.notification")).to_contain_text("Ring the notary", timeout=30_000)
    expect(page.locator("#inbox-count")).to_have_text("1", timeout=15_000)
    assert page.url.endswith("/inbox")  # no reload, no navigation


def test_preferences_are_saved(page, base_url, person):
    me, api, password = person("Pia Prefs")
    sign_in(page, base_url, me["email"], password)
    page.goto(f"{base_url}/account")
    page.click("text=Notification preferences")
    page.uncheck("input[name='email:reminder.manual']")
    page.check("input[name='digest:approval.finished']")
    page.fill("#f-quiet_start", "22:00")
    page.fill("#f-quiet_end", "07:00")
    page.click("#preferences-form button[type=submit]")
    expect(page.locator(".flash-success")).to_be_visible()
    saved = api.get("/notification-preferences").json()
    assert saved["channels"]["reminder.manual"] == []
    assert saved["digest_kinds"] == ["approval.finished"]
    assert (saved["quiet_start"][:5], saved["quiet_end"][:5]) == ("22:00", "07:00")
