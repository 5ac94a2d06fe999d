from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ldap_sync_changes_item import LdapSyncChangesItem
    from ..models.ldap_sync_counts import LdapSyncCounts


T = TypeVar("T", bound="LdapSync")


@_attrs_define
class LdapSync:
    """
    Attributes:
        changes (list[LdapSyncChangesItem] | Unset):
        counts (LdapSyncCounts | Unset):
        dry_run (bool | Unset):
        error (None | str | Unset):
        finished_at (None | str | Unset):
        id (None | str | Unset):
        started_at (str | Unset):
        status (str | Unset): succeeded, held (a safety rule stopped it) or failed
        trigger (str | Unset):
    """

    changes: list[LdapSyncChangesItem] | Unset = UNSET
    counts: LdapSyncCounts | Unset = UNSET
    dry_run: bool | Unset = UNSET
    error: None | str | Unset = UNSET
    finished_at: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    started_at: str | Unset = UNSET
    status: str | Unset = UNSET
    trigger: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = []
            for changes_item_data in self.changes:
                changes_item = changes_item_data.to_dict()
                changes.append(changes_item)

        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

        dry_run = self.dry_run

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        started_at = self.started_at

        status = self.status

        trigger = self.trigger

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if changes is not UNSET:
            field_dict["changes"] = changes
        if counts is not UNSET:
            field_dict["counts"] = counts
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if id is not UNSET:
            field_dict["id"] = id
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if status is not UNSET:
            field_dict["status"] = status
        if trigger is not UNSET:
            field_dict["trigger"] = trigger

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ldap_sync_changes_item import LdapSyncChangesItem
        from ..models.ldap_sync_counts import LdapSyncCounts

        d = dict(src_dict)
        _changes = d.pop("changes", UNSET)
        changes: list[LdapSyncChangesItem] | Unset = UNSET
        if _changes is not UNSET:
            changes = []
            for changes_item_data in _changes:
                changes_item = LdapSyncChangesItem.from_dict(changes_item_data)

                changes.append(changes_item)

        _counts = d.pop("counts", UNSET)
        counts: LdapSyncCounts | Unset
        if isinstance(_counts, Unset):
            counts = UNSET
        else:
            counts = LdapSyncCounts.from_dict(_counts)

        dry_run = d.pop("dry_run", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_finished_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        started_at = d.pop("started_at", UNSET)

        status = d.pop("status", UNSET)

        trigger = d.pop("trigger", UNSET)

        ldap_sync = cls(
            changes=changes,
            counts=counts,
            dry_run=dry_run,
            error=error,
            finished_at=finished_at,
            id=id,
            started_at=started_at,
            status=status,
            trigger=trigger,
        )

        return ldap_sync
