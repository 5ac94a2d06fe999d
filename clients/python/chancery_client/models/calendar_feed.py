from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarFeed")


@_attrs_define
class CalendarFeed:
    """
    Attributes:
        active (bool | Unset): whether there is an address
        created_at (None | str | Unset): when the current address was made
        last_used_at (None | str | Unset): when a calendar program last read it (to within 5 minutes)
        url (str | Unset): only in the answer that makes it: the https address to subscribe to
        webcal_url (str | Unset): only in the answer that makes it: the same as webcal://
    """

    active: bool | Unset = UNSET
    created_at: None | str | Unset = UNSET
    last_used_at: None | str | Unset = UNSET
    url: str | Unset = UNSET
    webcal_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        else:
            last_used_at = self.last_used_at

        url = self.url

        webcal_url = self.webcal_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if url is not UNSET:
            field_dict["url"] = url
        if webcal_url is not UNSET:
            field_dict["webcal_url"] = webcal_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_last_used_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

        url = d.pop("url", UNSET)

        webcal_url = d.pop("webcal_url", UNSET)

        calendar_feed = cls(
            active=active,
            created_at=created_at,
            last_used_at=last_used_at,
            url=url,
            webcal_url=webcal_url,
        )

        return calendar_feed
