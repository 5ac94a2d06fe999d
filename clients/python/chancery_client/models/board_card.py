from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BoardCard")


@_attrs_define
class BoardCard:
    """
    Attributes:
        counterparty_id (UUID | Unset):
        currency (None | str | Unset):
        days_in_stage (int | Unset):
        expected_amount (None | str | Unset):  Example: 1500000.00.
        expected_close_on (datetime.date | None | Unset):
        last_contact_at (datetime.datetime | Unset): the latest done activity or negotiation note
        name (str | Unset):
        next_contact_at (datetime.datetime | None | Unset): the earliest planned activity (an overdue one included)
        responsible_employee_id (None | Unset | UUID):
        stage_since (datetime.datetime | Unset): when the note moving it to this stage was made
        stalled (bool | Unset): no contact for `stalled_days` days or more
    """

    counterparty_id: UUID | Unset = UNSET
    currency: None | str | Unset = UNSET
    days_in_stage: int | Unset = UNSET
    expected_amount: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET
    last_contact_at: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    next_contact_at: datetime.datetime | None | Unset = UNSET
    responsible_employee_id: None | Unset | UUID = UNSET
    stage_since: datetime.datetime | Unset = UNSET
    stalled: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        days_in_stage = self.days_in_stage

        expected_amount: None | str | Unset
        if isinstance(self.expected_amount, Unset):
            expected_amount = UNSET
        else:
            expected_amount = self.expected_amount

        expected_close_on: None | str | Unset
        if isinstance(self.expected_close_on, Unset):
            expected_close_on = UNSET
        elif isinstance(self.expected_close_on, datetime.date):
            expected_close_on = self.expected_close_on.isoformat()
        else:
            expected_close_on = self.expected_close_on

        last_contact_at: str | Unset = UNSET
        if not isinstance(self.last_contact_at, Unset):
            last_contact_at = self.last_contact_at.isoformat()

        name = self.name

        next_contact_at: None | str | Unset
        if isinstance(self.next_contact_at, Unset):
            next_contact_at = UNSET
        elif isinstance(self.next_contact_at, datetime.datetime):
            next_contact_at = self.next_contact_at.isoformat()
        else:
            next_contact_at = self.next_contact_at

        responsible_employee_id: None | str | Unset
        if isinstance(self.responsible_employee_id, Unset):
            responsible_employee_id = UNSET
        elif isinstance(self.responsible_employee_id, UUID):
            responsible_employee_id = str(self.responsible_employee_id)
        else:
            responsible_employee_id = self.responsible_employee_id

        stage_since: str | Unset = UNSET
        if not isinstance(self.stage_since, Unset):
            stage_since = self.stage_since.isoformat()

        stalled = self.stalled

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if days_in_stage is not UNSET:
            field_dict["days_in_stage"] = days_in_stage
        if expected_amount is not UNSET:
            field_dict["expected_amount"] = expected_amount
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on
        if last_contact_at is not UNSET:
            field_dict["last_contact_at"] = last_contact_at
        if name is not UNSET:
            field_dict["name"] = name
        if next_contact_at is not UNSET:
            field_dict["next_contact_at"] = next_contact_at
        if responsible_employee_id is not UNSET:
            field_dict["responsible_employee_id"] = responsible_employee_id
        if stage_since is not UNSET:
            field_dict["stage_since"] = stage_since
        if stalled is not UNSET:
            field_dict["stalled"] = stalled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        days_in_stage = d.pop("days_in_stage", UNSET)

        def _parse_expected_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_amount = _parse_expected_amount(d.pop("expected_amount", UNSET))

        def _parse_expected_close_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_on_type_0 = datetime.date.fromisoformat(data)

                return expected_close_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_close_on = _parse_expected_close_on(d.pop("expected_close_on", UNSET))

        _last_contact_at = d.pop("last_contact_at", UNSET)
        last_contact_at: datetime.datetime | Unset
        if isinstance(_last_contact_at, Unset):
            last_contact_at = UNSET
        else:
            last_contact_at = datetime.datetime.fromisoformat(_last_contact_at)

        name = d.pop("name", UNSET)

        def _parse_next_contact_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_contact_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_contact_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_contact_at = _parse_next_contact_at(d.pop("next_contact_at", UNSET))

        def _parse_responsible_employee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responsible_employee_id_type_0 = UUID(data)

                return responsible_employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        responsible_employee_id = _parse_responsible_employee_id(
            d.pop("responsible_employee_id", UNSET)
        )

        _stage_since = d.pop("stage_since", UNSET)
        stage_since: datetime.datetime | Unset
        if isinstance(_stage_since, Unset):
            stage_since = UNSET
        else:
            stage_since = datetime.datetime.fromisoformat(_stage_since)

        stalled = d.pop("stalled", UNSET)

        board_card = cls(
            counterparty_id=counterparty_id,
            currency=currency,
            days_in_stage=days_in_stage,
            expected_amount=expected_amount,
            expected_close_on=expected_close_on,
            last_contact_at=last_contact_at,
            name=name,
            next_contact_at=next_contact_at,
            responsible_employee_id=responsible_employee_id,
            stage_since=stage_since,
            stalled=stalled,
        )

        return board_card
