"""Sign-in through the holding's OpenID provider, in headless Chromium, against a real
OpenID-certified provider (panva/oidc-provider under node) on the loopback.

The administrator connects the provider and maps its groups and departments on the
Sign-in page; an employee signs in with the provider's own login page, comes back with the
mapped roles, department and position on the agenda, and signs out of both; someone
Chancery does not know and a dismissed employee are refused with a page saying why; a
tampered state is refused and audited. With two-factor required of administrators, an
administrator coming through the provider (which checks its own factors) is not sent to
enrol a local one.
"""
import json
import re
import secrets
import shutil
import subprocess
import time
from pathlib import Path

import pyotp
import pytest
import requests
from chancery_local.infra import free_port
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.system]

PROVIDER_DIR = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID = "chancery"


def install_provider():
    """``npm ci`` of tests/oidc when its packages are missing or older than the lock."""
    installed = PROVIDER_DIR / "node_modules" / ".package-lock.json"
    lock = PROVIDER_DIR / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("the OpenID provider of these tests needs node and npm (Debian: apt-get install npm)")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PROVIDER_DIR,
                   check=True, timeout=300)


@pytest.fixture(scope="module")
def provider(base_url, tmp_path_factory):
    """The provider with Chancery as its client and three accounts (emails unique to the run)."""
    install_provider()
    run = secrets.token_hex(4)
    port, secret = free_port(), secrets.token_urlsafe(24)
    accounts = {
        "alice": {"email": f"alice.{run}@holding.test", "email_verified": True, "name": f"Yulia Alice {run}",
                  "groups": [f"lawyers-{run}", "everyone"], "department": f"LEGAL-{run}",
                  "position": "Senior lawyer"},
        "bob": {"email": f"bob.{run}@holding.test", "email_verified": True, "name": "Bob Stranger"},
        "carol": {"email": f"carol.{run}@holding.test", "email_verified": True, "name": "Yana Carol"},
        "dana": {"email": f"dana.{run}@holding.test", "email_verified": True, "name": f"Yevgenia Dana {run}",
                 "groups": [f"admins-{run}"]},
    }
    config = tmp_path_factory.mktemp("oidc") / "provider.json"
    config.write_text(json.dumps({
        "port": port, "accounts": accounts,
        "client": {"client_id": CLIENT_ID, "client_secret": secret,
                   "redirect_uris": [f"{base_url}/login/oidc/callback"],
                   "post_logout_redirect_uris": [f"{base_url}/login"]}}))
    process = subprocess.Popen([shutil.which("node"), "provider.mjs", str(config)], cwd=PROVIDER_DIR,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    issuer = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the OpenID provider did not start: {process.stdout.read()}")
        time.sleep(0.2)
    yield {"issuer": issuer, "secret": secret, "run": run, "accounts": accounts}
    process.terminate()
    process.wait(10)


def sign_in_with_password(page, email, password):
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def through_provider(page, login):
    """From Chancery's sign-in page, through the provider's login and consent pages."""
    page.goto("/login")
    button = page.get_by_role("link", name="Sign in with Holding ID")
    for _ in range(40):  # each gateway worker reads the settings afresh within seconds
        if button.count():
            break
        time.sleep(0.5)
        page.reload()
    button.click()
    page.wait_for_url(re.compile(r"http://127\.0\.0\.1:\d+/interaction/"))
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any password: the test provider checks none")
    page.get_by_role("button", name="Sign-in").click()
    consent = page.get_by_role("button", name="Continue")
    consent.wait_for()
    consent.click()


@pytest.fixture(scope="module")
def connected(provider, admin, browser, base_url, admin_credentials):
    """The administrator connects the provider and sets the mapping on the Sign-in page."""
    run = provider["run"]
    legal = admin.post("/departments/", json={"name": f"Legal {run}"})
    assert legal.status_code == 201, legal.text
    context = browser.new_context(base_url=base_url, locale="en-GB")
    page = context.new_page()
    sign_in_with_password(page, *admin_credentials)
    page.goto("/admin")
    page.locator(".admin-tabs").get_by_role("link", name="Sign-in", exact=True).click()
    expect(page.locator("#redirect-uri")).to_have_text(f"{base_url}/login/oidc/callback")
    page.check("#f-enabled")
    page.fill("#f-display_name", "Holding ID")
    page.fill("#f-issuer", provider["issuer"])
    page.fill("#f-client_id", CLIENT_ID)
    page.fill("#f-client_secret", provider["secret"])
    page.fill("#f-group_roles", f"lawyers-{run} = lawyer, nonsense-role")
    page.fill("#f-department_map", f"LEGAL-{run} = Legal {run}")
    page.get_by_role("button", name="Save sign-in settings").click()
    expect(page.locator("#group_roles-error")).to_contain_text("nonsense-role")  # refused, field named
    page.fill("#f-client_secret", provider["secret"])
    page.fill("#f-group_roles", f"lawyers-{run} = lawyer\nadmins-{run} = administrator")
    page.get_by_role("button", name="Save sign-in settings").click()
    expect(page.locator(".flash")).to_contain_text("Sign-in settings saved")
    expect(page.locator("#f-department_map")).to_have_value(f"LEGAL-{run} = Legal {run}")
    context.close()
    return {**provider, "legal_id": legal.json()["id"]}


def test_an_employee_signs_in_through_the_provider_with_mapped_roles_and_signs_out_of_both(
        connected, admin, page, base_url):
    alice = connected["accounts"]["alice"]
    created = admin.post("/employees/", json={"full_name": alice["name"], "email": alice["email"],
                                              "roles": ["secretary"]})
    assert created.status_code == 201, created.text

    through_provider(page, "alice")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page).to_have_url(f"{base_url}/")  # the first screen: the agenda
    expect(page.locator("h1")).to_contain_text(alice["name"])
    expect(page.locator("#agenda-title")).to_have_text("My agenda for today")
    me = page.request.get(f"{base_url}/api/v1/auth/me").json()["employee"]
    assert me["id"] == created.json()["id"]
    assert me["roles"] == ["lawyer"]  # from the group, replacing what the card had
    assert me["department_id"] == connected["legal_id"] and me["position"] == "Senior lawyer"

    page.get_by_role("button", name="Sign out").click()
    # Chancery's session ends, then the provider's (RP-initiated logout), then back here
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{base_url}/login")
    assert page.request.get(f"{base_url}/api/v1/auth/me").status == 401
    # the provider's session ended too: it asks for the login again
    page.get_by_role("link", name="Sign in with Holding ID").click()
    expect(page.locator("input[name=login]")).to_be_visible()

    audit = admin.get("/audit", params={"record_type": "employee", "record_id": me["id"]}).json()["items"]
    signed_in = [row for row in audit if row["action"] == "signed_in"]
    assert signed_in and signed_in[0]["changes"]["source"]["to"] == "oidc"


