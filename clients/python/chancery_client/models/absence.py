from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Absence")


@_attrs_define
class Absence:
    """
    Attributes:
        deputy_id (UUID):
        employee_id (UUID):
        ends_on (datetime.date):
        starts_on (datetime.date):
        cancelled_at (None | str | Unset):
        created_by (UUID | Unset):
        id (UUID | Unset):
        reason (None | str | Unset):
    """

    deputy_id: UUID
    employee_id: UUID
    ends_on: datetime.date
    starts_on: datetime.date
    cancelled_at: None | str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    id: UUID | Unset = UNSET
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        deputy_id = str(self.deputy_id)

        employee_id = str(self.employee_id)

        ends_on = self.ends_on.isoformat()

        starts_on = self.starts_on.isoformat()

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        else:
            cancelled_at = self.cancelled_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deputy_id": deputy_id,
                "employee_id": employee_id,
                "ends_on": ends_on,
                "starts_on": starts_on,
            }
        )
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if id is not UNSET:
            field_dict["id"] = id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deputy_id = UUID(d.pop("deputy_id"))

        employee_id = UUID(d.pop("employee_id"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_cancelled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        absence = cls(
            deputy_id=deputy_id,
            employee_id=employee_id,
            ends_on=ends_on,
            starts_on=starts_on,
            cancelled_at=cancelled_at,
            created_by=created_by,
            id=id,
            reason=reason,
        )

        return absence
