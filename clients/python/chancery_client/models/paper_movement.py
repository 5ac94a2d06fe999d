from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaperMovement")


@_attrs_define
class PaperMovement:
    """
    Attributes:
        at (str | Unset):
        by (UUID | Unset):
        expected_return_on (datetime.date | None | Unset):
        from_holder (None | Unset | UUID):
        id (UUID | Unset):
        reason (None | str | Unset):
        to_holder (None | Unset | UUID):
        to_location (None | str | Unset):
    """

    at: str | Unset = UNSET
    by: UUID | Unset = UNSET
    expected_return_on: datetime.date | None | Unset = UNSET
    from_holder: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    reason: None | str | Unset = UNSET
    to_holder: None | Unset | UUID = UNSET
    to_location: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        by: str | Unset = UNSET
        if not isinstance(self.by, Unset):
            by = str(self.by)

        expected_return_on: None | str | Unset
        if isinstance(self.expected_return_on, Unset):
            expected_return_on = UNSET
        elif isinstance(self.expected_return_on, datetime.date):
            expected_return_on = self.expected_return_on.isoformat()
        else:
            expected_return_on = self.expected_return_on

        from_holder: None | str | Unset
        if isinstance(self.from_holder, Unset):
            from_holder = UNSET
        elif isinstance(self.from_holder, UUID):
            from_holder = str(self.from_holder)
        else:
            from_holder = self.from_holder

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        to_holder: None | str | Unset
        if isinstance(self.to_holder, Unset):
            to_holder = UNSET
        elif isinstance(self.to_holder, UUID):
            to_holder = str(self.to_holder)
        else:
            to_holder = self.to_holder

        to_location: None | str | Unset
        if isinstance(self.to_location, Unset):
            to_location = UNSET
        else:
            to_location = self.to_location

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if by is not UNSET:
            field_dict["by"] = by
        if expected_return_on is not UNSET:
            field_dict["expected_return_on"] = expected_return_on
        if from_holder is not UNSET:
            field_dict["from_holder"] = from_holder
        if id is not UNSET:
            field_dict["id"] = id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if to_holder is not UNSET:
            field_dict["to_holder"] = to_holder
        if to_location is not UNSET:
            field_dict["to_location"] = to_location

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = d.pop("at", UNSET)

        _by = d.pop("by", UNSET)
        by: UUID | Unset
        if isinstance(_by, Unset):
            by = UNSET
        else:
            by = UUID(_by)

        def _parse_expected_return_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_return_on_type_0 = datetime.date.fromisoformat(data)

                return expected_return_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_return_on = _parse_expected_return_on(
            d.pop("expected_return_on", UNSET)
        )

        def _parse_from_holder(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_holder_type_0 = UUID(data)

                return from_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_holder = _parse_from_holder(d.pop("from_holder", UNSET))

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

        def _parse_to_holder(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_holder_type_0 = UUID(data)

                return to_holder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        to_holder = _parse_to_holder(d.pop("to_holder", UNSET))

        def _parse_to_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_location = _parse_to_location(d.pop("to_location", UNSET))

        paper_movement = cls(
            at=at,
            by=by,
            expected_return_on=expected_return_on,
            from_holder=from_holder,
            id=id,
            reason=reason,
            to_holder=to_holder,
            to_location=to_location,
        )

        return paper_movement
