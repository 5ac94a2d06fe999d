from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.saved_query_sort import SavedQuerySort
from ..models.saved_query_status_type_1 import SavedQueryStatusType1
from ..models.saved_query_status_type_2_type_1 import SavedQueryStatusType2Type1
from ..models.saved_query_status_type_3_type_1 import SavedQueryStatusType3Type1
from ..types import UNSET, Unset

T = TypeVar("T", bound="SavedQuery")


@_attrs_define
class SavedQuery:
    """
    Attributes:
        activity_type_id (list[UUID] | None | Unset):
        advertising_source_id (list[UUID] | None | Unset):
        category_id (list[UUID] | None | Unset):
        group_id (list[UUID] | None | Unset):
        region_id (list[UUID] | None | Unset):
        responsible_employee_id (None | Unset | UUID):
        search (None | str | Unset):
        sort (SavedQuerySort | Unset):
        status (None | SavedQueryStatusType1 | SavedQueryStatusType2Type1 | SavedQueryStatusType3Type1 | Unset):
    """

    activity_type_id: list[UUID] | None | Unset = UNSET
    advertising_source_id: list[UUID] | None | Unset = UNSET
    category_id: list[UUID] | None | Unset = UNSET
    group_id: list[UUID] | None | Unset = UNSET
    region_id: list[UUID] | None | Unset = UNSET
    responsible_employee_id: None | Unset | UUID = UNSET
    search: None | str | Unset = UNSET
    sort: SavedQuerySort | Unset = UNSET
    status: (
        None
        | SavedQueryStatusType1
        | SavedQueryStatusType2Type1
        | SavedQueryStatusType3Type1
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity_type_id: list[str] | None | Unset
        if isinstance(self.activity_type_id, Unset):
            activity_type_id = UNSET
        elif isinstance(self.activity_type_id, list):
            activity_type_id = []
            for activity_type_id_type_0_item_data in self.activity_type_id:
                activity_type_id_type_0_item = str(activity_type_id_type_0_item_data)
                activity_type_id.append(activity_type_id_type_0_item)

        else:
            activity_type_id = self.activity_type_id

        advertising_source_id: list[str] | None | Unset
        if isinstance(self.advertising_source_id, Unset):
            advertising_source_id = UNSET
        elif isinstance(self.advertising_source_id, list):
            advertising_source_id = []
            for advertising_source_id_type_0_item_data in self.advertising_source_id:
                advertising_source_id_type_0_item = str(
                    advertising_source_id_type_0_item_data
                )
                advertising_source_id.append(advertising_source_id_type_0_item)

        else:
            advertising_source_id = self.advertising_source_id

        category_id: list[str] | None | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        elif isinstance(self.category_id, list):
            category_id = []
            for category_id_type_0_item_data in self.category_id:
                category_id_type_0_item = str(category_id_type_0_item_data)
                category_id.append(category_id_type_0_item)

        else:
            category_id = self.category_id

        group_id: list[str] | None | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        elif isinstance(self.group_id, list):
            group_id = []
            for group_id_type_0_item_data in self.group_id:
                group_id_type_0_item = str(group_id_type_0_item_data)
                group_id.append(group_id_type_0_item)

        else:
            group_id = self.group_id

        region_id: list[str] | None | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, list):
            region_id = []
            for region_id_type_0_item_data in self.region_id:
                region_id_type_0_item = str(region_id_type_0_item_data)
                region_id.append(region_id_type_0_item)

        else:
            region_id = self.region_id

        responsible_employee_id: None | str | Unset
        if isinstance(self.responsible_employee_id, Unset):
            responsible_employee_id = UNSET
        elif isinstance(self.responsible_employee_id, UUID):
            responsible_employee_id = str(self.responsible_employee_id)
        else:
            responsible_employee_id = self.responsible_employee_id

        search: None | str | Unset
        if isinstance(self.search, Unset):
            search = UNSET
        else:
            search = self.search

        sort: str | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.value

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif (
            isinstance(self.status, SavedQueryStatusType1)
            or isinstance(self.status, SavedQueryStatusType2Type1)
            or isinstance(self.status, SavedQueryStatusType3Type1)
        ):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_type_id is not UNSET:
            field_dict["activity_type_id"] = activity_type_id
        if advertising_source_id is not UNSET:
            field_dict["advertising_source_id"] = advertising_source_id
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_activity_type_id(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                activity_type_id_type_0 = []
                _activity_type_id_type_0 = data
                for activity_type_id_type_0_item_data in _activity_type_id_type_0:
                    activity_type_id_type_0_item = UUID(
                        activity_type_id_type_0_item_data
                    )

                    activity_type_id_type_0.append(activity_type_id_type_0_item)

                return activity_type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        activity_type_id = _parse_activity_type_id(d.pop("activity_type_id", UNSET))

        def _parse_advertising_source_id(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                advertising_source_id_type_0 = []
                _advertising_source_id_type_0 = data
                for (
                    advertising_source_id_type_0_item_data
                ) in _advertising_source_id_type_0:
                    advertising_source_id_type_0_item = UUID(
                        advertising_source_id_type_0_item_data
                    )

                    advertising_source_id_type_0.append(
                        advertising_source_id_type_0_item
                    )

                return advertising_source_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        advertising_source_id = _parse_advertising_source_id(
            d.pop("advertising_source_id", UNSET)
        )

        def _parse_category_id(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                category_id_type_0 = []
                _category_id_type_0 = data
                for category_id_type_0_item_data in _category_id_type_0:
                    category_id_type_0_item = UUID(category_id_type_0_item_data)

                    category_id_type_0.append(category_id_type_0_item)

                return category_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        category_id = _parse_category_id(d.pop("category_id", UNSET))

        def _parse_group_id(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                group_id_type_0 = []
                _group_id_type_0 = data
                for group_id_type_0_item_data in _group_id_type_0:
                    group_id_type_0_item = UUID(group_id_type_0_item_data)

                    group_id_type_0.append(group_id_type_0_item)

                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_region_id(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_id_type_0 = []
                _region_id_type_0 = data
                for region_id_type_0_item_data in _region_id_type_0:
                    region_id_type_0_item = UUID(region_id_type_0_item_data)

                    region_id_type_0.append(region_id_type_0_item)

                return region_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        region_id = _parse_region_id(d.pop("region_id", UNSET))

        def _parse_responsible_employee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responsible_employee_id_type_0 = UUID(data)

                return responsible_employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        responsible_employee_id = _parse_responsible_employee_id(
            d.pop("responsible_employee_id", UNSET)
        )

        def _parse_search(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        search = _parse_search(d.pop("search", UNSET))

        _sort = d.pop("sort", UNSET)
        sort: SavedQuerySort | Unset
        if isinstance(_sort, Unset):
            sort = UNSET
        else:
            sort = SavedQuerySort(_sort)

        def _parse_status(
            data: object,
        ) -> (
            None
            | SavedQueryStatusType1
            | SavedQueryStatusType2Type1
            | SavedQueryStatusType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = SavedQueryStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = SavedQueryStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = SavedQueryStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | SavedQueryStatusType1
                | SavedQueryStatusType2Type1
                | SavedQueryStatusType3Type1
                | Unset,
                data,
            )

        status = _parse_status(d.pop("status", UNSET))

        saved_query = cls(
            activity_type_id=activity_type_id,
            advertising_source_id=advertising_source_id,
            category_id=category_id,
            group_id=group_id,
            region_id=region_id,
            responsible_employee_id=responsible_employee_id,
            search=search,
            sort=sort,
            status=status,
        )

        return saved_query
