from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agenda_activity import AgendaActivity


T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """
    Attributes:
        employee_ids (list[UUID] | Unset):
        from_ (str | Unset):
        items (list[AgendaActivity] | Unset): in planned order
        next_ (None | str | Unset): The address of the next page (also the `Link` header, rel="next"); null on the last.
        time_zone (str | Unset):
        to (str | Unset):
        total (int | Unset):
        truncated (bool | Unset): more than 5,000 activities: only the first are listed
    """

    employee_ids: list[UUID] | Unset = UNSET
    from_: str | Unset = UNSET
    items: list[AgendaActivity] | Unset = UNSET
    next_: None | str | Unset = UNSET
    time_zone: str | Unset = UNSET
    to: str | Unset = UNSET
    total: int | Unset = UNSET
    truncated: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employee_ids: list[str] | Unset = UNSET
        if not isinstance(self.employee_ids, Unset):
            employee_ids = []
            for employee_ids_item_data in self.employee_ids:
                employee_ids_item = str(employee_ids_item_data)
                employee_ids.append(employee_ids_item)

        from_ = self.from_

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        time_zone = self.time_zone

        to = self.to

        total = self.total

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if employee_ids is not UNSET:
            field_dict["employee_ids"] = employee_ids
        if from_ is not UNSET:
            field_dict["from"] = from_
        if items is not UNSET:
            field_dict["items"] = items
        if next_ is not UNSET:
            field_dict["next"] = next_
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if to is not UNSET:
            field_dict["to"] = to
        if total is not UNSET:
            field_dict["total"] = total
        if truncated is not UNSET:
            field_dict["truncated"] = truncated

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agenda_activity import AgendaActivity

        d = dict(src_dict)
        _employee_ids = d.pop("employee_ids", UNSET)
        employee_ids: list[UUID] | Unset = UNSET
        if _employee_ids is not UNSET:
            employee_ids = []
            for employee_ids_item_data in _employee_ids:
                employee_ids_item = UUID(employee_ids_item_data)

                employee_ids.append(employee_ids_item)

        from_ = d.pop("from", UNSET)

        _items = d.pop("items", UNSET)
        items: list[AgendaActivity] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = AgendaActivity.from_dict(items_item_data)

                items.append(items_item)

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        to = d.pop("to", UNSET)

        total = d.pop("total", UNSET)

        truncated = d.pop("truncated", UNSET)

        calendar = cls(
            employee_ids=employee_ids,
            from_=from_,
            items=items,
            next_=next_,
            time_zone=time_zone,
            to=to,
            total=total,
            truncated=truncated,
        )

        return calendar
