from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FirstFile")


@_attrs_define
class FirstFile:
    """
    Attributes:
        content_type (str | Unset):
        filename (str | Unset):
        has_thumbnail (bool | Unset):
        version_id (UUID | Unset):
    """

    content_type: str | Unset = UNSET
    filename: str | Unset = UNSET
    has_thumbnail: bool | Unset = UNSET
    version_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        filename = self.filename

        has_thumbnail = self.has_thumbnail

        version_id: str | Unset = UNSET
        if not isinstance(self.version_id, Unset):
            version_id = str(self.version_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if has_thumbnail is not UNSET:
            field_dict["has_thumbnail"] = has_thumbnail
        if version_id is not UNSET:
            field_dict["version_id"] = version_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = d.pop("content_type", UNSET)

        filename = d.pop("filename", UNSET)

        has_thumbnail = d.pop("has_thumbnail", UNSET)

        _version_id = d.pop("version_id", UNSET)
        version_id: UUID | Unset
        if isinstance(_version_id, Unset):
            version_id = UNSET
        else:
            version_id = UUID(_version_id)

        first_file = cls(
            content_type=content_type,
            filename=filename,
            has_thumbnail=has_thumbnail,
            version_id=version_id,
        )

        return first_file
