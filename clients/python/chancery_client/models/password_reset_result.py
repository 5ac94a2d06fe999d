from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employee import Employee


T = TypeVar("T", bound="PasswordResetResult")


@_attrs_define
class PasswordResetResult:
    """
    Attributes:
        employee (Employee | Unset):
        generated_password (None | str | Unset):
    """

    employee: Employee | Unset = UNSET
    generated_password: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.employee, Unset):
            employee = self.employee.to_dict()

        generated_password: None | str | Unset
        if isinstance(self.generated_password, Unset):
            generated_password = UNSET
        else:
            generated_password = self.generated_password

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if employee is not UNSET:
            field_dict["employee"] = employee
        if generated_password is not UNSET:
            field_dict["generated_password"] = generated_password

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.employee import Employee

        d = dict(src_dict)
        _employee = d.pop("employee", UNSET)
        employee: Employee | Unset
        if isinstance(_employee, Unset):
            employee = UNSET
        else:
            employee = Employee.from_dict(_employee)

        def _parse_generated_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        generated_password = _parse_generated_password(
            d.pop("generated_password", UNSET)
        )

        password_reset_result = cls(
            employee=employee,
            generated_password=generated_password,
        )

        return password_reset_result
