"""Two-factor sign-in (TOTP and recovery codes) and the policy, on the real database."""
import time
import uuid

import pyotp
import pytest
from nameko.testing.services import worker_factory
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, PermissionDenied, TooManyAttempts, Unauthenticated
from staff import policy, sessions, two_factor
from staff.models import LdapAccount, RecoveryCode, Session, audit_log
from staff.service import StaffService

PASSWORD = "correct horse battery"
ADMIN = Actor(id=uuid.uuid4(), roles=["administrator"])


def enrol(session, employee_id):
    """Enrol as the account page does; returns (TOTP, recovery codes)."""
    with session.begin():
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        secret, uri = two_factor.begin_enrolment(session, employee=employee)
        assert uri.startswith("otpauth://totp/Chancery:") and f"secret={secret}" in uri
        totp = pyotp.TOTP(secret)
        codes = two_factor.confirm_enrolment(session, employee=employee, code=totp.now())
    return totp, codes


def password_step(session, email, ip="198.51.100.1"):
    with session.begin():
        signed = sessions.sign_in(session, email=email, password=PASSWORD, ip=ip)
        return signed.challenge, signed.token


def code_step(session, challenge, code, ip="198.51.100.1"):
    with session.begin():
        return sessions.complete_sign_in(session, challenge=challenge, code=code, ip=ip).employee.id


def a_fresh_code(totp):
    """A code of the next time step (the current one was used at enrolment)."""
    return totp.at(time.time() + totp.interval)


