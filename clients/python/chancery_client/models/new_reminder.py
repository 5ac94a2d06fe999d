from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewReminder")


@_attrs_define
class NewReminder:
    """
    Attributes:
        due_at (datetime.datetime):
        title (str):
        counterparty_id (None | Unset | UUID):
        department_ids (list[UUID] | Unset):
        employee_ids (list[UUID] | Unset): whom to remind; none: oneself
        note (str | Unset):
        subject_id (None | Unset | UUID):
        subject_type (None | str | Unset): document, counterparty, contact_person, activity or approval
    """

    due_at: datetime.datetime
    title: str
    counterparty_id: None | Unset | UUID = UNSET
    department_ids: list[UUID] | Unset = UNSET
    employee_ids: list[UUID] | Unset = UNSET
    note: str | Unset = UNSET
    subject_id: None | Unset | UUID = UNSET
    subject_type: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at = self.due_at.isoformat()

        title = self.title

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = []
            for department_ids_item_data in self.department_ids:
                department_ids_item = str(department_ids_item_data)
                department_ids.append(department_ids_item)

        employee_ids: list[str] | Unset = UNSET
        if not isinstance(self.employee_ids, Unset):
            employee_ids = []
            for employee_ids_item_data in self.employee_ids:
                employee_ids_item = str(employee_ids_item_data)
                employee_ids.append(employee_ids_item)

        note = self.note

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_at": due_at,
                "title": title,
            }
        )
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if employee_ids is not UNSET:
            field_dict["employee_ids"] = employee_ids
        if note is not UNSET:
            field_dict["note"] = note
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        title = d.pop("title")

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

        _department_ids = d.pop("department_ids", UNSET)
        department_ids: list[UUID] | Unset = UNSET
        if _department_ids is not UNSET:
            department_ids = []
            for department_ids_item_data in _department_ids:
                department_ids_item = UUID(department_ids_item_data)

                department_ids.append(department_ids_item)

        _employee_ids = d.pop("employee_ids", UNSET)
        employee_ids: list[UUID] | Unset = UNSET
        if _employee_ids is not UNSET:
            employee_ids = []
            for employee_ids_item_data in _employee_ids:
                employee_ids_item = UUID(employee_ids_item_data)

                employee_ids.append(employee_ids_item)

        note = d.pop("note", UNSET)

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

        new_reminder = cls(
            due_at=due_at,
            title=title,
            counterparty_id=counterparty_id,
            department_ids=department_ids,
            employee_ids=employee_ids,
            note=note,
            subject_id=subject_id,
            subject_type=subject_type,
        )

        return new_reminder
