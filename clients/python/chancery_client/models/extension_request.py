from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ExtensionRequest")


@_attrs_define
class ExtensionRequest:
    """
    Attributes:
        due_at (datetime.datetime):
        reason (str):
    """

    due_at: datetime.datetime
    reason: str

    def to_dict(self) -> dict[str, Any]:
        due_at = self.due_at.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_at": due_at,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        reason = d.pop("reason")

        extension_request = cls(
            due_at=due_at,
            reason=reason,
        )

        return extension_request
