"""The first administrator: created once, its generated password shown once."""
from argon2 import PasswordHasher
from sqlalchemy import func, select

from staff import bootstrap, logic
from staff.models import Employee


def test_the_first_run_creates_an_administrator_with_a_generated_password(new_database_url, make_session):
    email, generated = bootstrap.ensure_administrator(new_database_url, "root@test.chancery")

    assert email == "root@test.chancery"
    assert generated and len(generated) >= 12
    with make_session(new_database_url) as session, session.begin():
        administrator = logic.authenticate(session, email=email, password=generated)
        assert administrator.roles == ["administrator"]


def test_a_later_run_keeps_the_administrator_and_shows_no_password(new_database_url, make_session):
    bootstrap.ensure_administrator(new_database_url, "root@test.chancery")

    again = bootstrap.ensure_administrator(new_database_url, "other@test.chancery")

    assert again == ("root@test.chancery", None)
    with make_session(new_database_url) as session:
        assert session.scalar(select(func.count()).select_from(Employee)) == 1


def test_a_given_password_is_used_and_not_shown(new_database_url, make_session):
    email, generated = bootstrap.ensure_administrator(
        new_database_url, "root@test.chancery", "a-given-password-1")

    assert generated is None
    with make_session(new_database_url) as session:
        administrator = logic.find_by_email(session, email=email)
        assert PasswordHasher().verify(administrator.password_hash, "a-given-password-1")
