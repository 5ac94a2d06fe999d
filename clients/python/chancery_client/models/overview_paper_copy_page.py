from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.paper_copy import PaperCopy


T = TypeVar("T", bound="OverviewPaperCopyPage")


@_attrs_define
class OverviewPaperCopyPage:
    """
    Attributes:
        items (list[PaperCopy] | Unset):
        total (int | Unset):
    """

    items: list[PaperCopy] | Unset = UNSET
    total: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paper_copy import PaperCopy

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[PaperCopy] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = PaperCopy.from_dict(items_item_data)

                items.append(items_item)

        total = d.pop("total", UNSET)

        overview_paper_copy_page = cls(
            items=items,
            total=total,
        )

        return overview_paper_copy_page
