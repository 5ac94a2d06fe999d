from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_data import NotificationData


T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """
    Attributes:
        body (str | Unset):
        counterparty_id (None | Unset | UUID):
        created_at (str | Unset):
        data (NotificationData | Unset): the facts the notification is about, for wording it
        id (UUID | Unset):
        kind (str | Unset):
        link (None | str | Unset):
        read_at (None | str | Unset):
        recipient_id (UUID | Unset):
        subject_id (None | Unset | UUID):
        subject_type (None | str | Unset):
        title (str | Unset):
    """

    body: str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    created_at: str | Unset = UNSET
    data: NotificationData | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    link: None | str | Unset = UNSET
    read_at: None | str | Unset = UNSET
    recipient_id: UUID | Unset = UNSET
    subject_id: None | Unset | UUID = UNSET
    subject_type: None | str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        created_at = self.created_at

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        read_at: None | str | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        else:
            read_at = self.read_at

        recipient_id: str | Unset = UNSET
        if not isinstance(self.recipient_id, Unset):
            recipient_id = str(self.recipient_id)

        subject_id: None | str | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        elif isinstance(self.subject_id, UUID):
            subject_id = str(self.subject_id)
        else:
            subject_id = self.subject_id

        subject_type: None | str | Unset
        if isinstance(self.subject_type, Unset):
            subject_type = UNSET
        else:
            subject_type = self.subject_type

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if data is not UNSET:
            field_dict["data"] = data
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if link is not UNSET:
            field_dict["link"] = link
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notification_data import NotificationData

        d = dict(src_dict)
        body = d.pop("body", UNSET)

        def _parse_counterparty_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterparty_id_type_0 = UUID(data)

                return counterparty_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id", UNSET))

        created_at = d.pop("created_at", UNSET)

        _data = d.pop("data", UNSET)
        data: NotificationData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = NotificationData.from_dict(_data)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        kind = d.pop("kind", UNSET)

        def _parse_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        def _parse_read_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        read_at = _parse_read_at(d.pop("read_at", UNSET))

        _recipient_id = d.pop("recipient_id", UNSET)
        recipient_id: UUID | Unset
        if isinstance(_recipient_id, Unset):
            recipient_id = UNSET
        else:
            recipient_id = UUID(_recipient_id)

        def _parse_subject_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_id_type_0 = UUID(data)

                return subject_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))

        def _parse_subject_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_type = _parse_subject_type(d.pop("subject_type", UNSET))

        title = d.pop("title", UNSET)

        notification = cls(
            body=body,
            counterparty_id=counterparty_id,
            created_at=created_at,
            data=data,
            id=id,
            kind=kind,
            link=link,
            read_at=read_at,
            recipient_id=recipient_id,
            subject_id=subject_id,
            subject_type=subject_type,
            title=title,
        )

        return notification
