from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.board_card import BoardCard
    from ..models.pipeline_amount import PipelineAmount
    from ..models.pipeline_stage import PipelineStage


T = TypeVar("T", bound="BoardColumn")


@_attrs_define
class BoardColumn:
    """
    Attributes:
        amounts (list[PipelineAmount] | Unset): the expected amounts summed per currency
        cards (list[BoardCard] | Unset):
        count (int | Unset): counterparties in this stage
        stage (PipelineStage | Unset):
        stalled (int | Unset): of them, stalled
        truncated (bool | Unset): more cards than `limit`: only the first are listed
    """

    amounts: list[PipelineAmount] | Unset = UNSET
    cards: list[BoardCard] | Unset = UNSET
    count: int | Unset = UNSET
    stage: PipelineStage | Unset = UNSET
    stalled: int | Unset = UNSET
    truncated: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amounts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = []
            for amounts_item_data in self.amounts:
                amounts_item = amounts_item_data.to_dict()
                amounts.append(amounts_item)

        cards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cards, Unset):
            cards = []
            for cards_item_data in self.cards:
                cards_item = cards_item_data.to_dict()
                cards.append(cards_item)

        count = self.count

        stage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = self.stage.to_dict()

        stalled = self.stalled

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amounts is not UNSET:
            field_dict["amounts"] = amounts
        if cards is not UNSET:
            field_dict["cards"] = cards
        if count is not UNSET:
            field_dict["count"] = count
        if stage is not UNSET:
            field_dict["stage"] = stage
        if stalled is not UNSET:
            field_dict["stalled"] = stalled
        if truncated is not UNSET:
            field_dict["truncated"] = truncated

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.board_card import BoardCard
        from ..models.pipeline_amount import PipelineAmount
        from ..models.pipeline_stage import PipelineStage

        d = dict(src_dict)
        _amounts = d.pop("amounts", UNSET)
        amounts: list[PipelineAmount] | Unset = UNSET
        if _amounts is not UNSET:
            amounts = []
            for amounts_item_data in _amounts:
                amounts_item = PipelineAmount.from_dict(amounts_item_data)

                amounts.append(amounts_item)

        _cards = d.pop("cards", UNSET)
        cards: list[BoardCard] | Unset = UNSET
        if _cards is not UNSET:
            cards = []
            for cards_item_data in _cards:
                cards_item = BoardCard.from_dict(cards_item_data)

                cards.append(cards_item)

        count = d.pop("count", UNSET)

        _stage = d.pop("stage", UNSET)
        stage: PipelineStage | Unset
        if isinstance(_stage, Unset):
            stage = UNSET
        else:
            stage = PipelineStage.from_dict(_stage)

        stalled = d.pop("stalled", UNSET)

        truncated = d.pop("truncated", UNSET)

        board_column = cls(
            amounts=amounts,
            cards=cards,
            count=count,
            stage=stage,
            stalled=stalled,
            truncated=truncated,
        )

        return board_column
