from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.export_args_format import ExportArgsFormat
from ..models.export_args_sort import ExportArgsSort
from ..models.export_args_status import ExportArgsStatus
from ..models.export_args_what import ExportArgsWhat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExportArgs")


@_attrs_define
class ExportArgs:
    """
    Attributes:
        activity_type_id (list[UUID] | Unset): any of these values (repeat the parameter)
        advertising_source_id (list[UUID] | Unset):
        category_id (list[UUID] | Unset):
        format_ (ExportArgsFormat | Unset):  Default: ExportArgsFormat.CSV.
        group_id (list[UUID] | Unset):
        region_id (list[UUID] | Unset):
        responsible_employee_id (UUID | Unset):
        search (str | Unset): words of the name, short name, e-mail, main contact or a contact person's name; part of
            the tax id; phone digits
        sort (ExportArgsSort | Unset):
        status (ExportArgsStatus | Unset):
        what (ExportArgsWhat | Unset): the counterparties, or the contact persons of those counterparties Default:
            ExportArgsWhat.COUNTERPARTIES.
    """

    activity_type_id: list[UUID] | Unset = UNSET
    advertising_source_id: list[UUID] | Unset = UNSET
    category_id: list[UUID] | Unset = UNSET
    format_: ExportArgsFormat | Unset = ExportArgsFormat.CSV
    group_id: list[UUID] | Unset = UNSET
    region_id: list[UUID] | Unset = UNSET
    responsible_employee_id: UUID | Unset = UNSET
    search: str | Unset = UNSET
    sort: ExportArgsSort | Unset = UNSET
    status: ExportArgsStatus | Unset = UNSET
    what: ExportArgsWhat | Unset = ExportArgsWhat.COUNTERPARTIES

    def to_dict(self) -> dict[str, Any]:
        activity_type_id: list[str] | Unset = UNSET
        if not isinstance(self.activity_type_id, Unset):
            activity_type_id = []
            for activity_type_id_item_data in self.activity_type_id:
                activity_type_id_item = str(activity_type_id_item_data)
                activity_type_id.append(activity_type_id_item)

        advertising_source_id: list[str] | Unset = UNSET
        if not isinstance(self.advertising_source_id, Unset):
            advertising_source_id = []
            for advertising_source_id_item_data in self.advertising_source_id:
                advertising_source_id_item = str(advertising_source_id_item_data)
                advertising_source_id.append(advertising_source_id_item)

        category_id: list[str] | Unset = UNSET
        if not isinstance(self.category_id, Unset):
            category_id = []
            for category_id_item_data in self.category_id:
                category_id_item = str(category_id_item_data)
                category_id.append(category_id_item)

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        group_id: list[str] | Unset = UNSET
        if not isinstance(self.group_id, Unset):
            group_id = []
            for group_id_item_data in self.group_id:
                group_id_item = str(group_id_item_data)
                group_id.append(group_id_item)

        region_id: list[str] | Unset = UNSET
        if not isinstance(self.region_id, Unset):
            region_id = []
            for region_id_item_data in self.region_id:
                region_id_item = str(region_id_item_data)
                region_id.append(region_id_item)

        responsible_employee_id: str | Unset = UNSET
        if not isinstance(self.responsible_employee_id, Unset):
            responsible_employee_id = str(self.responsible_employee_id)

        search = self.search

        sort: str | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        what: str | Unset = UNSET
        if not isinstance(self.what, Unset):
            what = self.what.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_type_id is not UNSET:
            field_dict["activity_type_id"] = activity_type_id
        if advertising_source_id is not UNSET:
            field_dict["advertising_source_id"] = advertising_source_id
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if format_ is not UNSET:
            field_dict["format"] = format_
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
        if responsible_employee_id is not UNSET:
            field_dict["responsible_employee_id"] = responsible_employee_id
        if search is not UNSET:
            field_dict["search"] = search
        if sort is not UNSET:
            field_dict["sort"] = sort
        if status is not UNSET:
            field_dict["status"] = status
        if what is not UNSET:
            field_dict["what"] = what

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _activity_type_id = d.pop("activity_type_id", UNSET)
        activity_type_id: list[UUID] | Unset = UNSET
        if _activity_type_id is not UNSET:
            activity_type_id = []
            for activity_type_id_item_data in _activity_type_id:
                activity_type_id_item = UUID(activity_type_id_item_data)

                activity_type_id.append(activity_type_id_item)

        _advertising_source_id = d.pop("advertising_source_id", UNSET)
        advertising_source_id: list[UUID] | Unset = UNSET
        if _advertising_source_id is not UNSET:
            advertising_source_id = []
            for advertising_source_id_item_data in _advertising_source_id:
                advertising_source_id_item = UUID(advertising_source_id_item_data)

                advertising_source_id.append(advertising_source_id_item)

        _category_id = d.pop("category_id", UNSET)
        category_id: list[UUID] | Unset = UNSET
        if _category_id is not UNSET:
            category_id = []
            for category_id_item_data in _category_id:
                category_id_item = UUID(category_id_item_data)

                category_id.append(category_id_item)

        _format_ = d.pop("format", UNSET)
        format_: ExportArgsFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = ExportArgsFormat(_format_)

        _group_id = d.pop("group_id", UNSET)
        group_id: list[UUID] | Unset = UNSET
        if _group_id is not UNSET:
            group_id = []
            for group_id_item_data in _group_id:
                group_id_item = UUID(group_id_item_data)

                group_id.append(group_id_item)

        _region_id = d.pop("region_id", UNSET)
        region_id: list[UUID] | Unset = UNSET
        if _region_id is not UNSET:
            region_id = []
            for region_id_item_data in _region_id:
                region_id_item = UUID(region_id_item_data)

                region_id.append(region_id_item)

        _responsible_employee_id = d.pop("responsible_employee_id", UNSET)
        responsible_employee_id: UUID | Unset
        if isinstance(_responsible_employee_id, Unset):
            responsible_employee_id = UNSET
        else:
            responsible_employee_id = UUID(_responsible_employee_id)

        search = d.pop("search", UNSET)

        _sort = d.pop("sort", UNSET)
        sort: ExportArgsSort | Unset
        if isinstance(_sort, Unset):
            sort = UNSET
        else:
            sort = ExportArgsSort(_sort)

        _status = d.pop("status", UNSET)
        status: ExportArgsStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ExportArgsStatus(_status)

        _what = d.pop("what", UNSET)
        what: ExportArgsWhat | Unset
        if isinstance(_what, Unset):
            what = UNSET
        else:
            what = ExportArgsWhat(_what)

        export_args = cls(
            activity_type_id=activity_type_id,
            advertising_source_id=advertising_source_id,
            category_id=category_id,
            format_=format_,
            group_id=group_id,
            region_id=region_id,
            responsible_employee_id=responsible_employee_id,
            search=search,
            sort=sort,
            status=status,
            what=what,
        )

        return export_args
