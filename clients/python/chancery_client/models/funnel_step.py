from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pipeline_stage import PipelineStage


T = TypeVar("T", bound="FunnelStep")


@_attrs_define
class FunnelStep:
    """
    Attributes:
        conversion (float | None | Unset): went_on / reached in per cent; null for the last stage or when none reached
            it
        reached (int | Unset): counterparties a note moved to this stage in the period
        stage (PipelineStage | Unset):
        went_on (int | None | Unset): of those, how many a later note of the period moved to the next stage; null for
            the last
    """

    conversion: float | None | Unset = UNSET
    reached: int | Unset = UNSET
    stage: PipelineStage | Unset = UNSET
    went_on: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        conversion: float | None | Unset
        if isinstance(self.conversion, Unset):
            conversion = UNSET
        else:
            conversion = self.conversion

        reached = self.reached

        stage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = self.stage.to_dict()

        went_on: int | None | Unset
        if isinstance(self.went_on, Unset):
            went_on = UNSET
        else:
            went_on = self.went_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if conversion is not UNSET:
            field_dict["conversion"] = conversion
        if reached is not UNSET:
            field_dict["reached"] = reached
        if stage is not UNSET:
            field_dict["stage"] = stage
        if went_on is not UNSET:
            field_dict["went_on"] = went_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pipeline_stage import PipelineStage

        d = dict(src_dict)

        def _parse_conversion(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        conversion = _parse_conversion(d.pop("conversion", UNSET))

        reached = d.pop("reached", UNSET)

        _stage = d.pop("stage", UNSET)
        stage: PipelineStage | Unset
        if isinstance(_stage, Unset):
            stage = UNSET
        else:
            stage = PipelineStage.from_dict(_stage)

        def _parse_went_on(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        went_on = _parse_went_on(d.pop("went_on", UNSET))

        funnel_step = cls(
            conversion=conversion,
            reached=reached,
            stage=stage,
            went_on=went_on,
        )

        return funnel_step
