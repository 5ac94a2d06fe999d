from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NextMilestone")


@_attrs_define
class NextMilestone:
    """
    Attributes:
        days_overdue (int | Unset):
        due_on (datetime.date | Unset):
        id (UUID | Unset):
        status (str | Unset): planned, act_pending or overdue
        title (str | Unset):
    """

    days_overdue: int | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    id: UUID | Unset = UNSET
    status: str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        days_overdue = self.days_overdue

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        status = self.status

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if days_overdue is not UNSET:
            field_dict["days_overdue"] = days_overdue
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        days_overdue = d.pop("days_overdue", UNSET)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        next_milestone = cls(
            days_overdue=days_overdue,
            due_on=due_on,
            id=id,
            status=status,
            title=title,
        )

        return next_milestone
