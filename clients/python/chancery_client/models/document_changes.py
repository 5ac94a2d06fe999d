from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_changes_extra import DocumentChangesExtra


T = TypeVar("T", bound="DocumentChanges")


@_attrs_define
class DocumentChanges:
    """
    Attributes:
        amount (None | str | Unset):  Example: 1500000.00.
        counterparty_id (None | Unset | UUID):
        currency (None | str | Unset):
        document_date (datetime.date | None | Unset):
        extra (DocumentChangesExtra | Unset): extra fields of the type to change, by code (null clears one)
        legal_entity_id (None | Unset | UUID):
        responsible_id (None | Unset | UUID):
        signing_date (datetime.date | None | Unset):
        title (str | Unset):
        valid_from (datetime.date | None | Unset):
        valid_to (datetime.date | None | Unset):
    """

    amount: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    currency: None | str | Unset = UNSET
    document_date: datetime.date | None | Unset = UNSET
    extra: DocumentChangesExtra | Unset = UNSET
    legal_entity_id: None | Unset | UUID = UNSET
    responsible_id: None | Unset | UUID = UNSET
    signing_date: datetime.date | None | Unset = UNSET
    title: str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET

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

        title = self.title

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

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if currency is not UNSET:
            field_dict["currency"] = currency
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if extra is not UNSET:
            field_dict["extra"] = extra
        if legal_entity_id is not UNSET:
            field_dict["legal_entity_id"] = legal_entity_id
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if signing_date is not UNSET:
            field_dict["signing_date"] = signing_date
        if title is not UNSET:
            field_dict["title"] = title
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_changes_extra import DocumentChangesExtra

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
        extra: DocumentChangesExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = DocumentChangesExtra.from_dict(_extra)

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

        title = d.pop("title", UNSET)

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

        document_changes = cls(
            amount=amount,
            counterparty_id=counterparty_id,
            currency=currency,
            document_date=document_date,
            extra=extra,
            legal_entity_id=legal_entity_id,
            responsible_id=responsible_id,
            signing_date=signing_date,
            title=title,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return document_changes
