from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookAttempt")


@_attrs_define
class WebhookAttempt:
    """
    Attributes:
        attempted_at (datetime.datetime | Unset):
        duration_ms (int | Unset):
        error (None | str | Unset):
        id (int | Unset):
        replay (bool | Unset):
        response_body (None | str | Unset):
        status_code (int | None | Unset):
        succeeded (bool | Unset):
        webhook_timestamp (int | Unset):
    """

    attempted_at: datetime.datetime | Unset = UNSET
    duration_ms: int | Unset = UNSET
    error: None | str | Unset = UNSET
    id: int | Unset = UNSET
    replay: bool | Unset = UNSET
    response_body: None | str | Unset = UNSET
    status_code: int | None | Unset = UNSET
    succeeded: bool | Unset = UNSET
    webhook_timestamp: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attempted_at: str | Unset = UNSET
        if not isinstance(self.attempted_at, Unset):
            attempted_at = self.attempted_at.isoformat()

        duration_ms = self.duration_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        id = self.id

        replay = self.replay

        response_body: None | str | Unset
        if isinstance(self.response_body, Unset):
            response_body = UNSET
        else:
            response_body = self.response_body

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        succeeded = self.succeeded

        webhook_timestamp = self.webhook_timestamp

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attempted_at is not UNSET:
            field_dict["attempted_at"] = attempted_at
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if error is not UNSET:
            field_dict["error"] = error
        if id is not UNSET:
            field_dict["id"] = id
        if replay is not UNSET:
            field_dict["replay"] = replay
        if response_body is not UNSET:
            field_dict["response_body"] = response_body
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if succeeded is not UNSET:
            field_dict["succeeded"] = succeeded
        if webhook_timestamp is not UNSET:
            field_dict["webhook_timestamp"] = webhook_timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _attempted_at = d.pop("attempted_at", UNSET)
        attempted_at: datetime.datetime | Unset
        if isinstance(_attempted_at, Unset):
            attempted_at = UNSET
        else:
            attempted_at = datetime.datetime.fromisoformat(_attempted_at)

        duration_ms = d.pop("duration_ms", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        id = d.pop("id", UNSET)

        replay = d.pop("replay", UNSET)

        def _parse_response_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_body = _parse_response_body(d.pop("response_body", UNSET))

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("status_code", UNSET))

        succeeded = d.pop("succeeded", UNSET)

        webhook_timestamp = d.pop("webhook_timestamp", UNSET)

        webhook_attempt = cls(
            attempted_at=attempted_at,
            duration_ms=duration_ms,
            error=error,
            id=id,
            replay=replay,
            response_body=response_body,
            status_code=status_code,
            succeeded=succeeded,
            webhook_timestamp=webhook_timestamp,
        )

        return webhook_attempt
