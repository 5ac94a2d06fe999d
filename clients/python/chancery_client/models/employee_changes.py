from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmployeeChanges")


@_attrs_define
class EmployeeChanges:
    """
    Attributes:
        department_id (None | Unset | UUID):
        email (str | Unset):
        full_name (str | Unset):
        locale (str | Unset):
        phone (None | str | Unset):
        position (None | str | Unset):
        roles (list[str] | Unset):
        time_zone (str | Unset):
    """

    department_id: None | Unset | UUID = UNSET
    email: str | Unset = UNSET
    full_name: str | Unset = UNSET
    locale: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    position: None | str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    time_zone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        email = self.email

        full_name = self.full_name

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if email is not UNSET:
            field_dict["email"] = email
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        employee_changes = cls(
            department_id=department_id,
            email=email,
            full_name=full_name,
            locale=locale,
            phone=phone,
            position=position,
            roles=roles,
            time_zone=time_zone,
        )

        return employee_changes
