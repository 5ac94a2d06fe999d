"""Signing in: sessions, API tokens, and throttling of failed attempts.

Tokens are random; only their SHA-256 is stored, so a leaked database does not leak
sessions.

Throttling (docs/permissions.md, "Signing in"): failures are counted per account and
client pair (the e-mail, whether or not it has an account, and the client's address), so
nobody can lock an administrator out by guessing from elsewhere. After a few free
failures each further one makes the pair wait longer, doubling up to a ceiling; a success
of the pair starts it afresh. A client failing against many accounts waits too, and its
successes do not wipe its record. A correct password from a client that has not been
failing is never refused. Each sign-in, each failure and each lock of an existing account is
written to the account's audit log with its source.
"""
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from sqlalchemy import func, select, update

from . import logic, policy, two_factor
from .exceptions import NotFound, PermissionDenied, TooManyAttempts, Unauthenticated
from .models import ApiToken, Employee, LoginAttempt, Session

log = logging.getLogger(__name__)

SESSION_IDLE = timedelta(hours=12)
SESSION_MAX = timedelta(days=7)
TOUCH_EVERY = timedelta(minutes=1)
SCOPES = ("read", "write")
WRONG_CREDENTIALS = "wrong credentials"
SECOND_FACTOR_PENDING = "second factor pending"


@dataclass(frozen=True)
class Throttle:
    """Failures allowed free within ``window``, then a delay from ``first_delay`` doubling
    with each further failure up to ``max_delay``."""
    free_failures: int
    window: timedelta
    first_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(minutes=15)

    def delay(self, failures):
        """How long to wait after the last of ``failures`` failures (zero while free)."""
        if failures < self.free_failures:
            return timedelta(0)
        doublings = min(failures - self.free_failures, 16)
        return min(self.first_delay * (2 ** doublings), self.max_delay)


# one account from one client: a success of the pair starts its count afresh
PAIR = Throttle(free_failures=5, window=timedelta(hours=24))
# one client against any accounts: its successes do not reset it (one valid account of
# the attacker's own must not buy more guesses against the others)
CLIENT = Throttle(free_failures=30, window=timedelta(hours=1))


def _now():
    return datetime.now(timezone.utc)


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _failures(session, *, email, ip, now):
    """[(throttle, failures, latest failure, scope)] that apply to this e-mail and client."""
    counted = []
    failed = (LoginAttempt.succeeded.is_(False), LoginAttempt.reason == WRONG_CREDENTIALS)
    pair = (LoginAttempt.email == email,
            LoginAttempt.ip.is_(None) if ip is None else LoginAttempt.ip == ip)
    since = now - PAIR.window
    last_success = session.scalar(select(func.max(LoginAttempt.at)).where(
        *pair, LoginAttempt.succeeded.is_(True), LoginAttempt.at >= since))
    count, latest = session.execute(select(func.count(), func.max(LoginAttempt.at)).where(
        *pair, *failed, LoginAttempt.at > (last_success or since))).one()
    counted.append((PAIR, count, latest, "account_and_client"))
    if ip is not None:
        count, latest = session.execute(select(func.count(), func.max(LoginAttempt.at)).where(
            LoginAttempt.ip == ip, *failed, LoginAttempt.at >= now - CLIENT.window)).one()
        counted.append((CLIENT, count, latest, "client"))
    return counted


def current_wait(session, *, email, ip, now=None):
    """(until, scope, failures) of the longest wait this e-mail and client are in, or None."""
    now = now or _now()
    longest = None
    for throttle, count, latest, scope in _failures(session, email=email, ip=ip, now=now):
        delay = throttle.delay(count)
        if delay and latest + delay > now and (longest is None or latest + delay > longest[0]):
            longest = (latest + delay, scope, count)
    return longest


def check_throttle(session, *, email, ip):
    """Refuse (TooManyAttempts, with how long to wait) while this pair or client must wait."""
    now = _now()
    wait = current_wait(session, email=email, ip=ip, now=now)
    if wait is None:
        return
    until, scope, _ = wait
    seconds = max(1, int((until - now).total_seconds() + 0.999))
    log.warning("sign-in refused for %s from %s (%s): wait until %s", email, ip, scope, until.isoformat())
    raise TooManyAttempts(
        f"too many failed sign-in attempts; try again after {until:%H:%M:%S} UTC",
        {"retry_after": until.isoformat(), "retry_after_seconds": seconds})


