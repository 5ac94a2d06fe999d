from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparty_merge_request_fields import (
        CounterpartyMergeRequestFields,
    )


T = TypeVar("T", bound="CounterpartyMergeRequest")


@_attrs_define
class CounterpartyMergeRequest:
    """
    Attributes:
        merged_id (UUID): the counterparty that disappears into this one
        fields (CounterpartyMergeRequestFields | Unset): card field -> survivor|merged: whose value stays (default: the
            survivor's, the merged one's where the survivor has none; notes are joined)
    """

    merged_id: UUID
    fields: CounterpartyMergeRequestFields | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        merged_id = str(self.merged_id)

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "merged_id": merged_id,
            }
        )
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.counterparty_merge_request_fields import (
            CounterpartyMergeRequestFields,
        )

        d = dict(src_dict)
        merged_id = UUID(d.pop("merged_id"))

        _fields = d.pop("fields", UNSET)
        fields: CounterpartyMergeRequestFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = CounterpartyMergeRequestFields.from_dict(_fields)

        counterparty_merge_request = cls(
            merged_id=merged_id,
            fields=fields,
        )

        return counterparty_merge_request