def test_someone_chancery_does_not_know_is_refused_with_a_page_saying_why(connected, admin, page):
    through_provider(page, "bob")
    expect(page.locator("#login-error")).to_contain_text("is not known in Chancery")
    bob = admin.get("/employees/", params={"search": connected["accounts"]["bob"]["email"]}).json()
    assert bob["total"] == 0


def test_a_dismissed_employee_is_refused_despite_a_valid_provider_session(connected, admin, page):
    carol = connected["accounts"]["carol"]
    created = admin.post("/employees/", json={"full_name": carol["name"], "email": carol["email"]}).json()
    assert admin.post(f"/employees/{created['id']}/deactivate").status_code == 200
    through_provider(page, "carol")
    expect(page.locator("#login-error")).to_contain_text("dismissed")
    audit = admin.get("/audit", params={"record_type": "employee", "record_id": created["id"]}).json()["items"]
    refused = [row for row in audit if row["action"] == "sign_in_refused"]
    assert refused and refused[0]["changes"]["reason"]["to"] == "dismissed"


def test_a_tampered_state_is_refused_and_audited(connected, admin, base_url):
    browser_like = requests.Session()
    for _ in range(40):  # each gateway worker reads the settings afresh within seconds
        started = browser_like.get(f"{base_url}/login/oidc", allow_redirects=False, timeout=30)
        if started.status_code != 404:
            break
        time.sleep(0.5)
    assert started.status_code == 302 and started.headers["Location"].startswith(connected["issuer"])
    assert "code_challenge_method=S256" in started.headers["Location"]
    answer = browser_like.get(f"{base_url}/login/oidc/callback",
                              params={"state": "forged-state", "code": "forged-code"}, timeout=30)
    assert answer.status_code == 400 and "tampered" in answer.text
    assert browser_like.get(f"{base_url}/api/v1/auth/me", timeout=30).status_code == 401
    rows = admin.get("/audit", params={"action": "sign_in_refused", "limit": 20}).json()["items"]
    assert any(row["changes"].get("reason", {}).get("to") == "bad_state" for row in rows)


