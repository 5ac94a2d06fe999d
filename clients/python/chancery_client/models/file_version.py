from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileVersion")


@_attrs_define
class FileVersion:
    """
    Attributes:
        content_type (str | Unset):
        file_id (UUID | Unset):
        filename (str | Unset):
        has_searchable_pdf (bool | Unset): a scan's searchable PDF, or an office file's PDF preview (text_method office,
            made by LibreOffice), is at .../versions/{id}/searchable.pdf
        has_thumbnail (bool | Unset): a PNG of its first page (a PDF's, an image's, an office file's) is at
            .../versions/{id}/thumbnail
        id (UUID | Unset):
        sha256 (str | Unset):
        size (int | Unset):
        text_method (None | str | Unset): how its text was read: ocr, text_layer, office, email or plain
        text_reason (None | str | Unset): why its text could not be read; with text_state done, what could not be made
            (an office file's preview: "no preview: ...")
        text_state (None | str | Unset): reading its text (OCR of a scan, an office file, an e-mail): pending, done or
            failed; null for a file stored before texts were read
        uploaded_at (str | Unset):
        uploaded_by (UUID | Unset):
        version (int | Unset):
    """

    content_type: str | Unset = UNSET
    file_id: UUID | Unset = UNSET
    filename: str | Unset = UNSET
    has_searchable_pdf: bool | Unset = UNSET
    has_thumbnail: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    sha256: str | Unset = UNSET
    size: int | Unset = UNSET
    text_method: None | str | Unset = UNSET
    text_reason: None | str | Unset = UNSET
    text_state: None | str | Unset = UNSET
    uploaded_at: str | Unset = UNSET
    uploaded_by: UUID | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        file_id: str | Unset = UNSET
        if not isinstance(self.file_id, Unset):
            file_id = str(self.file_id)

        filename = self.filename

        has_searchable_pdf = self.has_searchable_pdf

        has_thumbnail = self.has_thumbnail

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        sha256 = self.sha256

        size = self.size

        text_method: None | str | Unset
        if isinstance(self.text_method, Unset):
            text_method = UNSET
        else:
            text_method = self.text_method

        text_reason: None | str | Unset
        if isinstance(self.text_reason, Unset):
            text_reason = UNSET
        else:
            text_reason = self.text_reason

        text_state: None | str | Unset
        if isinstance(self.text_state, Unset):
            text_state = UNSET
        else:
            text_state = self.text_state

        uploaded_at = self.uploaded_at

        uploaded_by: str | Unset = UNSET
        if not isinstance(self.uploaded_by, Unset):
            uploaded_by = str(self.uploaded_by)

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if filename is not UNSET:
            field_dict["filename"] = filename
        if has_searchable_pdf is not UNSET:
            field_dict["has_searchable_pdf"] = has_searchable_pdf
        if has_thumbnail is not UNSET:
            field_dict["has_thumbnail"] = has_thumbnail
        if id is not UNSET:
            field_dict["id"] = id
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if size is not UNSET:
            field_dict["size"] = size
        if text_method is not UNSET:
            field_dict["text_method"] = text_method
        if text_reason is not UNSET:
            field_dict["text_reason"] = text_reason
        if text_state is not UNSET:
            field_dict["text_state"] = text_state
        if uploaded_at is not UNSET:
            field_dict["uploaded_at"] = uploaded_at
        if uploaded_by is not UNSET:
            field_dict["uploaded_by"] = uploaded_by
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content_type = d.pop("content_type", UNSET)

        _file_id = d.pop("file_id", UNSET)
        file_id: UUID | Unset
        if isinstance(_file_id, Unset):
            file_id = UNSET
        else:
            file_id = UUID(_file_id)

        filename = d.pop("filename", UNSET)

        has_searchable_pdf = d.pop("has_searchable_pdf", UNSET)

        has_thumbnail = d.pop("has_thumbnail", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        sha256 = d.pop("sha256", UNSET)

        size = d.pop("size", UNSET)

        def _parse_text_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_method = _parse_text_method(d.pop("text_method", UNSET))

        def _parse_text_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_reason = _parse_text_reason(d.pop("text_reason", UNSET))

        def _parse_text_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_state = _parse_text_state(d.pop("text_state", UNSET))

        uploaded_at = d.pop("uploaded_at", UNSET)

        _uploaded_by = d.pop("uploaded_by", UNSET)
        uploaded_by: UUID | Unset
        if isinstance(_uploaded_by, Unset):
            uploaded_by = UNSET
        else:
            uploaded_by = UUID(_uploaded_by)

        version = d.pop("version", UNSET)

        file_version = cls(
            content_type=content_type,
            file_id=file_id,
            filename=filename,
            has_searchable_pdf=has_searchable_pdf,
            has_thumbnail=has_thumbnail,
            id=id,
            sha256=sha256,
            size=size,
            text_method=text_method,
            text_reason=text_reason,
            text_state=text_state,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
            version=version,
        )

        return file_version
