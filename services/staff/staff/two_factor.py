"""Two-factor sign-in for local accounts: TOTP (RFC 6238) and recovery codes.

An employee enrols by scanning the secret (the gateway draws its QR code) and confirming a
first code; ten recovery codes are then shown once and only their SHA-256 is kept. With
two-factor on, a correct password opens no session: it gives a challenge that a current
code (each accepted once) or an unused recovery code completes within a few minutes.
Wrong codes count as failed sign-ins, so the same throttling applies. The administrator's
policy can require two-factor of everyone whose roles have administrative rights
(the administrator role, or a role granted ``manage_staff``): such an employee without it
is signed in only to enrol (the gateway lets them nowhere else). That holds for password
sign-ins, Chancery's and the directory's (LDAP) alike. Sign-ins through the holding's
OpenID provider are not asked for a code nor to enrol: the provider does its own.

Audit entries of enrolment and removal name the source of the sign-ins the second factor
guards: ``ldap`` for an account linked to a directory entry, ``password`` otherwise.
"""
import hashlib
import secrets
from datetime import datetime, timedelta, timezone

import pyotp
from sqlalchemy import delete, func, select

from . import logic, organisation, policy
from .exceptions import Conflict, InvalidInput, PermissionDenied, Unauthenticated
from .models import LdapAccount, RecoveryCode, SignInChallenge, TwoFactor

ISSUER_NAME = "Chancery"
CHALLENGE_TTL = timedelta(minutes=5)
RECOVERY_CODES = 10
ADMINISTRATIVE_PERMISSION = "manage_staff"
# sessions of these sources were opened by a provider that checks its own factors
PROVIDER_SOURCES = ("oidc",)


def _now():
    return datetime.now(timezone.utc)


def _hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _normalised_recovery(code):
    return code.strip().lower().replace("-", "").replace(" ", "")


def _enrolled(session, employee_id):
    found = session.get(TwoFactor, employee_id)
    return found if found is not None and found.confirmed_at is not None else None


def has_administrative_rights(session, employee):
    return ADMINISTRATIVE_PERMISSION in organisation.permissions_of(session, employee=employee)


def required_of(session, employee):
    """Whether the policy requires two-factor of this employee."""
    return policy.current(session).require_two_factor_for_admins and has_administrative_rights(session, employee)


def enrolment_missing(session, employee, source=None):
    """The policy requires two-factor of this employee, who has not enrolled yet.
    ``source``: how the session was opened; a provider's session (oidc) is never held."""
    if source in PROVIDER_SOURCES:
        return False
    return required_of(session, employee) and _enrolled(session, employee.id) is None


def guarded_source(session, employee):
    """The source of the sign-ins this employee's second factor guards: the directory's
    password (ldap) for an account linked to a directory entry, else Chancery's."""
    return "ldap" if session.get(LdapAccount, employee.id) is not None else "password"


def _audit_changes(session, employee, **more):
    return {"source": {"from": None, "to": guarded_source(session, employee)},
            **{name: {"from": None, "to": value} for name, value in more.items()}}


def status(session, employee):
    enrolled = _enrolled(session, employee.id)
    left = session.scalar(select(func.count()).select_from(RecoveryCode).where(
        RecoveryCode.employee_id == employee.id, RecoveryCode.used_at.is_(None))) if enrolled else 0
    return {"enabled": enrolled is not None, "required": required_of(session, employee),
            "recovery_codes_left": left,
            "enabled_at": enrolled.confirmed_at.isoformat() if enrolled else None}


def begin_enrolment(session, *, employee):
    """A new secret, not in force until confirmed; returns (secret, otpauth URI)."""
    if _enrolled(session, employee.id) is not None:
        raise Conflict("two-factor sign-in is already on; turn it off first to enrol another device")
    found = session.get(TwoFactor, employee.id) or TwoFactor(employee_id=employee.id)
    found.secret, found.created_at = pyotp.random_base32(), _now()
    session.add(found)
    session.flush()
    return found.secret, provisioning_uri(found.secret, employee.email)


def provisioning_uri(secret, email):
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER_NAME)