def record_failure(session, *, email, ip, source="password", employee=None):
    """Log a failed attempt (``email``: the login typed); when it makes the pair or the client
    wait, audit the lock. ``employee``: whose account it was, when not found by the e-mail."""
    email = email.strip().lower()
    log.warning("failed sign-in for %s from %s", email, ip)
    session.add(LoginAttempt(email=email, ip=ip, succeeded=False, reason=WRONG_CREDENTIALS))
    session.flush()
    employee = employee or logic.find_by_email(session, email=email)
    if employee is not None:
        logic.audit(session, actor_id=None, action="sign_in_failed", record_type="employee",
                    record_id=employee.id, changes=source_of(source, ip))
    wait = current_wait(session, email=email, ip=ip)
    if wait is None:
        return
    until, scope, failures = wait
    log.warning("sign-in locked for %s from %s (%s) until %s", email, ip, scope, until.isoformat())
    if employee is not None:
        logic.audit(session, actor_id=None, action="sign_in_locked", record_type="employee",
                    record_id=employee.id,
                    changes={"locked_until": {"from": None, "to": until.isoformat()},
                             "client": {"from": None, "to": ip},
                             "scope": {"from": None, "to": scope},
                             "failures": {"from": None, "to": failures}})


class SignedIn(NamedTuple):
    """A password sign-in: a session, or (two-factor on) a challenge for the code."""
    token: str | None
    session: Session | None
    employee: Employee
    challenge: str | None = None


def sign_in(session, *, email, password, ip=None, user_agent=None):
    """Check the credentials (unless throttled) and open a session, or with two-factor on
    a challenge that ``complete_sign_in`` finishes with a code.

    A wrong password raises Unauthenticated; the caller records the failure with
    ``record_failure`` in its own transaction, since the one this runs in is rolled back.
    """
    email = email.strip().lower()
    check_throttle(session, email=email, ip=ip)
    if not policy.password_allowed(session, email=email):
        raise PermissionDenied("sign-in with a password is turned off: sign in through the holding's provider",
                               {"reason": "passwords_off"})
    employee = logic.authenticate(session, email=email, password=password)
    return first_factor_passed(session, employee=employee, login=email, ip=ip, user_agent=user_agent)


def first_factor_passed(session, *, employee, login, ip, user_agent, source="password"):
    """The password (Chancery's or the directory's) was right: a session, or with two-factor
    on, a challenge for the code."""
    if two_factor.is_enrolled(session, employee.id):
        # not a success yet: the pair's failures are not wiped until the code is right
        session.add(LoginAttempt(email=login, ip=ip, succeeded=False, reason=SECOND_FACTOR_PENDING))
        return SignedIn(None, None, employee, two_factor.open_challenge(session, employee=employee, source=source))
    return _signed_in(session, employee=employee, email=login, ip=ip, user_agent=user_agent, source=source)


def complete_sign_in(session, *, challenge, code, ip=None, user_agent=None):
    """The second step: a current code (or a recovery code) for the challenge's employee.

    A wrong code raises Unauthenticated with the e-mail and the first factor's source
    (password, ldap) in its details; the caller records the failure, which the throttling
    counts like a wrong password."""
    pending = two_factor.take_challenge(session, token=challenge)
    employee = session.get(Employee, pending.employee_id)
    email = employee.email.strip().lower()
    check_throttle(session, email=email, ip=ip)
    if not employee.is_active:
        raise Unauthenticated("wrong e-mail or password")
    how = two_factor.verify(session, employee=employee, code=code)
    source = pending.source or "password"
    if how is None:
        raise Unauthenticated("wrong code", {"email": email, "source": source})
    pending.used_at = _now()
    return _signed_in(session, employee=employee, email=email, ip=ip, user_agent=user_agent,
                      source=source, second_factor=how)


def _signed_in(session, *, employee, email, ip, user_agent, source="password", **how):
    session.add(LoginAttempt(email=email, ip=ip, succeeded=True))
    token, opened = open_session(session, employee=employee, ip=ip, user_agent=user_agent, source=source)
    logic.audit(session, actor_id=employee.id, action="signed_in", record_type="employee",
                record_id=employee.id, changes=source_of(source, ip, **how))
    return SignedIn(token, opened, employee)


def record_refusal(session, *, email, ip, reason):
    """Audit a password sign-in the policy refused (for an e-mail with an account)."""
    employee = logic.find_by_email(session, email=email)
    if employee is not None:
        logic.audit(session, actor_id=None, action="sign_in_refused", record_type="employee",
                    record_id=employee.id, changes=source_of("password", ip, reason=reason))


def source_of(source, ip, **more):
    """The audit entry's changes for a sign-in: how (password, oidc, ldap) and from where."""
    return {"source": {"from": None, "to": source}, "client": {"from": None, "to": ip},
            **{name: {"from": None, "to": value} for name, value in more.items()}}


