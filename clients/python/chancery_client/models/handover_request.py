from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HandoverRequest")


@_attrs_define
class HandoverRequest:
    """
    Attributes:
        counterparty_ids (list[UUID]):
        from_employee_id (UUID):
        to_employee_id (UUID):
        include_open_activities (bool | Unset): planned activities of these counterparties whose responsible is `from`
            move too Default: True.
        reason (None | str | Unset): vacation, reassignment, dismissal...: kept in the history
    """

    counterparty_ids: list[UUID]
    from_employee_id: UUID
    to_employee_id: UUID
    include_open_activities: bool | Unset = True
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_ids = []
        for counterparty_ids_item_data in self.counterparty_ids:
            counterparty_ids_item = str(counterparty_ids_item_data)
            counterparty_ids.append(counterparty_ids_item)

        from_employee_id = str(self.from_employee_id)

        to_employee_id = str(self.to_employee_id)

        include_open_activities = self.include_open_activities

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counterparty_ids": counterparty_ids,
                "from_employee_id": from_employee_id,
                "to_employee_id": to_employee_id,
            }
        )
        if include_open_activities is not UNSET:
            field_dict["include_open_activities"] = include_open_activities
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        counterparty_ids = []
        _counterparty_ids = d.pop("counterparty_ids")
        for counterparty_ids_item_data in _counterparty_ids:
            counterparty_ids_item = UUID(counterparty_ids_item_data)

            counterparty_ids.append(counterparty_ids_item)

        from_employee_id = UUID(d.pop("from_employee_id"))

        to_employee_id = UUID(d.pop("to_employee_id"))

        include_open_activities = d.pop("include_open_activities", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        handover_request = cls(
            counterparty_ids=counterparty_ids,
            from_employee_id=from_employee_id,
            to_employee_id=to_employee_id,
            include_open_activities=include_open_activities,
            reason=reason,
        )

        return handover_request
