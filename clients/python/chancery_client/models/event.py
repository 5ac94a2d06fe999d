from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_payload import EventPayload


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """
    Attributes:
        id (UUID | Unset): The event's id, also its CloudEvents `id` and its message's message_id on the bus: a
            subscriber skips an id it has handled.
        occurred_at (str | Unset):
        payload (EventPayload | Unset):
        position (int | Unset): Its place in its producer's log (also in the message on the bus):
            `<producer>:<position>` resumes after it.
        producer (str | Unset): The service that published it (its exchange: `<producer>.events`).
        subject (None | str | Unset):
        type_ (str | Unset):
        version (int | Unset):
    """

    id: UUID | Unset = UNSET
    occurred_at: str | Unset = UNSET
    payload: EventPayload | Unset = UNSET
    position: int | Unset = UNSET
    producer: str | Unset = UNSET
    subject: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        occurred_at = self.occurred_at

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        position = self.position

        producer = self.producer

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        type_ = self.type_

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if payload is not UNSET:
            field_dict["payload"] = payload
        if position is not UNSET:
            field_dict["position"] = position
        if producer is not UNSET:
            field_dict["producer"] = producer
        if subject is not UNSET:
            field_dict["subject"] = subject
        if type_ is not UNSET:
            field_dict["type"] = type_
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_payload import EventPayload

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        occurred_at = d.pop("occurred_at", UNSET)

        _payload = d.pop("payload", UNSET)
        payload: EventPayload | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = EventPayload.from_dict(_payload)

        position = d.pop("position", UNSET)

        producer = d.pop("producer", UNSET)

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        type_ = d.pop("type", UNSET)

        version = d.pop("version", UNSET)

        event = cls(
            id=id,
            occurred_at=occurred_at,
            payload=payload,
            position=position,
            producer=producer,
            subject=subject,
            type_=type_,
            version=version,
        )

        return event
