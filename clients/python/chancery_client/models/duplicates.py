from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparty import Counterparty


T = TypeVar("T", bound="Duplicates")


@_attrs_define
class Duplicates:
    """
    Attributes:
        hidden_matches (int | Unset): look-alikes the caller may not see: counted, never shown
        items (list[Counterparty] | Unset):
    """

    hidden_matches: int | Unset = UNSET
    items: list[Counterparty] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        hidden_matches = self.hidden_matches

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if hidden_matches is not UNSET:
            field_dict["hidden_matches"] = hidden_matches
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.counterparty import Counterparty

        d = dict(src_dict)
        hidden_matches = d.pop("hidden_matches", UNSET)

        _items = d.pop("items", UNSET)
        items: list[Counterparty] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = Counterparty.from_dict(items_item_data)

                items.append(items_item)

        duplicates = cls(
            hidden_matches=hidden_matches,
            items=items,
        )

        return duplicates
