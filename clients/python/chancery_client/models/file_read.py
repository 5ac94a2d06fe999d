from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileRead")


@_attrs_define
class FileRead:
    """
    Attributes:
        encoding (None | str | Unset): CSV: utf-8, utf-8-sig (with a byte-order mark), utf-16 or windows-1251 (detected)
        format_ (str | Unset): csv or xlsx
        separator (None | str | Unset): CSV: ;  ,  or a tab (detected)
    """

    encoding: None | str | Unset = UNSET
    format_: str | Unset = UNSET
    separator: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        encoding: None | str | Unset
        if isinstance(self.encoding, Unset):
            encoding = UNSET
        else:
            encoding = self.encoding

        format_ = self.format_

        separator: None | str | Unset
        if isinstance(self.separator, Unset):
            separator = UNSET
        else:
            separator = self.separator

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if format_ is not UNSET:
            field_dict["format"] = format_
        if separator is not UNSET:
            field_dict["separator"] = separator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_encoding(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        encoding = _parse_encoding(d.pop("encoding", UNSET))

        format_ = d.pop("format", UNSET)

        def _parse_separator(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        separator = _parse_separator(d.pop("separator", UNSET))

        file_read = cls(
            encoding=encoding,
            format_=format_,
            separator=separator,
        )

        return file_read
