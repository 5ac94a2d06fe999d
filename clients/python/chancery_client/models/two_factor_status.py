from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwoFactorStatus")


@_attrs_define
class TwoFactorStatus:
    """
    Attributes:
        enabled (bool | Unset):
        enabled_at (datetime.datetime | None | Unset):
        recovery_codes_left (int | Unset):
        required (bool | Unset): the sign-in policy requires it of your roles
    """

    enabled: bool | Unset = UNSET
    enabled_at: datetime.datetime | None | Unset = UNSET
    recovery_codes_left: int | Unset = UNSET
    required: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        enabled_at: None | str | Unset
        if isinstance(self.enabled_at, Unset):
            enabled_at = UNSET
        elif isinstance(self.enabled_at, datetime.datetime):
            enabled_at = self.enabled_at.isoformat()
        else:
            enabled_at = self.enabled_at

        recovery_codes_left = self.recovery_codes_left

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if enabled_at is not UNSET:
            field_dict["enabled_at"] = enabled_at
        if recovery_codes_left is not UNSET:
            field_dict["recovery_codes_left"] = recovery_codes_left
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        def _parse_enabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return enabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        enabled_at = _parse_enabled_at(d.pop("enabled_at", UNSET))

        recovery_codes_left = d.pop("recovery_codes_left", UNSET)

        required = d.pop("required", UNSET)

        two_factor_status = cls(
            enabled=enabled,
            enabled_at=enabled_at,
            recovery_codes_left=recovery_codes_left,
            required=required,
        )

        return two_factor_status