def pending_uri(session, *, employee):
    """The otpauth URI of the enrolment waiting for its first code (for its QR code)."""
    found = session.get(TwoFactor, employee.id)
    if found is None or found.confirmed_at is not None:
        raise Conflict("no two-factor enrolment is waiting: start one first")
    return provisioning_uri(found.secret, employee.email)


def _accept_totp(found, code, now):
    """Whether ``code`` is current (one step of clock drift either way) and not used before."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(found.secret)
    step = int(now.timestamp()) // totp.interval
    for candidate in (step - 1, step, step + 1):
        if found.last_step is not None and candidate <= found.last_step:
            continue
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            found.last_step = candidate
            return True
    return False


def confirm_enrolment(session, *, employee, code, ip=None):
    """Put the pending secret in force with a first code; returns the recovery codes (once)."""
    found = session.get(TwoFactor, employee.id)
    if found is None or found.confirmed_at is not None:
        raise Conflict("no two-factor enrolment is waiting: start one first")
    if not _accept_totp(found, code, _now()):
        raise InvalidInput("Invalid input: code", {"code": ["The code is not the current one of this secret."]})
    found.confirmed_at = _now()
    session.execute(delete(RecoveryCode).where(RecoveryCode.employee_id == employee.id))
    codes = ["-".join((secrets.token_hex(3), secrets.token_hex(3))) for _ in range(RECOVERY_CODES)]
    session.add_all(RecoveryCode(employee_id=employee.id, code_hash=_hash(_normalised_recovery(code)))
                    for code in codes)
    logic.audit(session, actor_id=employee.id, action="two_factor_enrolled", record_type="employee",
                record_id=employee.id, changes=_audit_changes(session, employee, client=ip))
    return codes


def turn_off(session, *, employee, code, ip=None):
    """Turn two-factor off with a current code (not while the policy requires it)."""
    found = _enrolled(session, employee.id)
    if found is None:
        return
    if required_of(session, employee):
        raise PermissionDenied("the sign-in policy requires two-factor of your roles")
    if not verify(session, employee=employee, code=code):
        raise InvalidInput("Invalid input: code", {"code": ["Wrong code."]})
    session.delete(found)
    session.execute(delete(RecoveryCode).where(RecoveryCode.employee_id == employee.id))
    logic.audit(session, actor_id=employee.id, action="two_factor_removed", record_type="employee",
                record_id=employee.id, changes=_audit_changes(session, employee, client=ip))


def reset(session, *, employee, actor):
    """An administrator removes an employee's two-factor (lost phone and recovery codes)."""
    organisation.require_admin(actor)
    found = session.get(TwoFactor, employee.id)
    if found is None:
        return
    session.delete(found)
    session.execute(delete(RecoveryCode).where(RecoveryCode.employee_id == employee.id))
    logic.audit(session, actor_id=actor.id, action="two_factor_removed", record_type="employee",
                record_id=employee.id, changes=_audit_changes(session, employee, by_administrator=True))


def verify(session, *, employee, code):
    """A current TOTP code or an unused recovery code (then spent); returns how, or None."""
    found = _enrolled(session, employee.id)
    if found is None or not isinstance(code, str):
        return None
    now = _now()
    if _accept_totp(found, code, now):
        return "totp"
    recovery = session.scalars(select(RecoveryCode).where(
        RecoveryCode.employee_id == employee.id, RecoveryCode.used_at.is_(None),
        RecoveryCode.code_hash == _hash(_normalised_recovery(code)))).first()
    if recovery is not None:
        recovery.used_at = now
        return "recovery_code"
    return None


def is_enrolled(session, employee_id):
    return _enrolled(session, employee_id) is not None


def open_challenge(session, *, employee, source="password"):
    token = secrets.token_urlsafe(32)
    session.add(SignInChallenge(token_hash=_hash(token), employee_id=employee.id,
                                expires_at=_now() + CHALLENGE_TTL, source=source))
    session.flush()
    return token


def take_challenge(session, *, token):
    """The employee whose password opened this challenge; Unauthenticated when it is gone."""
    found = session.get(SignInChallenge, _hash(token))
    if found is None or found.used_at is not None or found.expires_at <= _now():
        raise Unauthenticated("the sign-in has expired: enter the password again")
    return found
