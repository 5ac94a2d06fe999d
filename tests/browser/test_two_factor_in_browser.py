"""Two-factor sign-in in headless Chromium: an employee sets it up from their account (the
QR code is served by the gateway), keeps the recovery codes shown once, signs out, and
signs in again with the password and then a code; an administrator requires it of
administrative roles on the Sign-in page."""
import time

import pyotp
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in_with_password(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def test_an_employee_sets_up_two_factor_and_signs_in_with_a_code(page, employee, unique):
    person, _ = employee("Tamara Totp")
    email, password = person["email"], f"password-{unique}-x"  # as the employee fixture makes it
    sign_in_with_password(page, email, password)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto("/account")
    page.locator("#two-factor").get_by_role("link", name="Two-factor sign-in").click()
    expect(page.locator("#two-factor-off")).to_be_visible()
    page.get_by_role("button", name="Set up two-factor sign-in").click()
    qr = page.get_by_role("img", name="QR code of the secret")
    expect(qr).to_be_visible()
    # the SVG loaded (visible is only its box: wait for the image itself, it may come a moment later)
    page.wait_for_function("img => img.complete && img.naturalWidth > 100", arg=qr.element_handle(), timeout=15_000)
    totp = pyotp.TOTP(page.locator("#two-factor-secret").inner_text())
    page.fill("#f-code", "000000" if totp.now() != "000000" else "111111")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator("#code-error")).to_contain_text("not the current code")
    page.fill("#f-code", totp.now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Done").click()

    page.get_by_role("button", name="Sign out").click()
    sign_in_with_password(page, email, password)
    expect(page.locator("#code")).to_be_visible()  # the password alone is not enough
    page.fill("#code", "12345678")
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("#login-error")).to_contain_text("Wrong code")
    page.fill("#code", totp.at(time.time() + totp.interval))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_the_administrator_requires_two_factor_of_administrative_roles(page, browser, base_url, admin, unique):
    email, password = f"chief.{unique}@test.chancery", f"password-{unique}-chief"
    created = admin.post("/employees/", json={"full_name": "Zinovy Chief", "email": email, "password": password,
                                              "roles": ["administrator"]})
    assert created.status_code == 201
    sign_in_with_password(page, email, password)
    page.goto("/admin/sign-in")
    page.check("#f-require_two_factor")
    page.get_by_role("button", name="Save policy").click()
    expect(page.locator(".flash")).to_contain_text("Sign-in policy saved")
    try:
        # the administrator without two-factor is sent to set it up, whatever page they open
        # (within seconds: each gateway worker keeps a session's identity that long)
        for _ in range(30):
            page.goto("/counterparties")
            if page.url.endswith("/account/two-factor"):
                break
            time.sleep(0.5)
        expect(page.locator("#two-factor-required")).to_be_visible()
        assert page.url.endswith("/account/two-factor")
        page.get_by_role("button", name="Set up two-factor sign-in").click()
        totp = pyotp.TOTP(page.locator("#two-factor-secret").inner_text())
        page.fill("#f-code", totp.now())
        page.get_by_role("button", name="Turn on two-factor sign-in").click()
        expect(page.locator("#recovery-codes li")).to_have_count(10)
        page.goto("/counterparties")
        assert page.url.endswith("/counterparties")
    finally:
        page.goto("/admin/sign-in")
        page.uncheck("#f-require_two_factor")
        page.get_by_role("button", name="Save policy").click()
        expect(page.locator(".flash")).to_contain_text("Sign-in policy saved")
