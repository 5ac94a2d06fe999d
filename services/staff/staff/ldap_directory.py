"""The holding's LDAP directory or Active Directory (ldap3): its settings, the connection,
and reading its people and groups (docs/permissions.md, "LDAP and Active Directory").

The connection is encrypted: LDAPS (``ldaps://``) or StartTLS on ``ldap://``, the server's
certificate checked against the CA certificate the administrator gave (else the system's)
and its name against the URL's host; plain ``ldap://`` only where the administrator
explicitly allows it. A login is put into the search filter escaped (RFC 4515), so ``*``,
parentheses and backslashes in it match themselves. Nothing here touches the database: the
callers read the directory before their transaction and write after (no remote call while
rows are locked).
"""
import logging
import ssl
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

import ldap3
from ldap3.core.exceptions import LDAPException, LDAPInvalidFilterError
from ldap3.operation.search import parse_filter
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import parse_dn
from sqlalchemy import select

from . import external_sign_in, logic
from .exceptions import InvalidInput
from .models import LdapDirectory
from .organisation import require_admin

log = logging.getLogger(__name__)

SOURCE = "ldap"
CONNECT_TIMEOUT = 5
RECEIVE_TIMEOUT = 10
PAGE_SIZE = 500
INVALID_CREDENTIALS = 49
# Active Directory's userAccountControl flag of a disabled account
ACCOUNTDISABLE = 0x2
# OpenLDAP's ppolicy: an account an administrator locked (not a lockout after failures, which ends by itself)
LOCKED_BY_ADMINISTRATOR = "000001010000Z"
SETTING_FIELDS = (
    "enabled", "url", "start_tls", "allow_plain", "ca_certificate", "bind_dn", "user_base", "login_filter",
    "sync_filter", "id_attribute", "login_attribute", "email_attribute", "name_attribute", "department_attribute",
    "position_attribute", "phone_attribute", "group_base", "group_filter", "member_attribute", "group_roles",
    "default_roles", "department_map", "allow_create", "sync_interval_minutes", "max_dismissals")
DEFAULTS = {
    "enabled": False, "url": "", "bind_dn": "", "user_base": "", "ca_certificate": None,
    "start_tls": True, "allow_plain": False,
    "login_filter": "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))",
    "sync_filter": "(objectClass=inetOrgPerson)",
    "id_attribute": "entryUUID", "login_attribute": "uid", "email_attribute": "mail", "name_attribute": "cn",
    "department_attribute": "", "position_attribute": "title", "phone_attribute": "telephoneNumber",
    "group_base": "",
    "group_filter": "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=group))",
    "member_attribute": "member", "group_roles": {}, "default_roles": ["employee"], "department_map": {},
    "allow_create": False, "sync_interval_minutes": 60, "max_dismissals": 10,
}


class DirectoryUnavailable(Exception):
    """The directory did not answer, its certificate was wrong, or it refused the sync
    account or a search: nothing can be decided from it now."""


# settings ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """The stored settings, copied out of the session: usable after its transaction ends."""

    enabled: bool
    url: str
    start_tls: bool
    allow_plain: bool
    ca_certificate: str | None
    bind_dn: str
    bind_password: str | None
    user_base: str
    login_filter: str
    sync_filter: str
    id_attribute: str
    login_attribute: str
    email_attribute: str
    name_attribute: str
    department_attribute: str
    position_attribute: str
    phone_attribute: str
    group_base: str
    group_filter: str
    member_attribute: str
    group_roles: dict
    default_roles: tuple
    department_map: dict
    allow_create: bool
    sync_interval_minutes: int
    max_dismissals: int

    @classmethod
    def of(cls, row):
        values = {name: getattr(row, name) for name in SETTING_FIELDS}
        return cls(**{**values, "default_roles": tuple(row.default_roles or ()),
                      "group_roles": dict(row.group_roles or {}), "department_map": dict(row.department_map or {}),
                      "bind_password": row.bind_password})


def directory(session):
    """The stored directory row, or None."""
    return session.scalars(select(LdapDirectory).order_by(LdapDirectory.updated_at)).first()


def enabled_settings(session):
    """The settings when sign-in through the directory is on, else None."""
    row = directory(session)
    return Settings.of(row) if row is not None and row.enabled else None


