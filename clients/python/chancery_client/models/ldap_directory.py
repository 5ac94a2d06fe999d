from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ldap_directory_department_map import LdapDirectoryDepartmentMap
    from ..models.ldap_directory_group_roles import LdapDirectoryGroupRoles


T = TypeVar("T", bound="LdapDirectory")


@_attrs_define
class LdapDirectory:
    """
    Attributes:
        allow_create (bool | Unset): add employees for directory people Chancery does not know (at sign-in and by the
            sync)
        allow_plain (bool | Unset): allow ldap:// without StartTLS: passwords unencrypted
        bind_dn (str | Unset): the account the sync and the user search bind as
        bind_password (str | Unset): write-only; left out: kept
        ca_certificate (None | str | Unset): PEM of the CA of the server's certificate (empty: the system's CAs)
        default_roles (list[str] | Unset):
        department_attribute (str | Unset): empty: the entry's nearest OU
        department_map (LdapDirectoryDepartmentMap | Unset): {directory value: department id}; a value not listed names
            a department (made if missing)
        email_attribute (str | Unset):
        enabled (bool | Unset): logins may be the directory's; the sync runs
        group_base (str | Unset): where groups are searched (empty: the user base)
        group_filter (str | Unset):
        group_roles (LdapDirectoryGroupRoles | Unset): {group name or DN: [roles]}; someone in none gets default_roles
        has_bind_password (bool | Unset):
        id_attribute (str | Unset): the entry's unique id: entryUUID, objectGUID (AD)
        login_attribute (str | Unset): uid, sAMAccountName
        login_filter (str | Unset): finds the person signing in; {login} is the typed login, escaped (RFC 4515), e.g.
            (&(objectClass=user)(|(sAMAccountName={login})(userPrincipalName={login})(mail={login})))
        max_dismissals (int | Unset): a sync that would dismiss more is held: nothing written
        member_attribute (str | Unset): member, uniqueMember, memberUid
        name_attribute (str | Unset):
        next_sync_at (None | str | Unset):
        phone_attribute (str | Unset):
        position_attribute (str | Unset):
        start_tls (bool | Unset): StartTLS on ldap:// (default true)
        sync_filter (str | Unset): who the sync takes as employees
        sync_interval_minutes (int | Unset): how often the sync runs (0: only by hand)
        updated_at (str | Unset):
        url (str | Unset): ldaps://host:636, or ldap://host:389 with StartTLS
        user_base (str | Unset): where people are searched, e.g. ou=people,dc=example,dc=com
    """

    allow_create: bool | Unset = UNSET
    allow_plain: bool | Unset = UNSET
    bind_dn: str | Unset = UNSET
    bind_password: str | Unset = UNSET
    ca_certificate: None | str | Unset = UNSET
    default_roles: list[str] | Unset = UNSET
    department_attribute: str | Unset = UNSET
    department_map: LdapDirectoryDepartmentMap | Unset = UNSET
    email_attribute: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    group_base: str | Unset = UNSET
    group_filter: str | Unset = UNSET
    group_roles: LdapDirectoryGroupRoles | Unset = UNSET
    has_bind_password: bool | Unset = UNSET
    id_attribute: str | Unset = UNSET
    login_attribute: str | Unset = UNSET
    login_filter: str | Unset = UNSET
    max_dismissals: int | Unset = UNSET
    member_attribute: str | Unset = UNSET
    name_attribute: str | Unset = UNSET
    next_sync_at: None | str | Unset = UNSET
    phone_attribute: str | Unset = UNSET
    position_attribute: str | Unset = UNSET
    start_tls: bool | Unset = UNSET
    sync_filter: str | Unset = UNSET
    sync_interval_minutes: int | Unset = UNSET
    updated_at: str | Unset = UNSET
    url: str | Unset = UNSET
    user_base: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allow_create = self.allow_create

        allow_plain = self.allow_plain

        bind_dn = self.bind_dn

        bind_password = self.bind_password

        ca_certificate: None | str | Unset
        if isinstance(self.ca_certificate, Unset):
            ca_certificate = UNSET
        else:
            ca_certificate = self.ca_certificate

        default_roles: list[str] | Unset = UNSET
        if not isinstance(self.default_roles, Unset):
            default_roles = self.default_roles

        department_attribute = self.department_attribute

        department_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.department_map, Unset):
            department_map = self.department_map.to_dict()

        email_attribute = self.email_attribute

        enabled = self.enabled

        group_base = self.group_base

        group_filter = self.group_filter

        group_roles: dict[str, Any] | Unset = UNSET
        if not isinstance(self.group_roles, Unset):
            group_roles = self.group_roles.to_dict()

        has_bind_password = self.has_bind_password

        id_attribute = self.id_attribute

        login_attribute = self.login_attribute

        login_filter = self.login_filter

        max_dismissals = self.max_dismissals

        member_attribute = self.member_attribute

        name_attribute = self.name_attribute

        next_sync_at: None | str | Unset
        if isinstance(self.next_sync_at, Unset):
            next_sync_at = UNSET
        else:
            next_sync_at = self.next_sync_at

        phone_attribute = self.phone_attribute

        position_attribute = self.position_attribute

        start_tls = self.start_tls

        sync_filter = self.sync_filter

        sync_interval_minutes = self.sync_interval_minutes

        updated_at = self.updated_at

        url = self.url

        user_base = self.user_base

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if allow_create is not UNSET:
            field_dict["allow_create"] = allow_create
        if allow_plain is not UNSET:
            field_dict["allow_plain"] = allow_plain
        if bind_dn is not UNSET:
            field_dict["bind_dn"] = bind_dn
        if bind_password is not UNSET:
            field_dict["bind_password"] = bind_password
        if ca_certificate is not UNSET:
            field_dict["ca_certificate"] = ca_certificate
        if default_roles is not UNSET:
            field_dict["default_roles"] = default_roles
        if department_attribute is not UNSET:
            field_dict["department_attribute"] = department_attribute
        if department_map is not UNSET:
            field_dict["department_map"] = department_map
        if email_attribute is not UNSET:
            field_dict["email_attribute"] = email_attribute
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if group_base is not UNSET:
            field_dict["group_base"] = group_base
        if group_filter is not UNSET:
            field_dict["group_filter"] = group_filter
        if group_roles is not UNSET:
            field_dict["group_roles"] = group_roles
        if has_bind_password is not UNSET:
            field_dict["has_bind_password"] = has_bind_password
        if id_attribute is not UNSET:
            field_dict["id_attribute"] = id_attribute
        if login_attribute is not UNSET:
            field_dict["login_attribute"] = login_attribute
        if login_filter is not UNSET:
            field_dict["login_filter"] = login_filter
        if max_dismissals is not UNSET:
            field_dict["max_dismissals"] = max_dismissals
        if member_attribute is not UNSET:
            field_dict["member_attribute"] = member_attribute
        if name_attribute is not UNSET:
            field_dict["name_attribute"] = name_attribute
        if next_sync_at is not UNSET:
            field_dict["next_sync_at"] = next_sync_at
        if phone_attribute is not UNSET:
            field_dict["phone_attribute"] = phone_attribute
        if position_attribute is not UNSET:
            field_dict["position_attribute"] = position_attribute
        if start_tls is not UNSET:
            field_dict["start_tls"] = start_tls
        if sync_filter is not UNSET:
            field_dict["sync_filter"] = sync_filter
        if sync_interval_minutes is not UNSET:
            field_dict["sync_interval_minutes"] = sync_interval_minutes
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if url is not UNSET:
            field_dict["url"] = url
        if user_base is not UNSET:
            field_dict["user_base"] = user_base

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ldap_directory_department_map import LdapDirectoryDepartmentMap
        from ..models.ldap_directory_group_roles import LdapDirectoryGroupRoles

        d = dict(src_dict)
        allow_create = d.pop("allow_create", UNSET)

        allow_plain = d.pop("allow_plain", UNSET)

        bind_dn = d.pop("bind_dn", UNSET)

        bind_password = d.pop("bind_password", UNSET)

        def _parse_ca_certificate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ca_certificate = _parse_ca_certificate(d.pop("ca_certificate", UNSET))

        default_roles = cast(list[str], d.pop("default_roles", UNSET))

        department_attribute = d.pop("department_attribute", UNSET)

        _department_map = d.pop("department_map", UNSET)
        department_map: LdapDirectoryDepartmentMap | Unset
        if isinstance(_department_map, Unset):
            department_map = UNSET
        else:
            department_map = LdapDirectoryDepartmentMap.from_dict(_department_map)

        email_attribute = d.pop("email_attribute", UNSET)

        enabled = d.pop("enabled", UNSET)

        group_base = d.pop("group_base", UNSET)

        group_filter = d.pop("group_filter", UNSET)

        _group_roles = d.pop("group_roles", UNSET)
        group_roles: LdapDirectoryGroupRoles | Unset
        if isinstance(_group_roles, Unset):
            group_roles = UNSET
        else:
            group_roles = LdapDirectoryGroupRoles.from_dict(_group_roles)

        has_bind_password = d.pop("has_bind_password", UNSET)

        id_attribute = d.pop("id_attribute", UNSET)

        login_attribute = d.pop("login_attribute", UNSET)

        login_filter = d.pop("login_filter", UNSET)

        max_dismissals = d.pop("max_dismissals", UNSET)

        member_attribute = d.pop("member_attribute", UNSET)

        name_attribute = d.pop("name_attribute", UNSET)

        def _parse_next_sync_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_sync_at = _parse_next_sync_at(d.pop("next_sync_at", UNSET))

        phone_attribute = d.pop("phone_attribute", UNSET)

        position_attribute = d.pop("position_attribute", UNSET)

        start_tls = d.pop("start_tls", UNSET)

        sync_filter = d.pop("sync_filter", UNSET)

        sync_interval_minutes = d.pop("sync_interval_minutes", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        url = d.pop("url", UNSET)

        user_base = d.pop("user_base", UNSET)

        ldap_directory = cls(
            allow_create=allow_create,
            allow_plain=allow_plain,
            bind_dn=bind_dn,
            bind_password=bind_password,
            ca_certificate=ca_certificate,
            default_roles=default_roles,
            department_attribute=department_attribute,
            department_map=department_map,
            email_attribute=email_attribute,
            enabled=enabled,
            group_base=group_base,
            group_filter=group_filter,
            group_roles=group_roles,
            has_bind_password=has_bind_password,
            id_attribute=id_attribute,
            login_attribute=login_attribute,
            login_filter=login_filter,
            max_dismissals=max_dismissals,
            member_attribute=member_attribute,
            name_attribute=name_attribute,
            next_sync_at=next_sync_at,
            phone_attribute=phone_attribute,
            position_attribute=position_attribute,
            start_tls=start_tls,
            sync_filter=sync_filter,
            sync_interval_minutes=sync_interval_minutes,
            updated_at=updated_at,
            url=url,
            user_base=user_base,
        )

        return ldap_directory
