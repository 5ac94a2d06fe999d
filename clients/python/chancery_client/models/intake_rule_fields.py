from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntakeRuleFields")


@_attrs_define
class IntakeRuleFields:
    """
    Attributes:
        document_type_id (None | Unset | UUID): the type its drafts are registered as
        journal_id (None | Unset | UUID): the journal expected (the type's)
        responsible_id (None | Unset | UUID): the employee made responsible
    """

    document_type_id: None | Unset | UUID = UNSET
    journal_id: None | Unset | UUID = UNSET
    responsible_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_type_id: None | str | Unset
        if isinstance(self.document_type_id, Unset):
            document_type_id = UNSET
        elif isinstance(self.document_type_id, UUID):
            document_type_id = str(self.document_type_id)
        else:
            document_type_id = self.document_type_id

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if document_type_id is not UNSET:
            field_dict["document_type_id"] = document_type_id
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if responsible_id is not UNSET:
            field_dict["responsible_id"] = responsible_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        intake_rule_fields = cls(
            document_type_id=document_type_id,
            journal_id=journal_id,
            responsible_id=responsible_id,
        )

        return intake_rule_fields
