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


def test_pages_carry_a_strict_content_security_policy(client):
    page = client.get("/login")

    policy = dict(part.strip().split(" ", 1) for part in page.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'" and "unsafe-inline" not in page.headers["Content-Security-Policy"]
    assert (policy["frame-ancestors"], policy["form-action"], policy["base-uri"]) == ("'none'", "'self'", "'none'")
    assert "Strict-Transport-Security" not in page.headers  # plain http: no HSTS


def test_hsts_only_over_https(client):
    assert "max-age=" in client.get("/login", base_url="https://testserver").headers["Strict-Transport-Security"]


def test_the_pages_have_no_inline_script_style_or_handler(app):
    """What the policy would block: checked in the templates, so that a new one cannot add it."""
    import pathlib
    import re

    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:|hx-on", re.I)
    found = [f"{path.name}: {match.group(0)}"
             for path in pathlib.Path(app.root_path, "templates").rglob("*.html")
             for match in inline.finditer(path.read_text())]
    assert found == []
