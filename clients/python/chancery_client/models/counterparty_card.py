from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.counterparty_card_kind import CounterpartyCardKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.negotiation_stage_ref import NegotiationStageRef


T = TypeVar("T", bound="CounterpartyCard")


@_attrs_define
class CounterpartyCard:
    """
    Attributes:
        name (str):
        activity_type_id (None | Unset | UUID):
        additional_responsible_ids (list[UUID] | Unset): additional responsible employees: they and their departments
            see it too
        advertising_source_id (None | Unset | UUID):
        allow_duplicate (bool | Unset): on creation: create it although another counterparty has the same tax id
            (without it that is refused with 409 naming the existing one)
        category_id (None | Unset | UUID):
        country (str | Unset): ISO 3166 alpha-2 (default RU): RU details are checked (INN, OGRN/OGRNIP, KPP check
            digits)
        created_at (str | Unset):
        created_by (UUID | Unset):
        deleted (bool | Unset): Sync only: true for a record gone (deleted, merged into another, deactivated); a
            tombstone carries only id, updated_at and, for a merged one, merged_into.
        email (None | str | Unset):
        fax (None | str | Unset):
        group_id (None | Unset | UUID):
        id (UUID | Unset):
        kind (CounterpartyCardKind | Unset):
        kpp (None | str | Unset):
        legal_address (None | str | Unset):
        main_contact (None | str | Unset):
        merged_at (None | str | Unset):
        merged_into (UUID | Unset): Sync only: the counterparty a merged one went into.
        merged_into_id (None | Unset | UUID): set on a counterparty merged into another (a tombstone)
        negotiation_stage (NegotiationStageRef | None | Unset): the current negotiation stage: that of the latest note
            of the negotiation log
        notes (None | str | Unset):
        phone (None | str | Unset):
        postal_address (None | str | Unset):
        region_id (None | Unset | UUID):
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

    name: str
    activity_type_id: None | Unset | UUID = UNSET
    additional_responsible_ids: list[UUID] | Unset = UNSET
    advertising_source_id: None | Unset | UUID = UNSET
    allow_duplicate: bool | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    country: str | Unset = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    deleted: bool | Unset = UNSET
    email: None | str | Unset = UNSET
    fax: None | str | Unset = UNSET
    group_id: None | Unset | UUID = UNSET
    id: UUID | Unset = UNSET
    kind: CounterpartyCardKind | Unset = UNSET
    kpp: None | str | Unset = UNSET
    legal_address: None | str | Unset = UNSET
    main_contact: None | str | Unset = UNSET
    merged_at: None | str | Unset = UNSET
    merged_into: UUID | Unset = UNSET
    merged_into_id: None | Unset | UUID = UNSET
    negotiation_stage: NegotiationStageRef | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    postal_address: None | str | Unset = UNSET
    region_id: None | Unset | UUID = UNSET
    registration_number: None | str | Unset = UNSET
    responsible_employee_id: None | Unset | UUID = UNSET
    short_name: None | str | Unset = UNSET
    status: str | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    updated_at: str | Unset = UNSET
    version: int | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.negotiation_stage_ref import NegotiationStageRef

        name = self.name

        activity_type_id: None | str | Unset
        if isinstance(self.activity_type_id, Unset):
            activity_type_id = UNSET
        elif isinstance(self.activity_type_id, UUID):
            activity_type_id = str(self.activity_type_id)
        else:
            activity_type_id = self.activity_type_id

        additional_responsible_ids: list[str] | Unset = UNSET
        if not isinstance(self.additional_responsible_ids, Unset):
            additional_responsible_ids = []
            for additional_responsible_ids_item_data in self.additional_responsible_ids:
                additional_responsible_ids_item = str(
                    additional_responsible_ids_item_data
                )
                additional_responsible_ids.append(additional_responsible_ids_item)

        advertising_source_id: None | str | Unset
        if isinstance(self.advertising_source_id, Unset):
            advertising_source_id = UNSET
        elif isinstance(self.advertising_source_id, UUID):
            advertising_source_id = str(self.advertising_source_id)
        else:
            advertising_source_id = self.advertising_source_id

        allow_duplicate = self.allow_duplicate

        category_id: None | str | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        elif isinstance(self.category_id, UUID):
            category_id = str(self.category_id)
        else:
            category_id = self.category_id

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

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        elif isinstance(self.group_id, UUID):
            group_id = str(self.group_id)
        else:
            group_id = self.group_id

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

        merged_at: None | str | Unset
        if isinstance(self.merged_at, Unset):
            merged_at = UNSET
        else:
            merged_at = self.merged_at

        merged_into: str | Unset = UNSET
        if not isinstance(self.merged_into, Unset):
            merged_into = str(self.merged_into)

        merged_into_id: None | str | Unset
        if isinstance(self.merged_into_id, Unset):
            merged_into_id = UNSET
        elif isinstance(self.merged_into_id, UUID):
            merged_into_id = str(self.merged_into_id)
        else:
            merged_into_id = self.merged_into_id

        negotiation_stage: dict[str, Any] | None | Unset
        if isinstance(self.negotiation_stage, Unset):
            negotiation_stage = UNSET
        elif isinstance(self.negotiation_stage, NegotiationStageRef):
            negotiation_stage = self.negotiation_stage.to_dict()
        else:
            negotiation_stage = self.negotiation_stage

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

        region_id: None | str | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, UUID):
            region_id = str(self.region_id)
        else:
            region_id = self.region_id

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

        field_dict.update(
            {
                "name": name,
            }
        )
        if activity_type_id is not UNSET:
            field_dict["activity_type_id"] = activity_type_id
        if additional_responsible_ids is not UNSET:
            field_dict["additional_responsible_ids"] = additional_responsible_ids
        if advertising_source_id is not UNSET:
            field_dict["advertising_source_id"] = advertising_source_id
        if allow_duplicate is not UNSET:
            field_dict["allow_duplicate"] = allow_duplicate
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
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
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
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
        if merged_at is not UNSET:
            field_dict["merged_at"] = merged_at
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if merged_into_id is not UNSET:
            field_dict["merged_into_id"] = merged_into_id
        if negotiation_stage is not UNSET:
            field_dict["negotiation_stage"] = negotiation_stage
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if postal_address is not UNSET:
            field_dict["postal_address"] = postal_address
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
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
        from ..models.negotiation_stage_ref import NegotiationStageRef

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_activity_type_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_id_type_0 = UUID(data)

                return activity_type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        activity_type_id = _parse_activity_type_id(d.pop("activity_type_id", UNSET))

        _additional_responsible_ids = d.pop("additional_responsible_ids", UNSET)
        additional_responsible_ids: list[UUID] | Unset = UNSET
        if _additional_responsible_ids is not UNSET:
            additional_responsible_ids = []
            for additional_responsible_ids_item_data in _additional_responsible_ids:
                additional_responsible_ids_item = UUID(
                    additional_responsible_ids_item_data
                )

                additional_responsible_ids.append(additional_responsible_ids_item)

        def _parse_advertising_source_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advertising_source_id_type_0 = UUID(data)

                return advertising_source_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        advertising_source_id = _parse_advertising_source_id(
            d.pop("advertising_source_id", UNSET)
        )

        allow_duplicate = d.pop("allow_duplicate", UNSET)

        def _parse_category_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_id_type_0 = UUID(data)

                return category_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        category_id = _parse_category_id(d.pop("category_id", UNSET))

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

        def _parse_group_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_id_type_0 = UUID(data)

                return group_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _kind = d.pop("kind", UNSET)
        kind: CounterpartyCardKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CounterpartyCardKind(_kind)

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

        def _parse_merged_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merged_at = _parse_merged_at(d.pop("merged_at", UNSET))

        _merged_into = d.pop("merged_into", UNSET)
        merged_into: UUID | Unset
        if isinstance(_merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = UUID(_merged_into)

        def _parse_merged_into_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_id_type_0 = UUID(data)

                return merged_into_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        merged_into_id = _parse_merged_into_id(d.pop("merged_into_id", UNSET))

        def _parse_negotiation_stage(
            data: object,
        ) -> NegotiationStageRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                negotiation_stage_type_1 = NegotiationStageRef.from_dict(data)

                return negotiation_stage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NegotiationStageRef | None | Unset, data)

        negotiation_stage = _parse_negotiation_stage(d.pop("negotiation_stage", UNSET))

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

        def _parse_region_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_id_type_0 = UUID(data)

                return region_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        region_id = _parse_region_id(d.pop("region_id", UNSET))

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

        counterparty_card = cls(
            name=name,
            activity_type_id=activity_type_id,
            additional_responsible_ids=additional_responsible_ids,
            advertising_source_id=advertising_source_id,
            allow_duplicate=allow_duplicate,
            category_id=category_id,
            country=country,
            created_at=created_at,
            created_by=created_by,
            deleted=deleted,
            email=email,
            fax=fax,
            group_id=group_id,
            id=id,
            kind=kind,
            kpp=kpp,
            legal_address=legal_address,
            main_contact=main_contact,
            merged_at=merged_at,
            merged_into=merged_into,
            merged_into_id=merged_into_id,
            negotiation_stage=negotiation_stage,
            notes=notes,
            phone=phone,
            postal_address=postal_address,
            region_id=region_id,
            registration_number=registration_number,
            responsible_employee_id=responsible_employee_id,
            short_name=short_name,
            status=status,
            tax_id=tax_id,
            updated_at=updated_at,
            version=version,
            website=website,
        )

        return counterparty_card
