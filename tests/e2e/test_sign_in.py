"""Sessions that end for real, throttled sign-in, password change and reset, API tokens."""
import pytest
import requests

pytestmark = pytest.mark.system


def sign_in(client, email, password, headers=None):
    return client.http.post(f"{client.base_url}/api/v1/auth/login",
                            json={"email": email, "password": password}, headers=headers)


@pytest.fixture
def person(admin, unique):
    email, password = f"person.{unique}@test.chancery", f"first-password-{unique}"
    created = admin.post("/employees/", json={"full_name": "Pavel Person", "email": email,
                                              "password": password, "roles": ["manager"]})
    assert created.status_code == 201
    return created.json(), email, password


def test_sign_out_ends_the_session_on_the_server(client, person):
    _, email, password = person
    api = client(email, password)
    stolen = dict(api.http.cookies)
    assert api.get("/auth/me").status_code == 200
    assert api.post("/auth/logout").status_code == 200
    replay = client()
    replay.http.cookies.update(stolen)
    assert replay.get("/auth/me").status_code == 401


def test_signing_in_again_rotates_the_session(client, person):
    _, email, password = person
    api = client(email, password)
    first = dict(api.http.cookies)
    api.login(email, password)
    assert dict(api.http.cookies) != first
    replay = client()
    replay.http.cookies.update(first)
    assert replay.get("/auth/me").status_code == 401
    assert api.get("/auth/me").status_code == 200


def test_deactivation_ends_sessions_and_sign_in(admin, client, person, eventually):
    employee, email, password = person
    api = client(email, password)
    assert admin.post(f"/employees/{employee['id']}/deactivate").status_code == 200
    assert eventually(lambda: api.get("/auth/me").status_code == 401, timeout=10)
    assert sign_in(client(), email, password).status_code == 401


def test_repeated_failures_make_that_client_wait(client, person):
    _, email, password = person
    anonymous = client()
    attacker = {"X-Forwarded-For": "203.0.113.50"}
    for _ in range(5):
        assert sign_in(anonymous, email, "wrong-password", headers=attacker).status_code == 401
    locked = sign_in(anonymous, email, password, headers=attacker)
    assert locked.status_code == 429
    assert "try again after" in locked.json()["message"]
    assert 1 <= int(locked.headers["Retry-After"]) <= 30


def test_nobody_can_lock_an_account_out_from_elsewhere(admin, client, person):
    employee, email, password = person
    anonymous = client()
    for _ in range(8):
        answer = sign_in(anonymous, email, "wrong-password", headers={"X-Forwarded-For": "203.0.113.51"})
        assert answer.status_code in (401, 429)
    owner = sign_in(client(), email, password, headers={"X-Forwarded-For": "198.51.100.51"})
    assert owner.status_code == 200, owner.text

    entries = admin.get("/audit", params={"record_type": "employee", "record_id": employee["id"]}).json()
    locks = [e for e in entries["items"] if e["action"] == "sign_in_locked"]
    assert locks and locks[0]["changes"]["client"]["to"] == "203.0.113.51"


def test_the_sign_in_page_says_when_to_try_again(client, person):
    _, email, _ = person
    browser = client()
    headers = {"X-Forwarded-For": "203.0.113.52"}
    for _ in range(5):
        browser.http.post(f"{browser.base_url}/login", data={"email": email, "password": "wrong"}, headers=headers)
    page = browser.http.post(f"{browser.base_url}/login", data={"email": email, "password": "wrong"},
                             headers=headers)
    assert page.status_code == 429 and int(page.headers["Retry-After"]) >= 1


def test_changing_and_resetting_passwords(admin, client, person):
    employee, email, password = person
    api = client(email, password)
    wrong = api.post("/auth/password", json={"current_password": "nope", "new_password": "new-password-123"})
    assert wrong.status_code == 401
    short = api.post("/auth/password", json={"current_password": password, "new_password": "short"})
    assert short.status_code == 422 and "new_password" in short.json()["errors"]["json"]
    assert api.post("/auth/password", json={"current_password": password,
                                            "new_password": "new-password-123"}).status_code == 200
    assert sign_in(client(), email, "new-password-123").status_code == 200

    reset = admin.post(f"/employees/{employee['id']}/password-reset", json={})
    assert reset.status_code == 200
    generated = reset.json()["generated_password"]
    assert generated and len(generated) >= 12
    assert api.get("/auth/me").status_code in (200, 401)  # ends within the cache window
    assert sign_in(client(), email, generated).status_code == 200
    assert person[0]["id"] == reset.json()["employee"]["id"]


def test_only_administrators_manage_accounts(client, person):
    employee, email, password = person
    api = client(email, password)
    assert api.post(f"/employees/{employee['id']}/password-reset", json={}).status_code == 403
    assert api.get("/api-tokens/").status_code == 403


def test_api_tokens_are_scoped_shown_once_and_revocable(admin, person, base_url, unique, eventually):
    employee = person[0]
    read = admin.post("/api-tokens/", json={"name": "BI export", "employee_id": employee["id"],
                                            "scopes": ["read"]})
    assert read.status_code == 201, read.text
    token = read.json()["token"]
    assert token.startswith("chy_")
    assert all("token" not in t or t["token"] is None for t in admin.get("/api-tokens/").json()["items"])

    bearer = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{base_url}/api/v1/counterparties/", headers=bearer).status_code == 200
    refused = requests.post(f"{base_url}/api/v1/counterparties/", headers=bearer, json={"name": "X"})
    assert refused.status_code == 403 and "write" in refused.json()["message"]

    write = admin.post("/api-tokens/", json={"name": "ERP", "employee_id": employee["id"],
                                             "scopes": ["read", "write"]}).json()
    made = requests.post(f"{base_url}/api/v1/counterparties/",
                         headers={"Authorization": f"Bearer {write['token']}"},
                         json={"name": f"Made by ERP {unique}"})
    assert made.status_code == 201, made.text
    assert made.json()["created_by"] == employee["id"]

    assert admin.post(f"/api-tokens/{read.json()['id']}/revoke").status_code == 200
    # revoked at once in staff; the gateway's identity cache forgets it within seconds
    assert eventually(lambda: requests.get(f"{base_url}/api/v1/counterparties/",
                                           headers=bearer).status_code == 401, timeout=10)
    assert requests.get(f"{base_url}/api/v1/counterparties/",
                        headers={"Authorization": "Bearer chy_forged"}).status_code == 401
