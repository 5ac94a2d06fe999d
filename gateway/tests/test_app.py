"""The application factory and what every answer carries."""
from chancery_gateway.app import create_app


def test_the_app_factory_builds_more_than_one_app(settings):
    first, second = create_app(settings), create_app(settings)

    for app in (first, second):
        assert app.test_client().get("/api/v1/counterparties/").status_code == 401
        assert len(app.before_request_funcs["counterparties"]) == 1


def test_every_answer_carries_the_security_headers(client):
    response = client.get("/healthz")

    assert response.json == {"status": "ok"}
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_session_cookie_is_http_only_and_same_site(client, bus, employee, identity):
    bus.answers[("staff", "sign_in")] = {**identity, "session_token": "a-session-token"}

    response = client.post("/api/v1/auth/login", json={"email": employee["email"], "password": "x"})

    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("chancery_session=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
