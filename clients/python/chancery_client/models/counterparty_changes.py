from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.counterparty_changes_kind import CounterpartyChangesKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CounterpartyChanges")


@_attrs_define
class CounterpartyChanges:
    """
    Attributes:
        country (str | Unset): ISO 3166 alpha-2 (default RU): RU details are checked (INN, OGRN/OGRNIP, KPP check
            digits)
        created_at (str | Unset):
        created_by (UUID | Unset):
        deleted (bool | Unset): Sync only: true for a record gone (deleted, merged into another, deactivated); a
            tombstone carries only id, updated_at and, for a merged one, merged_into.
        email (None | str | Unset):
        fax (None | str | Unset):
        id (UUID | Unset):
        kind (CounterpartyChangesKind | Unset):
        kpp (None | str | Unset):
        legal_address (None | str | Unset):
        main_contact (None | str | Unset):
        merged_into (UUID | Unset): Sync only: the counterparty a merged one went into.
        name (str | Unset):
        notes (None | str | Unset):
        phone (None | str | Unset):
        postal_address (None | str | Unset):
        registration_number (None | str | Unset): OGRN / OGRNIP for RU
        responsible_employee_id (None | Unset | UUID):
        short_name (None | str | Unset):
        status (str | Unset):
        tax_id (None | str | Unset): INN for RU
        updated_at (str | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
        website (None | str | Unset):
    """

    country: str | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    deleted: bool | Unset = UNSET
    email: None | str | Unset = UNSET
    fax: None | str | Unset = UNSET
    id: UUID | Unset = UNSET
    kind: CounterpartyChangesKind | Unset = UNSET
    kpp: None | str | Unset = UNSET
    legal_address: None | str | Unset = UNSET
    main_contact: None | str | Unset = UNSET
    merged_into: UUID | Unset = UNSET
    name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    postal_address: None | str | Unset = UNSET
    registration_number: None | str | Unset = UNSET
    responsible_employee_id: None | Unset | UUID = UNSET
    short_name: None | str | Unset = UNSET
    status: str | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    updated_at: str | Unset = UNSET
    version: int | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        deleted = self.deleted

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        fax: None | str | Unset
        if isinstance(self.fax, Unset):
            fax = UNSET
        else:
            fax = self.fax

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        kpp: None | str | Unset
        if isinstance(self.kpp, Unset):
            kpp = UNSET
        else:
            kpp = self.kpp

        legal_address: None | str | Unset
        if isinstance(self.legal_address, Unset):
            legal_address = UNSET
        else:
            legal_address = self.legal_address

        main_contact: None | str | Unset
        if isinstance(self.main_contact, Unset):
            main_contact = UNSET
        else:
            main_contact = self.main_contact

        merged_into: str | Unset = UNSET
        if not isinstance(self.merged_into, Unset):
            merged_into = str(self.merged_into)

        name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        postal_address: None | str | Unset
        if isinstance(self.postal_address, Unset):
            postal_address = UNSET
        else:
            postal_address = self.postal_address

        registration_number: None | str | Unset
        if isinstance(self.registration_number, Unset):
            registration_number = UNSET
        else:
            registration_number = self.registration_number

        responsible_employee_id: None | str | Unset
        if isinstance(self.responsible_employee_id, Unset):
            responsible_employee_id = UNSET
        elif isinstance(self.responsible_employee_id, UUID):
            responsible_employee_id = str(self.responsible_employee_id)
        else:
            responsible_employee_id = self.responsible_employee_id

        short_name: None | str | Unset
        if isinstance(self.short_name, Unset):
            short_name = UNSET
        else:
            short_name = self.short_name

        status = self.status

        tax_id: None | str | Unset
        if isinstance(self.tax_id, Unset):
            tax_id = UNSET
        else:
            tax_id = self.tax_id

        updated_at = self.updated_at

        version = self.version

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if email is not UNSET:
            field_dict["email"] = email
        if fax is not UNSET:
            field_dict["fax"] = fax
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if kpp is not UNSET:
            field_dict["kpp"] = kpp
        if legal_address is not UNSET:
            field_dict["legal_address"] = legal_address
        if main_contact is not UNSET:
            field_dict["main_contact"] = main_contact
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if postal_address is not UNSET:
            field_dict["postal_address"] = postal_address
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if responsible_employee_id is not UNSET:
            field_dict["responsible_employee_id"] = responsible_employee_id
        if short_name is not UNSET:
            field_dict["short_name"] = short_name
        if status is not UNSET:
            field_dict["status"] = status
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if version is not UNSET:
            field_dict["version"] = version
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        country = d.pop("country", UNSET)

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

        deleted = d.pop("deleted", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_fax(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fax = _parse_fax(d.pop("fax", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _kind = d.pop("kind", UNSET)
        kind: CounterpartyChangesKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CounterpartyChangesKind(_kind)

        def _parse_kpp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kpp = _parse_kpp(d.pop("kpp", UNSET))

        def _parse_legal_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_address = _parse_legal_address(d.pop("legal_address", UNSET))

        def _parse_main_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        main_contact = _parse_main_contact(d.pop("main_contact", UNSET))

        _merged_into = d.pop("merged_into", UNSET)
        merged_into: UUID | Unset
        if isinstance(_merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = UUID(_merged_into)

        name = d.pop("name", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_postal_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_address = _parse_postal_address(d.pop("postal_address", UNSET))

        def _parse_registration_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_number = _parse_registration_number(
            d.pop("registration_number", UNSET)
        )

        def _parse_responsible_employee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responsible_employee_id_type_0 = UUID(data)

                return responsible_employee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        responsible_employee_id = _parse_responsible_employee_id(
            d.pop("responsible_employee_id", UNSET)
        )

        def _parse_short_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_name = _parse_short_name(d.pop("short_name", UNSET))

        status = d.pop("status", UNSET)

        def _parse_tax_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_id = _parse_tax_id(d.pop("tax_id", UNSET))

        updated_at = d.pop("updated_at", UNSET)

        version = d.pop("version", UNSET)

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        counterparty_changes = cls(
            country=country,
            created_at=created_at,
            created_by=created_by,
            deleted=deleted,
            email=email,
            fax=fax,
            id=id,
            kind=kind,
            kpp=kpp,
            legal_address=legal_address,
            main_contact=main_contact,
            merged_into=merged_into,
            name=name,
            notes=notes,
            phone=phone,
            postal_address=postal_address,
            registration_number=registration_number,
            responsible_employee_id=responsible_employee_id,
            short_name=short_name,
            status=status,
            tax_id=tax_id,
            updated_at=updated_at,
            version=version,
            website=website,
        )

        return counterparty_changes
