"""Throttling of failed sign-ins, per account and client pair, on the real database."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from chancery_common.errors import TooManyAttempts, Unauthenticated
from staff import sessions
from staff.models import LoginAttempt, audit_log

PASSWORD = "correct horse battery"


def fail(session, email, ip, times=1):
    """What the service does for a wrong password: the sign-in is refused and the failure
    kept (a refusal while the client must wait is not a failure: nothing was checked)."""
    for _ in range(times):
        with pytest.raises((Unauthenticated, TooManyAttempts)) as refused, session.begin():
            sessions.sign_in(session, email=email, password="wrong password", ip=ip)
        if refused.type is Unauthenticated:
            with session.begin():
                sessions.record_failure(session, email=email, ip=ip)


def sign_in(session, email, ip, password=PASSWORD):
    """The employee's id when signed in (read before a refusal's rollback expires it)."""
    with session.begin():
        return sessions.sign_in(session, email=email, password=password, ip=ip)[2].id


def test_failures_from_one_client_do_not_lock_the_account_for_another(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    fail(session, email, "203.0.113.7", times=sessions.PAIR.free_failures + 2)

    with pytest.raises(TooManyAttempts):
        sign_in(session, email, "203.0.113.7")
    assert sign_in(session, email, "198.51.100.20") == employee_id


def test_the_free_failures_then_a_wait_that_grows(make_employee, session):
    employee = make_employee(password=PASSWORD)
    email = employee.email
    ip = "203.0.113.8"
    fail(session, email, ip, times=sessions.PAIR.free_failures - 1)
    sign_in(session, email.upper(), "203.0.113.9")  # another client: no effect on this pair
    fail(session, email, ip)

    with pytest.raises(TooManyAttempts) as refused:
        sign_in(session, email, ip)
    first_wait = refused.value.details["retry_after_seconds"]
    assert 0 < first_wait <= sessions.PAIR.first_delay.total_seconds()

    with session.begin():  # the wait passes; the next failure makes the pair wait twice as long
        session.execute(update(LoginAttempt).where(LoginAttempt.ip == ip)
                        .values(at=LoginAttempt.at - sessions.PAIR.first_delay))
    fail(session, email, ip)
    with pytest.raises(TooManyAttempts) as refused:
        sign_in(session, email, ip)
    assert refused.value.details["retry_after_seconds"] > sessions.PAIR.first_delay.total_seconds()


def test_a_success_of_the_pair_starts_its_count_afresh(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    ip = "203.0.113.10"
    fail(session, email, ip, times=sessions.PAIR.free_failures - 1)
    sign_in(session, email, ip)
    fail(session, email, ip, times=sessions.PAIR.free_failures - 1)

    assert sign_in(session, email, ip) == employee_id


def test_a_client_guessing_across_accounts_waits_though_it_has_an_account_of_its_own(make_employee, session):
    own, target = make_employee(password=PASSWORD).email, make_employee(password=PASSWORD)
    target_id, target_email = target.id, target.email
    ip = "203.0.113.11"
    for n in range(sessions.CLIENT.free_failures):
        fail(session, f"guess{n}@test.chancery", ip)
        if n % 10 == 0:
            sign_in(session, own, ip)  # its own successes do not wipe its record

    with pytest.raises(TooManyAttempts):
        sign_in(session, target_email, ip)
    assert sign_in(session, target_email, "203.0.113.12") == target_id


def test_a_lock_is_written_to_the_account_s_audit_log(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    fail(session, email, "203.0.113.13", times=sessions.PAIR.free_failures)

    with session.begin():
        entries = session.execute(select(audit_log.table).where(
            audit_log.table.c.record_id == employee_id,
            audit_log.table.c.action == "sign_in_locked")).mappings().all()
    assert len(entries) == 1
    changes = entries[0]["changes"]
    assert changes["client"]["to"] == "203.0.113.13"
    assert changes["scope"]["to"] == "account_and_client"
    assert changes["failures"]["to"] == sessions.PAIR.free_failures


def test_the_delay_doubles_up_to_its_ceiling():
    throttle = sessions.Throttle(free_failures=3, window=timedelta(hours=1),
                                 first_delay=timedelta(seconds=10), max_delay=timedelta(seconds=35))

    assert [throttle.delay(n).total_seconds() for n in range(7)] == [0, 0, 0, 10, 20, 35, 35]


def test_sign_ins_and_failures_are_audited_with_their_source(make_employee, session):
    employee = make_employee(password=PASSWORD)
    employee_id, email = employee.id, employee.email
    fail(session, email, "203.0.113.14", times=2)
    sign_in(session, email, "203.0.113.14")

    with session.begin():
        entries = session.execute(select(audit_log.table).where(
            audit_log.table.c.record_id == employee_id,
            audit_log.table.c.action.in_(("sign_in_failed", "signed_in")))
            .order_by(audit_log.table.c.id)).mappings().all()
    assert [entry["action"] for entry in entries] == ["sign_in_failed", "sign_in_failed", "signed_in"]
    assert {entry["changes"]["source"]["to"] for entry in entries} == {"password"}
    assert entries[-1]["changes"]["client"]["to"] == "203.0.113.14"
    assert entries[-1]["actor_id"] == employee_id
