from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverdueByEmployeeRow")


@_attrs_define
class OverdueByEmployeeRow:
    """
    Attributes:
        approver_id (UUID | Unset):
        hours (float | Unset): hours the tasks were held in all
        open_overdue (int | Unset):
        overdue (int | Unset): decided late or still open past the deadline
        tasks (int | Unset):
    """

    approver_id: UUID | Unset = UNSET
    hours: float | Unset = UNSET
    open_overdue: int | Unset = UNSET
    overdue: int | Unset = UNSET
    tasks: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        approver_id: str | Unset = UNSET
        if not isinstance(self.approver_id, Unset):
            approver_id = str(self.approver_id)

        hours = self.hours

        open_overdue = self.open_overdue

        overdue = self.overdue

        tasks = self.tasks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if approver_id is not UNSET:
            field_dict["approver_id"] = approver_id
        if hours is not UNSET:
            field_dict["hours"] = hours
        if open_overdue is not UNSET:
            field_dict["open_overdue"] = open_overdue
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _approver_id = d.pop("approver_id", UNSET)
        approver_id: UUID | Unset
        if isinstance(_approver_id, Unset):
            approver_id = UNSET
        else:
            approver_id = UUID(_approver_id)

        hours = d.pop("hours", UNSET)

        open_overdue = d.pop("open_overdue", UNSET)

        overdue = d.pop("overdue", UNSET)

        tasks = d.pop("tasks", UNSET)

        overdue_by_employee_row = cls(
            approver_id=approver_id,
            hours=hours,
            open_overdue=open_overdue,
            overdue=overdue,
            tasks=tasks,
        )

        return overdue_by_employee_row
