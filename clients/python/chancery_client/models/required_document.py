from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.required_document_per import RequiredDocumentPer
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequiredDocument")


@_attrs_define
class RequiredDocument:
    """
    Attributes:
        type_id (UUID):
        count (int | Unset):
        per (RequiredDocumentPer | Unset): document: once per document; stage: once per stage (the type's stages field)
    """

    type_id: UUID
    count: int | Unset = UNSET
    per: RequiredDocumentPer | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_id = str(self.type_id)

        count = self.count

        per: str | Unset = UNSET
        if not isinstance(self.per, Unset):
            per = self.per.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type_id": type_id,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if per is not UNSET:
            field_dict["per"] = per

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_id = UUID(d.pop("type_id"))

        count = d.pop("count", UNSET)

        _per = d.pop("per", UNSET)
        per: RequiredDocumentPer | Unset
        if isinstance(_per, Unset):
            per = UNSET
        else:
            per = RequiredDocumentPer(_per)

        required_document = cls(
            type_id=type_id,
            count=count,
            per=per,
        )

        return required_document
