from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.next_milestone import NextMilestone
    from ..models.overdue_counts import OverdueCounts
    from ..models.settlement import Settlement


T = TypeVar("T", bound="ExecutionSummary")


@_attrs_define
class ExecutionSummary:
    """
    Attributes:
        next_milestone (NextMilestone | None | Unset): the first milestone not done
        overdue (OverdueCounts | Unset):
        totals (list[Settlement] | Unset):
        we_are (str | Unset): supplier or customer: our side in the contract
    """

    next_milestone: NextMilestone | None | Unset = UNSET
    overdue: OverdueCounts | Unset = UNSET
    totals: list[Settlement] | Unset = UNSET
    we_are: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.next_milestone import NextMilestone

        next_milestone: dict[str, Any] | None | Unset
        if isinstance(self.next_milestone, Unset):
            next_milestone = UNSET
        elif isinstance(self.next_milestone, NextMilestone):
            next_milestone = self.next_milestone.to_dict()
        else:
            next_milestone = self.next_milestone

        overdue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.overdue, Unset):
            overdue = self.overdue.to_dict()

        totals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = []
            for totals_item_data in self.totals:
                totals_item = totals_item_data.to_dict()
                totals.append(totals_item)

        we_are = self.we_are

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if next_milestone is not UNSET:
            field_dict["next_milestone"] = next_milestone
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if totals is not UNSET:
            field_dict["totals"] = totals
        if we_are is not UNSET:
            field_dict["we_are"] = we_are

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.next_milestone import NextMilestone
        from ..models.overdue_counts import OverdueCounts
        from ..models.settlement import Settlement

        d = dict(src_dict)

        def _parse_next_milestone(data: object) -> NextMilestone | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_milestone_type_1 = NextMilestone.from_dict(data)

                return next_milestone_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextMilestone | None | Unset, data)

        next_milestone = _parse_next_milestone(d.pop("next_milestone", UNSET))

        _overdue = d.pop("overdue", UNSET)
        overdue: OverdueCounts | Unset
        if isinstance(_overdue, Unset):
            overdue = UNSET
        else:
            overdue = OverdueCounts.from_dict(_overdue)

        _totals = d.pop("totals", UNSET)
        totals: list[Settlement] | Unset = UNSET
        if _totals is not UNSET:
            totals = []
            for totals_item_data in _totals:
                totals_item = Settlement.from_dict(totals_item_data)

                totals.append(totals_item)

        we_are = d.pop("we_are", UNSET)

        execution_summary = cls(
            next_milestone=next_milestone,
            overdue=overdue,
            totals=totals,
            we_are=we_are,
        )

        return execution_summary
