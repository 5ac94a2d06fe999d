from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_read import FileRead
    from ..models.import_employee_row import ImportEmployeeRow


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        applied (bool | Unset): whether the changes were saved
        departments (list[str] | Unset): the departments created
        departments_created (int | Unset):
        dry_run (bool | Unset):
        employees_created (int | Unset):
        employees_updated (int | Unset):
        failed (int | Unset): rows with errors (only a dry run reports them here)
        file (FileRead | Unset):
        rows (list[ImportEmployeeRow] | Unset):
        total_rows (int | Unset):
        unknown_columns (list[str] | Unset): headers that name no field: ignored
    """

    applied: bool | Unset = UNSET
    departments: list[str] | Unset = UNSET
    departments_created: int | Unset = UNSET
    dry_run: bool | Unset = UNSET
    employees_created: int | Unset = UNSET
    employees_updated: int | Unset = UNSET
    failed: int | Unset = UNSET
    file: FileRead | Unset = UNSET
    rows: list[ImportEmployeeRow] | Unset = UNSET
    total_rows: int | Unset = UNSET
    unknown_columns: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        applied = self.applied

        departments: list[str] | Unset = UNSET
        if not isinstance(self.departments, Unset):
            departments = self.departments

        departments_created = self.departments_created

        dry_run = self.dry_run

        employees_created = self.employees_created

        employees_updated = self.employees_updated

        failed = self.failed

        file: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file, Unset):
            file = self.file.to_dict()

        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)

        total_rows = self.total_rows

        unknown_columns: list[str] | Unset = UNSET
        if not isinstance(self.unknown_columns, Unset):
            unknown_columns = self.unknown_columns

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if applied is not UNSET:
            field_dict["applied"] = applied
        if departments is not UNSET:
            field_dict["departments"] = departments
        if departments_created is not UNSET:
            field_dict["departments_created"] = departments_created
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if employees_created is not UNSET:
            field_dict["employees_created"] = employees_created
        if employees_updated is not UNSET:
            field_dict["employees_updated"] = employees_updated
        if failed is not UNSET:
            field_dict["failed"] = failed
        if file is not UNSET:
            field_dict["file"] = file
        if rows is not UNSET:
            field_dict["rows"] = rows
        if total_rows is not UNSET:
            field_dict["total_rows"] = total_rows
        if unknown_columns is not UNSET:
            field_dict["unknown_columns"] = unknown_columns

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_read import FileRead
        from ..models.import_employee_row import ImportEmployeeRow

        d = dict(src_dict)
        applied = d.pop("applied", UNSET)

        departments = cast(list[str], d.pop("departments", UNSET))

        departments_created = d.pop("departments_created", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        employees_created = d.pop("employees_created", UNSET)

        employees_updated = d.pop("employees_updated", UNSET)

        failed = d.pop("failed", UNSET)

        _file = d.pop("file", UNSET)
        file: FileRead | Unset
        if isinstance(_file, Unset):
            file = UNSET
        else:
            file = FileRead.from_dict(_file)

        _rows = d.pop("rows", UNSET)
        rows: list[ImportEmployeeRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = ImportEmployeeRow.from_dict(rows_item_data)

                rows.append(rows_item)

        total_rows = d.pop("total_rows", UNSET)

        unknown_columns = cast(list[str], d.pop("unknown_columns", UNSET))

        import_result = cls(
            applied=applied,
            departments=departments,
            departments_created=departments_created,
            dry_run=dry_run,
            employees_created=employees_created,
            employees_updated=employees_updated,
            failed=failed,
            file=file,
            rows=rows,
            total_rows=total_rows,
            unknown_columns=unknown_columns,
        )

        return import_result
