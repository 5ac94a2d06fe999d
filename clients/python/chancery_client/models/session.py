from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employee import Employee


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """
    Attributes:
        csrf_token (str | Unset):
        employee (Employee | Unset):
        permissions (list[str] | Unset): what the roles allow
        second_factor_required (bool | Unset): true (and nothing else) when the password was right and two-factor is on:
            send the code to POST /api/v1/auth/login/code with the same cookies
        two_factor_enrolment_required (bool | Unset): the sign-in policy requires two-factor of these roles and it is
            not set up: every other endpoint answers 403 until POST /api/v1/auth/two-factor/enrolment/confirm
        visible_department_ids (list[UUID] | Unset): departments whose records the employee sees
    """

    csrf_token: str | Unset = UNSET
    employee: Employee | Unset = UNSET
    permissions: list[str] | Unset = UNSET
    second_factor_required: bool | Unset = UNSET
    two_factor_enrolment_required: bool | Unset = UNSET
    visible_department_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        csrf_token = self.csrf_token

        employee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employee, Unset):
            employee = self.employee.to_dict()

        permissions: list[str] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions

        second_factor_required = self.second_factor_required

        two_factor_enrolment_required = self.two_factor_enrolment_required

        visible_department_ids: list[str] | Unset = UNSET
        if not isinstance(self.visible_department_ids, Unset):
            visible_department_ids = []
            for visible_department_ids_item_data in self.visible_department_ids:
                visible_department_ids_item = str(visible_department_ids_item_data)
                visible_department_ids.append(visible_department_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if csrf_token is not UNSET:
            field_dict["csrf_token"] = csrf_token
        if employee is not UNSET:
            field_dict["employee"] = employee
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if second_factor_required is not UNSET:
            field_dict["second_factor_required"] = second_factor_required
        if two_factor_enrolment_required is not UNSET:
            field_dict["two_factor_enrolment_required"] = two_factor_enrolment_required
        if visible_department_ids is not UNSET:
            field_dict["visible_department_ids"] = visible_department_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.employee import Employee

        d = dict(src_dict)
        csrf_token = d.pop("csrf_token", UNSET)

        _employee = d.pop("employee", UNSET)
        employee: Employee | Unset
        if isinstance(_employee, Unset):
            employee = UNSET
        else:
            employee = Employee.from_dict(_employee)

        permissions = cast(list[str], d.pop("permissions", UNSET))

        second_factor_required = d.pop("second_factor_required", UNSET)

        two_factor_enrolment_required = d.pop("two_factor_enrolment_required", UNSET)

        _visible_department_ids = d.pop("visible_department_ids", UNSET)
        visible_department_ids: list[UUID] | Unset = UNSET
        if _visible_department_ids is not UNSET:
            visible_department_ids = []
            for visible_department_ids_item_data in _visible_department_ids:
                visible_department_ids_item = UUID(visible_department_ids_item_data)

                visible_department_ids.append(visible_department_ids_item)

        session = cls(
            csrf_token=csrf_token,
            employee=employee,
            permissions=permissions,
            second_factor_required=second_factor_required,
            two_factor_enrolment_required=two_factor_enrolment_required,
            visible_department_ids=visible_department_ids,
        )

        return session
