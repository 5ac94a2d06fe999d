from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_file import DocumentFile
    from ..models.document_type_brief import DocumentTypeBrief
    from ..models.first_file import FirstFile
    from ..models.overview_document_extra import OverviewDocumentExtra
    from ..models.overview_document_extra_fields_item import (
        OverviewDocumentExtraFieldsItem,
    )
    from ..models.status_change import StatusChange


T = TypeVar("T", bound="OverviewDocument")


@_attrs_define
class OverviewDocument:
    """
    Attributes:
        title (str):
        type_id (UUID):
        amount (None | str | Unset):  Example: 1500000.00.
        counterparty_id (None | Unset | UUID):
        created_at (str | Unset):
        created_by (UUID | Unset):
        currency (None | str | Unset):
        department_id (None | Unset | UUID):
        document_date (datetime.date | None | Unset):
        extra (OverviewDocumentExtra | Unset): values of the type's extra fields by code
        extra_fields (list[OverviewDocumentExtraFieldsItem] | Unset): the card's extra fields with code, label, kind and
            value
        file_count (int | Unset):
        files (list[DocumentFile] | Unset):
        first_file (FirstFile | None | Unset): in the registry's list: the current version of the document's first file
            (its thumbnail, or its type for an icon); null without files
        id (UUID | Unset):
        legal_entity_id (None | Unset | UUID):
        number (None | str | Unset):
        parent_id (None | Unset | UUID):
        register (bool | Unset): register in the type's journal now (default true)
        registered_at (None | str | Unset):
        registrar_id (None | Unset | UUID):
        responsible_id (None | Unset | UUID):
        signing_date (datetime.date | None | Unset):
        status (str | Unset):
        status_changes (list[StatusChange] | Unset):
        type_ (DocumentTypeBrief | Unset):
        updated_at (str | Unset):
        valid_from (datetime.date | None | Unset):
        valid_to (datetime.date | None | Unset):
        version (int | Unset): The record's version: one more with every change. GET of the record answers it as its
            `ETag`; send it back as `If-Match: "<version>"` with a PATCH.
    """

    title: str
    type_id: UUID
    amount: None | str | Unset = UNSET
    counterparty_id: None | Unset | UUID = UNSET
    created_at: str | Unset = UNSET
    created_by: UUID | Unset = UNSET
    currency: None | str | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    document_date: datetime.date | None | Unset = UNSET
    extra: OverviewDocumentExtra | Unset = UNSET
    extra_fields: list[OverviewDocumentExtraFieldsItem] | Unset = UNSET
    file_count: int | Unset = UNSET
    files: list[DocumentFile] | Unset = UNSET
    first_file: FirstFile | None | Unset = UNSET
    id: UUID | Unset = UNSET
    legal_entity_id: None | Unset | UUID = UNSET
    number: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    register: bool | Unset = UNSET
    registered_at: None | str | Unset = UNSET
    registrar_id: None | Unset | UUID = UNSET
    responsible_id: None | Unset | UUID = UNSET
    signing_date: datetime.date | None | Unset = UNSET
    status: str | Unset = UNSET
    status_changes: list[StatusChange] | Unset = UNSET
    type_: DocumentTypeBrief | Unset = UNSET
    updated_at: str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    version: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.first_file import FirstFile

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

        created_at = self.created_at

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

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

        extra_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extra_fields, Unset):
            extra_fields = []
            for extra_fields_item_data in self.extra_fields:
                extra_fields_item = extra_fields_item_data.to_dict()
                extra_fields.append(extra_fields_item)

        file_count = self.file_count

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        first_file: dict[str, Any] | None | Unset
        if isinstance(self.first_file, Unset):
            first_file = UNSET
        elif isinstance(self.first_file, FirstFile):
            first_file = self.first_file.to_dict()
        else:
            first_file = self.first_file

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        legal_entity_id: None | str | Unset
        if isinstance(self.legal_entity_id, Unset):
            legal_entity_id = UNSET
        elif isinstance(self.legal_entity_id, UUID):
            legal_entity_id = str(self.legal_entity_id)
        else:
            legal_entity_id = self.legal_entity_id

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        register = self.register

        registered_at: None | str | Unset
        if isinstance(self.registered_at, Unset):
            registered_at = UNSET
        else:
            registered_at = self.registered_at

        registrar_id: None | str | Unset
        if isinstance(self.registrar_id, Unset):
            registrar_id = UNSET
        elif isinstance(self.registrar_id, UUID):
            registrar_id = str(self.registrar_id)
        else:
            registrar_id = self.registrar_id

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

        status = self.status

        status_changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.status_changes, Unset):
            status_changes = []
            for status_changes_item_data in self.status_changes:
                status_changes_item = status_changes_item_data.to_dict()
                status_changes.append(status_changes_item)

        type_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.to_dict()

        updated_at = self.updated_at

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

        version = self.version

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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if currency is not UNSET:
            field_dict["currency"] = currency
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if extra is not UNSET:
            field_dict["extra"] = extra
        if extra_fields is not UNSET:
            field_dict["extra_fields"] = extra_fields
        if file_count is not UNSET:
            field_dict["file_count"] = file_count
        if files is not UNSET:
            field_dict["files"] = files
        if first_file is not UNSET:
            field_dict["first_file"] = first_file
        if id is not UNSET:
            field_dict["id"] = id
        if legal_entity_id is not UNSET:
            field_dict["legal_entity_id"] = legal_entity_id
        if number is not UNSET:
            field_dict["number"] = number
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if register is not UNSET:
            field_dict["register"] = register
        if registered_at is not UNSET:
            field_dict["registered_at"] = registered_at
        if registrar_id is not UNSET:
            field_dict["registrar_id"] = registrar_id
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if signing_date is not UNSET:
            field_dict["signing_date"] = signing_date
        if status is not UNSET:
            field_dict["status"] = status
        if status_changes is not UNSET:
            field_dict["status_changes"] = status_changes
        if type_ is not UNSET:
            field_dict["type"] = type_
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document_file import DocumentFile
        from ..models.document_type_brief import DocumentTypeBrief
        from ..models.first_file import FirstFile
        from ..models.overview_document_extra import OverviewDocumentExtra
        from ..models.overview_document_extra_fields_item import (
            OverviewDocumentExtraFieldsItem,
        )
        from ..models.status_change import StatusChange

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

        created_at = d.pop("created_at", UNSET)

        _created_by = d.pop("created_by", UNSET)
        created_by: UUID | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UUID(_created_by)

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
        extra: OverviewDocumentExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = OverviewDocumentExtra.from_dict(_extra)

        _extra_fields = d.pop("extra_fields", UNSET)
        extra_fields: list[OverviewDocumentExtraFieldsItem] | Unset = UNSET
        if _extra_fields is not UNSET:
            extra_fields = []
            for extra_fields_item_data in _extra_fields:
                extra_fields_item = OverviewDocumentExtraFieldsItem.from_dict(
                    extra_fields_item_data
                )

                extra_fields.append(extra_fields_item)

        file_count = d.pop("file_count", UNSET)

        _files = d.pop("files", UNSET)
        files: list[DocumentFile] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = DocumentFile.from_dict(files_item_data)

                files.append(files_item)

        def _parse_first_file(data: object) -> FirstFile | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_file_type_1 = FirstFile.from_dict(data)

                return first_file_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FirstFile | None | Unset, data)

        first_file = _parse_first_file(d.pop("first_file", UNSET))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

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

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

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

        def _parse_registered_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registered_at = _parse_registered_at(d.pop("registered_at", UNSET))

        def _parse_registrar_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registrar_id_type_0 = UUID(data)

                return registrar_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        registrar_id = _parse_registrar_id(d.pop("registrar_id", UNSET))

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

        status = d.pop("status", UNSET)

        _status_changes = d.pop("status_changes", UNSET)
        status_changes: list[StatusChange] | Unset = UNSET
        if _status_changes is not UNSET:
            status_changes = []
            for status_changes_item_data in _status_changes:
                status_changes_item = StatusChange.from_dict(status_changes_item_data)

                status_changes.append(status_changes_item)

        _type_ = d.pop("type", UNSET)
        type_: DocumentTypeBrief | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = DocumentTypeBrief.from_dict(_type_)

        updated_at = d.pop("updated_at", UNSET)

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

        version = d.pop("version", UNSET)

        overview_document = cls(
            title=title,
            type_id=type_id,
            amount=amount,
            counterparty_id=counterparty_id,
            created_at=created_at,
            created_by=created_by,
            currency=currency,
            department_id=department_id,
            document_date=document_date,
            extra=extra,
            extra_fields=extra_fields,
            file_count=file_count,
            files=files,
            first_file=first_file,
            id=id,
            legal_entity_id=legal_entity_id,
            number=number,
            parent_id=parent_id,
            register=register,
            registered_at=registered_at,
            registrar_id=registrar_id,
            responsible_id=responsible_id,
            signing_date=signing_date,
            status=status,
            status_changes=status_changes,
            type_=type_,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_to=valid_to,
            version=version,
        )

        return overview_document
