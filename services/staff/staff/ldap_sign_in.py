"""Signing in with the directory's password (docs/permissions.md, "LDAP and Active Directory").

One sign-in form for everyone: a login (an e-mail, or the directory's user name) and a
password. Directory-managed accounts (linked to an entry, or not known to Chancery as a local
account with a password) are checked by the directory: Chancery finds the one entry the
login filter matches (the login escaped) with the sync account, then binds as that entry
with the password. Local accounts keep their Chancery password (where the sign-in policy
allows), and so does the break-glass administrator, whatever the directory says.

A right password of a disabled entry, of a dismissed employee or of someone Chancery does
not know (and may not add) opens nothing; the refusal is audited. The card is set from
the entry (roles from the groups, department, position) at every sign-in, as the sync
does. Two-factor, when the employee has it, is asked after the directory's password.
Failures are throttled like password failures and audited with ``source: ldap``.
"""
import logging
from datetime import datetime, timezone

from sqlalchemy import func, select

from chancery_common.errors import Unavailable

from . import ldap_directory, ldap_sync, logic, policy, sessions
from .exceptions import PermissionDenied, Unauthenticated
from .ldap_directory import SOURCE, DirectoryUnavailable
from .models import Employee, LdapAccount

log = logging.getLogger(__name__)

REFUSALS = {
    "unknown_employee": "nobody in Chancery has this directory account, and new employees are not added on sign-in",
    "dismissed": "the employee is dismissed",
    "disabled": "the account is disabled in the directory",
}


class Refused(Exception):
    """A right directory password that Chancery does not accept."""

    def __init__(self, code, employee_id=None):
        super().__init__(REFUSALS[code])
        self.code, self.employee_id = code, employee_id


def _employee_of(session, login):
    """The employee a login names: by e-mail, else by the directory login last seen."""
    employee = logic.find_by_email(session, email=login)
    if employee is None:
        account = session.scalars(select(LdapAccount).where(
            func.lower(LdapAccount.login) == login.strip().lower())).first()
        employee = session.get(Employee, account.employee_id) if account is not None else None
    return employee


def route(session, *, login):
    """The directory's settings when this login signs in through the directory; None for a
    local account (Chancery checks its password) or when no directory is enabled."""
    settings = ldap_directory.enabled_settings(session)
    if settings is None:
        return None
    employee = _employee_of(session, login)
    if employee is None:
        return settings
    if employee.id == policy.current(session).break_glass_employee_id:
        return None
    if session.get(LdapAccount, employee.id) is not None or not employee.password_hash:
        return settings
    return None


def sign_in(db, *, settings, login, password, ip=None, user_agent=None):
    """Check the password with the directory and open a session (or a two-factor challenge):
    a ``sessions.SignedIn``. ``db`` is the service's session: the directory is asked between
    this function's transactions, never inside one."""
    key = login.strip().lower()
    with db.begin():
        sessions.check_throttle(db, email=key, ip=ip)
    try:
        entry = ldap_directory.find_person(settings, login.strip())
        right = entry is not None and ldap_directory.check_password(settings, entry.dn, password)
    except DirectoryUnavailable as exc:
        log.error("sign-in of %s through the directory: %s", key, exc)
        raise Unavailable("the directory (LDAP) cannot be reached now: try again later",
                          {"service": "ldap", "reason": "directory_unavailable"}) from None
    if not right:
        with db.begin():
            sessions.record_failure(db, email=key, ip=ip, source=SOURCE, employee=_employee_of(db, key))
        raise Unauthenticated("wrong e-mail or password")
    try:
        with db.begin():
            return accept(db, settings=settings, entry=entry, login=key, ip=ip, user_agent=user_agent)
    except Refused as refused:
        with db.begin():
            audit_refusal(db, code=refused.code, employee_id=refused.employee_id, entry=entry, ip=ip)
        raise PermissionDenied(str(refused), {"reason": refused.code}) from None


def accept(session, *, settings, entry, login, ip=None, user_agent=None):
    """The directory accepted the password of ``entry``: who it is in Chancery, the card set
    from the entry, then a session or a challenge. Refused when Chancery does not accept it."""
    employee, account, _how = ldap_sync.link(
        session, settings=settings, entry=entry, create=settings.allow_create and not entry.disabled,
        keeper_id=policy.current(session).break_glass_employee_id, audit_extra=ldap_sync.source_changes())
    if employee is None:
        raise Refused("unknown_employee")
    if entry.disabled:
        raise Refused("disabled", employee.id)
    if not employee.is_active:
        raise Refused("dismissed", employee.id)
    ldap_sync.update_card(session, employee=employee, account=account, entry=entry,
                          card=ldap_sync.card_of(settings, entry, ldap_sync.Departments(session, settings)),
                          audit_extra=ldap_sync.source_changes())
    account.last_sign_in_at = datetime.now(timezone.utc)
    return sessions.first_factor_passed(session, employee=employee, login=login, ip=ip, user_agent=user_agent,
                                        source=SOURCE)


def audit_refusal(session, *, code, employee_id=None, entry=None, ip=None):
    """Write a refused directory sign-in to the audit log (on the employee, else the directory)."""
    changes = sessions.source_of(SOURCE, ip, reason=code, dn=entry.dn if entry else None)
    if employee_id is not None:
        logic.audit(session, actor_id=None, action="sign_in_refused", record_type="employee",
                    record_id=employee_id, changes=changes)
        return
    row = ldap_directory.directory(session)
    if row is not None:
        logic.audit(session, actor_id=None, action="sign_in_refused", record_type="ldap_directory",
                    record_id=row.id, changes=changes)
