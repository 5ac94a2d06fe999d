from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execution_document import ExecutionDocument


T = TypeVar("T", bound="Payment")


@_attrs_define
class Payment:
    """
    Attributes:
        amount (str | Unset):  Example: 1500000.00.
        cancel_reason (None | str | Unset):
        cancelled_at (None | str | Unset):
        cancelled_by (None | Unset | UUID):
        covered (None | str | Unset): planned: how much of it the actual payments cover, oldest first; actual: null
            Example: 1500000.00.
        created_at (str | Unset):
        created_by (UUID | Unset):
        currency (str | Unset):
        days_overdue (int | Unset): 0 unless overdue
        id (UUID | Unset):
        invoice (ExecutionDocument | None | Unset):
        invoice_id (None | Unset | UUID):
        kind (str | Unset): planned (a line of the schedule) or actual (money paid)
        note (None | str | Unset):
        on (datetime.date | Unset): planned: when it is due; actual: when it was paid
        reference (None | str | Unset): payment order number or the like
        status (str | Unset): planned: paid, partly_paid, due or overdue; actual: recorded; either: cancelled
    """

    amount: str | Unset = UNSET
    cancel_reason: None | str | Unset = UNSET
    cancelled_at: None | str | Unset = UNSET
    cancelled_by: None | Unset | UUID = UNSET
    covered: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    currency: str | Unset = UNSET
    days_overdue: int | Unset = UNSET
    id: UUID | Unset = UNSET
    invoice: ExecutionDocument | None | Unset = UNSET
    invoice_id: None | Unset | UUID = UNSET
    kind: str | Unset = UNSET
    note: None | str | Unset = UNSET
    on: datetime.date | Unset = UNSET
    reference: None | str | Unset = UNSET
    status: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.execution_document import ExecutionDocument

        amount = self.amount

        cancel_reason: None | str | Unset
        if isinstance(self.cancel_reason, Unset):
            cancel_reason = UNSET
        else:
            cancel_reason = self.cancel_reason

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        else:
            cancelled_at = self.cancelled_at

        cancelled_by: None | str | Unset
        if isinstance(self.cancelled_by, Unset):
            cancelled_by = UNSET
        elif isinstance(self.cancelled_by, UUID):
            cancelled_by = str(self.cancelled_by)
        else:
            cancelled_by = self.cancelled_by

        covered: None | str | Unset
        if isinstance(self.covered, Unset):
            covered = UNSET
        else:
            covered = self.covered

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        currency = self.currency

        days_overdue = self.days_overdue

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        invoice: dict[str, Any] | None | Unset
        if isinstance(self.invoice, Unset):
            invoice = UNSET
        elif isinstance(self.invoice, ExecutionDocument):
            invoice = self.invoice.to_dict()
        else:
            invoice = self.invoice

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        elif isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        kind = self.kind

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        on: str | Unset = UNSET
        if not isinstance(self.on, Unset):
            on = self.on.isoformat()

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if covered is not UNSET:
            field_dict["covered"] = covered
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if currency is not UNSET:
            field_dict["currency"] = currency
        if days_overdue is not UNSET:
            field_dict["days_overdue"] = days_overdue
        if id is not UNSET:
            field_dict["id"] = id
        if invoice is not UNSET:
            field_dict["invoice"] = invoice
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if note is not UNSET:
            field_dict["note"] = note
        if on is not UNSET:
            field_dict["on"] = on
        if reference is not UNSET:
            field_dict["reference"] = reference
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.execution_document import ExecutionDocument

        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        def _parse_cancel_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason", UNSET))

        def _parse_cancelled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        def _parse_cancelled_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_by_type_0 = UUID(data)

                return cancelled_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by", UNSET))

        def _parse_covered(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        covered = _parse_covered(d.pop("covered", UNSET))

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        currency = d.pop("currency", UNSET)

        days_overdue = d.pop("days_overdue", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_invoice(data: object) -> ExecutionDocument | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invoice_type_1 = ExecutionDocument.from_dict(data)

                return invoice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutionDocument | None | Unset, data)

        invoice = _parse_invoice(d.pop("invoice", UNSET))

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

        kind = d.pop("kind", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _on = d.pop("on", UNSET)
        on: datetime.date | Unset
        if isinstance(_on, Unset):
            on = UNSET
        else:
            on = datetime.date.fromisoformat(_on)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        status = d.pop("status", UNSET)

        payment = cls(
            amount=amount,
            cancel_reason=cancel_reason,
            cancelled_at=cancelled_at,
            cancelled_by=cancelled_by,
            covered=covered,
            created_at=created_at,
            created_by=created_by,
            currency=currency,
            days_overdue=days_overdue,
            id=id,
            invoice=invoice,
            invoice_id=invoice_id,
            kind=kind,
            note=note,
            on=on,
            reference=reference,
            status=status,
        )

        return payment
