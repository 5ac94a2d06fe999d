from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationRequest")


@_attrs_define
class RegistrationRequest:
    """
    Attributes:
        reserved_number (None | str | Unset): take this number reserved before in the journal, instead of the next one
    """

    reserved_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reserved_number: None | str | Unset
        if isinstance(self.reserved_number, Unset):
            reserved_number = UNSET
        else:
            reserved_number = self.reserved_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reserved_number is not UNSET:
            field_dict["reserved_number"] = reserved_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_reserved_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reserved_number = _parse_reserved_number(d.pop("reserved_number", UNSET))

        registration_request = cls(
            reserved_number=reserved_number,
        )

        return registration_request
