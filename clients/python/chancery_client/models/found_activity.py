from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FoundActivity")


@_attrs_define
class FoundActivity:
    """
    Attributes:
        counterparty_id (UUID | Unset):
        counterparty_name (str | Unset):
        id (UUID | Unset):
        kind (str | Unset):
        planned_at (datetime.datetime | Unset):
        responsible_id (UUID | Unset):
        snippet (list[Any] | None | Unset): where the words occur in the plan, as [text, matched] parts, else null
        status (str | Unset):
        subject (str | Unset):
    """

    counterparty_id: UUID | Unset = UNSET
    counterparty_name: str | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    planned_at: datetime.datetime | Unset = UNSET
    responsible_id: UUID | Unset = UNSET
    snippet: list[Any] | None | Unset = UNSET
    status: str | Unset = UNSET
    subject: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        counterparty_name = self.counterparty_name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        planned_at: str | Unset = UNSET
        if not isinstance(self.planned_at, Unset):
            planned_at = self.planned_at.isoformat()

        responsible_id: str | Unset = UNSET
        if not isinstance(self.responsible_id, Unset):
            responsible_id = str(self.responsible_id)

        snippet: list[Any] | None | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        elif isinstance(self.snippet, list):
            snippet = self.snippet

        else:
            snippet = self.snippet

        status = self.status

        subject = self.subject

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if counterparty_name is not UNSET:
            field_dict["counterparty_name"] = counterparty_name
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if planned_at is not UNSET:
            field_dict["planned_at"] = planned_at
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if status is not UNSET:
            field_dict["status"] = status
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        counterparty_name = d.pop("counterparty_name", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        kind = d.pop("kind", UNSET)

        _planned_at = d.pop("planned_at", UNSET)
        planned_at: datetime.datetime | Unset
        if isinstance(_planned_at, Unset):
            planned_at = UNSET
        else:
            planned_at = datetime.datetime.fromisoformat(_planned_at)

        _responsible_id = d.pop("responsible_id", UNSET)
        responsible_id: UUID | Unset
        if isinstance(_responsible_id, Unset):
            responsible_id = UNSET
        else:
            responsible_id = UUID(_responsible_id)

        def _parse_snippet(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                snippet_type_0 = cast(list[Any], data)

                return snippet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))

        status = d.pop("status", UNSET)

        subject = d.pop("subject", UNSET)

        found_activity = cls(
            counterparty_id=counterparty_id,
            counterparty_name=counterparty_name,
            id=id,
            kind=kind,
            planned_at=planned_at,
            responsible_id=responsible_id,
            snippet=snippet,
            status=status,
            subject=subject,
        )

        return found_activity
