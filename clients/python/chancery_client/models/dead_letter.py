from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeadLetter")


@_attrs_define
class DeadLetter:
    """
    Attributes:
        body (Any | Unset): the message as JSON (an event's envelope)
        deaths (int | Unset): times it was dead-lettered from that queue
        died_at (datetime.datetime | None | Unset):
        exchange (str | Unset):
        id (str | Unset): the message id (an event's id)
        queue (str | Unset): the queue it died in, and is replayed to
        reason (str | Unset): delivery_limit, rejected or expired
        routing_key (str | Unset):
        type_ (None | str | Unset): the event type
    """

    body: Any | Unset = UNSET
    deaths: int | Unset = UNSET
    died_at: datetime.datetime | None | Unset = UNSET
    exchange: str | Unset = UNSET
    id: str | Unset = UNSET
    queue: str | Unset = UNSET
    reason: str | Unset = UNSET
    routing_key: str | Unset = UNSET
    type_: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        deaths = self.deaths

        died_at: None | str | Unset
        if isinstance(self.died_at, Unset):
            died_at = UNSET
        elif isinstance(self.died_at, datetime.datetime):
            died_at = self.died_at.isoformat()
        else:
            died_at = self.died_at

        exchange = self.exchange

        id = self.id

        queue = self.queue

        reason = self.reason

        routing_key = self.routing_key

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if deaths is not UNSET:
            field_dict["deaths"] = deaths
        if died_at is not UNSET:
            field_dict["died_at"] = died_at
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if id is not UNSET:
            field_dict["id"] = id
        if queue is not UNSET:
            field_dict["queue"] = queue
        if reason is not UNSET:
            field_dict["reason"] = reason
        if routing_key is not UNSET:
            field_dict["routing_key"] = routing_key
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        body = d.pop("body", UNSET)

        deaths = d.pop("deaths", UNSET)

        def _parse_died_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                died_at_type_0 = datetime.datetime.fromisoformat(data)

                return died_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        died_at = _parse_died_at(d.pop("died_at", UNSET))

        exchange = d.pop("exchange", UNSET)

        id = d.pop("id", UNSET)

        queue = d.pop("queue", UNSET)

        reason = d.pop("reason", UNSET)

        routing_key = d.pop("routing_key", UNSET)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        dead_letter = cls(
            body=body,
            deaths=deaths,
            died_at=died_at,
            exchange=exchange,
            id=id,
            queue=queue,
            reason=reason,
            routing_key=routing_key,
            type_=type_,
        )

        return dead_letter
