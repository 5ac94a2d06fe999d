from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverdueCounts")


@_attrs_define
class OverdueCounts:
    """
    Attributes:
        milestones (int | Unset):
        payments (int | Unset):
    """

    milestones: int | Unset = UNSET
    payments: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        milestones = self.milestones

        payments = self.payments

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if milestones is not UNSET:
            field_dict["milestones"] = milestones
        if payments is not UNSET:
            field_dict["payments"] = payments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        milestones = d.pop("milestones", UNSET)

        payments = d.pop("payments", UNSET)

        overdue_counts = cls(
            milestones=milestones,
            payments=payments,
        )

        return overdue_counts
