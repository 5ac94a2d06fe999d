from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agenda_activity_kind import AgendaActivityKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgendaActivity")


@_attrs_define
class AgendaActivity:
    """
    Attributes:
        counterparty_id (UUID):
        kind (AgendaActivityKind):
        planned_at (datetime.datetime):
        subject (str):
        completed_at (None | str | Unset):
        contact_person_id (None | Unset | UUID):
        created_at (str | Unset):
        description (None | str | Unset):
        duration_minutes (int | None | Unset):
        follow_up_of (None | Unset | UUID):
        id (UUID | Unset):
        next_step (None | str | Unset):
        on_behalf_of (None | Unset | UUID): the colleague away today whose activity this is, when I am their deputy
        phone_or_place (None | str | Unset):
        responsible_id (None | Unset | UUID):
        result (None | str | Unset):
        scheduled_by (UUID | Unset):
        status (str | Unset):
        updated_at (None | str | Unset):
    """

    counterparty_id: UUID
    kind: AgendaActivityKind
    planned_at: datetime.datetime
    subject: str
    completed_at: None | str | Unset = UNSET
    contact_person_id: None | Unset | UUID = UNSET
    created_at: str | Unset = UNSET
    description: None | str | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    follow_up_of: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    next_step: None | str | Unset = UNSET
    on_behalf_of: None | Unset | UUID = UNSET
    phone_or_place: None | str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    result: None | str | Unset = UNSET
    scheduled_by: UUID | Unset = UNSET
    status: str | Unset = UNSET
    updated_at: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_id = str(self.counterparty_id)

        kind = self.kind.value

        planned_at = self.planned_at.isoformat()

        subject = self.subject

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        contact_person_id: None | str | Unset
        if isinstance(self.contact_person_id, Unset):
            contact_person_id = UNSET
        elif isinstance(self.contact_person_id, UUID):
            contact_person_id = str(self.contact_person_id)
        else:
            contact_person_id = self.contact_person_id

        created_at = self.created_at

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        follow_up_of: None | str | Unset
        if isinstance(self.follow_up_of, Unset):
            follow_up_of = UNSET
        elif isinstance(self.follow_up_of, UUID):
            follow_up_of = str(self.follow_up_of)
        else:
            follow_up_of = self.follow_up_of

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        next_step: None | str | Unset
        if isinstance(self.next_step, Unset):
            next_step = UNSET
        else:
            next_step = self.next_step

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, UUID):
            on_behalf_of = str(self.on_behalf_of)
        else:
            on_behalf_of = self.on_behalf_of

        phone_or_place: None | str | Unset
        if isinstance(self.phone_or_place, Unset):
            phone_or_place = UNSET
        else:
            phone_or_place = self.phone_or_place

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        scheduled_by: str | Unset = UNSET
        if not isinstance(self.scheduled_by, Unset):
            scheduled_by = str(self.scheduled_by)

        status = self.status

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counterparty_id": counterparty_id,
                "kind": kind,
                "planned_at": planned_at,
                "subject": subject,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if contact_person_id is not UNSET:
            field_dict["contact_person_id"] = contact_person_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if follow_up_of is not UNSET:
            field_dict["follow_up_of"] = follow_up_of
        if id is not UNSET:
            field_dict["id"] = id
        if next_step is not UNSET:
            field_dict["next_step"] = next_step
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if phone_or_place is not UNSET:
            field_dict["phone_or_place"] = phone_or_place
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if result is not UNSET:
            field_dict["result"] = result
        if scheduled_by is not UNSET:
            field_dict["scheduled_by"] = scheduled_by
        if status is not UNSET:
            field_dict["status"] = status
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        counterparty_id = UUID(d.pop("counterparty_id"))

        kind = AgendaActivityKind(d.pop("kind"))

        planned_at = datetime.datetime.fromisoformat(d.pop("planned_at"))

        subject = d.pop("subject")

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_contact_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_person_id_type_0 = UUID(data)

                return contact_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_person_id = _parse_contact_person_id(d.pop("contact_person_id", UNSET))

        created_at = d.pop("created_at", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_follow_up_of(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                follow_up_of_type_0 = UUID(data)

                return follow_up_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        follow_up_of = _parse_follow_up_of(d.pop("follow_up_of", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_next_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_step = _parse_next_step(d.pop("next_step", UNSET))

        def _parse_on_behalf_of(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_behalf_of_type_0 = UUID(data)

                return on_behalf_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of", UNSET))

        def _parse_phone_or_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone_or_place = _parse_phone_or_place(d.pop("phone_or_place", UNSET))

        def _parse_responsible_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responsible_id_type_0 = UUID(data)

                return responsible_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        responsible_id = _parse_responsible_id(d.pop("responsible_id", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        _scheduled_by = d.pop("scheduled_by", UNSET)
        scheduled_by: UUID | Unset
        if isinstance(_scheduled_by, Unset):
            scheduled_by = UNSET
        else:
            scheduled_by = UUID(_scheduled_by)

        status = d.pop("status", UNSET)

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        agenda_activity = cls(
            counterparty_id=counterparty_id,
            kind=kind,
            planned_at=planned_at,
            subject=subject,
            completed_at=completed_at,
            contact_person_id=contact_person_id,
            created_at=created_at,
            description=description,
            duration_minutes=duration_minutes,
            follow_up_of=follow_up_of,
            id=id,
            next_step=next_step,
            on_behalf_of=on_behalf_of,
            phone_or_place=phone_or_place,
            responsible_id=responsible_id,
            result=result,
            scheduled_by=scheduled_by,
            status=status,
            updated_at=updated_at,
        )

        return agenda_activity
