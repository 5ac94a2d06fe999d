"""Signing in through the holding's OpenID Connect provider (docs/permissions.md, "Enterprise sign-in").

The gateway runs the protocol (redirects, PKCE, the ID token's signature and claims); this
module decides who the verified claims are in Chancery. The provider's subject is linked to
an employee once (by the verified e-mail the first time); on every sign-in the
administrator's mapping sets the employee's roles, department and position from the claims,
so a change in the directory takes effect at the next sign-in. An unknown person gets an
employee only when the administrator allows it; a dismissed employee is refused whatever
the provider says. Every sign-in and every refusal is written to the audit log with its
source.
"""
import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from . import logic, sessions
from .exceptions import InvalidInput
from .models import Department, Employee, ExternalIdentity, SignInProvider
from .organisation import require_admin
from .schemas import ROLES

SOURCE = "oidc"
# what the gateway shows for each refusal; the code crosses the bus in the error's details
REFUSALS = {
    "not_configured": "sign-in through the provider is not enabled",
    "unknown_employee": "nobody in Chancery has this account, and new employees are not created on sign-in",
    "no_email": "the provider did not give a verified e-mail, which a new employee needs",
    "dismissed": "the employee is dismissed",
}
SETTING_FIELDS = ("enabled", "display_name", "issuer", "client_id", "scopes", "allow_create", "email_claim",
                  "name_claim", "groups_claim", "department_claim", "position_claim", "group_roles",
                  "default_roles", "department_map")


class Refused(Exception):
    """A sign-in the provider vouched for that Chancery does not accept."""

    def __init__(self, code, employee_id=None):
        super().__init__(REFUSALS[code])
        self.code, self.employee_id = code, employee_id


def provider(session):
    """The configured provider, or None."""
    return session.scalars(select(SignInProvider).order_by(SignInProvider.updated_at)).first()


def save_provider(session, *, data, actor):
    """Set the provider and the mapping; a secret left out keeps the stored one."""
    require_admin(actor)
    check_mapping(session, data)
    row = provider(session)
    created = row is None
    if created:
        row = SignInProvider(id=uuid.uuid4())
        session.add(row)
    before = {name: getattr(row, name) for name in SETTING_FIELDS}
    for name in SETTING_FIELDS:
        if name in data:
            setattr(row, name, data[name])
    diff = {name: {"from": before[name], "to": getattr(row, name)} for name in SETTING_FIELDS
            if before[name] != getattr(row, name)}
    if data.get("client_secret"):
        diff["client_secret"] = {"from": None if row.client_secret is None else "(set)", "to": "(changed)"}
        row.client_secret = data["client_secret"]
    row.updated_at = datetime.now(timezone.utc)
    session.flush()
    if diff:
        logic.audit(session, actor_id=actor.id, action="created" if created else "updated",
                    record_type="sign_in_provider", record_id=row.id, changes=diff)
    return row


def check_mapping(session, data):
    """Groups → roles, default roles and values → departments as an administrator mapped them
    (for an identity provider and for the LDAP directory alike), or InvalidInput naming the field."""
    roles = list(data.get("default_roles", []))
    for group, granted in (data.get("group_roles") or {}).items():
        if not isinstance(granted, list) or not granted:
            raise InvalidInput("Invalid input: group_roles",
                               {"group_roles": [f"Group {group!r} needs at least one role."]})
        roles += granted
    unknown = sorted(set(map(str, roles)) - set(ROLES))
    if unknown:
        raise InvalidInput("Invalid input: group_roles",
                           {"group_roles": [f"Unknown roles: {', '.join(unknown)}."]})
    for value, department_id in (data.get("department_map") or {}).items():
        try:
            known = session.get(Department, uuid.UUID(str(department_id)))
        except ValueError:
            known = None
        if known is None:
            raise InvalidInput("Invalid input: department_map",
                               {"department_map": [f"{value!r}: unknown department {department_id}."]})


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, (list, tuple)) else [str(value)]


