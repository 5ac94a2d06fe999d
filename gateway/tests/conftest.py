"""Fixtures for the gateway's tests: the Flask app on test settings, a signed-in session,
and a fake of the bus (``rpc.call``) that answers, or fails, per service method."""
import uuid

import pytest

from chancery_gateway import employee_names, rpc
from chancery_gateway.app import create_app
from chancery_gateway.settings import Settings


@pytest.fixture(scope="session")
def settings():
    return Settings(amqp_uri="pyamqp://guest:guest@127.0.0.1:1/unused", secret_key="gateway-test-key",
                    rpc_timeout=1.0, upload_timeout=5.0, max_upload_bytes=1024 * 1024,
                    production=False, public_url="http://testserver")


@pytest.fixture(scope="session")
def app(settings):
    # one app for the run: create_app cannot yet be called twice in a process (test_app.py)
    app = create_app(settings)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def employee():
    return {"id": str(uuid.uuid4()), "full_name": "Anna Ivanova", "email": "anna@test.chancery",
            "roles": ["manager"], "department_id": None, "locale": "en"}


@pytest.fixture
def identity(employee):
    """What the staff service answers for a signed-in employee (no extra permissions)."""
    return {"employee": employee, "permissions": [], "visible_department_ids": []}


@pytest.fixture
def sign_in(client, identity, bus):
    """``sign_in(csrf=True)``: a signed-in session as the gateway keeps it (the staff
    session's token, resolved on the faked bus, and the CSRF token); returns the CSRF
    token, or None without one."""
    def put(csrf=True):
        session_token = uuid.uuid4().hex
        bus.answers[("staff", "resolve_session")] = identity
        csrf_token = uuid.uuid4().hex if csrf else None
        with client.session_transaction() as session:
            session["token"] = session_token
            if csrf_token:
                session["csrf"] = csrf_token
        return csrf_token
    return put


class FakeBus:
    """Stands in for ``rpc.call``: answers from ``answers[(service, method)]`` (a value, an
    exception to raise, or a function of the call's arguments) and records every call."""

    def __init__(self):
        self.answers = {}
        self.calls = []
        self.keywords = []  # (service, method, keyword arguments) of each call

    def __call__(self, service, method, *args, timeout=None, **kwargs):
        self.calls.append((service, method, args))
        self.keywords.append((service, method, kwargs))
        answer = self.answers.get((service, method))
        if answer is None:
            raise AssertionError(f"unexpected call {service}.{method}{args}")
        if isinstance(answer, Exception):
            raise answer
        return answer(*args) if callable(answer) else answer

    @property
    def requests(self):
        """The calls made for the request itself, beyond resolving who is signed in."""
        return [call for call in self.calls if call[:2] != ("staff", "resolve_session")]


@pytest.fixture
def bus(monkeypatch):
    fake = FakeBus()
    monkeypatch.setattr(rpc, "call", fake)
    employee_names.forget()  # names a previous test's bus gave
    return fake
