from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_log_item import DeliveryLogItem


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        address (None | str | Unset):
        attempts (int | Unset):
        channel (str | Unset):
        id (UUID | Unset):
        last_error (None | str | Unset):
        log (list[DeliveryLogItem] | Unset):
        next_attempt_at (str | Unset):
        notification_id (UUID | Unset):
        sent_at (None | str | Unset):
        state (str | Unset):
    """

    address: None | str | Unset = UNSET
    attempts: int | Unset = UNSET
    channel: str | Unset = UNSET
    id: UUID | Unset = UNSET
    last_error: None | str | Unset = UNSET
    log: list[DeliveryLogItem] | Unset = UNSET
    next_attempt_at: str | Unset = UNSET
    notification_id: UUID | Unset = UNSET
    sent_at: None | str | Unset = UNSET
    state: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        attempts = self.attempts

        channel = self.channel

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        log: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.log, Unset):
            log = []
            for log_item_data in self.log:
                log_item = log_item_data.to_dict()
                log.append(log_item)

        next_attempt_at = self.next_attempt_at

        notification_id: str | Unset = UNSET
        if not isinstance(self.notification_id, Unset):
            notification_id = str(self.notification_id)

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        else:
            sent_at = self.sent_at

        state = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if channel is not UNSET:
            field_dict["channel"] = channel
        if id is not UNSET:
            field_dict["id"] = id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if log is not UNSET:
            field_dict["log"] = log
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if notification_id is not UNSET:
            field_dict["notification_id"] = notification_id
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_log_item import DeliveryLogItem

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        attempts = d.pop("attempts", UNSET)

        channel = d.pop("channel", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        _log = d.pop("log", UNSET)
        log: list[DeliveryLogItem] | Unset = UNSET
        if _log is not UNSET:
            log = []
            for log_item_data in _log:
                log_item = DeliveryLogItem.from_dict(log_item_data)

                log.append(log_item)

        next_attempt_at = d.pop("next_attempt_at", UNSET)

        _notification_id = d.pop("notification_id", UNSET)
        notification_id: UUID | Unset
        if isinstance(_notification_id, Unset):
            notification_id = UNSET
        else:
            notification_id = UUID(_notification_id)

        def _parse_sent_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        state = d.pop("state", UNSET)

        delivery = cls(
            address=address,
            attempts=attempts,
            channel=channel,
            id=id,
            last_error=last_error,
            log=log,
            next_attempt_at=next_attempt_at,
            notification_id=notification_id,
            sent_at=sent_at,
            state=state,
        )

        return delivery
