from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Employee")


@_attrs_define
class Employee:
    """
    Attributes:
        created_at (str | Unset):
        deleted (bool | Unset): Sync only: true for a record gone (deleted, merged into another, deactivated); a
            tombstone carries only id, updated_at and, for a merged one, merged_into.
        department_id (None | Unset | UUID):
        email (str | Unset):
        full_name (str | Unset):
        id (UUID | Unset):
        is_active (bool | Unset):
        locale (str | Unset):
        phone (None | str | Unset):
        position (None | str | Unset):
        roles (list[str] | Unset):
        time_zone (str | Unset):
        updated_at (str | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    created_at: str | Unset = UNSET
    deleted: bool | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    email: str | Unset = UNSET
    full_name: str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    locale: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    position: None | str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    time_zone: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        deleted = self.deleted

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        email = self.email

        full_name = self.full_name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_active = self.is_active

        locale = self.locale

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        time_zone = self.time_zone

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if email is not UNSET:
            field_dict["email"] = email
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if id is not UNSET:
            field_dict["id"] = id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if locale is not UNSET:
            field_dict["locale"] = locale
        if phone is not UNSET:
            field_dict["phone"] = phone
        if position is not UNSET:
            field_dict["position"] = position
        if roles is not UNSET:
            field_dict["roles"] = roles
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        deleted = d.pop("deleted", UNSET)

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        email = d.pop("email", UNSET)

        full_name = d.pop("full_name", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_active = d.pop("is_active", UNSET)

        locale = d.pop("locale", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        roles = cast(list[str], d.pop("roles", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        version = d.pop("version", UNSET)

        employee = cls(
            created_at=created_at,
            deleted=deleted,
            department_id=department_id,
            email=email,
            full_name=full_name,
            id=id,
            is_active=is_active,
            locale=locale,
            phone=phone,
            position=position,
            roles=roles,
            time_zone=time_zone,
            updated_at=updated_at,
            version=version,
        )

        return employee
