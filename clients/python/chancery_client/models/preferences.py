from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preferences_channels import PreferencesChannels
    from ..models.preferences_kinds import PreferencesKinds


T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    """
    Attributes:
        activity_minutes (int | Unset): how long before a planned contact to remind
        channels (PreferencesChannels | Unset): kind -> channels besides the inbox (a kind left out: e-mail)
        channels_available (list[str] | Unset):
        digest_enabled (bool | Unset):
        digest_hour (int | Unset):
        digest_kinds (list[str] | Unset): kinds read in the daily digest instead of one e-mail each
        employee_id (UUID | Unset):
        kinds (PreferencesKinds | Unset): kind -> label
        quiet_end (None | str | Unset):
        quiet_start (None | str | Unset): HH:MM local
    """

    activity_minutes: int | Unset = UNSET
    channels: PreferencesChannels | Unset = UNSET
    channels_available: list[str] | Unset = UNSET
    digest_enabled: bool | Unset = UNSET
    digest_hour: int | Unset = UNSET
    digest_kinds: list[str] | Unset = UNSET
    employee_id: UUID | Unset = UNSET
    kinds: PreferencesKinds | Unset = UNSET
    quiet_end: None | str | Unset = UNSET
    quiet_start: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity_minutes = self.activity_minutes

        channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels.to_dict()

        channels_available: list[str] | Unset = UNSET
        if not isinstance(self.channels_available, Unset):
            channels_available = self.channels_available

        digest_enabled = self.digest_enabled

        digest_hour = self.digest_hour

        digest_kinds: list[str] | Unset = UNSET
        if not isinstance(self.digest_kinds, Unset):
            digest_kinds = self.digest_kinds

        employee_id: str | Unset = UNSET
        if not isinstance(self.employee_id, Unset):
            employee_id = str(self.employee_id)

        kinds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = self.kinds.to_dict()

        quiet_end: None | str | Unset
        if isinstance(self.quiet_end, Unset):
            quiet_end = UNSET
        else:
            quiet_end = self.quiet_end

        quiet_start: None | str | Unset
        if isinstance(self.quiet_start, Unset):
            quiet_start = UNSET
        else:
            quiet_start = self.quiet_start

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_minutes is not UNSET:
            field_dict["activity_minutes"] = activity_minutes
        if channels is not UNSET:
            field_dict["channels"] = channels
        if channels_available is not UNSET:
            field_dict["channels_available"] = channels_available
        if digest_enabled is not UNSET:
            field_dict["digest_enabled"] = digest_enabled
        if digest_hour is not UNSET:
            field_dict["digest_hour"] = digest_hour
        if digest_kinds is not UNSET:
            field_dict["digest_kinds"] = digest_kinds
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if kinds is not UNSET:
            field_dict["kinds"] = kinds
        if quiet_end is not UNSET:
            field_dict["quiet_end"] = quiet_end
        if quiet_start is not UNSET:
            field_dict["quiet_start"] = quiet_start

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preferences_channels import PreferencesChannels
        from ..models.preferences_kinds import PreferencesKinds

        d = dict(src_dict)
        activity_minutes = d.pop("activity_minutes", UNSET)

        _channels = d.pop("channels", UNSET)
        channels: PreferencesChannels | Unset
        if isinstance(_channels, Unset):
            channels = UNSET
        else:
            channels = PreferencesChannels.from_dict(_channels)

        channels_available = cast(list[str], d.pop("channels_available", UNSET))

        digest_enabled = d.pop("digest_enabled", UNSET)

        digest_hour = d.pop("digest_hour", UNSET)

        digest_kinds = cast(list[str], d.pop("digest_kinds", UNSET))

        _employee_id = d.pop("employee_id", UNSET)
        employee_id: UUID | Unset
        if isinstance(_employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = UUID(_employee_id)

        _kinds = d.pop("kinds", UNSET)
        kinds: PreferencesKinds | Unset
        if isinstance(_kinds, Unset):
            kinds = UNSET
        else:
            kinds = PreferencesKinds.from_dict(_kinds)

        def _parse_quiet_end(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quiet_end = _parse_quiet_end(d.pop("quiet_end", UNSET))

        def _parse_quiet_start(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quiet_start = _parse_quiet_start(d.pop("quiet_start", UNSET))

        preferences = cls(
            activity_minutes=activity_minutes,
            channels=channels,
            channels_available=channels_available,
            digest_enabled=digest_enabled,
            digest_hour=digest_hour,
            digest_kinds=digest_kinds,
            employee_id=employee_id,
            kinds=kinds,
            quiet_end=quiet_end,
            quiet_start=quiet_start,
        )

        return preferences
