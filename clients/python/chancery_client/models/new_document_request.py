from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.new_document_request_extra import NewDocumentRequestExtra


T = TypeVar("T", bound="NewDocumentRequest")


@_attrs_define
class NewDocumentRequest:
    """
    Attributes:
        title (str):
        type_id (UUID):
        amount (None | str | Unset):  Example: 1500000.00.
        counterparty_id (None | Unset | UUID):
        currency (None | str | Unset):
        department_id (None | Unset | UUID):
        document_date (datetime.date | None | Unset):
        extra (NewDocumentRequestExtra | Unset): values of the type's extra fields by code
        legal_entity_id (None | Unset | UUID):
        parent_id (None | Unset | UUID):
        register (bool | Unset): register in the type's journal now (default true)
        reserved_number (str | Unset): take this number, reserved before in the type's journal
        responsible_id (None | Unset | UUID):
        signing_date (datetime.date | None | Unset):
        valid_from (datetime.date | None | Unset):
        valid_to (datetime.date | None | Unset):
    """

    title: str
    type_id: UUID
    amount: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    document_date: datetime.date | None | Unset = UNSET
    extra: NewDocumentRequestExtra | Unset = UNSET
    legal_entity_id: None | Unset | UUID = UNSET
    parent_id: None | Unset | UUID = UNSET
    register: bool | Unset = UNSET
    reserved_number: str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    signing_date: datetime.date | None | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        type_id = str(self.type_id)

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

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        legal_entity_id: None | str | Unset
        if isinstance(self.legal_entity_id, Unset):
            legal_entity_id = UNSET
        elif isinstance(self.legal_entity_id, UUID):
            legal_entity_id = str(self.legal_entity_id)
        else:
            legal_entity_id = self.legal_entity_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        register = self.register

        reserved_number = self.reserved_number

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        signing_date: None | str | Unset
        if isinstance(self.signing_date, Unset):
            signing_date = UNSET
        elif isinstance(self.signing_date, datetime.date):
            signing_date = self.signing_date.isoformat()
        else:
            signing_date = self.signing_date

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "type_id": type_id,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if extra is not UNSET:
            field_dict["extra"] = extra
        if legal_entity_id is not UNSET:
            field_dict["legal_entity_id"] = legal_entity_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if register is not UNSET:
            field_dict["register"] = register
        if reserved_number is not UNSET:
            field_dict["reserved_number"] = reserved_number
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if signing_date is not UNSET:
            field_dict["signing_date"] = signing_date
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.new_document_request_extra import NewDocumentRequestExtra

        d = dict(src_dict)
        title = d.pop("title")

        type_id = UUID(d.pop("type_id"))

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

        def _parse_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_id_type_0 = UUID(data)

                return department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_document_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_date_type_0 = datetime.date.fromisoformat(data)

                return document_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        document_date = _parse_document_date(d.pop("document_date", UNSET))

        _extra = d.pop("extra", UNSET)
        extra: NewDocumentRequestExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = NewDocumentRequestExtra.from_dict(_extra)

        def _parse_legal_entity_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_entity_id_type_0 = UUID(data)

                return legal_entity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        legal_entity_id = _parse_legal_entity_id(d.pop("legal_entity_id", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        register = d.pop("register", UNSET)

        reserved_number = d.pop("reserved_number", UNSET)

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

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        new_document_request = cls(
            title=title,
            type_id=type_id,
            amount=amount,
            counterparty_id=counterparty_id,
            currency=currency,
            department_id=department_id,
            document_date=document_date,
            extra=extra,
            legal_entity_id=legal_entity_id,
            parent_id=parent_id,
            register=register,
            reserved_number=reserved_number,
            responsible_id=responsible_id,
            signing_date=signing_date,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return new_document_request
