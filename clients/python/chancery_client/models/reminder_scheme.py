from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipients import Recipients


T = TypeVar("T", bound="ReminderScheme")


@_attrs_define
class ReminderScheme:
    """
    Attributes:
        date_field (str): document_date, signing_date, valid_from, valid_until or a date field code of the type
        document_type_id (UUID):
        name (str):
        offsets (list[int]): days relative to the date: -30 = 30 days before, 0 = on the day, 3 = 3 days after
        recipients (Recipients):
        at_time (None | str | Unset): HH:MM in the recipient's time zone
        created_by (None | Unset | UUID):
        id (UUID | Unset):
        is_active (bool | Unset):
        message (str | Unset):
        stop_statuses (list[str] | Unset): no reminder once the document has one
        updated_at (str | Unset):
    """

    date_field: str
    document_type_id: UUID
    name: str
    offsets: list[int]
    recipients: Recipients
    at_time: None | str | Unset = UNSET
    created_by: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    message: str | Unset = UNSET
    stop_statuses: list[str] | Unset = UNSET
    updated_at: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date_field = self.date_field

        document_type_id = str(self.document_type_id)

        name = self.name

        offsets = self.offsets

        recipients = self.recipients.to_dict()

        at_time: None | str | Unset
        if isinstance(self.at_time, Unset):
            at_time = UNSET
        else:
            at_time = self.at_time

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_active = self.is_active

        message = self.message

        stop_statuses: list[str] | Unset = UNSET
        if not isinstance(self.stop_statuses, Unset):
            stop_statuses = self.stop_statuses

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date_field": date_field,
                "document_type_id": document_type_id,
                "name": name,
                "offsets": offsets,
                "recipients": recipients,
            }
        )
        if at_time is not UNSET:
            field_dict["at_time"] = at_time
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if id is not UNSET:
            field_dict["id"] = id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if message is not UNSET:
            field_dict["message"] = message
        if stop_statuses is not UNSET:
            field_dict["stop_statuses"] = stop_statuses
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recipients import Recipients

        d = dict(src_dict)
        date_field = d.pop("date_field")

        document_type_id = UUID(d.pop("document_type_id"))

        name = d.pop("name")

        offsets = cast(list[int], d.pop("offsets"))

        recipients = Recipients.from_dict(d.pop("recipients"))

        def _parse_at_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        at_time = _parse_at_time(d.pop("at_time", UNSET))

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

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_active = d.pop("is_active", UNSET)

        message = d.pop("message", UNSET)

        stop_statuses = cast(list[str], d.pop("stop_statuses", UNSET))

        updated_at = d.pop("updated_at", UNSET)

        reminder_scheme = cls(
            date_field=date_field,
            document_type_id=document_type_id,
            name=name,
            offsets=offsets,
            recipients=recipients,
            at_time=at_time,
            created_by=created_by,
            id=id,
            is_active=is_active,
            message=message,
            stop_statuses=stop_statuses,
            updated_at=updated_at,
        )

        return reminder_scheme
