from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """
    Attributes:
        added_by (None | Unset | UUID):
        approval_id (UUID | Unset):
        approver_id (UUID | Unset):
        assigned_at (None | str | Unset):
        comment (None | str | Unset):
        decided_at (None | str | Unset):
        decided_by (None | Unset | UUID):
        decision (None | str | Unset):
        delay_reason (None | str | Unset):
        due_at (None | str | Unset):
        extension_reason (None | str | Unset):
        extension_requested_due_at (None | str | Unset):
        extension_status (None | str | Unset):
        hours_held (float | None | Unset):
        id (UUID | Unset):
        on_behalf_of (None | Unset | UUID): the approver the route named, when approver_id stands in for them
        overdue (bool | Unset):
        position (int | Unset):
        remarks_file_id (None | Unset | UUID): a file of the document with the remarks
        round_ (int | Unset): 1, and one more after each resubmission
        stage_id (UUID | Unset):
        status (str | Unset):
    """

    added_by: None | Unset | UUID = UNSET
    approval_id: UUID | Unset = UNSET
    approver_id: UUID | Unset = UNSET
    assigned_at: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    decided_at: None | str | Unset = UNSET
    decided_by: None | Unset | UUID = UNSET
    decision: None | str | Unset = UNSET
    delay_reason: None | str | Unset = UNSET
    due_at: None | str | Unset = UNSET
    extension_reason: None | str | Unset = UNSET
    extension_requested_due_at: None | str | Unset = UNSET
    extension_status: None | str | Unset = UNSET
    hours_held: float | None | Unset = UNSET
    id: UUID | Unset = UNSET
    on_behalf_of: None | Unset | UUID = UNSET
    overdue: bool | Unset = UNSET
    position: int | Unset = UNSET
    remarks_file_id: None | Unset | UUID = UNSET
    round_: int | Unset = UNSET
    stage_id: UUID | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        added_by: None | str | Unset
        if isinstance(self.added_by, Unset):
            added_by = UNSET
        elif isinstance(self.added_by, UUID):
            added_by = str(self.added_by)
        else:
            added_by = self.added_by

        approval_id: str | Unset = UNSET
        if not isinstance(self.approval_id, Unset):
            approval_id = str(self.approval_id)

        approver_id: str | Unset = UNSET
        if not isinstance(self.approver_id, Unset):
            approver_id = str(self.approver_id)

        assigned_at: None | str | Unset
        if isinstance(self.assigned_at, Unset):
            assigned_at = UNSET
        else:
            assigned_at = self.assigned_at

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        elif isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        decision: None | str | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        else:
            decision = self.decision

        delay_reason: None | str | Unset
        if isinstance(self.delay_reason, Unset):
            delay_reason = UNSET
        else:
            delay_reason = self.delay_reason

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        else:
            due_at = self.due_at

        extension_reason: None | str | Unset
        if isinstance(self.extension_reason, Unset):
            extension_reason = UNSET
        else:
            extension_reason = self.extension_reason

        extension_requested_due_at: None | str | Unset
        if isinstance(self.extension_requested_due_at, Unset):
            extension_requested_due_at = UNSET
        else:
            extension_requested_due_at = self.extension_requested_due_at

        extension_status: None | str | Unset
        if isinstance(self.extension_status, Unset):
            extension_status = UNSET
        else:
            extension_status = self.extension_status

        hours_held: float | None | Unset
        if isinstance(self.hours_held, Unset):
            hours_held = UNSET
        else:
            hours_held = self.hours_held

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        on_behalf_of: None | str | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        elif isinstance(self.on_behalf_of, UUID):
            on_behalf_of = str(self.on_behalf_of)
        else:
            on_behalf_of = self.on_behalf_of

        overdue = self.overdue

        position = self.position

        remarks_file_id: None | str | Unset
        if isinstance(self.remarks_file_id, Unset):
            remarks_file_id = UNSET
        elif isinstance(self.remarks_file_id, UUID):
            remarks_file_id = str(self.remarks_file_id)
        else:
            remarks_file_id = self.remarks_file_id

        round_ = self.round_

        stage_id: str | Unset = UNSET
        if not isinstance(self.stage_id, Unset):
            stage_id = str(self.stage_id)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if added_by is not UNSET:
            field_dict["added_by"] = added_by
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if approver_id is not UNSET:
            field_dict["approver_id"] = approver_id
        if assigned_at is not UNSET:
            field_dict["assigned_at"] = assigned_at
        if comment is not UNSET:
            field_dict["comment"] = comment
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decision is not UNSET:
            field_dict["decision"] = decision
        if delay_reason is not UNSET:
            field_dict["delay_reason"] = delay_reason
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if extension_reason is not UNSET:
            field_dict["extension_reason"] = extension_reason
        if extension_requested_due_at is not UNSET:
            field_dict["extension_requested_due_at"] = extension_requested_due_at
        if extension_status is not UNSET:
            field_dict["extension_status"] = extension_status
        if hours_held is not UNSET:
            field_dict["hours_held"] = hours_held
        if id is not UNSET:
            field_dict["id"] = id
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if position is not UNSET:
            field_dict["position"] = position
        if remarks_file_id is not UNSET:
            field_dict["remarks_file_id"] = remarks_file_id
        if round_ is not UNSET:
            field_dict["round"] = round_
        if stage_id is not UNSET:
            field_dict["stage_id"] = stage_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_added_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                added_by_type_0 = UUID(data)

                return added_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        added_by = _parse_added_by(d.pop("added_by", UNSET))

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

        def _parse_assigned_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_at = _parse_assigned_at(d.pop("assigned_at", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_decided_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision = _parse_decision(d.pop("decision", UNSET))

        def _parse_delay_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delay_reason = _parse_delay_reason(d.pop("delay_reason", UNSET))

        def _parse_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        def _parse_extension_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extension_reason = _parse_extension_reason(d.pop("extension_reason", UNSET))

        def _parse_extension_requested_due_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extension_requested_due_at = _parse_extension_requested_due_at(
            d.pop("extension_requested_due_at", UNSET)
        )

        def _parse_extension_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extension_status = _parse_extension_status(d.pop("extension_status", UNSET))

        def _parse_hours_held(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hours_held = _parse_hours_held(d.pop("hours_held", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

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

        position = d.pop("position", UNSET)

        def _parse_remarks_file_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remarks_file_id_type_0 = UUID(data)

                return remarks_file_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        remarks_file_id = _parse_remarks_file_id(d.pop("remarks_file_id", UNSET))

        round_ = d.pop("round", UNSET)

        _stage_id = d.pop("stage_id", UNSET)
        stage_id: UUID | Unset
        if isinstance(_stage_id, Unset):
            stage_id = UNSET
        else:
            stage_id = UUID(_stage_id)

        status = d.pop("status", UNSET)

        task = cls(
            added_by=added_by,
            approval_id=approval_id,
            approver_id=approver_id,
            assigned_at=assigned_at,
            comment=comment,
            decided_at=decided_at,
            decided_by=decided_by,
            decision=decision,
            delay_reason=delay_reason,
            due_at=due_at,
            extension_reason=extension_reason,
            extension_requested_due_at=extension_requested_due_at,
            extension_status=extension_status,
            hours_held=hours_held,
            id=id,
            on_behalf_of=on_behalf_of,
            overdue=overdue,
            position=position,
            remarks_file_id=remarks_file_id,
            round_=round_,
            stage_id=stage_id,
            status=status,
        )

        return task
