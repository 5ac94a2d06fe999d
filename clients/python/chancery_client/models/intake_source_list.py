from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_source import IntakeSource


T = TypeVar("T", bound="IntakeSourceList")


@_attrs_define
class IntakeSourceList:
    """
    Attributes:
        items (list[IntakeSource] | Unset):
        next_ (None | str | Unset): The address of the next page (also the `Link` header, rel="next"); null on the last.
        total (int | Unset): How many match (absent in a sync, which counts nothing).
    """

    items: list[IntakeSource] | Unset = UNSET
    next_: None | str | Unset = UNSET
    total: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if next_ is not UNSET:
            field_dict["next"] = next_
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_source import IntakeSource

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[IntakeSource] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = IntakeSource.from_dict(items_item_data)

                items.append(items_item)

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        total = d.pop("total", UNSET)

        intake_source_list = cls(
            items=items,
            next_=next_,
            total=total,
        )

        return intake_source_list
