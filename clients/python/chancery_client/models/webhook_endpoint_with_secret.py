from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.webhook_endpoint_with_secret_event_format import (
    WebhookEndpointWithSecretEventFormat,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookEndpointWithSecret")


@_attrs_define
class WebhookEndpointWithSecret:
    """
    Attributes:
        event_types (list[str]): event types or patterns: document.registered, document.*, *
        url (str): https:// address the events are POSTed to
        created_at (datetime.datetime | Unset):
        created_by (None | Unset | UUID):
        description (str | Unset):
        event_format (WebhookEndpointWithSecretEventFormat | Unset): How each event is sent (docs/events.md,
            "Webhooks"): `chancery`, the envelope as application/json; `cloudevents-binary`, the envelope with the
            CloudEvents attributes as `ce-*` headers; `cloudevents-structured`, one application/cloudevents+json object with
            the envelope as `data`. Signed alike in every format. Default: WebhookEndpointWithSecretEventFormat.CHANCERY.
        id (UUID | Unset):
        is_active (bool | Unset): false pauses deliveries (they wait)
        previous_secret_expires_at (datetime.datetime | None | Unset):
        secret (str | Unset): whsec_...: shown only now
        updated_at (datetime.datetime | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    event_types: list[str]
    url: str
    created_at: datetime.datetime | Unset = UNSET
    created_by: None | Unset | UUID = UNSET
    description: str | Unset = UNSET
    event_format: WebhookEndpointWithSecretEventFormat | Unset = (
        WebhookEndpointWithSecretEventFormat.CHANCERY
    )
    id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    previous_secret_expires_at: datetime.datetime | None | Unset = UNSET
    secret: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        event_types = self.event_types

        url = self.url

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        description = self.description

        event_format: str | Unset = UNSET
        if not isinstance(self.event_format, Unset):
            event_format = self.event_format.value

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_active = self.is_active

        previous_secret_expires_at: None | str | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        elif isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        secret = self.secret

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_types": event_types,
                "url": url,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if description is not UNSET:
            field_dict["description"] = description
        if event_format is not UNSET:
            field_dict["event_format"] = event_format
        if id is not UNSET:
            field_dict["id"] = id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if previous_secret_expires_at is not UNSET:
            field_dict["previous_secret_expires_at"] = previous_secret_expires_at
        if secret is not UNSET:
            field_dict["secret"] = secret
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_types = cast(list[str], d.pop("event_types"))

        url = d.pop("url")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_created_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        description = d.pop("description", UNSET)

        _event_format = d.pop("event_format", UNSET)
        event_format: WebhookEndpointWithSecretEventFormat | Unset
        if isinstance(_event_format, Unset):
            event_format = UNSET
        else:
            event_format = WebhookEndpointWithSecretEventFormat(_event_format)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_active = d.pop("is_active", UNSET)

        def _parse_previous_secret_expires_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(
                    data
                )

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(
            d.pop("previous_secret_expires_at", UNSET)
        )

        secret = d.pop("secret", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        version = d.pop("version", UNSET)

        webhook_endpoint_with_secret = cls(
            event_types=event_types,
            url=url,
            created_at=created_at,
            created_by=created_by,
            description=description,
            event_format=event_format,
            id=id,
            is_active=is_active,
            previous_secret_expires_at=previous_secret_expires_at,
            secret=secret,
            updated_at=updated_at,
            version=version,
        )

        return webhook_endpoint_with_secret
