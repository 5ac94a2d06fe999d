from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.saved_document_filter_query import SavedDocumentFilterQuery


T = TypeVar("T", bound="SavedDocumentFilter")


@_attrs_define
class SavedDocumentFilter:
    """
    Attributes:
        name (str):
        query (SavedDocumentFilterQuery): registry filters as GET /documents/ takes them
        created_at (str | Unset):
        id (UUID | Unset):
    """

    name: str
    query: SavedDocumentFilterQuery
    created_at: str | Unset = UNSET
    id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        query = self.query.to_dict()

        created_at = self.created_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "query": query,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.saved_document_filter_query import SavedDocumentFilterQuery

        d = dict(src_dict)
        name = d.pop("name")

        query = SavedDocumentFilterQuery.from_dict(d.pop("query"))

        created_at = d.pop("created_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        saved_document_filter = cls(
            name=name,
            query=query,
            created_at=created_at,
            id=id,
        )

        return saved_document_filter
