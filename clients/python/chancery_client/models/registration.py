from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Registration")


@_attrs_define
class Registration:
    """
    Attributes:
        cancel_reason (None | str | Unset):
        cancelled_at (None | str | Unset):
        cancelled_by (None | Unset | UUID):
        document_id (None | Unset | UUID): the document holding (or that held) the number, when the caller sees it
        id (UUID | Unset):
        journal_id (UUID | Unset):
        note (None | str | Unset):
        number (str | Unset):
        registered_at (str | Unset):
        registrar_id (UUID | Unset):
        sequence (int | Unset):
        status (str | Unset): reserved, registered or cancelled
        year (int | Unset):
    """

    cancel_reason: None | str | Unset = UNSET
    cancelled_at: None | str | Unset = UNSET
    cancelled_by: None | Unset | UUID = UNSET
    document_id: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    journal_id: UUID | Unset = UNSET
    note: None | str | Unset = UNSET
    number: str | Unset = UNSET
    registered_at: str | Unset = UNSET
    registrar_id: UUID | Unset = UNSET
    sequence: int | Unset = UNSET
    status: str | Unset = UNSET
    year: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        document_id: None | str | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        elif isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        journal_id: str | Unset = UNSET
        if not isinstance(self.journal_id, Unset):
            journal_id = str(self.journal_id)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        number = self.number

        registered_at = self.registered_at

        registrar_id: str | Unset = UNSET
        if not isinstance(self.registrar_id, Unset):
            registrar_id = str(self.registrar_id)

        sequence = self.sequence

        status = self.status

        year = self.year

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cancel_reason is not UNSET:
            field_dict["cancel_reason"] = cancel_reason
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if id is not UNSET:
            field_dict["id"] = id
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if note is not UNSET:
            field_dict["note"] = note
        if number is not UNSET:
            field_dict["number"] = number
        if registered_at is not UNSET:
            field_dict["registered_at"] = registered_at
        if registrar_id is not UNSET:
            field_dict["registrar_id"] = registrar_id
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if status is not UNSET:
            field_dict["status"] = status
        if year is not UNSET:
            field_dict["year"] = year

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_document_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_id = _parse_document_id(d.pop("document_id", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _journal_id = d.pop("journal_id", UNSET)
        journal_id: UUID | Unset
        if isinstance(_journal_id, Unset):
            journal_id = UNSET
        else:
            journal_id = UUID(_journal_id)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        number = d.pop("number", UNSET)

        registered_at = d.pop("registered_at", UNSET)

        _registrar_id = d.pop("registrar_id", UNSET)
        registrar_id: UUID | Unset
        if isinstance(_registrar_id, Unset):
            registrar_id = UNSET
        else:
            registrar_id = UUID(_registrar_id)

        sequence = d.pop("sequence", UNSET)

        status = d.pop("status", UNSET)

        year = d.pop("year", UNSET)

        registration = cls(
            cancel_reason=cancel_reason,
            cancelled_at=cancelled_at,
            cancelled_by=cancelled_by,
            document_id=document_id,
            id=id,
            journal_id=journal_id,
            note=note,
            number=number,
            registered_at=registered_at,
            registrar_id=registrar_id,
            sequence=sequence,
            status=status,
            year=year,
        )

        return registration
