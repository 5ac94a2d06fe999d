from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.document_export_args_format import DocumentExportArgsFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentExportArgs")


@_attrs_define
class DocumentExportArgs:
    """
    Attributes:
        amount_max (str | Unset):  Example: 1500000.00.
        amount_min (str | Unset):  Example: 1500000.00.
        counterparty_id (UUID | Unset):
        currency (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        department_id (UUID | Unset):
        extra (str | Unset): extra field values that must match, as a JSON object
        format_ (DocumentExportArgsFormat | Unset):  Default: DocumentExportArgsFormat.XLSX.
        journal_id (UUID | Unset):
        legal_entity_id (UUID | Unset):
        parent_id (UUID | Unset):
        responsible_id (UUID | Unset):
        search (str | Unset): words in the number, subject, counterparty name or the text of the files
        signed_from (datetime.date | Unset):
        signed_to (datetime.date | Unset):
        status (list[str] | Unset):
        type_id (list[UUID] | Unset):
        valid_until_from (datetime.date | Unset):
        valid_until_to (datetime.date | Unset):
    """

    amount_max: str | Unset = UNSET
    amount_min: str | Unset = UNSET
    counterparty_id: UUID | Unset = UNSET
    currency: str | Unset = UNSET
    date_from: datetime.date | Unset = UNSET
    date_to: datetime.date | Unset = UNSET
    department_id: UUID | Unset = UNSET
    extra: str | Unset = UNSET
    format_: DocumentExportArgsFormat | Unset = DocumentExportArgsFormat.XLSX
    journal_id: UUID | Unset = UNSET
    legal_entity_id: UUID | Unset = UNSET
    parent_id: UUID | Unset = UNSET
    responsible_id: UUID | Unset = UNSET
    search: str | Unset = UNSET
    signed_from: datetime.date | Unset = UNSET
    signed_to: datetime.date | Unset = UNSET
    status: list[str] | Unset = UNSET
    type_id: list[UUID] | Unset = UNSET
    valid_until_from: datetime.date | Unset = UNSET
    valid_until_to: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_max = self.amount_max

        amount_min = self.amount_min

        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        currency = self.currency

        date_from: str | Unset = UNSET
        if not isinstance(self.date_from, Unset):
            date_from = self.date_from.isoformat()

        date_to: str | Unset = UNSET
        if not isinstance(self.date_to, Unset):
            date_to = self.date_to.isoformat()

        department_id: str | Unset = UNSET
        if not isinstance(self.department_id, Unset):
            department_id = str(self.department_id)

        extra = self.extra

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        journal_id: str | Unset = UNSET
        if not isinstance(self.journal_id, Unset):
            journal_id = str(self.journal_id)

        legal_entity_id: str | Unset = UNSET
        if not isinstance(self.legal_entity_id, Unset):
            legal_entity_id = str(self.legal_entity_id)

        parent_id: str | Unset = UNSET
        if not isinstance(self.parent_id, Unset):
            parent_id = str(self.parent_id)

        responsible_id: str | Unset = UNSET
        if not isinstance(self.responsible_id, Unset):
            responsible_id = str(self.responsible_id)

        search = self.search

        signed_from: str | Unset = UNSET
        if not isinstance(self.signed_from, Unset):
            signed_from = self.signed_from.isoformat()

        signed_to: str | Unset = UNSET
        if not isinstance(self.signed_to, Unset):
            signed_to = self.signed_to.isoformat()

        status: list[str] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        type_id: list[str] | Unset = UNSET
        if not isinstance(self.type_id, Unset):
            type_id = []
            for type_id_item_data in self.type_id:
                type_id_item = str(type_id_item_data)
                type_id.append(type_id_item)

        valid_until_from: str | Unset = UNSET
        if not isinstance(self.valid_until_from, Unset):
            valid_until_from = self.valid_until_from.isoformat()

        valid_until_to: str | Unset = UNSET
        if not isinstance(self.valid_until_to, Unset):
            valid_until_to = self.valid_until_to.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount_max is not UNSET:
            field_dict["amount_max"] = amount_max
        if amount_min is not UNSET:
            field_dict["amount_min"] = amount_min
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if date_from is not UNSET:
            field_dict["date_from"] = date_from
        if date_to is not UNSET:
            field_dict["date_to"] = date_to
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if extra is not UNSET:
            field_dict["extra"] = extra
        if format_ is not UNSET:
            field_dict["format"] = format_
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if legal_entity_id is not UNSET:
            field_dict["legal_entity_id"] = legal_entity_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if search is not UNSET:
            field_dict["search"] = search
        if signed_from is not UNSET:
            field_dict["signed_from"] = signed_from
        if signed_to is not UNSET:
            field_dict["signed_to"] = signed_to
        if status is not UNSET:
            field_dict["status"] = status
        if type_id is not UNSET:
            field_dict["type_id"] = type_id
        if valid_until_from is not UNSET:
            field_dict["valid_until_from"] = valid_until_from
        if valid_until_to is not UNSET:
            field_dict["valid_until_to"] = valid_until_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_max = d.pop("amount_max", UNSET)

        amount_min = d.pop("amount_min", UNSET)

        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        currency = d.pop("currency", UNSET)

        _date_from = d.pop("date_from", UNSET)
        date_from: datetime.date | Unset
        if isinstance(_date_from, Unset):
            date_from = UNSET
        else:
            date_from = datetime.date.fromisoformat(_date_from)

        _date_to = d.pop("date_to", UNSET)
        date_to: datetime.date | Unset
        if isinstance(_date_to, Unset):
            date_to = UNSET
        else:
            date_to = datetime.date.fromisoformat(_date_to)

        _department_id = d.pop("department_id", UNSET)
        department_id: UUID | Unset
        if isinstance(_department_id, Unset):
            department_id = UNSET
        else:
            department_id = UUID(_department_id)

        extra = d.pop("extra", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: DocumentExportArgsFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = DocumentExportArgsFormat(_format_)

        _journal_id = d.pop("journal_id", UNSET)
        journal_id: UUID | Unset
        if isinstance(_journal_id, Unset):
            journal_id = UNSET
        else:
            journal_id = UUID(_journal_id)

        _legal_entity_id = d.pop("legal_entity_id", UNSET)
        legal_entity_id: UUID | Unset
        if isinstance(_legal_entity_id, Unset):
            legal_entity_id = UNSET
        else:
            legal_entity_id = UUID(_legal_entity_id)

        _parent_id = d.pop("parent_id", UNSET)
        parent_id: UUID | Unset
        if isinstance(_parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = UUID(_parent_id)

        _responsible_id = d.pop("responsible_id", UNSET)
        responsible_id: UUID | Unset
        if isinstance(_responsible_id, Unset):
            responsible_id = UNSET
        else:
            responsible_id = UUID(_responsible_id)

        search = d.pop("search", UNSET)

        _signed_from = d.pop("signed_from", UNSET)
        signed_from: datetime.date | Unset
        if isinstance(_signed_from, Unset):
            signed_from = UNSET
        else:
            signed_from = datetime.date.fromisoformat(_signed_from)

        _signed_to = d.pop("signed_to", UNSET)
        signed_to: datetime.date | Unset
        if isinstance(_signed_to, Unset):
            signed_to = UNSET
        else:
            signed_to = datetime.date.fromisoformat(_signed_to)

        status = cast(list[str], d.pop("status", UNSET))

        _type_id = d.pop("type_id", UNSET)
        type_id: list[UUID] | Unset = UNSET
        if _type_id is not UNSET:
            type_id = []
            for type_id_item_data in _type_id:
                type_id_item = UUID(type_id_item_data)

                type_id.append(type_id_item)

        _valid_until_from = d.pop("valid_until_from", UNSET)
        valid_until_from: datetime.date | Unset
        if isinstance(_valid_until_from, Unset):
            valid_until_from = UNSET
        else:
            valid_until_from = datetime.date.fromisoformat(_valid_until_from)

        _valid_until_to = d.pop("valid_until_to", UNSET)
        valid_until_to: datetime.date | Unset
        if isinstance(_valid_until_to, Unset):
            valid_until_to = UNSET
        else:
            valid_until_to = datetime.date.fromisoformat(_valid_until_to)

        document_export_args = cls(
            amount_max=amount_max,
            amount_min=amount_min,
            counterparty_id=counterparty_id,
            currency=currency,
            date_from=date_from,
            date_to=date_to,
            department_id=department_id,
            extra=extra,
            format_=format_,
            journal_id=journal_id,
            legal_entity_id=legal_entity_id,
            parent_id=parent_id,
            responsible_id=responsible_id,
            search=search,
            signed_from=signed_from,
            signed_to=signed_to,
            status=status,
            type_id=type_id,
            valid_until_from=valid_until_from,
            valid_until_to=valid_until_to,
        )

        return document_export_args