def mapped_changes(settings, claims, department_id_by_name):
    """The card's roles, department and position as the mapping makes them from these claims
    (a part the claims do not speak to is left out, so the card keeps it)."""
    groups = _as_list(claims.get(settings.groups_claim))
    roles = sorted({role for group in groups for role in settings.group_roles.get(group, [])})
    changes = {"roles": roles or sorted(set(settings.default_roles or ["employee"]))}
    department = claims.get(settings.department_claim)
    if isinstance(department, str) and department.strip():
        value = department.strip()
        department_id = settings.department_map.get(value) or department_id_by_name.get(value.lower())
        if department_id:
            changes["department_id"] = uuid.UUID(str(department_id))
    position = claims.get(settings.position_claim)
    if isinstance(position, str) and position.strip():
        changes["position"] = position.strip()[:200]
    return changes


def _departments_by_name(session):
    return {name.lower(): department_id for department_id, name in
            session.execute(select(Department.id, Department.name)).all()}


def _verified_email(settings, claims):
    email = claims.get(settings.email_claim)
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        return None
    return email.strip()


def sign_in(session, *, issuer, claims, ip=None, user_agent=None):
    """Open a session for the person the provider vouched for: (token, session, employee).

    Raises Refused for a sign-in Chancery does not accept; the caller audits it."""
    settings = provider(session)
    if settings is None or not settings.enabled or settings.issuer.rstrip("/") != issuer.rstrip("/"):
        raise Refused("not_configured")
    subject = str(claims["sub"])
    link = session.scalars(select(ExternalIdentity).where(
        ExternalIdentity.issuer == settings.issuer, ExternalIdentity.subject == subject)).first()
    employee = session.get(Employee, link.employee_id) if link else None
    email = _verified_email(settings, claims)
    if employee is None and email:
        employee = logic.find_by_email(session, email=email)
    if employee is None:
        if not settings.allow_create:
            raise Refused("unknown_employee")
        if not email:
            raise Refused("no_email")
        name = claims.get(settings.name_claim)
        employee = logic.create_employee(session, data={
            "full_name": (name.strip() if isinstance(name, str) and name.strip() else email)[:200],
            "email": email, "roles": ["employee"]})
    if not employee.is_active:
        raise Refused("dismissed", employee.id)
    now = datetime.now(timezone.utc)
    if link is None:
        link = ExternalIdentity(issuer=settings.issuer, subject=subject, employee_id=employee.id)
        session.add(link)
    link.last_sign_in_at = now
    logic.update_employee(session, employee_id=employee.id,
                          changes=mapped_changes(settings, claims, _departments_by_name(session)))
    token, opened = sessions.open_session(session, employee=employee, ip=ip, user_agent=user_agent,
                                          source=SOURCE)
    logic.audit(session, actor_id=employee.id, action="signed_in", record_type="employee",
                record_id=employee.id, changes=_source(settings, subject, ip))
    return token, opened, employee


def audit_refusal(session, *, code, issuer, subject=None, employee_id=None, ip=None):
    """Write a refused sign-in (Chancery's refusal or the provider's) to the audit log."""
    settings = provider(session)
    if settings is None:
        return
    changes = {**_source(settings, subject, ip), "reason": {"from": None, "to": code}}
    if issuer and issuer.rstrip("/") != settings.issuer.rstrip("/"):
        changes["issuer"] = {"from": None, "to": issuer}
    if employee_id is not None:
        logic.audit(session, actor_id=None, action="sign_in_refused", record_type="employee",
                    record_id=employee_id, changes=changes)
    else:
        logic.audit(session, actor_id=None, action="sign_in_refused", record_type="sign_in_provider",
                    record_id=settings.id, changes=changes)


def _source(settings, subject, ip):
    return sessions.source_of(SOURCE, ip, issuer=settings.issuer, subject=subject)
