"""Two-factor sign-in (TOTP and recovery codes) and the policy, on the real database."""
import time
import uuid

import pyotp
import pytest
from sqlalchemy import select

from chancery_common.actor import Actor
from chancery_common.errors import Conflict, InvalidInput, PermissionDenied, TooManyAttempts, Unauthenticated
from staff import policy, sessions, two_factor
from staff.models import RecoveryCode, audit_log

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
