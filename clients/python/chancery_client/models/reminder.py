from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Reminder")


@_attrs_define
class Reminder:
    """
    Attributes:
        body (str | Unset):
        counterparty_id (None | Unset | UUID):
        created_by (None | Unset | UUID):
        due_at (str | Unset):
        fired_at (None | str | Unset):
        id (UUID | Unset):
        kind (str | Unset): document, manual, activity, important_date, approval_deadline or paper_copy
        link (None | str | Unset):
        notification_id (None | Unset | UUID):
        occurrence (str | Unset):
        recipient_id (UUID | Unset):
        source (str | Unset):
        state (str | Unset):
        subject_id (None | Unset | UUID):
        subject_type (None | str | Unset):
        title (str | Unset):
    """

    body: str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    created_by: None | Unset | UUID = UNSET
    due_at: str | Unset = UNSET
    fired_at: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    link: None | str | Unset = UNSET
    notification_id: None | Unset | UUID = UNSET
    occurrence: str | Unset = UNSET
    recipient_id: UUID | Unset = UNSET
    source: str | Unset = UNSET
    state: str | Unset = UNSET
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

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        due_at = self.due_at

        fired_at: None | str | Unset
        if isinstance(self.fired_at, Unset):
            fired_at = UNSET
        else:
            fired_at = self.fired_at

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        notification_id: None | str | Unset
        if isinstance(self.notification_id, Unset):
            notification_id = UNSET
        elif isinstance(self.notification_id, UUID):
            notification_id = str(self.notification_id)
        else:
            notification_id = self.notification_id

        occurrence = self.occurrence

        recipient_id: str | Unset = UNSET
        if not isinstance(self.recipient_id, Unset):
            recipient_id = str(self.recipient_id)

        source = self.source

        state = self.state

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
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if fired_at is not UNSET:
            field_dict["fired_at"] = fired_at
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if link is not UNSET:
            field_dict["link"] = link
        if notification_id is not UNSET:
            field_dict["notification_id"] = notification_id
        if occurrence is not UNSET:
            field_dict["occurrence"] = occurrence
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if source is not UNSET:
            field_dict["source"] = source
        if state is not UNSET:
            field_dict["state"] = state
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        due_at = d.pop("due_at", UNSET)

        def _parse_fired_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fired_at = _parse_fired_at(d.pop("fired_at", UNSET))

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

        def _parse_notification_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notification_id_type_0 = UUID(data)

                return notification_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        notification_id = _parse_notification_id(d.pop("notification_id", UNSET))

        occurrence = d.pop("occurrence", UNSET)

        _recipient_id = d.pop("recipient_id", UNSET)
        recipient_id: UUID | Unset
        if isinstance(_recipient_id, Unset):
            recipient_id = UNSET
        else:
            recipient_id = UUID(_recipient_id)

        source = d.pop("source", UNSET)

        state = d.pop("state", UNSET)

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

        reminder = cls(
            body=body,
            counterparty_id=counterparty_id,
            created_by=created_by,
            due_at=due_at,
            fired_at=fired_at,
            id=id,
            kind=kind,
            link=link,
            notification_id=notification_id,
            occurrence=occurrence,
            recipient_id=recipient_id,
            source=source,
            state=state,
            subject_id=subject_id,
            subject_type=subject_type,
            title=title,
        )

        return reminder
