"""The session cookie (cookie_session.py): sent back only when the session changed or its
expiry is due to slide, so an answer to a request that was under way while another changed
the session cannot bring the old session back."""
import time
from datetime import timedelta

import pytest
from flask import Flask, flash, get_flashed_messages, session

from chancery_gateway import cookie_session

COOKIE = "chancery_session"


def small_app(interface):
    app = Flask(__name__)
    app.config.update(SECRET_KEY="cookie-test", SESSION_COOKIE_NAME=COOKIE,
                      PERMANENT_SESSION_LIFETIME=timedelta(hours=12))
    app.session_interface = interface

    @app.post("/sign-in")
    def sign_in():
        session["token"] = "staff-session"
        session.permanent = True
        return "signed in"

    @app.post("/save")
    def save():
        flash("Route saved as version 1")
        return "saved"

    @app.post("/sign-out")
    def sign_out():
        session.clear()
        return "signed out"

    @app.get("/page")
    def page():
        return "|".join(get_flashed_messages()) or "-"

    @app.get("/fragment")
    def fragment():
        return session.get("token", "-")

    return app


def sent_cookie(response):
    return next((h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE + "=")), None)


def stale_request(client, cookie):
    """A request sent with the session as it was, answered now: the browser keeps what it answers."""
    current = client.get_cookie(COOKIE).value
    client.set_cookie(COOKIE, cookie)
    response = client.get("/fragment")
    if sent_cookie(response) is None:
        client.set_cookie(COOKIE, current)
    return response


def test_the_gateway_uses_it(app):
    assert isinstance(app.session_interface, cookie_session.SessionInterface)


def test_an_answer_to_a_request_under_way_does_not_bring_a_shown_message_back():
    client = small_app(cookie_session.SessionInterface()).test_client()
    client.post("/sign-in")
    client.post("/save")
    with_message = client.get_cookie(COOKIE).value

    assert client.get("/page").text == "Route saved as version 1"
    # the drawing asked for while the form was being sent: it carries the session as it was then
    stale = stale_request(client, with_message)
    assert stale.text == "staff-session"
    assert sent_cookie(stale) is None

    assert client.get("/page").text == "-"  # shown once


def test_flasks_own_cookie_would_bring_it_back():
    """The failure above, with Flask's interface: the stale answer re-sends the old session."""
    from flask.sessions import SecureCookieSessionInterface
    client = small_app(SecureCookieSessionInterface()).test_client()
    client.post("/sign-in")
    client.post("/save")
    with_message = client.get_cookie(COOKIE).value
    assert client.get("/page").text == "Route saved as version 1"
    stale = stale_request(client, with_message)
    assert sent_cookie(stale) is not None
    assert client.get("/page").text == "Route saved as version 1"


@pytest.fixture
def clock(monkeypatch):
    now = [time.time()]
    monkeypatch.setattr(cookie_session.time, "time", lambda: now[0])
    return now


def test_an_unchanged_session_slides_its_expiry_at_most_once_every_refresh(clock):
    client = small_app(cookie_session.SessionInterface()).test_client()
    assert "Expires=" in sent_cookie(client.post("/sign-in"))
    assert sent_cookie(client.get("/fragment")) is None

    clock[0] += cookie_session.REFRESH.total_seconds() - 1
    assert sent_cookie(client.get("/fragment")) is None
    clock[0] += 1
    refreshed = sent_cookie(client.get("/fragment"))
    assert refreshed is not None and "Expires=" in refreshed
    assert sent_cookie(client.get("/fragment")) is None
    assert client.get("/fragment").text == "staff-session"  # the refreshed cookie still signs in


def test_a_changed_session_is_always_sent_and_a_cleared_one_removed():
    client = small_app(cookie_session.SessionInterface()).test_client()
    client.post("/sign-in")
    assert sent_cookie(client.post("/save")) is not None
    assert sent_cookie(client.get("/page")) is not None  # the message taken out
    removed = sent_cookie(client.post("/sign-out"))
    assert removed is not None and "Expires=Thu, 01 Jan 1970" in removed
    assert client.get_cookie(COOKIE) is None and client.get("/fragment").text == "-"


def test_a_session_without_sign_in_sends_nothing():
    client = small_app(cookie_session.SessionInterface()).test_client()
    response = client.get("/fragment")
    assert response.text == "-" and sent_cookie(response) is None
