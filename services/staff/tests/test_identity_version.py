"""The identity version (migration 0016, chancery_common.identities): raised by every change an
identity is made of, whoever makes it, and by nothing that only uses a session or a token; the
resolved identity carries it and until when it holds; the heartbeat tells it (the bus and the
gateways hearing it: tests/e2e/test_identity_news.py)."""
import uuid
from types import SimpleNamespace
from datetime import date, datetime, timedelta, timezone

import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import text, update

from chancery_common import identities
from staff import logic
from staff.models import Session
from staff.service import StaffService, identities_valid_until

ADMINISTRATOR = {"id": str(uuid.uuid4()), "roles": ["administrator"]}
CLIENT = {"ip": "10.0.0.1", "user_agent": "pytest"}


@pytest.fixture
def service(entrypoints):
    return entrypoints


@pytest.fixture
def version(session):
    def current():
        try:
            return logic.identity_version(session)
        finally:
            session.rollback()
    return current


@pytest.fixture
def signed_in(service, make_employee):
    """A new employee signed in: (the employee's id and e-mail, session token)."""
    def sign_in(**fields):
        made = make_employee(password="correct horse battery", **fields)
        employee = SimpleNamespace(id=made.id, email=made.email)  # read before the session moves on
        opened = service.sign_in({"email": employee.email, "password": "correct horse battery"}, CLIENT)
        return employee, opened["session_token"]
    return sign_in


def test_every_change_an_identity_is_made_of_raises_it(service, version, signed_in, make_employee):
    employee, token = signed_in(roles=["manager"])
    deputy_id = make_employee().id
    changes = {
        "an employee's roles": lambda: service.update_employee(ADMINISTRATOR, str(employee.id),
                                                               {"roles": ["manager", "lawyer"]}),
        "a role's permissions": lambda: service.set_role_permission(
            ADMINISTRATOR, {"permission": "register_documents", "roles": ["lawyer", "manager"]}),
        "a department": lambda: service.save_department(ADMINISTRATOR, {"name": f"Sales {uuid.uuid4().hex[:6]}",
                                                                          "head_id": str(employee.id)}),
        "an absence naming a deputy": lambda: service.add_absence(ADMINISTRATOR, {
            "employee_id": str(employee.id), "deputy_id": str(deputy_id),
            "starts_on": date.today().isoformat(), "ends_on": date.today().isoformat()}),
        "a signed-out session": lambda: service.end_session(token),
    }
    for what, change in changes.items():
        before = version()
        change()
        assert version() > before, what


def test_using_a_session_or_a_token_does_not(service, session, version, signed_in):
    employee, token = signed_in()
    made = service.create_api_token(ADMINISTRATOR, {"name": "ERP", "scopes": ["read"],
                                                    "employee_id": str(employee.id)})
    before = version()
    # a session used after its touch interval has its expiry extended: not a change of identity
    with session.begin():
        session.execute(update(Session).values(last_seen_at=datetime.now(timezone.utc) - timedelta(hours=1)))
    assert version() == before
    service.resolve_session(token)
    service.resolve_api_token(made["token"])
    service.sign_in({"email": employee.email, "password": "correct horse battery"}, CLIENT)  # a new session
    assert version() == before

    service.revoke_api_token(ADMINISTRATOR, made["id"])
    assert version() > before


def test_a_change_by_sql_raises_it_too(session, version, make_employee):
    employee_id = make_employee().id
    before = version()
    with session.begin():
        session.execute(text("UPDATE employees SET phone = '+7 495 000-00-01' WHERE id = :id"), {"id": employee_id})
    assert version() == before + 1
    with session.begin():  # the same values again: nothing changed
        session.execute(text("UPDATE employees SET phone = phone WHERE id = :id"), {"id": employee_id})
    assert version() == before + 1


def test_the_identity_carries_the_version_read_first_and_until_when_it_holds(service, version, signed_in):
    employee, token = signed_in()
    resolved = service.resolve_session(token)
    assert resolved["identity_version"] == version()
    valid_until = datetime.fromisoformat(resolved["valid_until"])
    assert valid_until <= datetime.fromisoformat(resolved["expires_at"])
    tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time()).astimezone(timezone.utc)
    assert valid_until <= tomorrow
    # an identity made at sign-in carries none: a gateway keeps it seconds only
    assert "identity_version" not in service.sign_in({"email": employee.email,
                                                       "password": "correct horse battery"}, CLIENT)


def test_valid_until_is_the_earlier_of_the_expiry_and_midnight():
    soon = datetime.now(timezone.utc) + timedelta(minutes=1)
    assert identities_valid_until(soon) == soon.isoformat()
    midnight = datetime.fromisoformat(identities_valid_until(None))
    assert timedelta(0) < midnight - datetime.now(timezone.utc) <= timedelta(days=1, hours=1)
    assert identities_valid_until(soon + timedelta(days=2)) == midnight.isoformat()


def test_the_heartbeat_tells_the_version(session, version):
    published = []
    worker = worker_factory(StaffService, db=session,
                            identity_news=lambda body, **options: published.append((body, options)))
    worker.tell_identity_version()
    body, options = published[0]
    assert identities.version_of(body) == version()
    assert options["expiration"] == identities.EXPIRES_SECONDS and options["delivery_mode"] == 1
