from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_definition import FieldDefinition
    from ..models.required_document import RequiredDocument


T = TypeVar("T", bound="DocumentTypeRequest")


@_attrs_define
class DocumentTypeRequest:
    """
    Attributes:
        accepted_file_kinds (list[str] | Unset): the kinds of file its documents take (pdf, images, office, text, email,
            archives; new types: all but archives); a file whose name contradicts its contents is always refused
        allowed_child_type_ids (list[UUID] | None | Unset): types its documents' children may have; null: any
        code (str | Unset):
        default_responsible_ids (list[UUID] | Unset): the first is the responsible of a new document that names none
        department_code (None | str | Unset): what the {department} token of the journal's pattern gives
        department_id (None | Unset | UUID):
        fields (list[FieldDefinition] | Unset):
        is_active (bool | Unset):
        journal_id (None | Unset | UUID):
        kind (str | Unset): incoming, outgoing, internal, contract, annex, completion_act, invoice, work_order,
            work_schedule, letter, protocol, or a new one
        name (str | Unset):
        required_documents (list[RequiredDocument] | Unset): accounting completeness: the children a document of this
            type must have
        stages_field (None | str | Unset): the number field giving the stages
        visible_to_roles (list[str] | Unset):
    """

    accepted_file_kinds: list[str] | Unset = UNSET
    allowed_child_type_ids: list[UUID] | None | Unset = UNSET
    code: str | Unset = UNSET
    default_responsible_ids: list[UUID] | Unset = UNSET
    department_code: None | str | Unset = UNSET
    department_id: None | Unset | UUID = UNSET
    fields: list[FieldDefinition] | Unset = UNSET
    is_active: bool | Unset = UNSET
    journal_id: None | Unset | UUID = UNSET
    kind: str | Unset = UNSET
    name: str | Unset = UNSET
    required_documents: list[RequiredDocument] | Unset = UNSET
    stages_field: None | str | Unset = UNSET
    visible_to_roles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accepted_file_kinds: list[str] | Unset = UNSET
        if not isinstance(self.accepted_file_kinds, Unset):
            accepted_file_kinds = self.accepted_file_kinds

        allowed_child_type_ids: list[str] | None | Unset
        if isinstance(self.allowed_child_type_ids, Unset):
            allowed_child_type_ids = UNSET
        elif isinstance(self.allowed_child_type_ids, list):
            allowed_child_type_ids = []
            for allowed_child_type_ids_type_0_item_data in self.allowed_child_type_ids:
                allowed_child_type_ids_type_0_item = str(
                    allowed_child_type_ids_type_0_item_data
                )
                allowed_child_type_ids.append(allowed_child_type_ids_type_0_item)

        else:
            allowed_child_type_ids = self.allowed_child_type_ids

        code = self.code

        default_responsible_ids: list[str] | Unset = UNSET
        if not isinstance(self.default_responsible_ids, Unset):
            default_responsible_ids = []
            for default_responsible_ids_item_data in self.default_responsible_ids:
                default_responsible_ids_item = str(default_responsible_ids_item_data)
                default_responsible_ids.append(default_responsible_ids_item)

        department_code: None | str | Unset
        if isinstance(self.department_code, Unset):
            department_code = UNSET
        else:
            department_code = self.department_code

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        elif isinstance(self.department_id, UUID):
            department_id = str(self.department_id)
        else:
            department_id = self.department_id

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        is_active = self.is_active

        journal_id: None | str | Unset
        if isinstance(self.journal_id, Unset):
            journal_id = UNSET
        elif isinstance(self.journal_id, UUID):
            journal_id = str(self.journal_id)
        else:
            journal_id = self.journal_id

        kind = self.kind

        name = self.name

        required_documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.required_documents, Unset):
            required_documents = []
            for required_documents_item_data in self.required_documents:
                required_documents_item = required_documents_item_data.to_dict()
                required_documents.append(required_documents_item)

        stages_field: None | str | Unset
        if isinstance(self.stages_field, Unset):
            stages_field = UNSET
        else:
            stages_field = self.stages_field

        visible_to_roles: list[str] | Unset = UNSET
        if not isinstance(self.visible_to_roles, Unset):
            visible_to_roles = self.visible_to_roles

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accepted_file_kinds is not UNSET:
            field_dict["accepted_file_kinds"] = accepted_file_kinds
        if allowed_child_type_ids is not UNSET:
            field_dict["allowed_child_type_ids"] = allowed_child_type_ids
        if code is not UNSET:
            field_dict["code"] = code
        if default_responsible_ids is not UNSET:
            field_dict["default_responsible_ids"] = default_responsible_ids
        if department_code is not UNSET:
            field_dict["department_code"] = department_code
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if fields is not UNSET:
            field_dict["fields"] = fields
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if journal_id is not UNSET:
            field_dict["journal_id"] = journal_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if required_documents is not UNSET:
            field_dict["required_documents"] = required_documents
        if stages_field is not UNSET:
            field_dict["stages_field"] = stages_field
        if visible_to_roles is not UNSET:
            field_dict["visible_to_roles"] = visible_to_roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_definition import FieldDefinition
        from ..models.required_document import RequiredDocument

        d = dict(src_dict)
        accepted_file_kinds = cast(list[str], d.pop("accepted_file_kinds", UNSET))

        def _parse_allowed_child_type_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_child_type_ids_type_0 = []
                _allowed_child_type_ids_type_0 = data
                for (
                    allowed_child_type_ids_type_0_item_data
                ) in _allowed_child_type_ids_type_0:
                    allowed_child_type_ids_type_0_item = UUID(
                        allowed_child_type_ids_type_0_item_data
                    )

                    allowed_child_type_ids_type_0.append(
                        allowed_child_type_ids_type_0_item
                    )

                return allowed_child_type_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        allowed_child_type_ids = _parse_allowed_child_type_ids(
            d.pop("allowed_child_type_ids", UNSET)
        )

        code = d.pop("code", UNSET)

        _default_responsible_ids = d.pop("default_responsible_ids", UNSET)
        default_responsible_ids: list[UUID] | Unset = UNSET
        if _default_responsible_ids is not UNSET:
            default_responsible_ids = []
            for default_responsible_ids_item_data in _default_responsible_ids:
                default_responsible_ids_item = UUID(default_responsible_ids_item_data)

                default_responsible_ids.append(default_responsible_ids_item)

        def _parse_department_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_code = _parse_department_code(d.pop("department_code", UNSET))

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

        _fields = d.pop("fields", UNSET)
        fields: list[FieldDefinition] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = FieldDefinition.from_dict(fields_item_data)

                fields.append(fields_item)

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

        kind = d.pop("kind", UNSET)

        name = d.pop("name", UNSET)

        _required_documents = d.pop("required_documents", UNSET)
        required_documents: list[RequiredDocument] | Unset = UNSET
        if _required_documents is not UNSET:
            required_documents = []
            for required_documents_item_data in _required_documents:
                required_documents_item = RequiredDocument.from_dict(
                    required_documents_item_data
                )

                required_documents.append(required_documents_item)

        def _parse_stages_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stages_field = _parse_stages_field(d.pop("stages_field", UNSET))

        visible_to_roles = cast(list[str], d.pop("visible_to_roles", UNSET))

        document_type_request = cls(
            accepted_file_kinds=accepted_file_kinds,
            allowed_child_type_ids=allowed_child_type_ids,
            code=code,
            default_responsible_ids=default_responsible_ids,
            department_code=department_code,
            department_id=department_id,
            fields=fields,
            is_active=is_active,
            journal_id=journal_id,
            kind=kind,
            name=name,
            required_documents=required_documents,
            stages_field=stages_field,
            visible_to_roles=visible_to_roles,
        )

        return document_type_request
