from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventLogEnd")


@_attrs_define
class EventLogEnd:
    """
    Attributes:
        cursor (str | Unset): The position of the newest event of every producer, as `after` takes it.
    """

    cursor: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cursor = d.pop("cursor", UNSET)

        event_log_end = cls(
            cursor=cursor,
        )

        return event_log_end
