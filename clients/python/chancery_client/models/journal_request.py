from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JournalRequest")


@_attrs_define
class JournalRequest:
    """
    Attributes:
        code (str | Unset):
        is_active (bool | Unset):
        kind (str | Unset): incoming, outgoing, internal, contracts or user
        name (str | Unset):
        number_pattern (str | Unset): tokens {prefix} {year} {yy} {department} {seq} (or {seq:04d}); {parent_number}
            with {child_seq} numbers within the parent document, e.g. 45/2026-A3
        prefix (str | Unset):
        sequence_width (int | Unset):
    """

    code: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    kind: str | Unset = UNSET
    name: str | Unset = UNSET
    number_pattern: str | Unset = UNSET
    prefix: str | Unset = UNSET
    sequence_width: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        is_active = self.is_active

        kind = self.kind

        name = self.name

        number_pattern = self.number_pattern

        prefix = self.prefix

        sequence_width = self.sequence_width

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if number_pattern is not UNSET:
            field_dict["number_pattern"] = number_pattern
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if sequence_width is not UNSET:
            field_dict["sequence_width"] = sequence_width

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        is_active = d.pop("is_active", UNSET)

        kind = d.pop("kind", UNSET)

        name = d.pop("name", UNSET)

        number_pattern = d.pop("number_pattern", UNSET)

        prefix = d.pop("prefix", UNSET)

        sequence_width = d.pop("sequence_width", UNSET)

        journal_request = cls(
            code=code,
            is_active=is_active,
            kind=kind,
            name=name,
            number_pattern=number_pattern,
            prefix=prefix,
            sequence_width=sequence_width,
        )

        return journal_request
