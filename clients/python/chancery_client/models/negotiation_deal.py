from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NegotiationDeal")


@_attrs_define
class NegotiationDeal:
    """
    Attributes:
        currency (None | str | Unset): the expected amount's currency, ISO 4217 (three capital letters: RUB, USD,
            EUR...)
        expected_amount (None | str | Unset): the deal's expected amount: above 0, below 10^16; goes with `currency`
            Example: 1500000.00.
        expected_close_on (datetime.date | None | Unset): when the deal is expected to close
    """

    currency: None | str | Unset = UNSET
    expected_amount: None | str | Unset = UNSET
    expected_close_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if expected_amount is not UNSET:
            field_dict["expected_amount"] = expected_amount
        if expected_close_on is not UNSET:
            field_dict["expected_close_on"] = expected_close_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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

        negotiation_deal = cls(
            currency=currency,
            expected_amount=expected_amount,
            expected_close_on=expected_close_on,
        )

        return negotiation_deal
