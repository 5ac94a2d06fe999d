from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnavailablePart")


@_attrs_define
class UnavailablePart:
    """
    Attributes:
        part (str | Unset):
        reason (str | Unset):
        service (str | Unset):
    """

    part: str | Unset = UNSET
    reason: str | Unset = UNSET
    service: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        part = self.part

        reason = self.reason

        service = self.service

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if part is not UNSET:
            field_dict["part"] = part
        if reason is not UNSET:
            field_dict["reason"] = reason
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        part = d.pop("part", UNSET)

        reason = d.pop("reason", UNSET)

        service = d.pop("service", UNSET)

        unavailable_part = cls(
            part=part,
            reason=reason,
            service=service,
        )

        return unavailable_part
