from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dead_letter import DeadLetter


T = TypeVar("T", bound="Replayed")


@_attrs_define
class Replayed:
    """
    Attributes:
        not_found (list[str] | Unset): ids that are not dead letters (any more)
        replayed (list[DeadLetter] | Unset):
    """

    not_found: list[str] | Unset = UNSET
    replayed: list[DeadLetter] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        not_found: list[str] | Unset = UNSET
        if not isinstance(self.not_found, Unset):
            not_found = self.not_found

        replayed: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.replayed, Unset):
            replayed = []
            for replayed_item_data in self.replayed:
                replayed_item = replayed_item_data.to_dict()
                replayed.append(replayed_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if not_found is not UNSET:
            field_dict["not_found"] = not_found
        if replayed is not UNSET:
            field_dict["replayed"] = replayed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dead_letter import DeadLetter

        d = dict(src_dict)
        not_found = cast(list[str], d.pop("not_found", UNSET))

        _replayed = d.pop("replayed", UNSET)
        replayed: list[DeadLetter] | Unset = UNSET
        if _replayed is not UNSET:
            replayed = []
            for replayed_item_data in _replayed:
                replayed_item = DeadLetter.from_dict(replayed_item_data)

                replayed.append(replayed_item)

        replayed = cls(
            not_found=not_found,
            replayed=replayed,
        )

        return replayed
