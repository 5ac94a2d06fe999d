"""Signing in: sessions, API tokens, and throttling of failed attempts.

Tokens are random; only their SHA-256 is stored, so a leaked database does not leak
sessions. Failed attempts are counted per e-mail (whether or not it exists, so the lock
tells nothing about who has an account) and per client address.
"""
import hashlib
import logging
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update

from . import logic
from .exceptions import NotFound, PermissionDenied, TooManyAttempts, Unauthenticated
from .models import ApiToken, Employee, LoginAttempt, Session

log = logging.getLogger(__name__)

SESSION_IDLE = timedelta(hours=12)
SESSION_MAX = timedelta(days=7)
TOUCH_EVERY = timedelta(minutes=1)
LOCK_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 30
SCOPES = ("read", "write")


def _now():
    return datetime.now(timezone.utc)


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _failures_since_success(session, column, value, since):
    last_success = session.scalar(select(func.max(LoginAttempt.at)).where(
        column == value, LoginAttempt.succeeded.is_(True), LoginAttempt.at >= since))
    query = select(func.count(), func.max(LoginAttempt.at)).where(
        column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.at >= (last_success or since))
    return session.execute(query).one()


def check_throttle(session, *, email, ip):
    """Refuse while an e-mail or an address has failed too often in the last window."""
    since = _now() - LOCK_WINDOW
    for column, value, limit in ((LoginAttempt.email, email, MAX_FAILURES_PER_EMAIL),
                                 (LoginAttempt.ip, ip, MAX_FAILURES_PER_IP)):
        if value is None:
            continue
        count, latest = _failures_since_success(session, column, value, since)
        if count >= limit:
            until = latest + LOCK_WINDOW
            log.warning("sign-in refused for %s from %s: %d failures, locked until %s",
                        email, ip, count, until.isoformat())
            raise TooManyAttempts(
                f"too many failed sign-in attempts; try again after {until:%H:%M} UTC",
                {"retry_after": until.isoformat()})


def record_failure(session, *, email, ip):
    log.warning("failed sign-in for %s from %s", email, ip)
    session.add(LoginAttempt(email=email.strip().lower(), ip=ip, succeeded=False,
                             reason="wrong credentials"))


def sign_in(session, *, email, password, ip=None, user_agent=None):
    """Check the credentials (unless throttled) and open a session.

    Returns (token, session, employee). A wrong password raises Unauthenticated; the
    caller records the failure with ``record_failure`` in its own transaction, since the
    one this runs in is rolled back.
    """
    email = email.strip().lower()
    check_throttle(session, email=email, ip=ip)
    employee = logic.authenticate(session, email=email, password=password)
    session.add(LoginAttempt(email=email, ip=ip, succeeded=True))
    token = secrets.token_urlsafe(32)
    now = _now()
    opened = Session(token_hash=_hash(token), employee_id=employee.id, created_at=now,
                     last_seen_at=now, expires_at=now + SESSION_IDLE, ip=ip,
                     user_agent=(user_agent or "")[:300] or None)
    session.add(opened)
    session.flush()
    return token, opened, employee


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
    employee = logic.update_employee(session, employee_id=employee_id, changes={"is_active": False},
                                     actor_id=actor.id)
    end_all_sessions(session, employee_id=employee.id, reason="employee deactivated")
    session.execute(update(ApiToken).where(ApiToken.employee_id == employee.id, ApiToken.revoked_at.is_(None))
                    .values(revoked_at=_now(), revoked_by=actor.id))
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
