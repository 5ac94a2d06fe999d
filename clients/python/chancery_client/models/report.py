from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.held_row import HeldRow
    from ..models.overdue_row import OverdueRow


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """
    Attributes:
        by_department (list[OverdueRow] | Unset):
        by_employee (list[OverdueRow] | Unset):
        held (list[HeldRow] | Unset): who held which document how long
    """

    by_department: list[OverdueRow] | Unset = UNSET
    by_employee: list[OverdueRow] | Unset = UNSET
    held: list[HeldRow] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        by_department: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_department, Unset):
            by_department = []
            for by_department_item_data in self.by_department:
                by_department_item = by_department_item_data.to_dict()
                by_department.append(by_department_item)

        by_employee: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.by_employee, Unset):
            by_employee = []
            for by_employee_item_data in self.by_employee:
                by_employee_item = by_employee_item_data.to_dict()
                by_employee.append(by_employee_item)

        held: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.held, Unset):
            held = []
            for held_item_data in self.held:
                held_item = held_item_data.to_dict()
                held.append(held_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if by_department is not UNSET:
            field_dict["by_department"] = by_department
        if by_employee is not UNSET:
            field_dict["by_employee"] = by_employee
        if held is not UNSET:
            field_dict["held"] = held

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.held_row import HeldRow
        from ..models.overdue_row import OverdueRow

        d = dict(src_dict)
        _by_department = d.pop("by_department", UNSET)
        by_department: list[OverdueRow] | Unset = UNSET
        if _by_department is not UNSET:
            by_department = []
            for by_department_item_data in _by_department:
                by_department_item = OverdueRow.from_dict(by_department_item_data)

                by_department.append(by_department_item)

        _by_employee = d.pop("by_employee", UNSET)
        by_employee: list[OverdueRow] | Unset = UNSET
        if _by_employee is not UNSET:
            by_employee = []
            for by_employee_item_data in _by_employee:
                by_employee_item = OverdueRow.from_dict(by_employee_item_data)

                by_employee.append(by_employee_item)

        _held = d.pop("held", UNSET)
        held: list[HeldRow] | Unset = UNSET
        if _held is not UNSET:
            held = []
            for held_item_data in _held:
                held_item = HeldRow.from_dict(held_item_data)

                held.append(held_item)

        report = cls(
            by_department=by_department,
            by_employee=by_employee,
            held=held,
        )

        return report
