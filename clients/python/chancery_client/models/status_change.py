from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusChange")


@_attrs_define
class StatusChange:
    """
    Attributes:
        changed_at (str | Unset):
        changed_by (None | Unset | UUID):
        from_status (None | str | Unset):
        reason (None | str | Unset):
        to_status (str | Unset):
    """

    changed_at: str | Unset = UNSET
    changed_by: None | Unset | UUID = UNSET
    from_status: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    to_status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at

        changed_by: None | str | Unset
        if isinstance(self.changed_by, Unset):
            changed_by = UNSET
        elif isinstance(self.changed_by, UUID):
            changed_by = str(self.changed_by)
        else:
            changed_by = self.changed_by

        from_status: None | str | Unset
        if isinstance(self.from_status, Unset):
            from_status = UNSET
        else:
            from_status = self.from_status

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        to_status = self.to_status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if changed_at is not UNSET:
            field_dict["changed_at"] = changed_at
        if changed_by is not UNSET:
            field_dict["changed_by"] = changed_by
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if to_status is not UNSET:
            field_dict["to_status"] = to_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        changed_at = d.pop("changed_at", UNSET)

        def _parse_changed_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                changed_by_type_0 = UUID(data)

                return changed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        changed_by = _parse_changed_by(d.pop("changed_by", UNSET))

        def _parse_from_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_status = _parse_from_status(d.pop("from_status", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        to_status = d.pop("to_status", UNSET)

        status_change = cls(
            changed_at=changed_at,
            changed_by=changed_by,
            from_status=from_status,
            reason=reason,
            to_status=to_status,
        )

        return status_change
