from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HandoverResult")


@_attrs_define
class HandoverResult:
    """
    Attributes:
        activities_moved (int | Unset):
        counterparty_ids (list[UUID] | Unset):
        from_employee_id (UUID | Unset):
        to_employee_id (UUID | Unset):
    """

    activities_moved: int | Unset = UNSET
    counterparty_ids: list[UUID] | Unset = UNSET
    from_employee_id: UUID | Unset = UNSET
    to_employee_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activities_moved = self.activities_moved

        counterparty_ids: list[str] | Unset = UNSET
        if not isinstance(self.counterparty_ids, Unset):
            counterparty_ids = []
            for counterparty_ids_item_data in self.counterparty_ids:
                counterparty_ids_item = str(counterparty_ids_item_data)
                counterparty_ids.append(counterparty_ids_item)

        from_employee_id: str | Unset = UNSET
        if not isinstance(self.from_employee_id, Unset):
            from_employee_id = str(self.from_employee_id)

        to_employee_id: str | Unset = UNSET
        if not isinstance(self.to_employee_id, Unset):
            to_employee_id = str(self.to_employee_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activities_moved is not UNSET:
            field_dict["activities_moved"] = activities_moved
        if counterparty_ids is not UNSET:
            field_dict["counterparty_ids"] = counterparty_ids
        if from_employee_id is not UNSET:
            field_dict["from_employee_id"] = from_employee_id
        if to_employee_id is not UNSET:
            field_dict["to_employee_id"] = to_employee_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        activities_moved = d.pop("activities_moved", UNSET)

        _counterparty_ids = d.pop("counterparty_ids", UNSET)
        counterparty_ids: list[UUID] | Unset = UNSET
        if _counterparty_ids is not UNSET:
            counterparty_ids = []
            for counterparty_ids_item_data in _counterparty_ids:
                counterparty_ids_item = UUID(counterparty_ids_item_data)

                counterparty_ids.append(counterparty_ids_item)

        _from_employee_id = d.pop("from_employee_id", UNSET)
        from_employee_id: UUID | Unset
        if isinstance(_from_employee_id, Unset):
            from_employee_id = UNSET
        else:
            from_employee_id = UUID(_from_employee_id)

        _to_employee_id = d.pop("to_employee_id", UNSET)
        to_employee_id: UUID | Unset
        if isinstance(_to_employee_id, Unset):
            to_employee_id = UNSET
        else:
            to_employee_id = UUID(_to_employee_id)

        handover_result = cls(
            activities_moved=activities_moved,
            counterparty_ids=counterparty_ids,
            from_employee_id=from_employee_id,
            to_employee_id=to_employee_id,
        )

        return handover_result
