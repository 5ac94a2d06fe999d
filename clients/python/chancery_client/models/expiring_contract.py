from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpiringContract")


@_attrs_define
class ExpiringContract:
    """
    Attributes:
        amount (None | str | Unset):
        counterparty_id (None | Unset | UUID):
        currency (None | str | Unset):
        days_left (int | Unset):
        id (UUID | Unset):
        number (None | str | Unset):
        responsible_id (None | Unset | UUID):
        title (str | Unset):
        valid_to (str | Unset):
    """

    amount: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    days_left: int | Unset = UNSET
    id: UUID | Unset = UNSET
    number: None | str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    title: str | Unset = UNSET
    valid_to: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        days_left = self.days_left

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        title = self.title

        valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if days_left is not UNSET:
            field_dict["days_left"] = days_left
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if title is not UNSET:
            field_dict["title"] = title
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        days_left = d.pop("days_left", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

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

        title = d.pop("title", UNSET)

        valid_to = d.pop("valid_to", UNSET)

        expiring_contract = cls(
            amount=amount,
            counterparty_id=counterparty_id,
            currency=currency,
            days_left=days_left,
            id=id,
            number=number,
            responsible_id=responsible_id,
            title=title,
            valid_to=valid_to,
        )

        return expiring_contract
