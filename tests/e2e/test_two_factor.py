"""Two-factor sign-in through the API: enrolment with its QR code, the code step, recovery
codes, and the policy that requires it of administrative roles."""
import time

import pyotp
import pytest

from tests.conftest import Client

pytestmark = pytest.mark.system


def next_code(totp):
    """A code of the next time step: the current one may have been spent already."""
    return totp.at(time.time() + totp.interval)


def new_person(admin, unique, roles=("manager",)):
    """An employee with a password (named to sort last: pages listing staff show the first ones)."""
    email, password = f"otp.{unique}.{time.monotonic_ns()}@test.chancery", f"password-{unique}-x"
    created = admin.post("/employees/", json={"full_name": "Zoya Otp", "email": email, "password": password,
                                              "roles": list(roles)})
    assert created.status_code == 201, created.text
    return email, password


def enrol(api):
    """Turn two-factor on for the signed-in client; returns (TOTP, recovery codes)."""
    started = api.post("/auth/two-factor/enrolment")
    assert started.status_code == 201, started.text
    qr = api.http.get(api.base_url + started.json()["qr_code_url"])
    assert qr.status_code == 200 and qr.headers["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in qr.content and qr.headers["Cache-Control"] == "no-store"
    totp = pyotp.TOTP(started.json()["secret"])
    assert started.json()["otpauth_uri"] == totp.provisioning_uri(
        name=api.employee["email"], issuer_name="Chancery")
    wrong = api.post("/auth/two-factor/enrolment/confirm", json={"code": "12345"})
    assert wrong.status_code == 422 and "code" in wrong.text
    confirmed = api.post("/auth/two-factor/enrolment/confirm", json={"code": totp.now()})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.headers["Cache-Control"] == "no-store"
    return totp, confirmed.json()["recovery_codes"]


def password_step(base_url, email, password):
    api = Client(base_url)
    answer = api.http.post(f"{base_url}/api/v1/auth/login", json={"email": email, "password": password})
    assert answer.status_code == 200, answer.text
    return api, answer.json()


def test_with_two_factor_the_password_alone_opens_no_session(admin, client, base_url, unique):
    email, password = new_person(admin, unique)
    totp, codes = enrol(client(email, password))
    assert len(codes) == 10

    api, first = password_step(base_url, email, password)
    assert first == {"second_factor_required": True}
    assert api.get("/auth/me").status_code == 401
    assert api.http.post(f"{base_url}/api/v1/auth/login/code", json={"code": "000000"}).status_code == 401
    done = api.http.post(f"{base_url}/api/v1/auth/login/code", json={"code": next_code(totp)})
    assert done.status_code == 200, done.text
    assert done.json()["employee"]["email"] == email and done.json()["csrf_token"]
    assert api.get("/auth/me").status_code == 200
    signed, signed.csrf = api, done.json()["csrf_token"]

    # a recovery code instead, once
    api, _ = password_step(base_url, email, password)
    assert api.http.post(f"{base_url}/api/v1/auth/login/code", json={"code": codes[3]}).status_code == 200
    api, _ = password_step(base_url, email, password)
    assert api.http.post(f"{base_url}/api/v1/auth/login/code", json={"code": codes[3]}).status_code == 401

    # lost both: an administrator removes it (nobody else may), and the password suffices again
    employee_id = done.json()["employee"]["id"]
    assert signed.post(f"/employees/{employee_id}/two-factor/reset").status_code == 403
    assert admin.post(f"/employees/{employee_id}/two-factor/reset").status_code == 200
    assert password_step(base_url, email, password)[1]["employee"]["email"] == email

    # the code step without a password first
    assert Client(base_url).http.post(f"{base_url}/api/v1/auth/login/code",
                                      json={"code": next_code(totp)}).status_code == 401

    audit = admin.get("/audit", params={"record_type": "employee", "record_id": done.json()["employee"]["id"]})
    actions = [row["action"] for row in audit.json()["items"]]
    assert "two_factor_enrolled" in actions and "signed_in" in actions


def test_the_policy_requires_two_factor_of_administrative_roles(admin, client, base_url, unique):
    # an administrator with two-factor sets the policy (one without it would lock themselves to enrolling)
    keeper_email, keeper_password = new_person(admin, unique + "k", roles=("administrator",))
    keeper = client(keeper_email, keeper_password)
    keeper_totp, _ = enrol(keeper)
    boss_email, boss_password = new_person(admin, unique + "b", roles=("administrator",))
    lawyer_email, lawyer_password = new_person(admin, unique + "l", roles=("lawyer",))
    bad = keeper.request("PUT", "/settings/sign-in-policy", json={"require_two_factor_for_admins": "maybe"})
    assert bad.status_code == 422 and "require_two_factor_for_admins" in bad.text
    assert keeper.request("PUT", "/settings/sign-in-policy",
                          json={"require_two_factor_for_admins": True}).status_code == 200
    try:
        boss = client(boss_email, boss_password)
        assert boss.get("/auth/me").json()["two_factor_enrolment_required"] is True
        refused = boss.get("/counterparties/")
        assert refused.status_code == 403 and "two-factor" in refused.text
        lawyer = client(lawyer_email, lawyer_password)  # no administrative rights: not asked
        assert lawyer.get("/counterparties/").status_code == 200

        enrol(boss)
        assert boss.get("/counterparties/").status_code == 200
        turn_off = boss.post("/auth/two-factor/off", json={"code": "123456"})
        assert turn_off.status_code == 403
    finally:
        assert keeper.request("PUT", "/settings/sign-in-policy",
                              json={"require_two_factor_for_admins": False}).status_code == 200


def test_two_factor_takes_the_session_not_an_api_token(admin, client, base_url, unique):
    email, password = new_person(admin, unique)
    person = client(email, password)
    token = admin.post("/api-tokens/", json={"name": f"erp {unique}", "employee_id": person.employee["id"],
                                            "scopes": ["read", "write"]})
    assert token.status_code == 201, token.text
    bearer = {"Authorization": f"Bearer {token.json()['token']}"}
    assert Client(base_url).get("/auth/me", headers=bearer).status_code == 200
    for method, path in (("GET", "/auth/two-factor"), ("POST", "/auth/two-factor/enrolment")):
        refused = Client(base_url).request(method, path, headers=bearer)
        assert refused.status_code == 403 and "not an API token" in refused.text
    spec = Client(base_url).get("/openapi.json").json()
    assert spec["paths"]["/api/v1/auth/two-factor/enrolment"]["post"]["security"] == [{"session": [], "csrf": []}]
    assert spec["paths"]["/api/v1/auth/login"]["post"]["security"] == []
    assert {"session": []} in spec["paths"]["/api/v1/counterparties/"]["get"]["security"]
    assert {"bearer": []} in spec["paths"]["/api/v1/counterparties/"]["get"]["security"]
