from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Recipients")


@_attrs_define
class Recipients:
    """
    Attributes:
        counterparty_responsible (bool | Unset): the counterparty's responsible employee
        department_ids (list[UUID] | Unset):
        employee_ids (list[UUID] | Unset):
        responsible (bool | Unset): the document's responsible person
        roles (list[str] | Unset):
    """

    counterparty_responsible: bool | Unset = UNSET
    department_ids: list[UUID] | Unset = UNSET
    employee_ids: list[UUID] | Unset = UNSET
    responsible: bool | Unset = UNSET
    roles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_responsible = self.counterparty_responsible

        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = []
            for department_ids_item_data in self.department_ids:
                department_ids_item = str(department_ids_item_data)
                department_ids.append(department_ids_item)

        employee_ids: list[str] | Unset = UNSET
        if not isinstance(self.employee_ids, Unset):
            employee_ids = []
            for employee_ids_item_data in self.employee_ids:
                employee_ids_item = str(employee_ids_item_data)
                employee_ids.append(employee_ids_item)

        responsible = self.responsible

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty_responsible is not UNSET:
            field_dict["counterparty_responsible"] = counterparty_responsible
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if employee_ids is not UNSET:
            field_dict["employee_ids"] = employee_ids
        if responsible is not UNSET:
            field_dict["responsible"] = responsible
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        counterparty_responsible = d.pop("counterparty_responsible", UNSET)

        _department_ids = d.pop("department_ids", UNSET)
        department_ids: list[UUID] | Unset = UNSET
        if _department_ids is not UNSET:
            department_ids = []
            for department_ids_item_data in _department_ids:
                department_ids_item = UUID(department_ids_item_data)

                department_ids.append(department_ids_item)

        _employee_ids = d.pop("employee_ids", UNSET)
        employee_ids: list[UUID] | Unset = UNSET
        if _employee_ids is not UNSET:
            employee_ids = []
            for employee_ids_item_data in _employee_ids:
                employee_ids_item = UUID(employee_ids_item_data)

                employee_ids.append(employee_ids_item)

        responsible = d.pop("responsible", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))

        recipients = cls(
            counterparty_responsible=counterparty_responsible,
            department_ids=department_ids,
            employee_ids=employee_ids,
            responsible=responsible,
            roles=roles,
        )

        return recipients
