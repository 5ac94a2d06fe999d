"""The holding's LDAP directory in headless Chromium, against Debian's slapd (StartTLS with
the run's CA): the administrator connects it on Administration → LDAP directory, previews
the sync (a dry run), runs it, and a directory user signs in on the sign-in page with the
directory's user name and password."""
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]


def sign_in(page, login, password):
    page.goto("/login")
    page.fill("#email", login)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in", exact=True).click()


@pytest.fixture(scope="module")
def connected(ldap_server, admin, browser, base_url, admin_credentials):
    """The administrator connects the directory on its page, previews the sync and runs it."""
    settings = ldap_server.settings()
    context = browser.new_context(base_url=base_url, locale="en-GB")
    page = context.new_page()
    sign_in(page, *admin_credentials)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto("/admin")
    page.locator(".admin-tabs").get_by_role("link", name="LDAP directory", exact=True).click()
    page.check("#f-enabled")
    page.fill("#f-url", settings["url"])
    page.uncheck("#f-start_tls")
    page.fill("#f-bind_dn", settings["bind_dn"])
    page.fill("#f-bind_password", settings["bind_password"])
    page.fill("#f-user_base", settings["user_base"])
    page.get_by_role("button", name="Save directory settings").click()
    expect(page.locator("#start_tls-error")).to_contain_text("StartTLS")  # refused: unencrypted, field named
    page.check("#f-start_tls")
    page.fill("#f-ca_certificate", settings["ca_certificate"])
    page.fill("#f-bind_password", settings["bind_password"])
    page.fill("#f-group_base", settings["group_base"])
    page.fill("#f-group_roles", "lawyers = lawyer\nsales-managers = manager")
    page.check("#f-allow_create")
    page.fill("#f-sync_interval_minutes", "0")
    page.fill("#f-max_dismissals", "100")
    page.get_by_role("button", name="Save directory settings").click()
    expect(page.locator(".flash")).to_contain_text("Directory settings saved")

    page.get_by_role("button", name="Preview the sync (dry run)").click()
    expect(page.locator("#sync-outcome h2")).to_contain_text("dry run")
    expect(page.locator("#sync-changes")).to_contain_text(ldap_server.email("anna"))
    assert admin.get("/employees/", params={"search": ldap_server.email("anna")}).json()["total"] == 0
    page.get_by_role("button", name="Sync now").click()
    expect(page.locator("#sync-outcome h2")).to_have_text("What the sync changed")
    expect(page.locator("#sync-changes")).to_contain_text(ldap_server.email("boris"))
    expect(page.locator("#sync-runs")).to_contain_text("done")
    context.close()
    yield ldap_server
    assert admin.request("PUT", "/settings/ldap-directory", json={"enabled": False}).status_code == 200


def test_a_directory_user_signs_in_with_the_directory_user_name(connected, page, base_url):
    page.goto("/login")
    label = page.locator("label[for=email]")
    for _ in range(20):  # each gateway worker reads whether the directory is on within seconds
        if "user name" in label.inner_text():
            break
        time.sleep(0.5)
        page.reload()
    expect(label).to_have_text("E-mail or user name")
    sign_in(page, "anna", "wrong password")
    expect(page.locator("#login-error")).to_contain_text("Wrong e-mail or password")
    sign_in(page, "anna", "anna-directory-password")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    me = page.request.get(f"{base_url}/api/v1/auth/me").json()["employee"]
    assert me["email"] == connected.email("anna") and me["roles"] == ["lawyer"]
