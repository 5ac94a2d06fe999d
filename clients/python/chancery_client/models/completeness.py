from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.completeness_item import CompletenessItem


T = TypeVar("T", bound="Completeness")


@_attrs_define
class Completeness:
    """
    Attributes:
        complete (bool | Unset):
        document_id (UUID | Unset):
        items (list[CompletenessItem] | Unset):
        stages (int | Unset):
    """

    complete: bool | Unset = UNSET
    document_id: UUID | Unset = UNSET
    items: list[CompletenessItem] | Unset = UNSET
    stages: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        complete = self.complete

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        stages = self.stages

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if complete is not UNSET:
            field_dict["complete"] = complete
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if items is not UNSET:
            field_dict["items"] = items
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.completeness_item import CompletenessItem

        d = dict(src_dict)
        complete = d.pop("complete", UNSET)

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        _items = d.pop("items", UNSET)
        items: list[CompletenessItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = CompletenessItem.from_dict(items_item_data)

                items.append(items_item)

        stages = d.pop("stages", UNSET)

        completeness = cls(
            complete=complete,
            document_id=document_id,
            items=items,
            stages=stages,
        )

        return completeness
