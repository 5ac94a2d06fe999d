from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewLink")


@_attrs_define
class NewLink:
    """
    Attributes:
        document_id (UUID): the related document
        note (None | str | Unset):
    """

    document_id: UUID
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_id = str(self.document_id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_id": document_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        document_id = UUID(d.pop("document_id"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        new_link = cls(
            document_id=document_id,
            note=note,
        )

        return new_link
