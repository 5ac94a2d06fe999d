from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Settlement")


@_attrs_define
class Settlement:
    """
    Attributes:
        accrued (str | Unset): the sum of the contract's signed completion acts Example: 1500000.00.
        balance (str | Unset): accrued - paid: above 0 the customer owes, below 0 an advance Example: 1500000.00.
        contract_amount (None | str | Unset):  Example: 1500000.00.
        currency (None | str | Unset): null for acts and a contract that name no currency
        overdue_amount (str | Unset): planned payments due and not covered Example: 1500000.00.
        paid (str | Unset): actual payments not cancelled Example: 1500000.00.
        planned_to_date (str | Unset): planned payments due up to today Example: 1500000.00.
        remaining (None | str | Unset): contract amount - accrued Example: 1500000.00.
    """

    accrued: str | Unset = UNSET
    balance: str | Unset = UNSET
    contract_amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    overdue_amount: str | Unset = UNSET
    paid: str | Unset = UNSET
    planned_to_date: str | Unset = UNSET
    remaining: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accrued = self.accrued

        balance = self.balance

        contract_amount: None | str | Unset
        if isinstance(self.contract_amount, Unset):
            contract_amount = UNSET
        else:
            contract_amount = self.contract_amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        overdue_amount = self.overdue_amount

        paid = self.paid

        planned_to_date = self.planned_to_date

        remaining: None | str | Unset
        if isinstance(self.remaining, Unset):
            remaining = UNSET
        else:
            remaining = self.remaining

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accrued is not UNSET:
            field_dict["accrued"] = accrued
        if balance is not UNSET:
            field_dict["balance"] = balance
        if contract_amount is not UNSET:
            field_dict["contract_amount"] = contract_amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if overdue_amount is not UNSET:
            field_dict["overdue_amount"] = overdue_amount
        if paid is not UNSET:
            field_dict["paid"] = paid
        if planned_to_date is not UNSET:
            field_dict["planned_to_date"] = planned_to_date
        if remaining is not UNSET:
            field_dict["remaining"] = remaining

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accrued = d.pop("accrued", UNSET)

        balance = d.pop("balance", UNSET)

        def _parse_contract_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_amount = _parse_contract_amount(d.pop("contract_amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        overdue_amount = d.pop("overdue_amount", UNSET)

        paid = d.pop("paid", UNSET)

        planned_to_date = d.pop("planned_to_date", UNSET)

        def _parse_remaining(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remaining = _parse_remaining(d.pop("remaining", UNSET))

        settlement = cls(
            accrued=accrued,
            balance=balance,
            contract_amount=contract_amount,
            currency=currency,
            overdue_amount=overdue_amount,
            paid=paid,
            planned_to_date=planned_to_date,
            remaining=remaining,
        )

        return settlement
