from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInPolicy")


@_attrs_define
class SignInPolicy:
    """
    Attributes:
        break_glass_employee_id (None | Unset | UUID): an active administrator with a password, still let in with it
            while passwords are off
        password_sign_in (bool | Unset): false: only the break-glass administrator may sign in with a password; everyone
            else through the holding's provider (needs an enabled provider)
        require_two_factor_for_admins (bool | Unset): employees whose roles have manage_staff (administrators too) must
            use two-factor
    """

    break_glass_employee_id: None | Unset | UUID = UNSET
    password_sign_in: bool | Unset = UNSET
    require_two_factor_for_admins: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        break_glass_employee_id: None | str | Unset
        if isinstance(self.break_glass_employee_id, Unset):
            break_glass_employee_id = UNSET
        elif isinstance(self.break_glass_employee_id, UUID):
            break_glass_employee_id = str(self.break_glass_employee_id)
        else:
            break_glass_employee_id = self.break_glass_employee_id

        password_sign_in = self.password_sign_in

        require_two_factor_for_admins = self.require_two_factor_for_admins

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if break_glass_employee_id is not UNSET:
            field_dict["break_glass_employee_id"] = break_glass_employee_id
        if password_sign_in is not UNSET:
            field_dict["password_sign_in"] = password_sign_in
        if require_two_factor_for_admins is not UNSET:
            field_dict["require_two_factor_for_admins"] = require_two_factor_for_admins

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_break_glass_employee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                break_glass_employee_id_type_0 = UUID(data)

                return break_glass_employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        break_glass_employee_id = _parse_break_glass_employee_id(
            d.pop("break_glass_employee_id", UNSET)
        )

        password_sign_in = d.pop("password_sign_in", UNSET)

        require_two_factor_for_admins = d.pop("require_two_factor_for_admins", UNSET)

        sign_in_policy = cls(
            break_glass_employee_id=break_glass_employee_id,
            password_sign_in=password_sign_in,
            require_two_factor_for_admins=require_two_factor_for_admins,
        )

        return sign_in_policy
