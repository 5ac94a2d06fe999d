from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_entry_changes import AuditEntryChanges


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        action (str | Unset):
        actor_id (None | Unset | UUID):
        changes (AuditEntryChanges | Unset):
        hash_ (None | str | Unset): the row's link in the hash chain; null for a read of personal data, which the chain
            covers in batches by a `sealed` row (docs/permissions.md, "Audit")
        id (int | Unset):
        occurred_at (str | Unset):
        on_behalf_of (None | Unset | UUID):
        record_id (UUID | Unset):
        record_type (str | Unset):
        service (str | Unset):
    """

    action: str | Unset = UNSET
    actor_id: None | Unset | UUID = UNSET
    changes: AuditEntryChanges | Unset = UNSET
    hash_: None | str | Unset = UNSET
    id: int | Unset = UNSET
    occurred_at: str | Unset = UNSET
    on_behalf_of: None | Unset | UUID = UNSET
    record_id: UUID | Unset = UNSET
    record_type: str | Unset = UNSET
    service: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        changes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = self.changes.to_dict()

        hash_: None | str | Unset
        if isinstance(self.hash_, Unset):
            hash_ = UNSET
        else:
            hash_ = self.hash_

        id = self.id

        occurred_at = self.occurred_at

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, UUID):
            on_behalf_of = str(self.on_behalf_of)
        else:
            on_behalf_of = self.on_behalf_of

        record_id: str | Unset = UNSET
        if not isinstance(self.record_id, Unset):
            record_id = str(self.record_id)

        record_type = self.record_type

        service = self.service

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if changes is not UNSET:
            field_dict["changes"] = changes
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if id is not UNSET:
            field_dict["id"] = id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if record_id is not UNSET:
            field_dict["record_id"] = record_id
        if record_type is not UNSET:
            field_dict["record_type"] = record_type
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry_changes import AuditEntryChanges

        d = dict(src_dict)
        action = d.pop("action", UNSET)

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

        _changes = d.pop("changes", UNSET)
        changes: AuditEntryChanges | Unset
        if isinstance(_changes, Unset):
            changes = UNSET
        else:
            changes = AuditEntryChanges.from_dict(_changes)

        def _parse_hash_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hash_ = _parse_hash_(d.pop("hash", UNSET))

        id = d.pop("id", UNSET)

        occurred_at = d.pop("occurred_at", UNSET)

        def _parse_on_behalf_of(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_0 = UUID(data)

                return on_behalf_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of", UNSET))

        _record_id = d.pop("record_id", UNSET)
        record_id: UUID | Unset
        if isinstance(_record_id, Unset):
            record_id = UNSET
        else:
            record_id = UUID(_record_id)

        record_type = d.pop("record_type", UNSET)

        service = d.pop("service", UNSET)

        audit_entry = cls(
            action=action,
            actor_id=actor_id,
            changes=changes,
            hash_=hash_,
            id=id,
            occurred_at=occurred_at,
            on_behalf_of=on_behalf_of,
            record_id=record_id,
            record_type=record_type,
            service=service,
        )

        return audit_entry
