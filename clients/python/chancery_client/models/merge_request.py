from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeRequest")


@_attrs_define
class MergeRequest:
    """
    Attributes:
        into_id (UUID): the value of the same book that stays
    """

    into_id: UUID

    def to_dict(self) -> dict[str, Any]:
        into_id = str(self.into_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "into_id": into_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        into_id = UUID(d.pop("into_id"))

        merge_request = cls(
            into_id=into_id,
        )

        return merge_request
