"""How employees must sign in (one row, set by administrators): two-factor for
administrative roles, and whether passwords are accepted at all.

Turning passwords off leaves the holding's OpenID provider or LDAP directory as the way in
(the directory's passwords are the directory's, not Chancery's), so it needs one of them
enabled and names one break-glass administrator whose password still works (for
when the provider is down). While passwords are off, any other e-mail is refused before
its password is looked at, so the refusal tells nothing about the password."""
import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from . import logic, organisation
from .exceptions import InvalidInput
from .models import Employee, LdapDirectory, SignInPolicy, SignInProvider

RECORD_ID = uuid.uuid5(uuid.NAMESPACE_URL, "chancery:sign-in-policy")
FIELDS = ("require_two_factor_for_admins", "password_sign_in", "break_glass_employee_id")


def current(session):
    return session.get(SignInPolicy, 1) or SignInPolicy(
        id=1, require_two_factor_for_admins=False, password_sign_in=True, break_glass_employee_id=None)


def as_dict(row):
    return {"require_two_factor_for_admins": bool(row.require_two_factor_for_admins),
            "password_sign_in": row.password_sign_in is not False,
            "break_glass_employee_id": str(row.break_glass_employee_id) if row.break_glass_employee_id else None}


def update(session, *, changes, actor):
    """Change the policy (administrators); every change is audited."""
    organisation.require_admin(actor)
    row = session.get(SignInPolicy, 1)
    if row is None:
        row = current(session)
        session.add(row)
    before = as_dict(row)
    keeper_id = changes.get("break_glass_employee_id")
    if keeper_id is not None and session.get(Employee, keeper_id) is None:
        raise InvalidInput("Invalid input: break_glass_employee_id", {"break_glass_employee_id": [
            "No employee has this id."]})
    for name in FIELDS:
        if name in changes:
            setattr(row, name, changes[name])
    if row.password_sign_in is False:
        _check_passwords_can_be_off(session, row)
    row.updated_at = datetime.now(timezone.utc)
    session.flush()
    after = as_dict(row)
    diff = {name: {"from": before[name], "to": after[name]} for name in FIELDS if before[name] != after[name]}
    if diff:
        logic.audit(session, actor_id=actor.id, action="updated", record_type="sign_in_policy",
                    record_id=RECORD_ID, changes=diff)
    return row


def _check_passwords_can_be_off(session, row):
    provider = session.scalars(select(SignInProvider).where(SignInProvider.enabled.is_(True))).first()
    directory = session.scalars(select(LdapDirectory).where(LdapDirectory.enabled.is_(True))).first()
    if provider is None and directory is None:
        raise InvalidInput("Invalid input: password_sign_in", {"password_sign_in": [
            "Passwords can be turned off only while sign-in through the provider or the LDAP directory is enabled."]})
    keeper = session.get(Employee, row.break_glass_employee_id) if row.break_glass_employee_id else None
    if keeper is None or not keeper.is_active or "administrator" not in keeper.roles or not keeper.password_hash:
        raise InvalidInput("Invalid input: break_glass_employee_id", {"break_glass_employee_id": [
            "Name an active administrator with a password, who may still sign in with it."]})


def password_allowed(session, *, email):
    """Whether a password sign-in may be tried for this e-mail under the policy."""
    row = current(session)
    if row.password_sign_in is not False:
        return True
    keeper = session.get(Employee, row.break_glass_employee_id) if row.break_glass_employee_id else None
    return keeper is not None and keeper.email.lower() == email.strip().lower()
