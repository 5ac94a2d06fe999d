from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntakeRegistration")


@_attrs_define
class IntakeRegistration:
    """
    Attributes:
        document_type_id (UUID):
        title (str):
        counterparty_id (None | Unset | UUID):
        document_date (datetime.date | None | Unset):
        journal_id (None | Unset | UUID):
        responsible_id (None | Unset | UUID):
        sender_number (None | str | Unset):
    """

    document_type_id: UUID
    title: str
    counterparty_id: None | Unset | UUID = UNSET
    document_date: datetime.date | None | Unset = UNSET
    journal_id: None | Unset | UUID = UNSET
    responsible_id: None | Unset | UUID = UNSET
    sender_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_type_id = str(self.document_type_id)

        title = self.title

        counterparty_id: None | str | Unset
        if isinstance(self.counterparty_id, Unset):
            counterparty_id = UNSET
        elif isinstance(self.counterparty_id, UUID):
            counterparty_id = str(self.counterparty_id)
        else:
            counterparty_id = self.counterparty_id

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        journal_id: None | str | Unset
        if isinstance(self.journal_id, Unset):
            journal_id = UNSET
        elif isinstance(self.journal_id, UUID):
            journal_id = str(self.journal_id)
        else:
            journal_id = self.journal_id

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        sender_number: None | str | Unset
        if isinstance(self.sender_number, Unset):
            sender_number = UNSET
        else:
            sender_number = self.sender_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_type_id": document_type_id,
                "title": title,
            }
        )
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if sender_number is not UNSET:
            field_dict["sender_number"] = sender_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        document_type_id = UUID(d.pop("document_type_id"))

        title = d.pop("title")

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

        def _parse_journal_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                journal_id_type_0 = UUID(data)

                return journal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        journal_id = _parse_journal_id(d.pop("journal_id", UNSET))

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

        def _parse_sender_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sender_number = _parse_sender_number(d.pop("sender_number", UNSET))

        intake_registration = cls(
            document_type_id=document_type_id,
            title=title,
            counterparty_id=counterparty_id,
            document_date=document_date,
            journal_id=journal_id,
            responsible_id=responsible_id,
            sender_number=sender_number,
        )

        return intake_registration
