from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletenessItem")


@_attrs_define
class CompletenessItem:
    """
    Attributes:
        missing (int | Unset):
        per (str | Unset):
        present (int | Unset):
        required (int | Unset):
        type_id (UUID | Unset):
        type_name (str | Unset):
    """

    missing: int | Unset = UNSET
    per: str | Unset = UNSET
    present: int | Unset = UNSET
    required: int | Unset = UNSET
    type_id: UUID | Unset = UNSET
    type_name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        missing = self.missing

        per = self.per

        present = self.present

        required = self.required

        type_id: str | Unset = UNSET
        if not isinstance(self.type_id, Unset):
            type_id = str(self.type_id)

        type_name = self.type_name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if missing is not UNSET:
            field_dict["missing"] = missing
        if per is not UNSET:
            field_dict["per"] = per
        if present is not UNSET:
            field_dict["present"] = present
        if required is not UNSET:
            field_dict["required"] = required
        if type_id is not UNSET:
            field_dict["type_id"] = type_id
        if type_name is not UNSET:
            field_dict["type_name"] = type_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        missing = d.pop("missing", UNSET)

        per = d.pop("per", UNSET)

        present = d.pop("present", UNSET)

        required = d.pop("required", UNSET)

        _type_id = d.pop("type_id", UNSET)
        type_id: UUID | Unset
        if isinstance(_type_id, Unset):
            type_id = UNSET
        else:
            type_id = UUID(_type_id)

        type_name = d.pop("type_name", UNSET)

        completeness_item = cls(
            missing=missing,
            per=per,
            present=present,
            required=required,
            type_id=type_id,
            type_name=type_name,
        )

        return completeness_item
