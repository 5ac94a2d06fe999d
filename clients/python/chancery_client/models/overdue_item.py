from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverdueItem")


@_attrs_define
class OverdueItem:
    """
    Attributes:
        amount (None | str | Unset):  Example: 1500000.00.
        counterparty_id (None | Unset | UUID):
        currency (None | str | Unset):
        days_overdue (int | Unset):
        document_id (UUID | Unset):
        document_number (None | str | Unset):
        document_title (str | Unset):
        due_on (datetime.date | Unset):
        id (UUID | Unset):
        kind (str | Unset): milestone or payment
        outstanding (None | str | Unset): a payment: what is not covered; a milestone: its amount Example: 1500000.00.
        responsible_id (None | Unset | UUID):
        title (None | str | Unset): the milestone's title; null for a payment
    """

    amount: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    days_overdue: int | Unset = UNSET
    document_id: UUID | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_title: str | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: str | Unset = UNSET
    outstanding: None | str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    title: None | str | Unset = UNSET

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

        days_overdue = self.days_overdue

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_title = self.document_title

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind = self.kind

        outstanding: None | str | Unset
        if isinstance(self.outstanding, Unset):
            outstanding = UNSET
        else:
            outstanding = self.outstanding

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if days_overdue is not UNSET:
            field_dict["days_overdue"] = days_overdue
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_title is not UNSET:
            field_dict["document_title"] = document_title
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if outstanding is not UNSET:
            field_dict["outstanding"] = outstanding
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
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

        days_overdue = d.pop("days_overdue", UNSET)

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

        kind = d.pop("kind", UNSET)

        def _parse_outstanding(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outstanding = _parse_outstanding(d.pop("outstanding", UNSET))

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

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        overdue_item = cls(
            amount=amount,
            counterparty_id=counterparty_id,
            currency=currency,
            days_overdue=days_overdue,
            document_id=document_id,
            document_number=document_number,
            document_title=document_title,
            due_on=due_on,
            id=id,
            kind=kind,
            outstanding=outstanding,
            responsible_id=responsible_id,
            title=title,
        )

        return overdue_item