def save(session, *, data, actor):
    """Set the directory (administrators); a password left out keeps the stored one. Audited,
    the password never shown."""
    require_admin(actor)
    row = directory(session)
    created = row is None
    merged = {**DEFAULTS, **({name: getattr(row, name) for name in SETTING_FIELDS} if row else {}), **data}
    _check(session, merged, has_password=bool(data.get("bind_password") or (row and row.bind_password)))
    if created:
        row = LdapDirectory(id=uuid.uuid4())
        session.add(row)
    before = {name: getattr(row, name, None) for name in SETTING_FIELDS}
    for name in SETTING_FIELDS:
        setattr(row, name, merged[name])
    diff = {name: {"from": before[name], "to": merged[name]} for name in SETTING_FIELDS
            if before[name] != merged[name] and name != "ca_certificate"}
    if before["ca_certificate"] != merged["ca_certificate"]:
        diff["ca_certificate"] = {"from": "(set)" if before["ca_certificate"] else None,
                                  "to": "(changed)" if merged["ca_certificate"] else None}
    if data.get("bind_password"):
        diff["bind_password"] = {"from": None if not row.bind_password else "(set)", "to": "(changed)"}
        row.bind_password = data["bind_password"]
    if row.enabled and row.sync_interval_minutes and (created or not before["enabled"]
                                                      or before["sync_interval_minutes"] != row.sync_interval_minutes):
        row.next_sync_at = datetime.now(timezone.utc)  # the first sync at the next tick
    row.updated_at = datetime.now(timezone.utc)
    session.flush()
    if diff:
        logic.audit(session, actor_id=actor.id, action="created" if created else "updated",
                    record_type="ldap_directory", record_id=row.id, changes=diff)
    return row


def _field_error(name, message):
    return InvalidInput(f"Invalid input: {name}", {name: [message]})


def _check(session, data, *, has_password):
    """Refuse settings that cannot work or are unsafe, naming the field."""
    parts = urlsplit(data.get("url") or "")
    if parts.scheme not in ("ldap", "ldaps") or not parts.hostname:
        raise _field_error("url", "Write the server as ldaps://host:636 or ldap://host:389.")
    if parts.scheme == "ldap" and not data["start_tls"] and not data["allow_plain"]:
        raise _field_error("start_tls", "ldap:// without StartTLS sends passwords unencrypted: use ldaps://, "
                                        "turn StartTLS on, or allow an unencrypted connection explicitly.")
    if data.get("ca_certificate"):
        try:
            ssl.create_default_context(cadata=data["ca_certificate"])
        except (ssl.SSLError, ValueError):
            raise _field_error("ca_certificate", "This is not a PEM certificate (-----BEGIN CERTIFICATE-----...).") \
                from None
    if not (data.get("user_base") or "").strip():
        raise _field_error("user_base", "Say where people are in the directory (a base DN).")
    if data.get("bind_dn") and not has_password:
        raise _field_error("bind_password", "The sync account needs its password.")
    for name in ("bind_dn", "user_base", "group_base"):
        if data.get(name):
            try:
                parse_dn(data[name])
            except LDAPException:
                raise _field_error(name, f"{data[name]!r} is not a distinguished name "
                                         "(e.g. ou=people,dc=example,dc=com).") from None
    if "{login}" not in data["login_filter"]:
        raise _field_error("login_filter", "The filter must contain {login}, where the typed login goes.")
    for name in ("login_filter", "sync_filter", "group_filter"):
        try:
            parse_filter(data[name].replace("{login}", "x"), None, False, False, None, False)
        except (LDAPInvalidFilterError, LDAPException, IndexError, ValueError):
            raise _field_error(name, f"{data[name]!r} is not an LDAP filter such as (objectClass=person).") from None
    external_sign_in.check_mapping(session, data)


# entries -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A person in the directory, as Chancery reads them."""

    entry_id: str
    dn: str
    login: str | None
    email: str | None
    full_name: str | None
    department: str | None
    position: str | None
    phone: str | None
    groups: tuple = field(default=())  # the names (cn) and DNs of the groups they are in
    disabled: bool = False


def _first(attributes, name):
    values = attributes.get(name.lower()) if name else None
    if not values:
        return None
    value = values[0]
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    value = str(value).strip()
    return value or None


