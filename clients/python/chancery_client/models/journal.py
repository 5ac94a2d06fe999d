from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Journal")


@_attrs_define
class Journal:
    """
    Attributes:
        code (str | Unset):
        id (UUID | Unset):
        is_active (bool | Unset):
        kind (str | Unset):
        name (str | Unset):
        number_pattern (str | Unset):
        per_parent (bool | Unset): numbers within the parent document (annexes)
        prefix (str | Unset):
        sequence_width (int | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    code: str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    kind: str | Unset = UNSET
    name: str | Unset = UNSET
    number_pattern: str | Unset = UNSET
    per_parent: bool | Unset = UNSET
    prefix: str | Unset = UNSET
    sequence_width: int | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_active = self.is_active

        kind = self.kind

        name = self.name

        number_pattern = self.number_pattern

        per_parent = self.per_parent

        prefix = self.prefix

        sequence_width = self.sequence_width

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if id is not UNSET:
            field_dict["id"] = id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if number_pattern is not UNSET:
            field_dict["number_pattern"] = number_pattern
        if per_parent is not UNSET:
            field_dict["per_parent"] = per_parent
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if sequence_width is not UNSET:
            field_dict["sequence_width"] = sequence_width
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_active = d.pop("is_active", UNSET)

        kind = d.pop("kind", UNSET)

        name = d.pop("name", UNSET)

        number_pattern = d.pop("number_pattern", UNSET)

        per_parent = d.pop("per_parent", UNSET)

        prefix = d.pop("prefix", UNSET)

        sequence_width = d.pop("sequence_width", UNSET)

        version = d.pop("version", UNSET)

        journal = cls(
            code=code,
            id=id,
            is_active=is_active,
            kind=kind,
            name=name,
            number_pattern=number_pattern,
            per_parent=per_parent,
            prefix=prefix,
            sequence_width=sequence_width,
            version=version,
        )

        return journal
