from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.completion_status import CompletionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.follow_up import FollowUp


T = TypeVar("T", bound="Completion")


@_attrs_define
class Completion:
    """
    Attributes:
        result (str):
        follow_up (FollowUp | None | Unset):
        next_step (None | str | Unset):
        status (CompletionStatus | Unset):
    """

    result: str
    follow_up: FollowUp | None | Unset = UNSET
    next_step: None | str | Unset = UNSET
    status: CompletionStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.follow_up import FollowUp

        result = self.result

        follow_up: dict[str, Any] | None | Unset
        if isinstance(self.follow_up, Unset):
            follow_up = UNSET
        elif isinstance(self.follow_up, FollowUp):
            follow_up = self.follow_up.to_dict()
        else:
            follow_up = self.follow_up

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "result": result,
            }
        )
        if follow_up is not UNSET:
            field_dict["follow_up"] = follow_up
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.follow_up import FollowUp

        d = dict(src_dict)
        result = d.pop("result")

        def _parse_follow_up(data: object) -> FollowUp | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                follow_up_type_1 = FollowUp.from_dict(data)

                return follow_up_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FollowUp | None | Unset, data)

        follow_up = _parse_follow_up(d.pop("follow_up", UNSET))

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        _status = d.pop("status", UNSET)
        status: CompletionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CompletionStatus(_status)

        completion = cls(
            result=result,
            follow_up=follow_up,
            next_step=next_step,
            status=status,
        )

        return completion
