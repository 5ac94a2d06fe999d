from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_version import FileVersion


T = TypeVar("T", bound="DocumentFile")


@_attrs_define
class DocumentFile:
    """
    Attributes:
        created_at (str | Unset):
        id (UUID | Unset):
        name (str | Unset):
        versions (list[FileVersion] | Unset):
    """

    created_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    versions: list[FileVersion] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_version import FileVersion

        d = dict(src_dict)
        created_at = d.pop("created_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        _versions = d.pop("versions", UNSET)
        versions: list[FileVersion] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = FileVersion.from_dict(versions_item_data)

                versions.append(versions_item)

        document_file = cls(
            created_at=created_at,
            id=id,
            name=name,
            versions=versions,
        )

        return document_file
