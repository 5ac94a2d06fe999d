from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverdueByDepartmentRow")


@_attrs_define
class OverdueByDepartmentRow:
    """
    Attributes:
        department_id (None | Unset | UUID):
        hours (float | Unset): hours the tasks were held in all
        open_overdue (int | Unset):
        overdue (int | Unset): decided late or still open past the deadline
        tasks (int | Unset):
    """

    department_id: None | Unset | UUID = UNSET
    hours: float | Unset = UNSET
    open_overdue: int | Unset = UNSET
    overdue: int | Unset = UNSET
    tasks: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        hours = self.hours

        open_overdue = self.open_overdue

        overdue = self.overdue

        tasks = self.tasks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
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

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        hours = d.pop("hours", UNSET)

        open_overdue = d.pop("open_overdue", UNSET)

        overdue = d.pop("overdue", UNSET)

        tasks = d.pop("tasks", UNSET)

        overdue_by_department_row = cls(
            department_id=department_id,
            hours=hours,
            open_overdue=open_overdue,
            overdue=overdue,
            tasks=tasks,
        )

        return overdue_by_department_row
