from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity import Activity


T = TypeVar("T", bound="CompletedActivity")


@_attrs_define
class CompletedActivity:
    """
    Attributes:
        activity (Activity | Unset):
        follow_up (Activity | None | Unset):
    """

    activity: Activity | Unset = UNSET
    follow_up: Activity | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.activity import Activity

        activity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.activity, Unset):
            activity = self.activity.to_dict()

        follow_up: dict[str, Any] | None | Unset
        if isinstance(self.follow_up, Unset):
            follow_up = UNSET
        elif isinstance(self.follow_up, Activity):
            follow_up = self.follow_up.to_dict()
        else:
            follow_up = self.follow_up

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity is not UNSET:
            field_dict["activity"] = activity
        if follow_up is not UNSET:
            field_dict["follow_up"] = follow_up

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.activity import Activity

        d = dict(src_dict)
        _activity = d.pop("activity", UNSET)
        activity: Activity | Unset
        if isinstance(_activity, Unset):
            activity = UNSET
        else:
            activity = Activity.from_dict(_activity)

        def _parse_follow_up(data: object) -> Activity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                follow_up_type_1 = Activity.from_dict(data)

                return follow_up_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None | Unset, data)

        follow_up = _parse_follow_up(d.pop("follow_up", UNSET))

        completed_activity = cls(
            activity=activity,
            follow_up=follow_up,
        )

        return completed_activity
