"""The calendar subscription on the account page, in English and Russian at a phone's and a
desktop's width: the address made and shown once, read by a calendar program without a session,
then revoked. Screenshots go to the test's folder (or ``CHANCERY_SCREENSHOTS``)."""
import os
import time
from pathlib import Path

import icalendar
import pytest
import requests
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]

WIDTHS = {390: 844, 1440: 900}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_employee_makes_reads_and_revokes_their_calendar_address(browser, base_url, admin, unique, language,
                                                                      tmp_path):
    shots = Path(os.environ.get("CHANCERY_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    email, password = f"cal.{language}.{unique}.{time.monotonic_ns()}@test.chancery", f"cal-password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Vera Calendar", "email": email, "password": password,
                                           "roles": ["manager"], "locale": language,
                                           "time_zone": "Europe/Moscow"}).status_code == 201
    context = browser.new_context(base_url=base_url, viewport={"width": 1440, "height": 900}, locale="en-GB",
                                  timezone_id="Europe/Moscow")
    context.add_cookies([{"name": "chancery_lang", "value": language, "url": base_url}])
    page = context.new_page()
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator("a.who")).to_be_visible()

    page.goto("/account#calendar")
    panel = page.locator("#calendar")
    make = {"en": "Make my calendar address", "ru": "Создать адрес календаря"}[language]
    expect(panel.get_by_role("button", name=make)).to_be_visible()
    panel.get_by_role("button", name=make).click()
    address = page.locator("#calendar-url").input_value()
    assert address.startswith(f"{base_url}/calendar/cal_") and address.endswith(".ics")
    webcal = page.locator("#new-calendar-address a").get_attribute("href")
    assert webcal == "webcal://" + address.split("://", 1)[1]
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.locator("#calendar").scroll_into_view_if_needed()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(shots / f"account-calendar-made-{language}-{width}.png"), full_page=True)

    # a calendar program reads it without any session
    feed = requests.get(address, timeout=30)
    assert feed.status_code == 200
    assert str(icalendar.Calendar.from_ical(feed.content)["X-WR-TIMEZONE"]) == "Europe/Moscow"

    page.goto("/account#calendar")
    assert page.locator("#calendar-url").count() == 0  # shown once only
    revoke = {"en": "Revoke the address", "ru": "Отозвать адрес"}[language]
    for width, height in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(shots / f"account-calendar-{language}-{width}.png"), full_page=True)
    page.locator("#calendar").get_by_role("button", name=revoke).click()
    expect(page.locator("#calendar").get_by_role("button", name=make)).to_be_visible()
    assert requests.get(address, timeout=30).status_code == 404
    context.close()
