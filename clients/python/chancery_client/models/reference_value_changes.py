from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferenceValueChanges")


@_attrs_define
class ReferenceValueChanges:
    """
    Attributes:
        code (None | str | Unset): a stable name for programs (negotiation stages: events carry it)
        counterparty_count (int | Unset): how many counterparties have this value (negotiation stages: how many notes)
        created_at (str | Unset):
        id (UUID | Unset):
        is_archived (bool | Unset): kept on counterparties, offered for no new choice
        kind (str | Unset):
        name (str | Unset):
        position (int | None | Unset): order in an ordered book (negotiation stages); default: last
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    code: None | str | Unset = UNSET
    counterparty_count: int | Unset = UNSET
    created_at: str | Unset = UNSET
    id: UUID | Unset = UNSET
    is_archived: bool | Unset = UNSET
    kind: str | Unset = UNSET
    name: str | Unset = UNSET
    position: int | None | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        counterparty_count = self.counterparty_count

        created_at = self.created_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_archived = self.is_archived

        kind = self.kind

        name = self.name

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if counterparty_count is not UNSET:
            field_dict["counterparty_count"] = counterparty_count
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if is_archived is not UNSET:
            field_dict["is_archived"] = is_archived
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if position is not UNSET:
            field_dict["position"] = position
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        counterparty_count = d.pop("counterparty_count", UNSET)

        created_at = d.pop("created_at", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_archived = d.pop("is_archived", UNSET)

        kind = d.pop("kind", UNSET)

        name = d.pop("name", UNSET)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        version = d.pop("version", UNSET)

        reference_value_changes = cls(
            code=code,
            counterparty_count=counterparty_count,
            created_at=created_at,
            id=id,
            is_archived=is_archived,
            kind=kind,
            name=name,
            position=position,
            version=version,
        )

        return reference_value_changes
