from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntakeFile")


@_attrs_define
class IntakeFile:
    """
    Attributes:
        attached_version_id (None | Unset | UUID):
        content_type (str | Unset):
        filename (str | Unset):
        has_rendition (bool | Unset):
        has_thumbnail (bool | Unset):
        id (UUID | Unset):
        size (int | Unset):
        text_state (str | Unset): pending, done or failed: the texts service's reading
    """

    attached_version_id: None | Unset | UUID = UNSET
    content_type: str | Unset = UNSET
    filename: str | Unset = UNSET
    has_rendition: bool | Unset = UNSET
    has_thumbnail: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    size: int | Unset = UNSET
    text_state: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attached_version_id: None | str | Unset
        if isinstance(self.attached_version_id, Unset):
            attached_version_id = UNSET
        elif isinstance(self.attached_version_id, UUID):
            attached_version_id = str(self.attached_version_id)
        else:
            attached_version_id = self.attached_version_id

        content_type = self.content_type

        filename = self.filename

        has_rendition = self.has_rendition

        has_thumbnail = self.has_thumbnail

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        size = self.size

        text_state = self.text_state

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attached_version_id is not UNSET:
            field_dict["attached_version_id"] = attached_version_id
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if has_rendition is not UNSET:
            field_dict["has_rendition"] = has_rendition
        if has_thumbnail is not UNSET:
            field_dict["has_thumbnail"] = has_thumbnail
        if id is not UNSET:
            field_dict["id"] = id
        if size is not UNSET:
            field_dict["size"] = size
        if text_state is not UNSET:
            field_dict["text_state"] = text_state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_attached_version_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attached_version_id_type_0 = UUID(data)

                return attached_version_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        attached_version_id = _parse_attached_version_id(
            d.pop("attached_version_id", UNSET)
        )

        content_type = d.pop("content_type", UNSET)

        filename = d.pop("filename", UNSET)

        has_rendition = d.pop("has_rendition", UNSET)

        has_thumbnail = d.pop("has_thumbnail", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        size = d.pop("size", UNSET)

        text_state = d.pop("text_state", UNSET)

        intake_file = cls(
            attached_version_id=attached_version_id,
            content_type=content_type,
            filename=filename,
            has_rendition=has_rendition,
            has_thumbnail=has_thumbnail,
            id=id,
            size=size,
            text_state=text_state,
        )

        return intake_file
