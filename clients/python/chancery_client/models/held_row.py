from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HeldRow")


@_attrs_define
class HeldRow:
    """
    Attributes:
        approval_id (UUID | Unset):
        approver_id (UUID | Unset):
        assigned_at (str | Unset):
        decided_at (None | str | Unset):
        delay_reason (None | str | Unset):
        department_id (None | Unset | UUID):
        document_id (UUID | Unset):
        document_number (None | str | Unset):
        document_title (str | Unset):
        due_at (None | str | Unset):
        hours (float | Unset):
        on_behalf_of (None | Unset | UUID):
        overdue (bool | Unset):
        stage_name (str | Unset):
        status (str | Unset):
        task_id (UUID | Unset):
    """

    approval_id: UUID | Unset = UNSET
    approver_id: UUID | Unset = UNSET
    assigned_at: str | Unset = UNSET
    decided_at: None | str | Unset = UNSET
    delay_reason: None | str | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    document_id: UUID | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_title: str | Unset = UNSET
    due_at: None | str | Unset = UNSET
    hours: float | Unset = UNSET
    on_behalf_of: None | Unset | UUID = UNSET
    overdue: bool | Unset = UNSET
    stage_name: str | Unset = UNSET
    status: str | Unset = UNSET
    task_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        approval_id: str | Unset = UNSET
        if not isinstance(self.approval_id, Unset):
            approval_id = str(self.approval_id)

        approver_id: str | Unset = UNSET
        if not isinstance(self.approver_id, Unset):
            approver_id = str(self.approver_id)

        assigned_at = self.assigned_at

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        delay_reason: None | str | Unset
        if isinstance(self.delay_reason, Unset):
            delay_reason = UNSET
        else:
            delay_reason = self.delay_reason

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_title = self.document_title

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        hours = self.hours

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, UUID):
            on_behalf_of = str(self.on_behalf_of)
        else:
            on_behalf_of = self.on_behalf_of

        overdue = self.overdue

        stage_name = self.stage_name

        status = self.status

        task_id: str | Unset = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = str(self.task_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if approver_id is not UNSET:
            field_dict["approver_id"] = approver_id
        if assigned_at is not UNSET:
            field_dict["assigned_at"] = assigned_at
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if delay_reason is not UNSET:
            field_dict["delay_reason"] = delay_reason
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if hours is not UNSET:
            field_dict["hours"] = hours
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if stage_name is not UNSET:
            field_dict["stage_name"] = stage_name
        if status is not UNSET:
            field_dict["status"] = status
        if task_id is not UNSET:
            field_dict["task_id"] = task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _approval_id = d.pop("approval_id", UNSET)
        approval_id: UUID | Unset
        if isinstance(_approval_id, Unset):
            approval_id = UNSET
        else:
            approval_id = UUID(_approval_id)

        _approver_id = d.pop("approver_id", UNSET)
        approver_id: UUID | Unset
        if isinstance(_approver_id, Unset):
            approver_id = UNSET
        else:
            approver_id = UUID(_approver_id)

        assigned_at = d.pop("assigned_at", UNSET)

        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_delay_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delay_reason = _parse_delay_reason(d.pop("delay_reason", UNSET))

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        document_title = d.pop("document_title", UNSET)

        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        hours = d.pop("hours", UNSET)

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

        overdue = d.pop("overdue", UNSET)

        stage_name = d.pop("stage_name", UNSET)

        status = d.pop("status", UNSET)

        _task_id = d.pop("task_id", UNSET)
        task_id: UUID | Unset
        if isinstance(_task_id, Unset):
            task_id = UNSET
        else:
            task_id = UUID(_task_id)

        held_row = cls(
            approval_id=approval_id,
            approver_id=approver_id,
            assigned_at=assigned_at,
            decided_at=decided_at,
            delay_reason=delay_reason,
            department_id=department_id,
            document_id=document_id,
            document_number=document_number,
            document_title=document_title,
            due_at=due_at,
            hours=hours,
            on_behalf_of=on_behalf_of,
            overdue=overdue,
            stage_name=stage_name,
            status=status,
            task_id=task_id,
        )

        return held_row