def open_session(session, *, employee, ip=None, user_agent=None, source="password"):
    """A new session of an employee whose credentials were checked: (token, session).
    ``source``: how they were checked (password, oidc, ldap)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    opened = Session(token_hash=_hash(token), employee_id=employee.id, created_at=now,
                     last_seen_at=now, expires_at=now + SESSION_IDLE, ip=ip,
                     user_agent=(user_agent or "")[:300] or None, source=source)
    session.add(opened)
    session.flush()
    return token, opened


def resolve_session(session, *, token):
    """The employee of a live session, extending its idle expiry; Unauthenticated otherwise."""
    found = session.scalars(select(Session).where(Session.token_hash == _hash(token))).first()
    now = _now()
    if found is None or found.ended_at is not None or found.expires_at <= now:
        raise Unauthenticated("the session has ended: sign in again")
    employee = session.get(Employee, found.employee_id)
    if not employee.is_active:
        found.ended_at, found.ended_reason = now, "employee deactivated"
        raise Unauthenticated("the session has ended: sign in again")
    if now - found.last_seen_at >= TOUCH_EVERY:
        found.last_seen_at = now
        found.expires_at = min(now + SESSION_IDLE, found.created_at + SESSION_MAX)
    return found, employee


def end_session(session, *, token, reason="signed out"):
    session.execute(update(Session).where(Session.token_hash == _hash(token), Session.ended_at.is_(None))
                    .values(ended_at=_now(), ended_reason=reason))


def end_all_sessions(session, *, employee_id, reason):
    session.execute(update(Session).where(Session.employee_id == employee_id, Session.ended_at.is_(None))
                    .values(ended_at=_now(), ended_reason=reason))


def _require_admin(actor):
    if not actor.has_role("administrator"):
        raise PermissionDenied("only administrators may do this")


def deactivate_employee(session, *, employee_id, actor):
    """Dismiss an employee: no more sign-ins, open sessions end, their API tokens stop."""
    _require_admin(actor)
    return dismiss(session, employee_id=employee_id, actor_id=actor.id)


def dismiss(session, *, employee_id, actor_id=None, audit_extra=None):
    """Dismiss an employee (an administrator's decision or the directory's sync)."""
    employee = logic.update_employee(session, employee_id=employee_id, changes={"is_active": False},
                                     actor_id=actor_id, audit_extra=audit_extra)
    end_all_sessions(session, employee_id=employee.id, reason="employee deactivated")
    session.execute(update(ApiToken).where(ApiToken.employee_id == employee.id, ApiToken.revoked_at.is_(None))
                    .values(revoked_at=_now(), revoked_by=actor_id))
    return employee


def change_password(session, *, actor, current_password, new_password):
    employee = logic.get_employee(session, employee_id=actor.id)
    logic.authenticate(session, email=employee.email, password=current_password)
    employee.password_hash = logic.hasher.hash(new_password)
    logic.audit(session, actor_id=actor.id, action="password_changed", record_type="employee",
                record_id=employee.id)
    return employee


def reset_password(session, *, employee_id, new_password, actor):
    """An administrator sets a new password (generated when not given, shown once)."""
    _require_admin(actor)
    employee = logic.get_employee(session, employee_id=employee_id)
    generated = None
    if not new_password:
        generated = new_password = secrets.token_urlsafe(12)
    employee.password_hash = logic.hasher.hash(new_password)
    end_all_sessions(session, employee_id=employee.id, reason="password reset")
    logic.audit(session, actor_id=actor.id, action="password_reset", record_type="employee",
                record_id=employee.id)
    return employee, generated


def create_api_token(session, *, name, employee_id, scopes, expires_at, actor):
    """A new token for another system; the token itself is returned once and never again."""
    _require_admin(actor)
    logic.get_employee(session, employee_id=employee_id)
    token = "chy_" + secrets.token_urlsafe(32)
    record = ApiToken(name=name, token_hash=_hash(token), employee_id=employee_id,
                      scopes=sorted(set(scopes)), created_by=actor.id, expires_at=expires_at)
    session.add(record)
    session.flush()
    logic.audit(session, actor_id=actor.id, action="created", record_type="api_token", record_id=record.id,
                changes={"name": {"from": None, "to": name}, "employee_id": {"from": None, "to": str(employee_id)},
                         "scopes": {"from": None, "to": record.scopes}})
    return token, record


def list_api_tokens(session, *, actor):
    _require_admin(actor)
    return session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc())).all()


def revoke_api_token(session, *, token_id, actor):
    _require_admin(actor)
    record = session.get(ApiToken, token_id)
    if record is None:
        raise NotFound(f"API token {token_id} not found")
    if record.revoked_at is None:
        record.revoked_at, record.revoked_by = _now(), actor.id
        logic.audit(session, actor_id=actor.id, action="revoked", record_type="api_token",
                    record_id=record.id)
    return record


def resolve_api_token(session, *, token):
    record = session.scalars(select(ApiToken).where(ApiToken.token_hash == _hash(token))).first()
    now = _now()
    if (record is None or record.revoked_at is not None
            or (record.expires_at is not None and record.expires_at <= now)):
        raise Unauthenticated("unknown, expired or revoked API token")
    employee = session.get(Employee, record.employee_id)
    if not employee.is_active:
        raise Unauthenticated("unknown, expired or revoked API token")
    if record.last_used_at is None or now - record.last_used_at >= TOUCH_EVERY:
        record.last_used_at = now
    return record, employee
