"""Whose address a sign-in comes from, and the answer when it must wait."""
import dataclasses

from chancery_common.errors import TooManyAttempts
from chancery_gateway.app import create_app


def signed_in_from(app, bus, identity, headers):
    seen = []
    bus.answers[("staff", "sign_in")] = lambda credentials, client: seen.append(client["ip"]) or {
        **identity, "session_token": "a-session-token"}
    response = app.test_client().post("/api/v1/auth/login", json={"email": "a@test.chancery", "password": "x"},
                                      headers=headers, environ_base={"REMOTE_ADDR": "10.0.0.5"})
    assert response.status_code == 200, response.json
    return seen[0]


def test_x_forwarded_for_is_ignored_without_trusted_proxies(app, bus, identity):
    assert signed_in_from(app, bus, identity, {"X-Forwarded-For": "203.0.113.9"}) == "10.0.0.5"


def test_x_forwarded_for_is_believed_from_the_configured_proxies_only(settings, bus, identity):
    app = create_app(dataclasses.replace(settings, trusted_proxies=1))
    forged_then_proxy = {"X-Forwarded-For": "198.51.100.1, 203.0.113.9"}

    assert signed_in_from(app, bus, identity, forged_then_proxy) == "203.0.113.9"


def test_a_throttled_sign_in_answers_429_with_retry_after(client, bus):
    bus.answers[("staff", "sign_in")] = TooManyAttempts(
        "too many failed sign-in attempts; try again after 12:00:30 UTC",
        {"retry_after": "2026-12-06T12:00:30+00:00", "retry_after_seconds": "30"})  # as nameko passes it on
    bus.answers[("staff", "sign_in_provider")] = lambda: None  # the sign-in page: no OpenID provider

    api = client.post("/api/v1/auth/login", json={"email": "a@test.chancery", "password": "x"})
    page = client.post("/login", data={"email": "a@test.chancery", "password": "x"})

    assert api.status_code == 429 and api.headers["Retry-After"] == "30"
    assert page.status_code == 429 and page.headers["Retry-After"] == "30"
