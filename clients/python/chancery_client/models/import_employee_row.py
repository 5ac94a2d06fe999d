from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportEmployeeRow")


@_attrs_define
class ImportEmployeeRow:
    """
    Attributes:
        action (str | Unset): create, update or error
        department (None | str | Unset):
        email (str | Unset):
        errors (list[str] | Unset):
        full_name (str | Unset):
        row (int | Unset): the row's number in the file (the header is row 1)
    """

    action: str | Unset = UNSET
    department: None | str | Unset = UNSET
    email: str | Unset = UNSET
    errors: list[str] | Unset = UNSET
    full_name: str | Unset = UNSET
    row: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        email = self.email

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        full_name = self.full_name

        row = self.row

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if department is not UNSET:
            field_dict["department"] = department
        if email is not UNSET:
            field_dict["email"] = email
        if errors is not UNSET:
            field_dict["errors"] = errors
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if row is not UNSET:
            field_dict["row"] = row

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action", UNSET)

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        email = d.pop("email", UNSET)

        errors = cast(list[str], d.pop("errors", UNSET))

        full_name = d.pop("full_name", UNSET)

        row = d.pop("row", UNSET)

        import_employee_row = cls(
            action=action,
            department=department,
            email=email,
            errors=errors,
            full_name=full_name,
            row=row,
        )

        return import_employee_row
