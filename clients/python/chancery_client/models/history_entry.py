from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_entry_data import HistoryEntryData


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        actor_id (None | Unset | UUID):
        counterparty_id (UUID | Unset):
        data (HistoryEntryData | Unset):
        id (UUID | Unset):
        kind (str | Unset):
        occurred_at (str | Unset):
        summary (str | Unset):
    """

    actor_id: None | Unset | UUID = UNSET
    counterparty_id: UUID | Unset = UNSET
    data: HistoryEntryData | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    occurred_at: str | Unset = UNSET
    summary: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        occurred_at = self.occurred_at

        summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if data is not UNSET:
            field_dict["data"] = data
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.history_entry_data import HistoryEntryData

        d = dict(src_dict)

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        _data = d.pop("data", UNSET)
        data: HistoryEntryData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = HistoryEntryData.from_dict(_data)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        kind = d.pop("kind", UNSET)

        occurred_at = d.pop("occurred_at", UNSET)

        summary = d.pop("summary", UNSET)

        history_entry = cls(
            actor_id=actor_id,
            counterparty_id=counterparty_id,
            data=data,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            summary=summary,
        )

        return history_entry
