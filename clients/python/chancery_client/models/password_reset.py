from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PasswordReset")


@_attrs_define
class PasswordReset:
    """
    Attributes:
        new_password (str | Unset): default: a generated one, returned once
    """

    new_password: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        new_password = self.new_password

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if new_password is not UNSET:
            field_dict["new_password"] = new_password

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        new_password = d.pop("new_password", UNSET)

        password_reset = cls(
            new_password=new_password,
        )

        return password_reset
