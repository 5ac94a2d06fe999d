from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunningApproval")


@_attrs_define
class RunningApproval:
    """
    Attributes:
        approval_id (UUID | Unset):
        document_id (UUID | Unset):
        document_number (None | str | Unset):
        document_title (str | Unset):
        due_at (None | str | Unset):
        holder_ids (list[UUID] | Unset): who has to decide now
        overdue (bool | Unset):
        since (None | str | Unset):
        stage_name (None | str | Unset):
        stage_status (None | str | Unset): active, or stalled (nobody on it)
        status (str | Unset): in_progress, or returned (for revision)
    """

    approval_id: UUID | Unset = UNSET
    document_id: UUID | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_title: str | Unset = UNSET
    due_at: None | str | Unset = UNSET
    holder_ids: list[UUID] | Unset = UNSET
    overdue: bool | Unset = UNSET
    since: None | str | Unset = UNSET
    stage_name: None | str | Unset = UNSET
    stage_status: None | str | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        approval_id: str | Unset = UNSET
        if not isinstance(self.approval_id, Unset):
            approval_id = str(self.approval_id)

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

        holder_ids: list[str] | Unset = UNSET
        if not isinstance(self.holder_ids, Unset):
            holder_ids = []
            for holder_ids_item_data in self.holder_ids:
                holder_ids_item = str(holder_ids_item_data)
                holder_ids.append(holder_ids_item)

        overdue = self.overdue

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        else:
            since = self.since

        stage_name: None | str | Unset
        if isinstance(self.stage_name, Unset):
            stage_name = UNSET
        else:
            stage_name = self.stage_name

        stage_status: None | str | Unset
        if isinstance(self.stage_status, Unset):
            stage_status = UNSET
        else:
            stage_status = self.stage_status

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if approval_id is not UNSET:
            field_dict["approval_id"] = approval_id
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if holder_ids is not UNSET:
            field_dict["holder_ids"] = holder_ids
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if since is not UNSET:
            field_dict["since"] = since
        if stage_name is not UNSET:
            field_dict["stage_name"] = stage_name
        if stage_status is not UNSET:
            field_dict["stage_status"] = stage_status
        if status is not UNSET:
            field_dict["status"] = status

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

        _holder_ids = d.pop("holder_ids", UNSET)
        holder_ids: list[UUID] | Unset = UNSET
        if _holder_ids is not UNSET:
            holder_ids = []
            for holder_ids_item_data in _holder_ids:
                holder_ids_item = UUID(holder_ids_item_data)

                holder_ids.append(holder_ids_item)

        overdue = d.pop("overdue", UNSET)

        def _parse_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

        def _parse_stage_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage_name = _parse_stage_name(d.pop("stage_name", UNSET))

        def _parse_stage_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage_status = _parse_stage_status(d.pop("stage_status", UNSET))

        status = d.pop("status", UNSET)

        running_approval = cls(
            approval_id=approval_id,
            document_id=document_id,
            document_number=document_number,
            document_title=document_title,
            due_at=due_at,
            holder_ids=holder_ids,
            overdue=overdue,
            since=since,
            stage_name=stage_name,
            stage_status=stage_status,
            status=status,
        )

        return running_approval
