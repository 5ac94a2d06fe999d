from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.webhook_endpoint_update_event_format import (
    WebhookEndpointUpdateEventFormat,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointUpdate")


@_attrs_define
class WebhookEndpointUpdate:
    """
    Attributes:
        description (str | Unset):
        event_format (WebhookEndpointUpdateEventFormat | Unset): How each event is sent (docs/events.md, "Webhooks"):
            `chancery`, the envelope as application/json; `cloudevents-binary`, the envelope with the CloudEvents attributes
            as `ce-*` headers; `cloudevents-structured`, one application/cloudevents+json object with the envelope as
            `data`. Signed alike in every format.
        event_types (list[str] | Unset): event types or patterns: document.registered, document.*, *
        is_active (bool | Unset):
        url (str | Unset):
    """

    description: str | Unset = UNSET
    event_format: WebhookEndpointUpdateEventFormat | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    is_active: bool | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        event_format: str | Unset = UNSET
        if not isinstance(self.event_format, Unset):
            event_format = self.event_format.value

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        is_active = self.is_active

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if event_format is not UNSET:
            field_dict["event_format"] = event_format
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        _event_format = d.pop("event_format", UNSET)
        event_format: WebhookEndpointUpdateEventFormat | Unset
        if isinstance(_event_format, Unset):
            event_format = UNSET
        else:
            event_format = WebhookEndpointUpdateEventFormat(_event_format)

        event_types = cast(list[str], d.pop("event_types", UNSET))

        is_active = d.pop("is_active", UNSET)

        url = d.pop("url", UNSET)

        webhook_endpoint_update = cls(
            description=description,
            event_format=event_format,
            event_types=event_types,
            is_active=is_active,
            url=url,
        )

        return webhook_endpoint_update
