from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.new_payment_kind import NewPaymentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewPayment")


@_attrs_define
class NewPayment:
    """
    Attributes:
        amount (str): above 0, below 10^16 Example: 1500000.00.
        kind (NewPaymentKind):
        on (datetime.date): planned: when it is due; actual: when it was paid
        currency (None | str | Unset): default: the contract's
        invoice_id (None | Unset | UUID): an invoice among the contract's children
        note (None | str | Unset):
        reference (None | str | Unset): payment order number or the like
    """

    amount: str
    kind: NewPaymentKind
    on: datetime.date
    currency: None | str | Unset = UNSET
    invoice_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind = self.kind.value

        on = self.on.isoformat()

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "on": on,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if note is not UNSET:
            field_dict["note"] = note
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = NewPaymentKind(d.pop("kind"))

        on = datetime.date.fromisoformat(d.pop("on"))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_invoice_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        new_payment = cls(
            amount=amount,
            kind=kind,
            on=on,
            currency=currency,
            invoice_id=invoice_id,
            note=note,
            reference=reference,
        )

        return new_payment