def _entry_id(attributes, name, dn):
    """The entry's unique id: entryUUID (RFC 4530), Active Directory's objectGUID (16 bytes),
    nsUniqueId...; the DN when the directory has none (a move then re-links by e-mail)."""
    raw = (attributes.get(name.lower()) or [None])[0]
    if raw is None:
        return f"dn:{dn.lower()}"
    if isinstance(raw, bytes):
        if len(raw) == 16 and name.lower() == "objectguid":
            return str(uuid.UUID(bytes_le=raw))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.hex()
    return str(raw)


def dn_key(dn):
    """A DN as compared: attribute names and values in lower case, no spaces between parts."""
    try:
        return ",".join(f"{name.lower()}={value.strip().lower()}" for name, value, _separator in parse_dn(dn))
    except LDAPException:
        return dn.strip().lower()


def _nearest_ou(dn):
    for attribute, value, _separator in parse_dn(dn)[1:]:
        if attribute.lower() == "ou":
            return value.replace("\\,", ",").strip() or None
    return None


def is_disabled(attributes):
    """An account the directory disabled: Active Directory's ACCOUNTDISABLE flag, OpenLDAP's
    administrative lock (ppolicy), 389-ds / FreeIPA's nsAccountLock."""
    flags = _first(attributes, "userAccountControl")
    if flags and flags.lstrip("-").isdigit() and int(flags) & ACCOUNTDISABLE:
        return True
    if _first(attributes, "pwdAccountLockedTime") == LOCKED_BY_ADMINISTRATOR:
        return True
    return (_first(attributes, "nsAccountLock") or "").lower() == "true"


def entry_of(settings, dn, raw_attributes, groups=()):
    attributes = {name.lower(): values for name, values in raw_attributes.items()}
    department = (_first(attributes, settings.department_attribute) if settings.department_attribute
                  else _nearest_ou(dn))
    return Entry(entry_id=_entry_id(attributes, settings.id_attribute, dn), dn=dn,
                 login=_first(attributes, settings.login_attribute),
                 email=_first(attributes, settings.email_attribute),
                 full_name=_first(attributes, settings.name_attribute), department=department,
                 position=_first(attributes, settings.position_attribute),
                 phone=_first(attributes, settings.phone_attribute), groups=tuple(groups),
                 disabled=is_disabled(attributes))


def _attributes(settings):
    names = {settings.id_attribute, settings.login_attribute, settings.email_attribute, settings.name_attribute,
             settings.department_attribute, settings.position_attribute, settings.phone_attribute,
             "userAccountControl", "pwdAccountLockedTime", "nsAccountLock"}
    return sorted(name for name in names if name)


def roles_of(settings, groups):
    """Roles from the groups (matched by name or DN, case aside); the default roles otherwise."""
    mapping = {group.lower(): roles for group, roles in settings.group_roles.items()}
    roles = {role for group in groups for role in mapping.get(group.lower(), [])}
    return sorted(roles or set(settings.default_roles or ("employee",)))


# the connection ------------------------------------------------------------------------------

def _server(settings):
    parts = urlsplit(settings.url)
    secure = parts.scheme == "ldaps"
    if not secure and not settings.start_tls and not settings.allow_plain:
        raise DirectoryUnavailable("an unencrypted connection is not allowed")
    tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_data=settings.ca_certificate or None)
    return ldap3.Server(parts.hostname, port=parts.port or (636 if secure else 389), use_ssl=secure, tls=tls,
                        connect_timeout=CONNECT_TIMEOUT, get_info=ldap3.NONE)


def _open(settings, user, password):
    """(connection, whether the bind succeeded, the bind's result); DirectoryUnavailable
    when the server cannot be reached or TLS fails."""
    try:
        connection = ldap3.Connection(_server(settings), user=user or None, password=password or None,
                                      receive_timeout=RECEIVE_TIMEOUT, raise_exceptions=False, read_only=True,
                                      auto_bind=ldap3.AUTO_BIND_NONE, auto_range=True)
        connection.open()
        if settings.start_tls and not connection.server.ssl and not connection.start_tls():
            raise DirectoryUnavailable(f"StartTLS failed: {connection.result.get('description')}")
        bound = connection.bind()
    except LDAPException as exc:
        raise DirectoryUnavailable(f"{settings.url}: {exc}") from exc
    return connection, bound, dict(connection.result or {})


