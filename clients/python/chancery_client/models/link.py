from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        created_at (str | Unset):
        created_by (UUID | Unset):
        from_id (UUID | Unset):
        note (None | str | Unset):
        to_id (UUID | Unset):
    """

    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    from_id: UUID | Unset = UNSET
    note: None | str | Unset = UNSET
    to_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        from_id: str | Unset = UNSET
        if not isinstance(self.from_id, Unset):
            from_id = str(self.from_id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        to_id: str | Unset = UNSET
        if not isinstance(self.to_id, Unset):
            to_id = str(self.to_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if from_id is not UNSET:
            field_dict["from_id"] = from_id
        if note is not UNSET:
            field_dict["note"] = note
        if to_id is not UNSET:
            field_dict["to_id"] = to_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        _from_id = d.pop("from_id", UNSET)
        from_id: UUID | Unset
        if isinstance(_from_id, Unset):
            from_id = UNSET
        else:
            from_id = UUID(_from_id)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _to_id = d.pop("to_id", UNSET)
        to_id: UUID | Unset
        if isinstance(_to_id, Unset):
            to_id = UNSET
        else:
            to_id = UUID(_to_id)

        link = cls(
            created_at=created_at,
            created_by=created_by,
            from_id=from_id,
            note=note,
            to_id=to_id,
        )

        return link
