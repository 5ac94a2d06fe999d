from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.counterparty_card import CounterpartyCard
    from ..models.merge_moved import MergeMoved


T = TypeVar("T", bound="CounterpartyMergeResult")


@_attrs_define
class CounterpartyMergeResult:
    """
    Attributes:
        counterparty (CounterpartyCard | Unset):
        moved (MergeMoved | Unset):
    """

    counterparty: CounterpartyCard | Unset = UNSET
    moved: MergeMoved | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counterparty, Unset):
            counterparty = self.counterparty.to_dict()

        moved: dict[str, Any] | Unset = UNSET
        if not isinstance(self.moved, Unset):
            moved = self.moved.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty is not UNSET:
            field_dict["counterparty"] = counterparty
        if moved is not UNSET:
            field_dict["moved"] = moved

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.counterparty_card import CounterpartyCard
        from ..models.merge_moved import MergeMoved

        d = dict(src_dict)
        _counterparty = d.pop("counterparty", UNSET)
        counterparty: CounterpartyCard | Unset
        if isinstance(_counterparty, Unset):
            counterparty = UNSET
        else:
            counterparty = CounterpartyCard.from_dict(_counterparty)

        _moved = d.pop("moved", UNSET)
        moved: MergeMoved | Unset
        if isinstance(_moved, Unset):
            moved = UNSET
        else:
            moved = MergeMoved.from_dict(_moved)

        counterparty_merge_result = cls(
            counterparty=counterparty,
            moved=moved,
        )

        return counterparty_merge_result
