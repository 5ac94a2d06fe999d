"""The UI in the employee's own language: chosen once on the account page, it follows them
to another browser; dates and money are shown the Russian way."""
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


def test_switching_the_ui_to_russian_follows_the_employee(browser, base_url, admin, unique):
    email, password = f"lang.{unique}@test.chancery", f"lang-password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Lena Language", "email": email, "password": password,
                                           "roles": ["manager"]}).status_code == 201
    first = browser.new_context(base_url=base_url, locale="en-GB")
    page = first.new_page()
    sign_in(page, email, password)
    expect(page.locator("nav.mainnav")).to_contain_text("Counterparties")
    page.click("a.who")
    page.select_option("#f-locale", "ru")
    page.select_option("#f-time_zone", "Europe/Moscow")
    page.click("text=Save settings")
    expect(page.locator("nav.mainnav")).to_contain_text("Контрагенты")
    expect(page.locator("#f-time_zone")).to_have_value("Europe/Moscow")
    first.close()

    # another browser that prefers English: after signing in, the employee's Russian
    other = browser.new_context(base_url=base_url, locale="en-GB")
    page = other.new_page()
    sign_in(page, email, password)
    expect(page.locator("nav.mainnav")).to_contain_text("Контрагенты")
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^ru"))
    other.close()


def test_an_unknown_time_zone_is_refused_by_name(page, base_url, admin, admin_credentials, unique):
    sign_in(page, *admin_credentials)
    page.goto("/account")
    # a crafted form: the select offers only real zones
    page.evaluate("""() => { const o = document.createElement('option'); o.value = 'Mars/Olympus';
                            o.textContent = 'Mars'; document.querySelector('#f-time_zone').append(o); }""")
    page.select_option("#f-time_zone", "Mars/Olympus")
    page.click("text=Save settings")
    expect(page.locator("#time_zone-error")).to_contain_text("Mars/Olympus")


def type_id(api, code):
    return next(t["id"] for t in api.get("/document-types/").json()["items"] if t["code"] == code)


def test_words_with_two_meanings_read_in_the_sense_of_their_screen(browser, base_url, admin, admin_credentials,
                                                                   unique):
    """One English word, two Russian ones: "Copy" is a paper copy («Копия») beside the clipboard
    button («Копировать»), "From"/"To" name people in the handover form but dates elsewhere, and
    the registry's amount range runs «до» while its date range runs «по» (msgctxt in the catalogue)."""
    name = f"Dvusmyslov {unique}"
    assert admin.post("/counterparties/", json={"name": name}).status_code == 201
    document = admin.post("/documents/", json={"type_id": type_id(admin, "contract"),
                                               "title": f"Two senses {unique}"}).json()
    assert admin.post(f"/documents/{document['id']}/paper-copies",
                      json={"kind": "copy", "location": "Archive"}).status_code == 201
    context = browser.new_context(base_url=base_url, locale="ru-RU")
    context.add_cookies([{"name": "chancery_lang", "value": "ru", "url": base_url}])
    page = context.new_page()
    sign_in(page, *admin_credentials)

    page.goto(f"/documents/{document['id']}/paper-copies")
    copy = page.locator("[data-paper-copy]").first
    expect(copy).to_contain_text("Копия")
    expect(copy).not_to_contain_text("Копировать")
    expect(page.locator("#add-paper-copy select[name=kind] option[value=copy]")).to_have_text("Копия")

    page.goto(f"/counterparties?q={name}")
    expect(page.locator("label[for=f-from_employee_id]")).to_have_text("От кого")
    expect(page.locator("label[for=f-to_employee_id]")).to_have_text("Кому")

    page.goto("/documents")
    expect(page.locator("input[name=amount_max]")).to_have_attribute("placeholder", "до")
    expect(page.locator("label", has=page.locator("input[name=date_from]"))).to_contain_text("С")
    expect(page.locator("label", has=page.locator("input[name=date_to]"))).to_contain_text("по")
    context.close()
