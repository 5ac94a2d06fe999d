"""Every employee changes their own password on their account page."""
import pytest
import requests
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def test_an_employee_changes_their_password(page, base_url, admin, unique):
    email, password = f"self.{unique}@test.chancery", f"old-password-{unique}"
    assert admin.post("/employees/", json={"full_name": "Sam Self", "email": email, "password": password,
                                           "roles": ["manager"]}).status_code == 201
    page.goto(f"{base_url}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.click("a.who")
    page.fill("#f-current_password", "not-my-password")
    page.fill("#f-new_password", f"new-password-{unique}")
    page.fill("#f-repeat_password", f"new-password-{unique}")
    page.click("text=Change password")
    assert page.locator("#current_password-error").is_visible()
    page.fill("#f-current_password", password)
    page.fill("#f-new_password", f"new-password-{unique}")
    page.fill("#f-repeat_password", f"new-password-{unique}")
    page.click("text=Change password")
    # waits for the page after the redirect (is_visible would look at the form still being sent)
    expect(page.locator(".alert-success, .flash-success, [role=status]").first).to_be_visible()
    # a fresh HTTP session: signing in on the admin's would replace the admin's cookie
    response = requests.post(f"{base_url}/api/v1/auth/login",
                             json={"email": email, "password": f"new-password-{unique}"}, timeout=30)
    assert response.status_code == 200