def _service(settings):
    connection, bound, result = _open(settings, settings.bind_dn, settings.bind_password)
    if not bound:
        connection.unbind()
        raise DirectoryUnavailable(f"the directory refused the sync account {settings.bind_dn!r}: "
                                   f"{result.get('description')} {result.get('message') or ''}".strip())
    return connection


def _search(connection, base, search_filter, attributes):
    """Every entry the search finds, page by page (RFC 2696); any error fails the whole search
    (a partial answer must never look like the whole directory)."""
    found, cookie = [], None
    while True:
        try:
            connection.search(base, search_filter, search_scope=ldap3.SUBTREE, attributes=attributes,
                              paged_size=PAGE_SIZE, paged_cookie=cookie)
        except LDAPException as exc:
            raise DirectoryUnavailable(f"the search under {base!r} failed: {exc}") from exc
        result = connection.result or {}
        if result.get("result") not in (0, None):
            raise DirectoryUnavailable(f"the search under {base!r} failed: {result.get('description')} "
                                       f"{result.get('message') or ''}".strip())
        found += [item for item in connection.response or () if item.get("type") == "searchResEntry"]
        cookie = (result.get("controls") or {}).get("1.2.840.113556.1.4.319", {}).get("value", {}).get("cookie")
        if not cookie:
            return found


def check_password(settings, dn, password):
    """Whether the directory accepts this password of this entry (a bind as the user)."""
    if not password:  # an empty password would be an anonymous bind, which "succeeds"
        return False
    connection, bound, result = _open(settings, dn, password)
    connection.unbind()
    if not bound and result.get("result") not in (INVALID_CREDENTIALS, None):
        log.warning("the directory refused the bind of %s: %s", dn, result.get("description"))
    return bound


def find_person(settings, login):
    """The one entry the login filter finds for this login (escaped), with its groups; None
    when none or several match."""
    search_filter = settings.login_filter.replace("{login}", escape_filter_chars(login))
    connection = _service(settings)
    try:
        found = _search(connection, settings.user_base, search_filter, _attributes(settings))
        if len(found) != 1:
            if found:
                log.warning("the login %r matches %d directory entries: refused", login, len(found))
            return None
        dn = found[0]["dn"]
        member = escape_filter_chars(dn)
        by_login = ""
        login_value = _first({k.lower(): v for k, v in found[0]["raw_attributes"].items()},
                             settings.login_attribute)
        if login_value:
            by_login = f"({settings.member_attribute}={escape_filter_chars(login_value)})"
        groups = _search(connection, settings.group_base or settings.user_base,
                         f"(&{settings.group_filter}(|({settings.member_attribute}={member}){by_login}))", ["cn"])
        return entry_of(settings, dn, found[0]["raw_attributes"], _group_names(groups))
    finally:
        connection.unbind()


def _group_names(groups):
    names = []
    for group in groups:
        names.append(group["dn"])
        cn = (group.get("raw_attributes") or {}).get("cn") or []
        names += [value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value) for value in cn]
    return names


def everyone(settings):
    """Every entry the sync filter finds, with their groups."""
    connection = _service(settings)
    try:
        people = _search(connection, settings.user_base, settings.sync_filter, _attributes(settings))
        groups = _search(connection, settings.group_base or settings.user_base, settings.group_filter,
                         ["cn", settings.member_attribute])
    finally:
        connection.unbind()
    members = {}
    for group in groups:
        attributes = {name.lower(): values for name, values in (group.get("raw_attributes") or {}).items()}
        names = _group_names([group])
        for value in attributes.get(settings.member_attribute.lower(), []):
            member = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            members.setdefault(dn_key(member), []).extend(names)
            members.setdefault(member.strip().lower(), []).extend(names)  # memberUid: a login
    entries = []
    for person in people:
        entry = entry_of(settings, person["dn"], person["raw_attributes"])
        groups_of = members.get(dn_key(person["dn"]), []) + (members.get(entry.login.lower(), []) if entry.login
                                                             else [])
        entries.append(Entry(**{**entry.__dict__, "groups": tuple(dict.fromkeys(groups_of))}))
    return entries
