from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.negotiation import Negotiation
    from ..models.negotiation_note import NegotiationNote
    from ..models.negotiation_stage_ref import NegotiationStageRef


T = TypeVar("T", bound="NegotiationNotes")


@_attrs_define
class NegotiationNotes:
    """
    Attributes:
        current_stage (NegotiationStageRef | None | Unset):
        items (list[NegotiationNote] | Unset): newest first
        negotiation (Negotiation | Unset):
        next_ (None | str | Unset): The address of the next page (also the `Link` header, rel="next"); null on the last.
        total (int | Unset):
    """

    current_stage: NegotiationStageRef | None | Unset = UNSET
    items: list[NegotiationNote] | Unset = UNSET
    negotiation: Negotiation | Unset = UNSET
    next_: None | str | Unset = UNSET
    total: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.negotiation_stage_ref import NegotiationStageRef

        current_stage: dict[str, Any] | None | Unset
        if isinstance(self.current_stage, Unset):
            current_stage = UNSET
        elif isinstance(self.current_stage, NegotiationStageRef):
            current_stage = self.current_stage.to_dict()
        else:
            current_stage = self.current_stage

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        negotiation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.negotiation, Unset):
            negotiation = self.negotiation.to_dict()

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if current_stage is not UNSET:
            field_dict["current_stage"] = current_stage
        if items is not UNSET:
            field_dict["items"] = items
        if negotiation is not UNSET:
            field_dict["negotiation"] = negotiation
        if next_ is not UNSET:
            field_dict["next"] = next_
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.negotiation import Negotiation
        from ..models.negotiation_note import NegotiationNote
        from ..models.negotiation_stage_ref import NegotiationStageRef

        d = dict(src_dict)

        def _parse_current_stage(data: object) -> NegotiationStageRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_stage_type_1 = NegotiationStageRef.from_dict(data)

                return current_stage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegotiationStageRef | None | Unset, data)

        current_stage = _parse_current_stage(d.pop("current_stage", UNSET))

        _items = d.pop("items", UNSET)
        items: list[NegotiationNote] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = NegotiationNote.from_dict(items_item_data)

                items.append(items_item)

        _negotiation = d.pop("negotiation", UNSET)
        negotiation: Negotiation | Unset
        if isinstance(_negotiation, Unset):
            negotiation = UNSET
        else:
            negotiation = Negotiation.from_dict(_negotiation)

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        total = d.pop("total", UNSET)

        negotiation_notes = cls(
            current_stage=current_stage,
            items=items,
            negotiation=negotiation,
            next_=next_,
            total=total,
        )

        return negotiation_notes
