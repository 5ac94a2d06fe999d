from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.intake_source_kind import IntakeSourceKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_source_settings import IntakeSourceSettings


T = TypeVar("T", bound="IntakeSource")


@_attrs_define
class IntakeSource:
    """
    Attributes:
        kind (IntakeSourceKind):
        name (str):
        created_at (datetime.datetime | Unset):
        document_type_id (None | Unset | UUID): the type its drafts are registered as
        has_password (bool | Unset):
        id (UUID | Unset):
        is_active (bool | Unset):
        journal_id (None | Unset | UUID): the journal expected (the type's)
        last_error (None | str | Unset):
        last_polled_at (datetime.datetime | None | Unset):
        password (None | str | Unset): IMAP: never answered
        responsible_id (None | Unset | UUID): the employee made responsible
        settings (IntakeSourceSettings | Unset): folder: path, processed_subfolder, settle_seconds, max_files; imap:
            host, port, security (tls, starttls), username, mailbox, processed_mailbox, ca_file, max_messages
            (docs/operations.md)
    """

    kind: IntakeSourceKind
    name: str
    created_at: datetime.datetime | Unset = UNSET
    document_type_id: None | Unset | UUID = UNSET
    has_password: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    journal_id: None | Unset | UUID = UNSET
    last_error: None | str | Unset = UNSET
    last_polled_at: datetime.datetime | None | Unset = UNSET
    password: None | str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    settings: IntakeSourceSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        document_type_id: None | str | Unset
        if isinstance(self.document_type_id, Unset):
            document_type_id = UNSET
        elif isinstance(self.document_type_id, UUID):
            document_type_id = str(self.document_type_id)
        else:
            document_type_id = self.document_type_id

        has_password = self.has_password

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        is_active = self.is_active

        journal_id: None | str | Unset
        if isinstance(self.journal_id, Unset):
            journal_id = UNSET
        elif isinstance(self.journal_id, UUID):
            journal_id = str(self.journal_id)
        else:
            journal_id = self.journal_id

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        last_polled_at: None | str | Unset
        if isinstance(self.last_polled_at, Unset):
            last_polled_at = UNSET
        elif isinstance(self.last_polled_at, datetime.datetime):
            last_polled_at = self.last_polled_at.isoformat()
        else:
            last_polled_at = self.last_polled_at

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        responsible_id: None | str | Unset
        if isinstance(self.responsible_id, Unset):
            responsible_id = UNSET
        elif isinstance(self.responsible_id, UUID):
            responsible_id = str(self.responsible_id)
        else:
            responsible_id = self.responsible_id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if document_type_id is not UNSET:
            field_dict["document_type_id"] = document_type_id
        if has_password is not UNSET:
            field_dict["has_password"] = has_password
        if id is not UNSET:
            field_dict["id"] = id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if last_polled_at is not UNSET:
            field_dict["last_polled_at"] = last_polled_at
        if password is not UNSET:
            field_dict["password"] = password
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_source_settings import IntakeSourceSettings

        d = dict(src_dict)
        kind = IntakeSourceKind(d.pop("kind"))

        name = d.pop("name")

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_document_type_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_type_id_type_0 = UUID(data)

                return document_type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        document_type_id = _parse_document_type_id(d.pop("document_type_id", UNSET))

        has_password = d.pop("has_password", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        is_active = d.pop("is_active", UNSET)

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

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        def _parse_last_polled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_polled_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_polled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_polled_at = _parse_last_polled_at(d.pop("last_polled_at", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

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

        _settings = d.pop("settings", UNSET)
        settings: IntakeSourceSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = IntakeSourceSettings.from_dict(_settings)

        intake_source = cls(
            kind=kind,
            name=name,
            created_at=created_at,
            document_type_id=document_type_id,
            has_password=has_password,
            id=id,
            is_active=is_active,
            journal_id=journal_id,
            last_error=last_error,
            last_polled_at=last_polled_at,
            password=password,
            responsible_id=responsible_id,
            settings=settings,
        )

        return intake_source
