from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.field_definition_kind import FieldDefinitionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldDefinition")


@_attrs_define
class FieldDefinition:
    """
    Attributes:
        code (str): lower-case letters, digits and _
        kind (FieldDefinitionKind):
        label (str):
        reference_book (None | str | Unset): for kind reference: the book's code
        required (bool | Unset):
        retired (bool | Unset):
    """

    code: str
    kind: FieldDefinitionKind
    label: str
    reference_book: None | str | Unset = UNSET
    required: bool | Unset = UNSET
    retired: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind = self.kind.value

        label = self.label

        reference_book: None | str | Unset
        if isinstance(self.reference_book, Unset):
            reference_book = UNSET
        else:
            reference_book = self.reference_book

        required = self.required

        retired = self.retired

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "kind": kind,
                "label": label,
            }
        )
        if reference_book is not UNSET:
            field_dict["reference_book"] = reference_book
        if required is not UNSET:
            field_dict["required"] = required
        if retired is not UNSET:
            field_dict["retired"] = retired

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        kind = FieldDefinitionKind(d.pop("kind"))

        label = d.pop("label")

        def _parse_reference_book(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_book = _parse_reference_book(d.pop("reference_book", UNSET))

        required = d.pop("required", UNSET)

        retired = d.pop("retired", UNSET)

        field_definition = cls(
            code=code,
            kind=kind,
            label=label,
            reference_book=reference_book,
            required=required,
            retired=retired,
        )

        return field_definition
