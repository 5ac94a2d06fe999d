from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MilestoneChanges")


@_attrs_define
class MilestoneChanges:
    """
    Attributes:
        act_id (None | Unset | UUID): a completion act among the contract's children
        amount (None | str | Unset): above 0, below 10^16 Example: 1500000.00.
        completed_on (datetime.date | None | Unset):
        currency (None | str | Unset):
        due_on (datetime.date | Unset):
        note (None | str | Unset):
        title (str | Unset):
    """

    act_id: None | Unset | UUID = UNSET
    amount: None | str | Unset = UNSET
    completed_on: datetime.date | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    note: None | str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if act_id is not UNSET:
            field_dict["act_id"] = act_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if currency is not UNSET:
            field_dict["currency"] = currency
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if note is not UNSET:
            field_dict["note"] = note
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        title = d.pop("title", UNSET)

        milestone_changes = cls(
            act_id=act_id,
            amount=amount,
            completed_on=completed_on,
            currency=currency,
            due_on=due_on,
            note=note,
            title=title,
        )

        return milestone_changes
