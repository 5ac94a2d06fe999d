from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.condition_op import ConditionOp
from ..types import UNSET, Unset

T = TypeVar("T", bound="Condition")


@_attrs_define
class Condition:
    """
    Attributes:
        field (str): type_code, amount, currency, department_id, legal_entity_id or fields.<extra field code>
        op (ConditionOp):
        value (Any | Unset):
    """

    field: str
    op: ConditionOp
    value: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        op = self.op.value

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "op": op,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        op = ConditionOp(d.pop("op"))

        value = d.pop("value", UNSET)

        condition = cls(
            field=field,
            op=op,
            value=value,
        )

        return condition
