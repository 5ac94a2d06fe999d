from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execution_document import ExecutionDocument


T = TypeVar("T", bound="Milestone")


@_attrs_define
class Milestone:
    """
    Attributes:
        act (ExecutionDocument | None | Unset):
        act_id (None | Unset | UUID): the completion act that closes it
        amount (None | str | Unset):  Example: 1500000.00.
        completed_on (datetime.date | None | Unset): when it was done: the act's signing date, or a date given by hand
        created_at (str | Unset):
        created_by (UUID | Unset):
        currency (None | str | Unset):
        days_overdue (int | Unset): 0 unless overdue
        due_on (datetime.date | Unset):
        id (UUID | Unset):
        note (None | str | Unset):
        position (int | Unset): 1, 2, ... in the order of the contract
        status (str | Unset): planned, act_pending (an act linked but not signed yet), done or overdue
        title (str | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    act: ExecutionDocument | None | Unset = UNSET
    act_id: None | Unset | UUID = UNSET
    amount: None | str | Unset = UNSET
    completed_on: datetime.date | None | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    currency: None | str | Unset = UNSET
    days_overdue: int | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    id: UUID | Unset = UNSET
    note: None | str | Unset = UNSET
    position: int | Unset = UNSET
    status: str | Unset = UNSET
    title: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_document import ExecutionDocument

        act: dict[str, Any] | None | Unset
        if isinstance(self.act, Unset):
            act = UNSET
        elif isinstance(self.act, ExecutionDocument):
            act = self.act.to_dict()
        else:
            act = self.act

        act_id: None | str | Unset
        if isinstance(self.act_id, Unset):
            act_id = UNSET
        elif isinstance(self.act_id, UUID):
            act_id = str(self.act_id)
        else:
            act_id = self.act_id

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        days_overdue = self.days_overdue

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        position = self.position

        status = self.status

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if act is not UNSET:
            field_dict["act"] = act
        if act_id is not UNSET:
            field_dict["act_id"] = act_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if currency is not UNSET:
            field_dict["currency"] = currency
        if days_overdue is not UNSET:
            field_dict["days_overdue"] = days_overdue
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note
        if position is not UNSET:
            field_dict["position"] = position
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_document import ExecutionDocument

        d = dict(src_dict)

        def _parse_act(data: object) -> ExecutionDocument | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                act_type_1 = ExecutionDocument.from_dict(data)

                return act_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionDocument | None | Unset, data)

        act = _parse_act(d.pop("act", UNSET))

        def _parse_act_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                act_id_type_0 = UUID(data)

                return act_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        act_id = _parse_act_id(d.pop("act_id", UNSET))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        days_overdue = d.pop("days_overdue", UNSET)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        position = d.pop("position", UNSET)

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        version = d.pop("version", UNSET)

        milestone = cls(
            act=act,
            act_id=act_id,
            amount=amount,
            completed_on=completed_on,
            created_at=created_at,
            created_by=created_by,
            currency=currency,
            days_overdue=days_overdue,
            due_on=due_on,
            id=id,
            note=note,
            position=position,
            status=status,
            title=title,
            version=version,
        )

        return milestone
