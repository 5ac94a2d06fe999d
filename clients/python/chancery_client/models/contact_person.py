from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_person_important_dates_item import (
        ContactPersonImportantDatesItem,
    )
    from ..models.contact_person_messengers_item import ContactPersonMessengersItem


T = TypeVar("T", bound="ContactPerson")


@_attrs_define
class ContactPerson:
    """
    Attributes:
        full_name (str):
        anonymised_at (None | str | Unset):
        birthday (datetime.date | None | Unset):
        consent_given_at (None | str | Unset):
        consent_method (None | str | Unset):
        consent_to_mailings (bool | Unset): changes only through POST /contact-persons/{id}/consent
        consent_withdrawn_at (None | str | Unset):
        counterparty_id (UUID | Unset):
        created_at (str | Unset):
        emails (list[str] | Unset):
        id (UUID | Unset):
        important_dates (list[ContactPersonImportantDatesItem] | Unset): [{id, kind: birthday|anniversary|other, label,
            date, remind, remind_days_before}]: send the ids back to keep them; `remind_yearly` is the former name of
            `remind`
        messengers (list[ContactPersonMessengersItem] | Unset): [{kind, handle}]
        notes (None | str | Unset):
        phones (list[str] | Unset):
        position (None | str | Unset):
        updated_at (str | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    full_name: str
    anonymised_at: None | str | Unset = UNSET
    birthday: datetime.date | None | Unset = UNSET
    consent_given_at: None | str | Unset = UNSET
    consent_method: None | str | Unset = UNSET
    consent_to_mailings: bool | Unset = UNSET
    consent_withdrawn_at: None | str | Unset = UNSET
    counterparty_id: UUID | Unset = UNSET
    created_at: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    id: UUID | Unset = UNSET
    important_dates: list[ContactPersonImportantDatesItem] | Unset = UNSET
    messengers: list[ContactPersonMessengersItem] | Unset = UNSET
    notes: None | str | Unset = UNSET
    phones: list[str] | Unset = UNSET
    position: None | str | Unset = UNSET
    updated_at: str | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        anonymised_at: None | str | Unset
        if isinstance(self.anonymised_at, Unset):
            anonymised_at = UNSET
        else:
            anonymised_at = self.anonymised_at

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        elif isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

        consent_given_at: None | str | Unset
        if isinstance(self.consent_given_at, Unset):
            consent_given_at = UNSET
        else:
            consent_given_at = self.consent_given_at

        consent_method: None | str | Unset
        if isinstance(self.consent_method, Unset):
            consent_method = UNSET
        else:
            consent_method = self.consent_method

        consent_to_mailings = self.consent_to_mailings

        consent_withdrawn_at: None | str | Unset
        if isinstance(self.consent_withdrawn_at, Unset):
            consent_withdrawn_at = UNSET
        else:
            consent_withdrawn_at = self.consent_withdrawn_at

        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        created_at = self.created_at

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        important_dates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.important_dates, Unset):
            important_dates = []
            for important_dates_item_data in self.important_dates:
                important_dates_item = important_dates_item_data.to_dict()
                important_dates.append(important_dates_item)

        messengers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messengers, Unset):
            messengers = []
            for messengers_item_data in self.messengers:
                messengers_item = messengers_item_data.to_dict()
                messengers.append(messengers_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
            }
        )
        if anonymised_at is not UNSET:
            field_dict["anonymised_at"] = anonymised_at
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if consent_given_at is not UNSET:
            field_dict["consent_given_at"] = consent_given_at
        if consent_method is not UNSET:
            field_dict["consent_method"] = consent_method
        if consent_to_mailings is not UNSET:
            field_dict["consent_to_mailings"] = consent_to_mailings
        if consent_withdrawn_at is not UNSET:
            field_dict["consent_withdrawn_at"] = consent_withdrawn_at
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if emails is not UNSET:
            field_dict["emails"] = emails
        if id is not UNSET:
            field_dict["id"] = id
        if important_dates is not UNSET:
            field_dict["important_dates"] = important_dates
        if messengers is not UNSET:
            field_dict["messengers"] = messengers
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phones is not UNSET:
            field_dict["phones"] = phones
        if position is not UNSET:
            field_dict["position"] = position
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_person_important_dates_item import (
            ContactPersonImportantDatesItem,
        )
        from ..models.contact_person_messengers_item import ContactPersonMessengersItem

        d = dict(src_dict)
        full_name = d.pop("full_name")

        def _parse_anonymised_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        anonymised_at = _parse_anonymised_at(d.pop("anonymised_at", UNSET))

        def _parse_birthday(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_consent_given_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_given_at = _parse_consent_given_at(d.pop("consent_given_at", UNSET))

        def _parse_consent_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_method = _parse_consent_method(d.pop("consent_method", UNSET))

        consent_to_mailings = d.pop("consent_to_mailings", UNSET)

        def _parse_consent_withdrawn_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_withdrawn_at = _parse_consent_withdrawn_at(
            d.pop("consent_withdrawn_at", UNSET)
        )

        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        created_at = d.pop("created_at", UNSET)

        emails = cast(list[str], d.pop("emails", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _important_dates = d.pop("important_dates", UNSET)
        important_dates: list[ContactPersonImportantDatesItem] | Unset = UNSET
        if _important_dates is not UNSET:
            important_dates = []
            for important_dates_item_data in _important_dates:
                important_dates_item = ContactPersonImportantDatesItem.from_dict(
                    important_dates_item_data
                )

                important_dates.append(important_dates_item)

        _messengers = d.pop("messengers", UNSET)
        messengers: list[ContactPersonMessengersItem] | Unset = UNSET
        if _messengers is not UNSET:
            messengers = []
            for messengers_item_data in _messengers:
                messengers_item = ContactPersonMessengersItem.from_dict(
                    messengers_item_data
                )

                messengers.append(messengers_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        phones = cast(list[str], d.pop("phones", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        updated_at = d.pop("updated_at", UNSET)

        version = d.pop("version", UNSET)

        contact_person = cls(
            full_name=full_name,
            anonymised_at=anonymised_at,
            birthday=birthday,
            consent_given_at=consent_given_at,
            consent_method=consent_method,
            consent_to_mailings=consent_to_mailings,
            consent_withdrawn_at=consent_withdrawn_at,
            counterparty_id=counterparty_id,
            created_at=created_at,
            emails=emails,
            id=id,
            important_dates=important_dates,
            messengers=messengers,
            notes=notes,
            phones=phones,
            position=position,
            updated_at=updated_at,
            version=version,
        )

        return contact_person
