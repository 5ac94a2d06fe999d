from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FoundPerson")


@_attrs_define
class FoundPerson:
    """
    Attributes:
        counterparty_id (UUID | Unset):
        counterparty_name (str | Unset):
        email (None | str | Unset):
        full_name (str | Unset):
        id (UUID | Unset):
        phone (None | str | Unset):
        position (None | str | Unset):
    """

    counterparty_id: UUID | Unset = UNSET
    counterparty_name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    full_name: str | Unset = UNSET
    id: UUID | Unset = UNSET
    phone: None | str | Unset = UNSET
    position: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparty_id: str | Unset = UNSET
        if not isinstance(self.counterparty_id, Unset):
            counterparty_id = str(self.counterparty_id)

        counterparty_name = self.counterparty_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        full_name = self.full_name

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if counterparty_id is not UNSET:
            field_dict["counterparty_id"] = counterparty_id
        if counterparty_name is not UNSET:
            field_dict["counterparty_name"] = counterparty_name
        if email is not UNSET:
            field_dict["email"] = email
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if id is not UNSET:
            field_dict["id"] = id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _counterparty_id = d.pop("counterparty_id", UNSET)
        counterparty_id: UUID | Unset
        if isinstance(_counterparty_id, Unset):
            counterparty_id = UNSET
        else:
            counterparty_id = UUID(_counterparty_id)

        counterparty_name = d.pop("counterparty_name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        full_name = d.pop("full_name", UNSET)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        found_person = cls(
            counterparty_id=counterparty_id,
            counterparty_name=counterparty_name,
            email=email,
            full_name=full_name,
            id=id,
            phone=phone,
            position=position,
        )

        return found_person
