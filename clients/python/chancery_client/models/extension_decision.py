from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtensionDecision")


@_attrs_define
class ExtensionDecision:
    """
    Attributes:
        grant (bool):
    """

    grant: bool

    def to_dict(self) -> dict[str, Any]:
        grant = self.grant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant": grant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grant = d.pop("grant")

        extension_decision = cls(
            grant=grant,
        )

        return extension_decision
