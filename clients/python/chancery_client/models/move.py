from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="Move")


@_attrs_define
class Move:
    """
    Attributes:
        counterparty_id (UUID): the counterparty the person moves to
    """

    counterparty_id: UUID

    def to_dict(self) -> dict[str, Any]:
        counterparty_id = str(self.counterparty_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counterparty_id": counterparty_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        counterparty_id = UUID(d.pop("counterparty_id"))

        move = cls(
            counterparty_id=counterparty_id,
        )

        return move
