from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_source_changes_settings import IntakeSourceChangesSettings


T = TypeVar("T", bound="IntakeSourceChanges")


@_attrs_define
class IntakeSourceChanges:
    """
    Attributes:
        document_type_id (None | Unset | UUID): the type its drafts are registered as
        is_active (bool | Unset):
        journal_id (None | Unset | UUID): the journal expected (the type's)
        name (str | Unset):
        password (None | str | Unset): left out: kept
        responsible_id (None | Unset | UUID): the employee made responsible
        settings (IntakeSourceChangesSettings | Unset):
    """

    document_type_id: None | Unset | UUID = UNSET
    is_active: bool | Unset = UNSET
    journal_id: None | Unset | UUID = UNSET
    name: str | Unset = UNSET
    password: None | str | Unset = UNSET
    responsible_id: None | Unset | UUID = UNSET
    settings: IntakeSourceChangesSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_type_id: None | str | Unset
        if isinstance(self.document_type_id, Unset):
            document_type_id = UNSET
        elif isinstance(self.document_type_id, UUID):
            document_type_id = str(self.document_type_id)
        else:
            document_type_id = self.document_type_id

        is_active = self.is_active

        journal_id: None | str | Unset
        if isinstance(self.journal_id, Unset):
            journal_id = UNSET
        elif isinstance(self.journal_id, UUID):
            journal_id = str(self.journal_id)
        else:
            journal_id = self.journal_id

        name = self.name

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

        field_dict.update({})
        if document_type_id is not UNSET:
            field_dict["document_type_id"] = document_type_id
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if name is not UNSET:
            field_dict["name"] = name
        if password is not UNSET:
            field_dict["password"] = password
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_source_changes_settings import IntakeSourceChangesSettings

        d = dict(src_dict)

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

        name = d.pop("name", UNSET)

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
        settings: IntakeSourceChangesSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = IntakeSourceChangesSettings.from_dict(_settings)

        intake_source_changes = cls(
            document_type_id=document_type_id,
            is_active=is_active,
            journal_id=journal_id,
            name=name,
            password=password,
            responsible_id=responsible_id,
            settings=settings,
        )

        return intake_source_changes
