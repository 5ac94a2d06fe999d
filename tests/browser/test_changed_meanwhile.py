"""Two people editing the same counterparty in two browsers: the second save is not written
over the first; the form shows who changed what meanwhile next to the person's own input, and
saving again writes it knowingly (issue 22, "No lost updates")."""
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def make_editor(admin, unique, key):
    email, password = f"{key}.{unique}@meanwhile.chancery", f"meanwhile-{unique}-pw"
    created = admin.post("/employees/", json={
        "full_name": f"{key.capitalize()} {unique}", "email": email, "password": password, "roles": ["director"],
        "time_zone": "Europe/Moscow"})
    assert created.status_code == 201, created.text
    return created.json(), (email, password)


def signed_in(browser, base_url, credentials):
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 900},
                                  locale="en-GB", timezone_id="Europe/Moscow")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", credentials[0])
    page.fill("#password", credentials[1])
    page.click("button[type=submit]")
    page.wait_for_selector("a.who", state="attached")
    return page


def test_the_second_save_shows_the_differences_and_overwrites_only_when_saved_again(
        browser, base_url, admin, unique, tmp_path):
    anna, anna_login = make_editor(admin, unique, "anna")
    boris, boris_login = make_editor(admin, unique, "boris")
    card = admin.post("/counterparties/", json={"name": f"Meanwhile Co {unique}", "phone": "+7 495 000-00-00"}).json()
    edit = f"/counterparties/{card['id']}/edit/contacts"
    anna_page, boris_page = signed_in(browser, base_url, anna_login), signed_in(browser, base_url, boris_login)
    anna_page.goto(edit)
    boris_page.goto(edit)

    anna_page.fill("#f-phone", "+7 495 111-11-11")
    anna_page.get_by_role("button", name="Save").click()
    expect(anna_page.locator(".flash-success")).to_contain_text("saved")

    boris_page.fill("#f-phone", "+7 495 222-22-22")
    boris_page.fill("#f-email", "boris@meanwhile.test")
    boris_page.get_by_role("button", name="Save").click()

    notice = boris_page.locator("#changed-meanwhile")
    expect(notice).to_contain_text(f"Changed by {anna['full_name']} at ")
    expect(notice).to_contain_text("while you were editing")
    row = notice.locator("tr[data-field=phone]")
    expect(row.locator("th")).to_have_text("Phone")
    expect(row.locator("td.theirs")).to_have_text("+7 495 111-11-11")
    expect(row.locator("td.mine")).to_have_text("+7 495 222-22-22")
    expect(notice.locator("tr[data-field=email]")).to_have_count(0)  # nobody changed it meanwhile
    expect(boris_page.locator("#f-phone")).to_have_value("+7 495 222-22-22")  # the input is kept
    expect(boris_page.locator("#f-email")).to_have_value("boris@meanwhile.test")
    kept = admin.get(f"/counterparties/{card['id']}").json()
    assert (kept["phone"], kept["email"], kept["version"]) == ("+7 495 111-11-11", None, 2)

    boris_page.get_by_role("button", name="Save over their change").click()
    expect(boris_page.locator(".flash-success")).to_contain_text("saved")
    saved = admin.get(f"/counterparties/{card['id']}").json()
    assert (saved["phone"], saved["email"], saved["version"]) == ("+7 495 222-22-22", "boris@meanwhile.test", 3)

    # the form as people see it, at the phone's width and the desktop's, in both languages
    page = boris_page
    for language in ("en", "ru"):
        page.goto(f"/language/{language}?next=/")
        for width, height in ((1440, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(edit)
            admin.patch(f"/counterparties/{card['id']}", json={"phone": f"+7 495 {width}-{language}"})
            page.fill("#f-phone", "+7 495 333-33-33")
            page.locator("#section-form button[type=submit]").click()
            expect(page.locator("#changed-meanwhile tr[data-field=phone] td.theirs")).to_have_text(
                f"+7 495 {width}-{language}")
            if language == "ru":
                expect(page.locator("#changed-meanwhile")).to_contain_text("пока вы редактировали")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path=tmp_path / f"changed-meanwhile-{width}-{language}.png", full_page=True)
    anna_page.context.close()
    boris_page.context.close()