def test_with_two_factor_a_password_gives_a_challenge_that_a_code_completes(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    totp, codes = enrol(session, employee_id)
    assert len(codes) == 10 and len(set(codes)) == 10

    challenge, token = password_step(session, email)
    assert challenge and token is None  # no session from the password alone
    with pytest.raises(Unauthenticated):
        code_step(session, challenge, "000000" if a_fresh_code(totp) != "000000" else "111111")
    assert code_step(session, challenge, a_fresh_code(totp)) == employee_id
    with pytest.raises(Unauthenticated):  # a challenge is good once
        code_step(session, challenge, a_fresh_code(totp))

    with session.begin():
        entries = session.execute(select(audit_log.table).where(
            audit_log.table.c.record_id == employee_id).order_by(audit_log.table.c.id)).mappings().all()
    actions = [entry["action"] for entry in entries]
    assert "two_factor_enrolled" in actions
    assert entries[-1]["action"] == "signed_in" and entries[-1]["changes"]["second_factor"]["to"] == "totp"


def test_a_code_is_accepted_once(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    totp, _ = enrol(session, employee_id)
    code = a_fresh_code(totp)
    code_step(session, password_step(session, email)[0], code)
    with pytest.raises(Unauthenticated):
        code_step(session, password_step(session, email)[0], code)


def test_a_recovery_code_works_once_and_only_its_hash_is_kept(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    _, codes = enrol(session, employee_id)
    with session.begin():
        stored = session.scalars(select(RecoveryCode.code_hash).where(RecoveryCode.employee_id == employee_id)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)

    assert code_step(session, password_step(session, email)[0], codes[0].upper()) == employee_id
    with pytest.raises(Unauthenticated):
        code_step(session, password_step(session, email)[0], codes[0])
    with session.begin():
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        assert two_factor.status(session, employee)["recovery_codes_left"] == 9


def test_wrong_codes_are_throttled_like_wrong_passwords(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    totp, _ = enrol(session, employee_id)
    ip = "198.51.100.77"
    for _ in range(sessions.PAIR.free_failures):
        challenge = password_step(session, email, ip)[0]
        with pytest.raises(Unauthenticated), session.begin():
            sessions.complete_sign_in(session, challenge=challenge, code="12345678", ip=ip)
        with session.begin():
            sessions.record_failure(session, email=email, ip=ip)
    with pytest.raises(TooManyAttempts):
        password_step(session, email, ip)


def test_enrolment_needs_a_right_first_code(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id = employee.id
    with session.begin():
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        two_factor.begin_enrolment(session, employee=employee)
    with pytest.raises(InvalidInput) as bad, session.begin():
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        two_factor.confirm_enrolment(session, employee=employee, code="abcdef")
    assert "code" in bad.value.details
    with session.begin():
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        assert two_factor.status(session, employee)["enabled"] is False


def test_the_policy_requires_two_factor_of_administrative_roles_only(make_employee, session):
    admin = make_employee(password=PASSWORD, roles=["administrator"])
    lawyer = make_employee(password=PASSWORD, roles=["lawyer"])
    admin_id, lawyer_id = admin.id, lawyer.id
    with pytest.raises(PermissionDenied), session.begin():
        policy.update(session, changes={"require_two_factor_for_admins": True},
                      actor=Actor(id=lawyer_id, roles=["lawyer"]))
    with session.begin():
        policy.update(session, changes={"require_two_factor_for_admins": True}, actor=ADMIN)
    try:
        with session.begin():
            employee = sessions.logic.get_employee
            assert two_factor.enrolment_missing(session, employee(session, employee_id=admin_id))
            assert not two_factor.enrolment_missing(session, employee(session, employee_id=lawyer_id))
        totp, _ = enrol(session, admin_id)
        with session.begin():
            admin = sessions.logic.get_employee(session, employee_id=admin_id)
            assert not two_factor.enrolment_missing(session, admin)
            with pytest.raises(PermissionDenied):  # required: it cannot be turned off
                two_factor.turn_off(session, employee=admin, code=a_fresh_code(totp))
        with pytest.raises(Conflict), session.begin():
            two_factor.begin_enrolment(session, employee=sessions.logic.get_employee(session, employee_id=admin_id))
    finally:
        with session.begin():
            policy.update(session, changes={"require_two_factor_for_admins": False}, actor=ADMIN)


def test_passwords_off_let_only_the_break_glass_administrator_in(make_employee, session):
    from staff import external_sign_in
    keeper = make_employee(password=PASSWORD, roles=["administrator"])
    clerk = make_employee(password=PASSWORD, roles=["secretary"])
    keeper_id, keeper_email, clerk_email = keeper.id, keeper.email, clerk.email
    with pytest.raises(InvalidInput) as bad, session.begin():  # no provider to sign in with instead
        policy.update(session, changes={"password_sign_in": False, "break_glass_employee_id": keeper_id},
                      actor=ADMIN)
    assert "password_sign_in" in bad.value.details
    with session.begin():
        external_sign_in.save_provider(session, actor=ADMIN, data={
            "enabled": True, "display_name": "Holding", "issuer": "https://login.holding.test",
            "client_id": "chancery", "client_secret": "s", "group_roles": {}, "default_roles": ["employee"],
            "department_map": {}})
    with pytest.raises(InvalidInput) as bad, session.begin():  # nobody left to break the glass
        policy.update(session, changes={"password_sign_in": False}, actor=ADMIN)
    assert "break_glass_employee_id" in bad.value.details
    with session.begin():
        policy.update(session, changes={"password_sign_in": False, "break_glass_employee_id": keeper_id},
                      actor=ADMIN)
    try:
        with pytest.raises(PermissionDenied), session.begin():
            sessions.sign_in(session, email=clerk_email, password=PASSWORD, ip="198.51.100.5")
        with pytest.raises(PermissionDenied), session.begin():  # refused before the password is looked at
            sessions.sign_in(session, email=clerk_email, password="wrong", ip="198.51.100.5")
        with session.begin():
            assert sessions.sign_in(session, email=keeper_email, password=PASSWORD).employee.id == keeper_id
    finally:
        with session.begin():
            policy.update(session, changes={"password_sign_in": True}, actor=ADMIN)


def test_a_break_glass_administrator_who_does_not_exist_is_refused_naming_the_field(session):
    """Was a 502 (the foreign key refused it at the flush), found by the API fuzzing."""
    with pytest.raises(InvalidInput) as refused, session.begin():
        policy.update(session, changes={"break_glass_employee_id": uuid.uuid4()}, actor=ADMIN)
    assert "break_glass_employee_id" in refused.value.details


ISSUER = "https://login.holding.test"


def connect_provider(session):
    """The holding's provider, its "admins" group mapped to administrators."""
    from staff import external_sign_in
    with session.begin():
        external_sign_in.save_provider(session, actor=ADMIN, data={
            "enabled": True, "display_name": "Holding", "issuer": ISSUER, "client_id": "chancery",
            "client_secret": "s", "group_roles": {"admins": ["administrator"]}, "default_roles": ["employee"],
            "department_map": {}})


def link_to_directory(session, employee_id):
    """Make the account a directory user's, as the sync or a directory sign-in links it."""
    with session.begin():
        session.add(LdapAccount(employee_id=employee_id, entry_id=f"entry-{uuid.uuid4()}",
                                dn=f"uid={employee_id},ou=people,dc=holding,dc=test", login=str(employee_id)))


def audit_entries(session, employee_id, action):
    with session.begin():
        return session.execute(select(audit_log.table).where(
            audit_log.table.c.record_id == employee_id, audit_log.table.c.action == action)
            .order_by(audit_log.table.c.id)).mappings().all()


def served(session):
    """The staff service's entrypoints, each call ending its worker's session as nameko does."""
    service = worker_factory(StaffService, db=session)

    class Worker:
        def __getattr__(self, name):
            def call(*args):
                try:
                    return getattr(service, name)(*args)
                finally:
                    session.close()
            return call
    return Worker()


def test_the_policy_holds_password_and_directory_sessions_not_the_providers(make_employee, session):
    service = served(session)
    chief = make_employee(password=PASSWORD, roles=["administrator"])
    chief_id, email = chief.id, chief.email
    connect_provider(session)
    with session.begin():
        policy.update(session, changes={"require_two_factor_for_admins": True}, actor=ADMIN)
    try:
        by_password = service.sign_in({"email": email, "password": PASSWORD}, {"ip": "198.51.100.9"})
        assert by_password["two_factor_enrolment_required"] is True
        assert service.resolve_session(by_password["session_token"])["two_factor_enrolment_required"] is True

        with session.begin():  # the directory accepted the password: still a password sign-in
            employee = sessions.logic.get_employee(session, employee_id=chief_id)
            by_directory = sessions.first_factor_passed(session, employee=employee, login=email, ip=None,
                                                        user_agent=None, source="ldap")
            assert by_directory.session.source == "ldap"
        assert service.resolve_session(by_directory.token)["two_factor_enrolment_required"] is True

        through_provider = service.sign_in_external(
            {"issuer": ISSUER, "claims": {"sub": f"sub-{uuid.uuid4().hex[:8]}", "email": email,
                                          "email_verified": True, "groups": ["admins"]}}, {"ip": "198.51.100.9"})
        assert through_provider["two_factor_enrolment_required"] is False
        resolved = service.resolve_session(through_provider["session_token"])
        assert resolved["two_factor_enrolment_required"] is False
        assert resolved["employee"]["roles"] == ["administrator"]  # the policy's subject, yet not held
        with session.begin():
            sources = session.scalars(select(Session.source).where(Session.employee_id == chief_id)
                                      .order_by(Session.created_at)).all()
        assert sources == ["password", "ldap", "oidc"]
    finally:
        with session.begin():
            policy.update(session, changes={"require_two_factor_for_admins": False}, actor=ADMIN)


def test_enrolment_and_removal_are_audited_with_the_source_the_second_factor_guards(make_employee, session):
    local = make_employee(password=PASSWORD)
    directory_user = make_employee(password=None)
    local_id, directory_id = local.id, directory_user.id
    link_to_directory(session, directory_id)
    local_totp, _ = enrol(session, local_id)
    directory_totp, _ = enrol(session, directory_id)
    assert audit_entries(session, local_id, "two_factor_enrolled")[-1]["changes"]["source"]["to"] == "password"
    assert audit_entries(session, directory_id, "two_factor_enrolled")[-1]["changes"]["source"]["to"] == "ldap"

    with session.begin():
        directory_user = sessions.logic.get_employee(session, employee_id=directory_id)
        two_factor.turn_off(session, employee=directory_user, code=a_fresh_code(directory_totp), ip="198.51.100.3")
        two_factor.reset(session, employee=sessions.logic.get_employee(session, employee_id=local_id), actor=ADMIN)
    removed = audit_entries(session, directory_id, "two_factor_removed")[-1]["changes"]
    assert removed["source"]["to"] == "ldap" and removed["client"]["to"] == "198.51.100.3"
    reset = audit_entries(session, local_id, "two_factor_removed")[-1]["changes"]
    assert reset["source"]["to"] == "password" and reset["by_administrator"]["to"] is True


def test_a_wrong_code_after_the_directorys_password_is_audited_as_a_directory_failure(make_employee, session):
    service = served(session)
    employee = make_employee(password=None)
    employee_id, email = employee.id, employee.email
    link_to_directory(session, employee_id)
    totp, _ = enrol(session, employee_id)
    with session.begin():  # what ldap_sign_in.accept does once the directory took the password
        employee = sessions.logic.get_employee(session, employee_id=employee_id)
        pending = sessions.first_factor_passed(session, employee=employee, login=email, ip="198.51.100.4",
                                               user_agent=None, source="ldap")
    assert pending.challenge and pending.token is None
    wrong = "000000" if a_fresh_code(totp) != "000000" else "111111"
    with pytest.raises(Unauthenticated):
        service.complete_sign_in({"challenge": pending.challenge, "code": wrong}, {"ip": "198.51.100.4"})
    failed = audit_entries(session, employee_id, "sign_in_failed")
    assert failed and failed[-1]["changes"]["source"]["to"] == "ldap"
    signed = service.complete_sign_in({"challenge": pending.challenge, "code": a_fresh_code(totp)},
                                      {"ip": "198.51.100.4"})
    assert signed["employee"]["id"] == str(employee_id)
    assert audit_entries(session, employee_id, "signed_in")[-1]["changes"]["source"]["to"] == "ldap"
