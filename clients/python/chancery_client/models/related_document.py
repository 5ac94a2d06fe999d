from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document


T = TypeVar("T", bound="RelatedDocument")


@_attrs_define
class RelatedDocument:
    """
    Attributes:
        created_at (str | Unset):
        created_by (UUID | Unset):
        direction (str | Unset): outgoing: linked from this document; incoming: to it
        document (Document | Unset):
        note (None | str | Unset):
    """

    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    direction: str | Unset = UNSET
    document: Document | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        direction = self.direction

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if direction is not UNSET:
            field_dict["direction"] = direction
        if document is not UNSET:
            field_dict["document"] = document
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document import Document

        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        direction = d.pop("direction", UNSET)

        _document = d.pop("document", UNSET)
        document: Document | Unset
        if isinstance(_document, Unset):
            document = UNSET
        else:
            document = Document.from_dict(_document)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        related_document = cls(
            created_at=created_at,
            created_by=created_by,
            direction=direction,
            document=document,
            note=note,
        )

        return related_document
