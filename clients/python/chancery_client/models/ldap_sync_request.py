from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LdapSyncRequest")


@_attrs_define
class LdapSyncRequest:
    """
    Attributes:
        dry_run (bool | Unset): list what the sync would change, writing nothing Default: False.
    """

    dry_run: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dry_run = d.pop("dry_run", UNSET)

        ldap_sync_request = cls(
            dry_run=dry_run,
        )

        return ldap_sync_request
