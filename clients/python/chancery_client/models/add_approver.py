from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AddApprover")


@_attrs_define
class AddApprover:
    """
    Attributes:
        employee_id (UUID):
        stage_id (UUID):
    """

    employee_id: UUID
    stage_id: UUID

    def to_dict(self) -> dict[str, Any]:
        employee_id = str(self.employee_id)

        stage_id = str(self.stage_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employee_id": employee_id,
                "stage_id": stage_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))

        stage_id = UUID(d.pop("stage_id"))

        add_approver = cls(
            employee_id=employee_id,
            stage_id=stage_id,
        )

        return add_approver
