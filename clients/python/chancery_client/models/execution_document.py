from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutionDocument")


@_attrs_define
class ExecutionDocument:
    """
    Attributes:
        amount (None | str | Unset):  Example: 1500000.00.
        currency (None | str | Unset):
        id (UUID | Unset):
        number (None | str | Unset):
        signing_date (datetime.date | None | Unset):
        status (str | Unset):
        title (str | Unset):
    """

    amount: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    number: None | str | Unset = UNSET
    signing_date: datetime.date | None | Unset = UNSET
    status: str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        signing_date: None | str | Unset
        if isinstance(self.signing_date, Unset):
            signing_date = UNSET
        elif isinstance(self.signing_date, datetime.date):
            signing_date = self.signing_date.isoformat()
        else:
            signing_date = self.signing_date

        status = self.status

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if id is not UNSET:
            field_dict["id"] = id
        if number is not UNSET:
            field_dict["number"] = number
        if signing_date is not UNSET:
            field_dict["signing_date"] = signing_date
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

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

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

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

        def _parse_signing_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signing_date_type_0 = datetime.date.fromisoformat(data)

                return signing_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        signing_date = _parse_signing_date(d.pop("signing_date", UNSET))

        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        execution_document = cls(
            amount=amount,
            currency=currency,
            id=id,
            number=number,
            signing_date=signing_date,
            status=status,
            title=title,
        )

        return execution_document