def test_passwords_can_be_turned_off_except_for_the_break_glass_administrator(connected, admin, client, base_url,
                                                                              unique):
    people = {}
    for name, roles in (("keeper", ["administrator"]), ("clerk", ["secretary"])):
        email, password = f"{name}.{unique}@test.chancery", f"password-{unique}-{name}"
        created = admin.post("/employees/", json={"full_name": f"Zakhar {name.title()}", "email": email,
                                                  "password": password, "roles": roles})
        assert created.status_code == 201, created.text
        people[name] = (created.json()["id"], email, password)
    keeper = client(*people["keeper"][1:])

    unnamed = keeper.request("PUT", "/settings/sign-in-policy", json={"password_sign_in": False})
    assert unnamed.status_code == 422 and "break_glass_employee_id" in unnamed.text
    turned_off = keeper.request("PUT", "/settings/sign-in-policy",
                                json={"password_sign_in": False, "break_glass_employee_id": people["keeper"][0]})
    assert turned_off.status_code == 200, turned_off.text
    try:
        clerk_id, clerk_email, clerk_password = people["clerk"]
        refused = requests.post(f"{base_url}/api/v1/auth/login",
                                json={"email": clerk_email, "password": clerk_password}, timeout=30)
        assert refused.status_code == 403 and "turned off" in refused.text
        page = requests.post(f"{base_url}/login", data={"email": clerk_email, "password": clerk_password},
                             timeout=30)
        assert page.status_code == 403 and "Sign in with Holding ID" in page.text
        assert client(*people["keeper"][1:]).employee["id"] == people["keeper"][0]  # break glass
        audit = admin.get("/audit", params={"record_type": "employee", "record_id": clerk_id}).json()["items"]
        assert any(row["action"] == "sign_in_refused" and row["changes"]["reason"]["to"] == "passwords_off"
                   and row["changes"]["source"]["to"] == "password" for row in audit)
    finally:
        assert keeper.request("PUT", "/settings/sign-in-policy",
                              json={"password_sign_in": True}).status_code == 200


def test_with_two_factor_required_an_administrator_through_the_provider_lands_on_the_agenda(
        connected, admin, client, page, base_url, unique):
    dana = connected["accounts"]["dana"]
    created = admin.post("/employees/", json={"full_name": dana["name"], "email": dana["email"]})
    assert created.status_code == 201, created.text
    people = {}
    for name in ("keeper", "boss"):
        email, password = f"{name}.{unique}@oidc-2fa.chancery", f"password-{unique}-{name}"
        made = admin.post("/employees/", json={"full_name": f"Zakhar {name.title()}", "email": email,
                                               "password": password, "roles": ["administrator"]})
        assert made.status_code == 201, made.text
        people[name] = (email, password)
    # an administrator with two-factor turns the policy on (one without it would be held to enrolling)
    keeper = client(*people["keeper"])
    started = keeper.post("/auth/two-factor/enrolment")
    assert started.status_code == 201, started.text
    confirmed = keeper.post("/auth/two-factor/enrolment/confirm",
                            json={"code": pyotp.TOTP(started.json()["secret"]).now()})
    assert confirmed.status_code == 200, confirmed.text
    assert keeper.request("PUT", "/settings/sign-in-policy",
                          json={"require_two_factor_for_admins": True}).status_code == 200
    try:
        # in force: an administrator's password session is held to enrolling
        assert client(*people["boss"]).get("/auth/me").json()["two_factor_enrolment_required"] is True

        through_provider(page, "dana")
        expect(page).to_have_url(f"{base_url}/")  # the agenda, not /account/two-factor
        expect(page.locator("#agenda-title")).to_have_text("My agenda for today")
        me = page.request.get(f"{base_url}/api/v1/auth/me").json()
        assert me["employee"]["id"] == created.json()["id"] and me["employee"]["roles"] == ["administrator"]
        assert me["two_factor_enrolment_required"] is False
        page.goto("/counterparties")  # any page: nothing sends the provider's session to enrol
        assert page.url == f"{base_url}/counterparties"
        audit = keeper.get("/audit", params={"record_type": "employee",
                                             "record_id": me["employee"]["id"]}).json()["items"]
        assert any(row["action"] == "signed_in" and row["changes"]["source"]["to"] == "oidc" for row in audit)
    finally:
        assert keeper.request("PUT", "/settings/sign-in-policy",
                              json={"require_two_factor_for_admins": False}).status_code == 200
