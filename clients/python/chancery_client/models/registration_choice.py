from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationChoice")


@_attrs_define
class RegistrationChoice:
    """
    Attributes:
        card_visible (bool | Unset): whether the caller may open the counterparty's card (its own rules)
        id (UUID | Unset):
        name (str | Unset):
        short_name (None | str | Unset):
        tax_id (None | str | Unset):
    """

    card_visible: bool | Unset = UNSET
    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    short_name: None | str | Unset = UNSET
    tax_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        card_visible = self.card_visible

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        short_name: None | str | Unset
        if isinstance(self.short_name, Unset):
            short_name = UNSET
        else:
            short_name = self.short_name

        tax_id: None | str | Unset
        if isinstance(self.tax_id, Unset):
            tax_id = UNSET
        else:
            tax_id = self.tax_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if card_visible is not UNSET:
            field_dict["card_visible"] = card_visible
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if short_name is not UNSET:
            field_dict["short_name"] = short_name
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        card_visible = d.pop("card_visible", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        def _parse_short_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_name = _parse_short_name(d.pop("short_name", UNSET))

        def _parse_tax_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_id = _parse_tax_id(d.pop("tax_id", UNSET))

        registration_choice = cls(
            card_visible=card_visible,
            id=id,
            name=name,
            short_name=short_name,
            tax_id=tax_id,
        )

        return registration_choice
