from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Explanation")


@_attrs_define
class Explanation:
    """
    Attributes:
        employee_id (UUID | Unset):
        reasons (list[str] | Unset):
        record_id (UUID | Unset):
        record_type (str | Unset):
        visible (bool | Unset):
    """

    employee_id: UUID | Unset = UNSET
    reasons: list[str] | Unset = UNSET
    record_id: UUID | Unset = UNSET
    record_type: str | Unset = UNSET
    visible: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employee_id: str | Unset = UNSET
        if not isinstance(self.employee_id, Unset):
            employee_id = str(self.employee_id)

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = self.reasons

        record_id: str | Unset = UNSET
        if not isinstance(self.record_id, Unset):
            record_id = str(self.record_id)

        record_type = self.record_type

        visible = self.visible

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if record_id is not UNSET:
            field_dict["record_id"] = record_id
        if record_type is not UNSET:
            field_dict["record_type"] = record_type
        if visible is not UNSET:
            field_dict["visible"] = visible

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _employee_id = d.pop("employee_id", UNSET)
        employee_id: UUID | Unset
        if isinstance(_employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = UUID(_employee_id)

        reasons = cast(list[str], d.pop("reasons", UNSET))

        _record_id = d.pop("record_id", UNSET)
        record_id: UUID | Unset
        if isinstance(_record_id, Unset):
            record_id = UNSET
        else:
            record_id = UUID(_record_id)

        record_type = d.pop("record_type", UNSET)

        visible = d.pop("visible", UNSET)

        explanation = cls(
            employee_id=employee_id,
            reasons=reasons,
            record_id=record_id,
            record_type=record_type,
            visible=visible,
        )

        return explanation
